//! The human-readable report as a list of blocks, in one place for every output: the
//! CLI's text and Markdown, the downloaded Markdown and the printed page.

use crate::i18n::{fill, Catalog, Dir};
use crate::rules::{Answers, Evaluation, QuestionId, RULES_VERSION};

use super::finding_text;

/// One block of the report. `UserText` is the user's own words and is never markup.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    Title(String),
    Heading(String),
    Paragraph(String),
    /// A list item with a leading label, e.g. a status or an answer.
    Item {
        label: String,
        text: String,
    },
    /// A question with its answer, then the user's note if any.
    Answer {
        question: String,
        answer: String,
        note: Option<String>,
    },
}

/// What the report says about itself.
#[derive(Clone, Copy, Debug)]
pub struct Meta<'a> {
    /// ISO 8601 date, `YYYY-MM-DD`.
    pub date: &'a str,
    /// The tool's version, usually `env!("CARGO_PKG_VERSION")`.
    pub tool_version: &'a str,
}

/// `text (cites)`. In a right-to-left language the citation is isolated as left-to-right
/// text (U+2066 … U+2069), so that the brackets of "(R2(a))" stay in place.
fn cited(text: &str, cites: &str, c: &Catalog) -> String {
    match c.lang.dir {
        Dir::Rtl => [text, " \u{2066}(", cites, ")\u{2069}"].concat(),
        Dir::Ltr => [text, " (", cites, ")"].concat(),
    }
}

/// The whole report: verdict first, then circumstances, open questions, findings, every
/// answered or annotated question, and last the date, versions and disclaimer (issue 2).
#[must_use]
pub fn document(answers: &Answers, e: &Evaluation, c: &Catalog, meta: Meta<'_>) -> Vec<Block> {
    let r = &c.report;
    let verdict = c.verdict(Some(e.verdict));
    let mut out = vec![
        Block::Title(r.title.to_owned()),
        Block::Heading(r.verdict.to_owned()),
        Block::Paragraph(verdict.title.to_owned()),
        Block::Paragraph(verdict.meaning.to_owned()),
        Block::Heading(r.circumstances.to_owned()),
    ];
    out.extend(e.circumstances.iter().map(|(id, status)| Block::Item {
        label: c.status(*status).to_owned(),
        text: cited(c.circumstance(*id), id.cites(), c),
    }));

    out.push(Block::Heading(r.open_questions.to_owned()));
    if e.open_questions.is_empty() {
        out.push(Block::Paragraph(c.ui.open_questions_none.to_owned()));
    }
    out.extend(e.open_questions.iter().map(|o| {
        let mut text = fill(
            c.ui.would_establish,
            &[("circumstance", c.circumstance(o.would_establish))],
        );
        if !o.together_with.is_empty() {
            let others: Vec<&str> = o
                .together_with
                .iter()
                .map(|q| c.question(*q).short)
                .collect();
            let together = fill(c.ui.together_with, &[("questions", &c.join_list(&others))]);
            text = fill(c.report.clauses, &[("a", &text), ("b", &together)]);
        }
        Block::Item {
            label: c.question(o.question).short.to_owned(),
            text: cited(&text, o.would_establish.cites(), c),
        }
    }));

    out.push(Block::Heading(r.findings.to_owned()));
    out.extend(e.findings.iter().map(|f| Block::Item {
        label: f.id.cites().to_owned(),
        text: finding_text(f, e.verdict, c),
    }));

    out.push(Block::Heading(r.answers.to_owned()));
    let listed: Vec<QuestionId> = QuestionId::ALL
        .into_iter()
        .filter(|q| answers.get(*q).is_some() || answers.note(*q).is_some())
        .collect();
    if listed.is_empty() {
        out.push(Block::Paragraph(r.no_answers.to_owned()));
    }
    out.extend(listed.into_iter().map(|q| {
        Block::Answer {
            question: cited(c.question(q).text, q.cites(), c),
            answer: answers
                .get(q)
                .map_or(c.values.unanswered, |a| c.answer(a))
                .to_owned(),
            note: answers.note(q).map(str::to_owned),
        }
    }));

    out.push(Block::Paragraph(
        [
            fill(r.date, &[("date", meta.date)]).as_str(),
            &fill(r.tool_version, &[("version", meta.tool_version)]),
            &fill(r.rules_version, &[("version", RULES_VERSION)]),
        ]
        .join(" · "),
    ));
    out.push(Block::Paragraph(c.ui.disclaimer.to_owned()));
    out.push(Block::Paragraph(r.source.to_owned()));
    out
}
