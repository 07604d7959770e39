//! Properties of the rulebook over generated answers (proptest): monotonicity, independence
//! of the verdict from everything but the circumstances, open questions, the answers-file
//! round trip, and a strict parser that never panics on arbitrary JSON.
#![cfg(not(target_arch = "wasm32"))]

use assurance_check::cli::parse_json;
use assurance_check::i18n::english;
use assurance_check::rules::{
    answers_file_name, answers_to_json, evaluate, file_reference, parse_answers_file, progress,
    Answers, Evaluation, QuestionId, Raw, Verdict, MAX_FILE_REFERENCE,
};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use serde_json::{json, Map, Value};

/// The inputs of the six circumstances (RULES.md).
const CIRCUMSTANCE_INPUTS: [&str; 7] = [
    "systematic_torture",
    "no_effective_control",
    "group_targeted",
    "person_in_group",
    "personal_risk",
    "onward_transfer",
    "other_grounds",
];

/// RULES.md: these "never change" the verdict.
const OUTSIDE: [&str; 8] = [
    "transfer_kind",
    "assurances_subject",
    "tribunal_review",
    "full_review",
    "independent_lawyer",
    "suspensive_appeal",
    "post_return_monitoring",
    "reported_to_treaty_bodies",
];

/// The values each question takes, written from RULES.md.
fn values_of(id: &str) -> &'static [&'static str] {
    match id {
        "transfer_kind" => &["expulsion", "return", "extradition", "rendition", "other"],
        "assurances_subject" => &["torture", "death_penalty", "both", "none"],
        _ => &["yes", "no", "unknown"],
    }
}

/// A full set of answers: for each question in `QuestionId::ALL` order, a value or None.
type Values = Vec<Option<&'static str>>;

fn any_values() -> impl Strategy<Value = Values> {
    QuestionId::ALL
        .iter()
        .map(|q| proptest::option::of(select(values_of(q.as_str()))))
        .collect::<Vec<_>>()
}

fn build(values: &Values) -> Answers {
    let mut a = Answers::new();
    for (q, v) in QuestionId::ALL.iter().zip(values) {
        if let Some(v) = v {
            a.set(*q, v)
                .unwrap_or_else(|_| panic!("{v} refused for {q:?}"));
        }
    }
    a
}

fn position(id: &str) -> usize {
    QuestionId::ALL
        .iter()
        .position(|x| x.as_str() == id)
        .unwrap_or_else(|| panic!("no question {id}"))
}

fn with(values: &Values, id: &str, value: Option<&'static str>) -> Values {
    let mut out = values.clone();
    out[position(id)] = value;
    out
}

