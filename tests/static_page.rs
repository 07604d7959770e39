//! The static page's parts (src/static_page), without a browser: the output is the same on
//! every run, names every id of the test contract, and its stylesheet loads nothing. Plus
//! the properties the generator rests on: each output depends only on the questions it
//! enumerates (`CircumstanceId::inputs`, `FindingId::inputs`, the shown-when question).
//! tests/e2e/static-verdict.test.mjs checks in Chromium that the CSS agrees with the core.
#![cfg(all(not(target_arch = "wasm32"), feature = "page"))]

use assurance_check::i18n::LANGUAGES;
use assurance_check::rules::{
    evaluate, Answers, CircumstanceId, Finding, FindingId, QuestionId, ShownWhen, Status,
};
use assurance_check::static_page::StaticPage;
use proptest::prelude::*;
use proptest::sample::select;

const STATUSES: [Status; 3] = [
    Status::Established,
    Status::NotEstablished,
    Status::Unresolved,
];

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

#[test]
fn every_part_is_the_same_on_every_run() {
    let (a, b) = (StaticPage::new(), StaticPage::new());
    assert_eq!(a.css(), b.css());
    for c in LANGUAGES {
        assert_eq!(a.results(c), b.results(c), "{}", c.lang.code);
        assert_eq!(a.harness(c), b.harness(c), "{}", c.lang.code);
    }
}

#[test]
fn the_stylesheet_loads_nothing_and_cannot_close_its_style_element() {
    let css = StaticPage::new().css();
    for banned in ["url(", "@import", "<", "\\"] {
        assert!(!css.contains(banned), "the CSS contains {banned}");
    }
    assert!(
        css.contains(":has("),
        "the CSS tests the radios with :has()"
    );
    println!("static CSS: {} bytes", css.len());
}

#[test]
fn the_results_carry_every_verdict_circumstance_open_question_and_finding() {
    let page = StaticPage::new();
    for c in LANGUAGES {
        let html = page.results(c);
        let at = c.lang.code;
        for v in ["barred", "undetermined", "not_indicated"] {
            let block = format!("data-static-verdict=\"{v}\"");
            assert_eq!(count(&html, &block), 1, "{at}: {block}");
        }
        for id in CircumstanceId::ALL {
            for s in STATUSES {
                let block = format!(
                    "data-static-circumstance=\"{}\" data-status=\"{}\"",
                    id.as_str(),
                    s.as_str()
                );
                assert_eq!(count(&html, &block), 1, "{at}: {block}");
            }
            assert!(html.contains(c.circumstance(id)), "{at}: {id:?} named");
            for q in id.inputs() {
                let block = format!(
                    "data-static-open-question=\"{}\" data-would-establish=\"{}\"",
                    q.as_str(),
                    id.as_str()
                );
                assert!(html.contains(&block), "{at}: {block}");
            }
        }
        for f in FindingId::ALL {
            let block = format!("data-static-finding=\"{}\"", f.as_str());
            assert!(html.contains(&block), "{at}: {block}");
        }
        for q in QuestionId::SAFEGUARDS {
            for f in [FindingId::SafeguardMissing, FindingId::SafeguardUnverified] {
                let block = format!(
                    "data-static-finding=\"{}\" data-question=\"{}\"",
                    f.as_str(),
                    q.as_str()
                );
                assert_eq!(count(&html, &block), 1, "{at}: {block}");
            }
        }
        assert!(html.contains("data-static-count=\"answered\""), "{at}");
        assert!(html.contains("data-static-count=\"total\""), "{at}");
        assert!(!html.contains("<script"), "{at}");
    }
}

#[test]
fn every_block_the_stylesheet_names_is_in_the_results() {
    let page = StaticPage::new();
    let css = page.css();
    let html = page.results(LANGUAGES[0]);
    let mut named = 0;
    for part in css.split("[data-s=\"").skip(1) {
        let key = part.split('"').next().unwrap_or_default();
        assert!(html.contains(&format!(" data-s=\"{key}\"")), "block {key}");
        named += 1;
    }
    assert!(named > 30, "only {named} blocks are hidden by a condition");
}

