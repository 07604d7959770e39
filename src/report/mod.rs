//! From a decision to what people and programs read: the JSON report of RULES.md, the
//! questionnaire, and the human-readable report as text, Markdown and RTF.
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod document;
mod error_text;
mod markdown;
mod questionnaire;
mod rtf;
mod text;
mod user_text;

pub use document::{document, Block, Meta};
pub use markdown::to_markdown;
pub use questionnaire::{options, questionnaire, Questionnaire};
pub use rtf::{rtf_document, to_rtf};
pub use text::to_text;

use serde::Serialize;

use crate::i18n::{fill, Catalog};
use crate::rules::{
    evaluate, supporting, Answers, Evaluation, Finding, FindingId, OpenQuestion, Reason, Verdict,
    RULES_VERSION,
};

/// The report object of RULES.md, field for field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Report {
    pub verdict: &'static str,
    pub circumstances: Vec<CircumstanceRow>,
    pub open_questions: Vec<OpenQuestionRow>,
    pub findings: Vec<FindingRow>,
    pub rules_version: &'static str,
}

/// One of the six circumstances with its status.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CircumstanceRow {
    pub id: &'static str,
    pub status: &'static str,
    pub cites: &'static str,
    pub authorities: Vec<AuthorityRow>,
}

/// An authority behind a circumstance or finding (RULES.md, "Authorities").
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AuthorityRow {
    pub id: &'static str,
    pub name: &'static str,
    pub body: &'static str,
    pub number: &'static str,
    pub date: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pinpoint: Option<&'static str>,
    /// What it holds for this reason, in the chosen language.
    pub point: &'static str,
}

/// A question that would establish a circumstance if answered yes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OpenQuestionRow {
    pub question: &'static str,
    pub would_establish: &'static str,
    /// An addition to RULES.md: the other limbs of a conjunction, when also unresolved.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub together_with: Vec<&'static str>,
}

/// A finding with its citation and text in the chosen language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FindingRow {
    pub id: &'static str,
    pub cites: &'static str,
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub question: Option<&'static str>,
    pub authorities: Vec<AuthorityRow>,
}

/// The text of a finding in the chosen language, placeholders filled.
#[must_use]
pub fn finding_text(f: &Finding, verdict: Verdict, c: &Catalog) -> String {
    let template = c.finding(f.id, verdict == Verdict::NotIndicated);
    match (f.id, f.question) {
        (FindingId::SafeguardMissing | FindingId::SafeguardUnverified, Some(q)) => {
            fill(template, &[("safeguard", c.question(q).short)])
        }
        _ => template.to_owned(),
    }
}

/// "Together with …": the other questions an open question needs (R2(c)'s two limbs), in the
/// catalog's words and list separators; `None` when it needs none. One text for the widget,
/// the static page and every report.
#[must_use]
pub fn together_with_text(o: &OpenQuestion, c: &Catalog) -> Option<String> {
    if o.together_with.is_empty() {
        return None;
    }
    let others: Vec<&str> = o
        .together_with
        .iter()
        .map(|q| c.question(*q).short)
        .collect();
    Some(fill(
        c.ui.together_with,
        &[("questions", &c.join_list(&others))],
    ))
}

/// The point's sentence in the catalog's language, else in English (a language without its
/// sentences fails tests/authorities.rs, so the fallback is never shipped).
pub(crate) fn point_text(p: &crate::rules::Point, c: &Catalog) -> &'static str {
    p.text(c.lang.code)
        .or_else(|| p.text("en"))
        .unwrap_or_default()
}

/// The authorities that support `reason`, for the JSON report.
fn authority_rows(reason: Reason, c: &Catalog) -> Vec<AuthorityRow> {
    supporting(reason)
        .map(|(a, p)| AuthorityRow {
            id: a.id,
            name: a.name,
            body: a.body,
            number: a.number,
            date: a.date,
            pinpoint: p.pinpoint,
            point: point_text(p, c),
        })
        .collect()
}

fn open_row(o: &OpenQuestion) -> OpenQuestionRow {
    OpenQuestionRow {
        question: o.question.as_str(),
        would_establish: o.would_establish.as_str(),
        together_with: o.together_with.iter().map(|q| q.as_str()).collect(),
    }
}

impl Report {
    /// The report of an evaluation, with finding texts from `c`.
    #[must_use]
    pub fn new(e: &Evaluation, c: &Catalog) -> Report {
        Report {
            verdict: e.verdict.as_str(),
            circumstances: e
                .circumstances
                .iter()
                .map(|(id, status)| CircumstanceRow {
                    id: id.as_str(),
                    status: status.as_str(),
                    cites: id.cites(),
                    authorities: authority_rows(Reason::Circumstance(*id), c),
                })
                .collect(),
            open_questions: e.open_questions.iter().map(open_row).collect(),
            findings: e
                .findings
                .iter()
                .map(|f| FindingRow {
                    id: f.id.as_str(),
                    cites: f.id.cites(),
                    text: finding_text(f, e.verdict, c),
                    question: f.question.map(|q| q.as_str()),
                    authorities: authority_rows(Reason::Finding(f.id), c),
                })
                .collect(),
            rules_version: RULES_VERSION,
        }
    }

    /// Evaluates the answers and reports the result.
    #[must_use]
    pub fn of(answers: &Answers, c: &Catalog) -> Report {
        Report::new(&evaluate(answers), c)
    }
}
