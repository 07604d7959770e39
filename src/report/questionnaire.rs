//! The questionnaire in a language: what `questions(lang)` returns to JavaScript and
//! `assurance-check questions` prints.

use serde::Serialize;

use crate::i18n::Catalog;
use crate::rules::{QuestionId, Section, ShownWhen};

/// Every section with its questions, in statement order.
#[derive(Clone, Debug, Serialize)]
pub struct Questionnaire {
    pub lang: &'static str,
    pub dir: &'static str,
    pub sections: Vec<SectionText>,
}

/// A section and its questions.
#[derive(Clone, Debug, Serialize)]
pub struct SectionText {
    pub id: &'static str,
    pub title: &'static str,
    pub questions: Vec<QuestionEntry>,
}

/// One question with its texts, citation, options and shown-when rule.
#[derive(Clone, Debug, Serialize)]
pub struct QuestionEntry {
    pub id: &'static str,
    pub text: &'static str,
    pub short: &'static str,
    pub help: &'static str,
    pub cites: &'static str,
    pub options: Vec<OptionEntry>,
    /// `null` when always shown.
    pub shown_when: Option<Condition>,
}

/// One allowed answer and its label.
#[derive(Clone, Debug, Serialize)]
pub struct OptionEntry {
    pub value: &'static str,
    pub label: &'static str,
}

/// Shown when `question`'s answer is (`any_of`) or is not (`none_of`) one of `values`.
#[derive(Clone, Debug, Serialize)]
pub struct Condition {
    pub question: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub any_of: Option<&'static [&'static str]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub none_of: Option<&'static [&'static str]>,
}

fn condition(q: QuestionId) -> Option<Condition> {
    match q.shown_when() {
        ShownWhen::Always => None,
        ShownWhen::AnyOf(on, values) => Some(Condition {
            question: on.as_str(),
            any_of: Some(values),
            none_of: None,
        }),
        ShownWhen::NoneOf(on, values) => Some(Condition {
            question: on.as_str(),
            any_of: None,
            none_of: Some(values),
        }),
    }
}

/// The labelled options of a question, in display order.
#[must_use]
pub fn options(q: QuestionId, c: &Catalog) -> Vec<OptionEntry> {
    let kind = q.kind();
    kind.values()
        .iter()
        .filter_map(|v| {
            kind.parse(v).map(|a| OptionEntry {
                value: v,
                label: c.answer(a),
            })
        })
        .collect()
}

/// The questionnaire in the catalog's language.
#[must_use]
pub fn questionnaire(c: &Catalog) -> Questionnaire {
    Questionnaire {
        lang: c.lang.code,
        dir: c.lang.dir.as_str(),
        sections: Section::ALL
            .into_iter()
            .map(|s| SectionText {
                id: s.as_str(),
                title: c.section(s),
                questions: s
                    .questions()
                    .map(|q| {
                        let t = c.question(q);
                        QuestionEntry {
                            id: q.as_str(),
                            text: t.text,
                            short: t.short,
                            help: t.help,
                            cites: q.cites(),
                            options: options(q, c),
                            shown_when: condition(q),
                        }
                    })
                    .collect(),
            })
            .collect(),
    }
}
