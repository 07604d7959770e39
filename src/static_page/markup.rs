//! The results as HTML text in one language, and the test harness page.

use super::blocks::Item;
use super::Block;
use crate::i18n::{fill, Catalog};
use crate::report::{finding_text, together_with_text};
use crate::rules::{Finding, OpenQuestion, Verdict};

/// Text or an attribute value, escaped for HTML.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(ch),
        }
    }
    out
}

/// A citation as the live widget shows it: isolated (LRI … PDI), so that "R2(a)" keeps its
/// order inside right-to-left text.
pub(super) fn cite(label: &str) -> String {
    escape(&["\u{2066}", label, "\u{2069}"].concat())
}

/// The opening tag of block `key`, with its public attributes.
fn open_tag(tag: &str, key: usize, attrs: &[(&str, &str)]) -> String {
    let mut out = format!("<{tag} data-s=\"{key}\"");
    for (name, value) in attrs {
        out.push_str(&format!(" {name}=\"{}\"", escape(value)));
    }
    out.push('>');
    out
}

fn verdict(key: usize, v: Verdict, c: &Catalog) -> String {
    let words = c.verdict(Some(v));
    format!(
        "{}<p class=\"verdict-title\">{}</p><p class=\"verdict-meaning\">{}</p></div>",
        open_tag(
            "div",
            key,
            &[("class", "verdict"), ("data-static-verdict", v.as_str())]
        ),
        escape(words.title),
        escape(words.meaning)
    )
}

fn open_question(key: usize, o: &OpenQuestion, c: &Catalog) -> String {
    let together: Vec<&str> = o.together_with.iter().map(|q| q.as_str()).collect();
    let mut out = open_tag(
        "li",
        key,
        &[
            ("data-static-open-question", o.question.as_str()),
            ("data-would-establish", o.would_establish.as_str()),
            ("data-together-with", &together.join(" ")),
        ],
    );
    let establishes = fill(
        c.ui.would_establish,
        &[("circumstance", c.circumstance(o.would_establish))],
    );
    out.push_str(&format!(
        "<span class=\"question\">{}</span> <span class=\"establishes\">{} {}</span>",
        escape(c.question(o.question).short),
        escape(&establishes),
        cite(&["(", o.would_establish.cites(), ")"].concat())
    ));
    if let Some(text) = together_with_text(o, c) {
        out.push_str(&format!(
            " <span class=\"together\">{}</span>",
            escape(&text)
        ));
    }
    out.push_str("</li>");
    out
}

fn finding(key: usize, f: &Finding, v: Verdict, c: &Catalog) -> String {
    let mut attrs = vec![("data-static-finding", f.id.as_str())];
    if let Some(q) = f.question {
        attrs.push(("data-question", q.as_str()));
    }
    let source = fill(c.ui.source, &[("cites", "{cites}")]);
    format!(
        "{}<p>{}</p><p class=\"cite\">{}</p></li>",
        open_tag("li", key, &attrs),
        escape(&finding_text(f, v, c)),
        fill(&escape(&source), &[("cites", &cite(f.id.cites()))])
    )
}

/// `{answered} of {total} answered`, the numbers left to the stylesheet's counters.
fn progress(c: &Catalog) -> String {
    let count = |which: &str| format!("<span data-static-count=\"{which}\"></span>");
    format!(
        "<p class=\"progress-text\" data-static-progress>{}</p>",
        fill(
            &escape(c.ui.progress),
            &[("answered", &count("answered")), ("total", &count("total"))]
        )
    )
}

/// Every block of the results in `c`'s language, each in its section: the summary, then the
/// rest. The answer count needs the questions before it in tree order (CSS counters count
/// what precedes them).
pub(super) fn results(blocks: &[Block], c: &Catalog) -> String {
    let (summary, rest) = parts(blocks, c);
    [summary, rest].join("\n")
}

