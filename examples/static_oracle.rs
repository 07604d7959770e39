//! The core's answers for the static page's browser test (tests/e2e/static-verdict.test.mjs):
//! `cargo run --example static_oracle -- FILE [--texts]`.
//!
//! FILE holds a JSON array of answer sets (`{"question_id": "value"}`). For each, prints
//! the RULES.md report (finding texts only with `--texts`), the questions hidden by their
//! shown-when rule, and how many shown questions there are and how many are answered.

use std::collections::BTreeMap;

use assurance_check::i18n::english;
use assurance_check::report::Report;
use assurance_check::rules::{Answers, QuestionId};
use serde::Serialize;

#[derive(Serialize)]
struct Expected {
    report: Report,
    hidden: Vec<&'static str>,
    shown: usize,
    answered: usize,
}

fn expected(state: &BTreeMap<String, String>, texts: bool) -> Result<Expected, String> {
    let mut answers = Answers::new();
    for (id, value) in state {
        let q = QuestionId::from_id(id).ok_or(format!("unknown question {id}"))?;
        answers
            .set(q, value)
            .map_err(|_| format!("{id}: not a value: {value}"))?;
    }
    let mut report = Report::of(&answers, english());
    if !texts {
        report.findings.iter_mut().for_each(|f| f.text.clear());
    }
    let (shown, hidden): (Vec<QuestionId>, Vec<QuestionId>) = QuestionId::ALL
        .into_iter()
        .partition(|q| q.is_shown(&answers));
    Ok(Expected {
        report,
        hidden: hidden.iter().map(|q| q.as_str()).collect(),
        shown: shown.len(),
        answered: shown.iter().filter(|q| answers.get(**q).is_some()).count(),
    })
}

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let file = args.first().ok_or("usage: static_oracle FILE [--texts]")?;
    let texts = args.iter().any(|a| a == "--texts");
    let text = std::fs::read_to_string(file).map_err(|e| format!("{file}: {e}"))?;
    let states: Vec<BTreeMap<String, String>> =
        serde_json::from_str(&text).map_err(|e| format!("{file}: {e}"))?;
    let out = states
        .iter()
        .map(|s| expected(s, texts))
        .collect::<Result<Vec<_>, _>>()?;
    println!(
        "{}",
        serde_json::to_string(&out).map_err(|e| e.to_string())?
    );
    Ok(())
}