#[test]
fn the_harness_has_every_radio_and_no_script() {
    let page = StaticPage::new();
    for c in LANGUAGES {
        let html = page.harness(c);
        assert!(!html.contains("<script"), "{}", c.lang.code);
        assert!(html.contains(&format!(
            "<html lang=\"{}\" dir=\"{}\">",
            c.lang.code,
            c.lang.dir.as_str()
        )));
        assert!(html.contains(&page.css()));
        assert!(html.contains(&page.results(c)));
        for q in QuestionId::ALL {
            assert_eq!(
                count(&html, &format!("data-static-question=\"{}\"", q.as_str())),
                1
            );
            for v in q.kind().values() {
                let radio = format!(
                    "<input type=\"radio\" name=\"{}\" value=\"{v}\">",
                    q.as_str()
                );
                assert_eq!(count(&html, &radio), 1, "{radio}");
            }
        }
    }
}

/// The one-file page of each language: the template fully filled in, in the language, with
/// the widget (the generated stylesheet and results included) in a declarative shadow root,
/// no script or CSP yet (scripts/bundle.mjs adds them at its two markers), and nothing the
/// strict CSP would refuse (a `style` attribute, an inline handler).
#[test]
fn each_language_has_its_page_with_the_static_widget_inside() {
    let page = StaticPage::new();
    let mut ledes = Vec::new();
    for c in LANGUAGES {
        let code = c.lang.code;
        let html = page.page(c).expect("the template is filled");
        assert!(!html.contains("{{"), "{code}: a placeholder is left");
        assert!(html.starts_with(&format!(
            "<!doctype html>\n<html lang=\"{code}\" dir=\"{}\">",
            c.lang.dir.as_str()
        )));
        for marker in [
            "<!-- assurance-check:csp -->",
            "<!-- assurance-check:script -->",
        ] {
            assert_eq!(count(&html, marker), 1, "{code}: {marker}");
        }
        assert!(!html.contains("<script"), "{code}");
        assert!(!html.contains(" style=\""), "{code}: a style attribute");
        assert!(!html.contains(" onclick"), "{code}: an inline handler");
        let widget = page.widget(c);
        assert_eq!(count(&html, &widget), 1, "{code}");
        assert!(widget.starts_with(&format!(
            "<assurance-check lang=\"{code}\"><template shadowrootmode=\"open\">"
        )));
        assert!(widget.contains(&page.css()), "{code}");
        // Each section of the results, the summary beside the questions and the rest after.
        for part in page.results(c).lines() {
            assert!(widget.contains(part), "{code}: {part}");
        }
        assert_eq!(
            count(&widget, "<div class=\"layout\" data-static-root>"),
            1,
            "{code}"
        );
        assert_eq!(count(&widget, "data-static-notice hidden"), 1, "{code}");
        // The questions come before the results, for the counters.
        let questions = widget.find("data-static-question=\"").expect("questions");
        let results = widget.find("data-static-verdict=\"").expect("results");
        assert!(questions < results, "{code}");
        for q in QuestionId::ALL {
            let id = q.as_str();
            assert_eq!(count(&widget, &format!("data-static-question=\"{id}\"")), 1);
            assert_eq!(
                count(
                    &widget,
                    &format!("<textarea id=\"note-{id}\" data-note=\"{id}\"")
                ),
                1
            );
            for v in q.kind().values() {
                let radio = format!("<input type=\"radio\" name=\"{id}\" value=\"{v}\">");
                assert_eq!(count(&widget, &radio), 1, "{radio}");
            }
        }
        assert!(widget.contains(c.ui.title) || widget.contains(&c.ui.title.replace('&', "&amp;")));
        let lede = html
            .split("<p class=\"lede\">")
            .nth(1)
            .and_then(|rest| rest.split("</p>").next())
            .expect("a lede")
            .to_owned();
        ledes.push(lede);
    }
    ledes.sort();
    ledes.dedup();
    assert_eq!(ledes.len(), LANGUAGES.len(), "every page has its own text");
}