/// The parts of an evaluation that depend on the circumstances alone.
fn decision(e: &Evaluation) -> (Verdict, Vec<String>, Vec<String>) {
    (
        e.verdict,
        e.circumstances
            .iter()
            .map(|(c, s)| format!("{}={}", c.as_str(), s.as_str()))
            .collect(),
        e.open_questions
            .iter()
            .map(|o| format!("{:?}", (o.question, o.would_establish, &o.together_with)))
            .collect(),
    )
}

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config(512))]

    /// (issue 14, item 6) The count can be followed: it agrees with `is_shown`, and giving
    /// one more answer never raises the most it said there could be (`shown + may_appear`),
    /// so a total grows only after "up to N more may appear" said it might.
    #[test]
    fn the_count_never_grows_past_what_it_announced(
        values in any_values(),
        at in 0..QuestionId::ALL.len(),
        pick in 0usize..5,
    ) {
        let before = build(&values);
        let p = progress(&before);
        let shown = QuestionId::ALL.iter().filter(|q| q.is_shown(&before)).count();
        let answered = QuestionId::ALL
            .iter()
            .filter(|q| q.is_shown(&before) && before.get(**q).is_some())
            .count();
        prop_assert_eq!((p.answered, p.shown), (answered, shown));
        prop_assert!(p.shown + p.may_appear <= QuestionId::ALL.len());
        let q = QuestionId::ALL[at];
        if values[at].is_none() {
            let options = values_of(q.as_str());
            let after = progress(&build(&with(&values, q.as_str(), Some(options[pick % options.len()]))));
            prop_assert!(after.shown + after.may_appear <= p.shown + p.may_appear, "{:?} then {:?}", p, after);
        }
    }

    /// (a) Raising one yes/no answer (no → unknown → yes; unanswered counts as unknown)
    /// never lowers the verdict; and unanswered decides exactly as unknown does.
    #[test]
    fn raising_an_answer_never_lowers_the_verdict(values in any_values()) {
        let before = evaluate(&build(&values));
        for id in QuestionId::ALL.iter().map(|q| q.as_str()).filter(|id| values_of(id).len() == 3) {
            let current = values[position(id)];
            let raised: &[Option<&'static str>] = match current {
                Some("no") => &[Some("unknown"), Some("yes")],
                Some("unknown") | None => &[Some("yes")],
                _ => &[],
            };
            for r in raised {
                let after = evaluate(&build(&with(&values, id, *r)));
                prop_assert!(
                    after.verdict >= before.verdict,
                    "{id}: {current:?} -> {r:?} lowered {:?} to {:?}", before.verdict, after.verdict
                );
            }
            if current.is_none() || current == Some("unknown") {
                let unknown = evaluate(&build(&with(&values, id, Some("unknown"))));
                let unanswered = evaluate(&build(&with(&values, id, None)));
                prop_assert_eq!(decision(&unknown), decision(&unanswered), "{}", id);
                prop_assert_eq!(unknown.findings, unanswered.findings, "{}", id);
            }
        }
    }

    /// (b) Answers outside the circumstances never change the verdict (nor the statuses or
    /// the open questions).
    #[test]
    fn answers_outside_the_circumstances_never_change_the_verdict(
        a in any_values(),
        b in any_values(),
    ) {
        let mut mixed = a.clone();
        for id in OUTSIDE {
            mixed[position(id)] = b[position(id)];
        }
        for id in CIRCUMSTANCE_INPUTS {
            prop_assert_eq!(mixed[position(id)], a[position(id)]);
        }
        prop_assert_eq!(decision(&evaluate(&build(&a))), decision(&evaluate(&build(&mixed))));
    }

    /// (c) Open questions exist exactly when the verdict is undetermined. Answering one yes,
    /// with the questions named in its `together_with`, bars reliance; one with an empty
    /// `together_with` does so alone. Every question that could do so is listed.
    #[test]
    fn each_open_question_answered_yes_bars_reliance(values in any_values()) {
        let e = evaluate(&build(&values));
        prop_assert_eq!(e.open_questions.is_empty(), e.verdict != Verdict::Undetermined);
        for o in &e.open_questions {
            let mut yes = with(&values, o.question.as_str(), Some("yes"));
            for t in &o.together_with {
                yes = with(&yes, t.as_str(), Some("yes"));
            }
            prop_assert_eq!(evaluate(&build(&yes)).verdict, Verdict::Barred, "{:?}", o);
            if o.together_with.is_empty() {
                let alone = with(&values, o.question.as_str(), Some("yes"));
                prop_assert_eq!(evaluate(&build(&alone)).verdict, Verdict::Barred, "{:?}", o);
            }
        }
        if e.verdict == Verdict::Undetermined {
            // Independently: an unknown input is open unless its circumstance is ruled out
            // (for R2(c), unless the other limb is "no").
            let v = |id: &str| values[position(id)];
            let unknown = |id: &str| matches!(v(id), None | Some("unknown"));
            let mut expected: Vec<&str> = CIRCUMSTANCE_INPUTS
                .into_iter()
                .filter(|id| unknown(id))
                .filter(|id| match *id {
                    "group_targeted" => v("person_in_group") != Some("no"),
                    "person_in_group" => v("group_targeted") != Some("no"),
                    _ => true,
                })
                .collect();
            expected.sort_unstable();
            let mut listed: Vec<&str> = e.open_questions.iter().map(|o| o.question.as_str()).collect();
            listed.sort_unstable();
            prop_assert_eq!(listed, expected);
        }
    }

    /// (d) An answers file written from any answers and notes reads back to the same
    /// answers, and writes again to the same text.
    #[test]
    fn answers_files_round_trip(
        values in any_values(),
        notes in vec(proptest::option::of("(?s).{1,60}"), QuestionId::ALL.len()),
        case in ("(?s).{0,200}", "(?s).{0,200}"),
    ) {
        let mut answers = build(&values);
        for (q, n) in QuestionId::ALL.iter().zip(&notes) {
            if let Some(n) = n {
                answers.set_note(*q, n);
            }
        }
        answers.set_case(&case.0, &case.1);
        let text = answers_to_json(&answers);
        let read = parse_json(&text);
        prop_assert!(read.is_ok(), "{:?} for {}", read, text);
        let read = read.unwrap_or_default();
        prop_assert_eq!(&read, &answers);
        prop_assert_eq!(&answers_to_json(&read), &text);
        // The same file as serde_json reads it, each note escaped as serde_json (and
        // `JSON.stringify`) escapes it, in question order.
        let reference = json!({
            "format": "assurance-check/answers",
            "version": 1,
            "answers": answers.answered().map(|(q, a)| (q.as_str().to_owned(), json!(a.as_str()))).collect::<Map<_, _>>(),
            "notes": answers.notes().map(|(q, n)| (q.as_str().to_owned(), json!(n))).collect::<Map<_, _>>(),
        });
        // The optional case (rules version 2), written only when given, each field likewise.
        let mut reference = reference;
        let given: Map<String, Value> = [("reference", &case.0), ("prepared_by", &case.1)]
            .into_iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| (k.to_owned(), json!(v)))
            .collect();
        if !given.is_empty() {
            reference["case"] = Value::Object(given);
        }
        prop_assert_eq!(serde_json::from_str::<Value>(&text).ok(), Some(reference));
        let mut from = 0;
        for (q, n) in answers.notes() {
            let entry = format!("\"{}\": {}", q.as_str(), json!(n));
            let at = text.get(from..).and_then(|rest| rest.find(&entry));
            prop_assert!(at.is_some(), "{} not after byte {} of {}", entry, from, text);
            from += at.unwrap_or(0) + entry.len();
        }
    }
}