/// The summary (verdict, count, circumstances) and the full-width results (open
/// questions, findings), as the live widget has them after the questions (issue 14).
pub(super) fn parts(blocks: &[Block], c: &Catalog) -> (String, String) {
    let mut verdicts = String::new();
    // The verdict's meaning again, for the top of the results: the same key, so the same
    // rule hides it (issue 14, item 11).
    let mut meanings = String::new();
    let mut circumstances = String::new();
    let mut open = String::new();
    let mut findings = String::new();
    for (key, block) in blocks.iter().enumerate() {
        match &block.item {
            Item::Verdict(v) => {
                verdicts.push_str(&verdict(key, *v, c));
                meanings.push_str(&format!(
                    "{}{}</p>",
                    open_tag("p", key, &[("class", "verdict-meaning")]),
                    escape(c.verdict(Some(*v)).meaning)
                ));
            }
            Item::Circumstance(id, status) => circumstances.push_str(&format!(
                "{}<span class=\"circumstance-name\">{}<span class=\"cite\"> {}</span></span> \
                 <span class=\"status\">{}</span></li>",
                open_tag(
                    "li",
                    key,
                    &[
                        ("data-static-circumstance", id.as_str()),
                        ("data-status", status.as_str())
                    ]
                ),
                escape(c.circumstance(*id)),
                cite(&["(", id.cites(), ")"].concat()),
                escape(c.status(*status))
            )),
            Item::Open(o) => open.push_str(&open_question(key, o, c)),
            Item::NoOpenQuestion => open.push_str(&format!(
                "{}{}</li>",
                open_tag(
                    "li",
                    key,
                    &[("class", "none"), ("data-static-open-none", "")]
                ),
                escape(c.ui.open_questions_none)
            )),
            Item::Finding(f, v) => findings.push_str(&finding(key, f, *v, c)),
            Item::Question(_) => {}
        }
    }
    let section = |class: &str, title: &str, body: &str| {
        format!(
            "<section class=\"{class}\"><h3>{}</h3>{body}</section>",
            escape(title)
        )
    };
    let summary = [
        "<div class=\"panel\">".to_owned(),
        section(
            "verdict-part",
            c.ui.verdict_heading,
            &[verdicts, progress(c)].concat(),
        ),
        section(
            "circumstances-part",
            c.ui.circumstances_heading,
            &format!("<ul class=\"circumstances\">{circumstances}</ul>"),
        ),
        format!("{}</div>", review_links(c)),
    ];
    let rest = [
        format!("<div class=\"results\">{meanings}"),
        section(
            "open-part",
            c.ui.open_questions_heading,
            &format!("<ul class=\"open-questions\">{open}</ul>"),
        ),
        section(
            "findings-part",
            c.ui.findings_heading,
            &format!("<ul class=\"findings\">{findings}</ul>"),
        ),
        format!("<p class=\"source\">{}</p></div>", escape(c.report.source)),
    ];
    (summary.join("\n"), rest.join("\n"))
}

/// The live summary's review controls, inert, holding their place while the wasm starts
/// (hidden without script, as the picker is).
fn review_links(c: &Catalog) -> String {
    format!(
        "<p class=\"review-links\" data-static-scripted><button type=\"button\" class=\"link\" disabled>{}</button>\
         <button type=\"button\" class=\"button\" disabled>{}</button></p>",
        escape(c.review.results_link),
        escape(c.review.next_unanswered)
    )
}

/// A standalone page without script: the radios, the results and the stylesheet, inside
/// one `[data-static-root]`.
pub(super) fn harness(blocks: &[Block], css: &str, c: &Catalog) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\" dir=\"{dir}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>\n{css}</style>\n</head>\n<body>\n\
         <div data-static-root>\n{form}\n{results}\n</div>\n</body>\n</html>\n",
        lang = c.lang.code,
        dir = c.lang.dir.as_str(),
        title = escape(c.ui.title),
        form = super::questionnaire::questions(c),
        results = results(blocks, c),
    )
}