// ---- The generator's premises: each output depends only on the questions it enumerates.

fn any_answers() -> impl Strategy<Value = Answers> {
    let per_question: Vec<_> = QuestionId::ALL
        .iter()
        .map(|q| proptest::option::of(select(q.kind().values())))
        .collect();
    per_question.prop_map(|values| {
        let mut a = Answers::new();
        for (q, v) in QuestionId::ALL.into_iter().zip(values) {
            if let Some(v) = v {
                a.set(q, v).expect("a value of the question's kind");
            }
        }
        a
    })
}

/// Only the answers to `keep`; every other question unanswered.
fn only(a: &Answers, keep: &[QuestionId]) -> Answers {
    let mut out = Answers::new();
    for q in keep {
        if let Some(v) = a.get(*q) {
            out.set(*q, v.as_str()).expect("the same value");
        }
    }
    out
}

fn verdict_inputs() -> Vec<QuestionId> {
    CircumstanceId::ALL
        .iter()
        .flat_map(|c| c.inputs().iter().copied())
        .collect()
}

fn of_kind(a: &Answers, k: FindingId) -> Vec<Finding> {
    evaluate(a)
        .findings
        .into_iter()
        .filter(|f| f.id == k)
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn each_finding_depends_only_on_its_inputs(a in any_answers()) {
        for k in FindingId::ALL {
            prop_assert_eq!(of_kind(&a, k), of_kind(&only(&a, k.inputs()), k), "{:?}", k);
        }
    }

    #[test]
    fn each_circumstance_depends_only_on_its_inputs(a in any_answers()) {
        let full = evaluate(&a).circumstances;
        for (c, status) in full {
            let part = evaluate(&only(&a, c.inputs())).circumstances;
            prop_assert!(part.contains(&(c, status)), "{:?}", c);
        }
    }

    #[test]
    fn verdict_and_open_questions_depend_only_on_the_circumstances_inputs(a in any_answers()) {
        let (full, part) = (evaluate(&a), evaluate(&only(&a, &verdict_inputs())));
        prop_assert_eq!(full.verdict, part.verdict);
        prop_assert_eq!(full.open_questions, part.open_questions);
    }

    #[test]
    fn shown_when_depends_only_on_its_question(a in any_answers()) {
        for q in QuestionId::ALL {
            let on: Vec<QuestionId> = match q.shown_when() {
                ShownWhen::Always => Vec::new(),
                ShownWhen::NoneOf(on, _) | ShownWhen::AnyOf(on, _) => vec![on],
            };
            prop_assert_eq!(q.is_shown(&a), q.is_shown(&only(&a, &on)), "{:?}", q);
        }
    }
}

fn cli(args: &[&str]) -> (i32, String, String) {
    let args: Vec<String> = args.iter().map(|a| (*a).to_owned()).collect();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = assurance_check::cli::run(&args, &mut std::io::empty(), &mut out, &mut err);
    let text = |b: Vec<u8>| String::from_utf8(b).expect("UTF-8 output");
    (code, text(out), text(err))
}

#[test]
fn the_cli_prints_each_part() {
    let page = StaticPage::new();
    let fr = assurance_check::i18n::catalog("fr").expect("French");
    assert_eq!(
        cli(&["page", "--part", "css"]),
        (0, page.css(), String::new())
    );
    let results = cli(&["page", "--lang", "fr", "--part", "results"]);
    assert_eq!(results, (0, page.results(fr) + "\n", String::new()));
    assert_eq!(cli(&["page"]).1, page.harness(LANGUAGES[0]));
    let (code, out, err) = cli(&["page", "--part", "pdf"]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(err.contains("css, results, harness, page"), "{err}");
    let ar = assurance_check::i18n::catalog("ar").expect("Arabic");
    let whole = cli(&["page", "--part", "page", "--lang", "ar"]);
    assert_eq!(whole, (0, page.page(ar).expect("filled"), String::new()));
    assert_eq!(cli(&["page", "extra"]).0, 2);
}