// ---- (e) arbitrary JSON ---------------------------------------------------------------

/// Keys and strings that make generated values close to real answers files.
const WORDS: &[&str] = &[
    "format",
    "version",
    "answers",
    "notes",
    "assurance-check/answers",
    "systematic_torture",
    "group_targeted",
    "person_in_group",
    "transfer_kind",
    "assurances_subject",
    "reported_to_treaty_bodies",
    "yes",
    "no",
    "unknown",
    "torture",
    "rendition",
    "",
    "colour",
    "Yes",
];

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => select(WORDS).prop_map(str::to_owned),
        1 => "(?s).{0,12}",
    ]
}

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        prop_oneof![Just(1.0), Just(1.5), any::<f64>()].prop_map(Value::from),
        Just(json!(1)),
        word().prop_map(Value::String),
    ]
}

/// Any JSON value, nested up to 24 levels (deeper than an answers file may be).
fn any_json() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(24, 256, 6, |inner| {
        prop_oneof![
            vec(inner.clone(), 0..6).prop_map(Value::Array),
            vec((word(), inner), 0..6)
                .prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<String, Value>>())),
        ]
    })
}

/// Something shaped like an answers file, with some parts wrong.
fn file_like() -> impl Strategy<Value = Value> {
    let id = select(
        QuestionId::ALL
            .iter()
            .map(|q| q.as_str())
            .chain(["colour"])
            .collect::<Vec<_>>(),
    );
    // Mostly a value of the question's own kind; sometimes another kind's, or anything.
    let entry = prop_oneof![
        12 => select(QuestionId::ALL.to_vec()).prop_flat_map(|q| {
            (Just(q.as_str()), select(values_of(q.as_str())).prop_map(Value::from))
        }),
        2 => (id.clone(), select(vec![
            "yes", "unknown", "extradition", "death_penalty", "maybe", "",
        ]).prop_map(Value::from)),
        1 => (id.clone(), any_json()),
    ];
    let note = prop_oneof![
        6 => "(?s).{0,30}".prop_map(Value::from),
        1 => any_json(),
    ];
    (
        proptest::option::weighted(0.9, prop_oneof![9 => Just(json!("assurance-check/answers")), 1 => any_json()]),
        proptest::option::weighted(0.9, prop_oneof![9 => Just(json!(1)), 1 => any_json()]),
        proptest::option::weighted(0.9, prop_oneof![8 => vec(entry, 0..8).prop_map(|kv| Value::Object(kv.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())), 1 => any_json()]),
        proptest::option::of(prop_oneof![8 => vec((id, note), 0..4).prop_map(|kv| Value::Object(kv.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())), 1 => any_json()]),
        proptest::option::weighted(0.1, (word(), any_json())),
        proptest::option::weighted(0.2, case_like()),
    )
        .prop_map(|(format, version, answers, notes, extra, case)| {
            let mut m = Map::new();
            let fields = [("format", format), ("version", version), ("answers", answers), ("notes", notes), ("case", case)];
            for (k, v) in fields {
                if let Some(v) = v {
                    m.insert(k.to_owned(), v);
                }
            }
            if let Some((k, v)) = extra {
                m.insert(k, v);
            }
            Value::Object(m)
        })
}

/// A `case` field: mostly well formed, sometimes too long, of a wrong type or with a
/// field that does not exist.
fn case_like() -> impl Strategy<Value = Value> {
    let field = prop_oneof![
        4 => Just("reference"),
        4 => Just("prepared_by"),
        1 => Just("judge"),
    ];
    let text = prop_oneof![
        6 => "(?s).{0,200}".prop_map(Value::from),
        1 => "x{199,202}".prop_map(Value::from),
        1 => any_json(),
    ];
    prop_oneof![
        8 => vec((field, text), 0..3).prop_map(|kv| Value::Object(kv.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())),
        1 => any_json(),
    ]
}

/// RULES.md "Files and formats", written independently: is this a valid answers file?
fn valid(v: &Value) -> bool {
    let Value::Object(top) = v else { return false };
    let known = ["format", "version", "answers", "notes", "case"];
    if top.keys().any(|k| !known.contains(&k.as_str())) {
        return false;
    }
    let format_ok = top.get("format") == Some(&json!("assurance-check/answers"));
    let version_ok = top
        .get("version")
        .and_then(Value::as_f64)
        .is_some_and(|n| n == 1.0);
    let answers_ok = match top.get("answers") {
        Some(Value::Object(a)) => a.iter().all(|(k, v)| {
            QuestionId::from_id(k).is_some()
                && v.as_str().is_some_and(|s| values_of(k).contains(&s))
        }),
        _ => false,
    };
    let notes_ok = match top.get("notes") {
        None => true,
        Some(Value::Object(n)) => n
            .iter()
            .all(|(k, v)| QuestionId::from_id(k).is_some() && v.is_string()),
        Some(_) => false,
    };
    // Rules version 2: the case, optional, with two optional texts of at most 200 characters.
    let case_ok = match top.get("case") {
        None => true,
        Some(Value::Object(c)) => c.iter().all(|(k, v)| {
            ["reference", "prepared_by"].contains(&k.as_str())
                && v.as_str().is_some_and(|s| s.chars().count() <= 200)
        }),
        Some(_) => false,
    };
    format_ok && version_ok && answers_ok && notes_ok && case_ok
}

proptest! {
    #![proptest_config(config(512))]

    /// (e) The strict reader never panics on any JSON value: it accepts exactly the valid
    /// files and refuses the rest with one line of text.
    #[test]
    fn parse_answers_file_never_panics_and_is_exactly_as_strict_as_rules_md(
        v in prop_oneof![1 => any_json(), 2 => file_like()],
    ) {
        let text = v.to_string();
        let by_text = parse_json(&text);
        match serde_json::from_value::<Raw>(v.clone()) {
            Ok(raw) => {
                let direct = parse_answers_file(&raw);
                prop_assert_eq!(&direct, &by_text);
            }
            // Only nesting deeper than any answers file can be is refused while reading.
            Err(e) => prop_assert!(e.to_string().contains("nesting"), "{}", e),
        }
        prop_assert_eq!(by_text.is_ok(), valid(&v), "{}", text);
        match by_text {
            Ok(answers) => {
                let written = answers_to_json(&answers);
                prop_assert_eq!(parse_json(&written).ok(), Some(answers));
            }
            Err(e) => {
                let line = e.message(english());
                prop_assert!(!line.is_empty() && !line.contains('\n'), "{:?}", line);
            }
        }
    }

    /// (e) Text that is not JSON, or barely is, is refused without a panic.
    #[test]
    fn parse_json_never_panics_on_arbitrary_text(text in "(?s).{0,200}") {
        if let Err(e) = parse_json(&text) {
            prop_assert!(!e.message(english()).contains('\n'));
        }
    }
}

proptest! {
    /// Issue 14, item 7: a saved file's name carries the case reference reduced to ASCII
    /// letters, digits and single inner hyphens, at most 40 characters, whatever was typed.
    #[test]
    fn a_file_reference_is_safe_in_any_file_name(reference in "\\PC{0,120}") {
        let r = file_reference(&reference);
        prop_assert!(r.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'), "{r:?}");
        prop_assert!(!r.starts_with('-') && !r.ends_with('-') && !r.contains("--"), "{r:?}");
        prop_assert!(r.len() <= MAX_FILE_REFERENCE);
        prop_assert_eq!(file_reference(&r), r.clone(), "reducing twice changes nothing");
        let name = answers_file_name(Some(&reference), "2026-12-02");
        prop_assert!(name.starts_with("assurance-check-") && name.ends_with("-2026-12-02.json"), "{name}");
    }

    /// What is already a plain reference stays as it is.
    #[test]
    fn a_plain_reference_is_kept(reference in "[A-Za-z0-9]{1,20}(-[A-Za-z0-9]{1,9}){0,2}") {
        prop_assert_eq!(file_reference(&reference), reference);
    }
}

/// (issue 14, item 6) The counts a user meets on the way through the questions.
#[test]
fn the_count_names_the_conditional_questions() {
    let count = |pairs: &[(&str, &'static str)]| {
        let mut values: Values = vec![None; QuestionId::ALL.len()];
        for (id, v) in pairs {
            values = with(&values, id, Some(v));
        }
        let p = progress(&build(&values));
        (p.answered, p.shown, p.may_appear)
    };
    // The blank page: 14 shown; the treaty-body question may appear.
    assert_eq!(count(&[]), (0, 14, 1));
    // Assurances against torture bring it in: 15, nothing more.
    assert_eq!(count(&[("assurances_subject", "torture")]), (1, 15, 0));
    // None yet: it will not appear unless that answer changes.
    assert_eq!(count(&[("assurances_subject", "none")]), (1, 14, 0));
    // "No group targeted" hides the follow-up question and does not promise it back.
    assert_eq!(
        count(&[("assurances_subject", "none"), ("group_targeted", "no")]),
        (2, 13, 0)
    );
}
