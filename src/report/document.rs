//! The human-readable report as a list of blocks, in one place for every output: the
//! CLI's text and Markdown, the downloaded Markdown and the printed page.

use crate::i18n::{fill, Catalog, Dir};
#[cfg(feature = "authorities")]
use crate::rules::{supporting, Reason, BY_FORUM};
use crate::rules::{
    Answer, Answers, Evaluation, QuestionId, ShownWhen, Tri, Verdict, RULES_VERSION,
};

#[cfg(feature = "authorities")]
use super::point_text;
use super::{finding_text, together_with_text, user_text};

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
    /// A question with its answer, then the user's note if any: its lines broken only at
    /// real line breaks and its hidden characters escaped (`user_text::multiline`), so that every
    /// output, the print view too, shows a bidi override or a terminal escape as `<U+202E>`
    /// and never runs it (issue 16, items 2 and 3).
    Answer {
        question: String,
        answer: String,
        note: Option<String>,
    },
}

/// What the report says about itself.
#[derive(Clone, Copy, Debug)]
pub struct Meta<'a> {
    /// ISO 8601 date, `YYYY-MM-DD`; the report writes it in the catalog's words.
    pub date: &'a str,
    /// The tool's version, usually `env!("CARGO_PKG_VERSION")`.
    pub tool_version: &'a str,
}

/// Left-to-right text (a citation, a date, a version) isolated inside a right-to-left
/// language (U+2066 … U+2069), so that the bidirectional algorithm neither reorders its
/// parts nor lets it set the direction of the paragraph it starts.
fn ltr(text: &str, c: &Catalog) -> String {
    match c.lang.dir {
        Dir::Rtl => ["\u{2066}", text, "\u{2069}"].concat(),
        Dir::Ltr => text.to_owned(),
    }
}

/// The date in the language's words. In a right-to-left language it is isolated as a
/// right-to-left run (U+2067 … U+2069), so that its day, month and year read in order
/// whatever stands around it (issue 14, item 8).
fn date(iso: &str, c: &Catalog) -> String {
    let words = c.long_date(iso);
    match c.lang.dir {
        Dir::Rtl => ["\u{2067}", &words, "\u{2069}"].concat(),
        Dir::Ltr => words,
    }
}

/// `text (cites)`, the citation isolated in a right-to-left language so that the brackets
/// of "(R2(a))" stay in place.
fn cited(text: &str, cites: &str, c: &Catalog) -> String {
    [text, " ", &ltr(&["(", cites, ")"].concat(), c)].concat()
}

/// The whole report: the case, the verdict, then circumstances, open questions, findings
/// (each circumstance and finding followed by its authorities), every shown question with
/// its answer, the date, versions, disclaimer and source (issue 2; RULES.md, "Human-readable
/// reports"), and last the table of authorities (RULES.md, "Authorities").
#[must_use]
pub fn document(answers: &Answers, e: &Evaluation, c: &Catalog, meta: Meta<'_>) -> Vec<Block> {
    let r = &c.report;
    let verdict = c.verdict(Some(e.verdict));
    let mut out = vec![Block::Title(r.title.to_owned())];
    let case = answers.case();
    for (label, value) in [
        (r.case_reference, &case.reference),
        (r.prepared_by, &case.prepared_by),
    ] {
        if let Some(v) = value {
            // The user's words: a control or bidi character shows as an escape (issue 14).
            out.push(Block::Item {
                label: label.to_owned(),
                text: user_text::one_line(v),
            });
        }
    }
    out.extend([
        Block::Heading(r.verdict.to_owned()),
        Block::Paragraph(verdict.title.to_owned()),
        Block::Paragraph(verdict.meaning.to_owned()),
        Block::Heading(r.circumstances.to_owned()),
    ]);
    for (id, status) in &e.circumstances {
        out.push(Block::Item {
            label: c.status(*status).to_owned(),
            text: cited(c.circumstance(*id), id.cites(), c),
        });
        #[cfg(feature = "authorities")]
        authorities(Reason::Circumstance(*id), c, &mut out);
    }

    out.push(Block::Heading(r.open_questions.to_owned()));
    if e.open_questions.is_empty() {
        // Issue 18, defect 12: with a bar established, say why nothing is open, so that an
        // unresolved circumstance above does not read as a contradiction.
        let none = if e.verdict == Verdict::Barred {
            c.ui.open_questions_barred
        } else {
            c.ui.open_questions_none
        };
        out.push(Block::Paragraph(none.to_owned()));
    }
    out.extend(e.open_questions.iter().map(|o| {
        let mut text = fill(
            c.ui.would_establish,
            &[("circumstance", c.circumstance(o.would_establish))],
        );
        if let Some(together) = together_with_text(o, c) {
            text = fill(c.report.clauses, &[("a", &text), ("b", &together)]);
        }
        Block::Item {
            label: c.question(o.question).short.to_owned(),
            text: cited(&text, o.would_establish.cites(), c),
        }
    }));

    out.push(Block::Heading(r.findings.to_owned()));
    #[cfg_attr(not(feature = "authorities"), allow(unused_variables))]
    for (i, f) in e.findings.iter().enumerate() {
        out.push(Block::Item {
            label: ltr(f.id.cites(), c),
            text: finding_text(f, e.verdict, c),
        });
        // A finding given once per safeguard (R3) lists its authorities once, under the first.
        #[cfg(feature = "authorities")]
        if e.findings.iter().position(|g| g.id == f.id) == Some(i) {
            authorities(Reason::Finding(f.id), c, &mut out);
        }
    }

    out.push(Block::Heading(r.answers.to_owned()));
    out.extend(standard(c));
    out.extend(QuestionId::ALL.into_iter().map(|q| answer(answers, q, c)));

    out.push(Block::Paragraph(
        [
            fill(r.date, &[("date", &date(meta.date, c))]).as_str(),
            &fill(r.tool_version, &[("version", &ltr(meta.tool_version, c))]),
            &fill(r.rules_version, &[("version", &ltr(RULES_VERSION, c))]),
        ]
        .join(" · "),
    ));
    out.push(Block::Paragraph(c.ui.disclaimer.to_owned()));
    out.push(Block::Paragraph(r.source.to_owned()));
    out.push(Block::Paragraph(r.labels.to_owned()));
    #[cfg(feature = "authorities")]
    table_of_authorities(e, c, &mut out);
    out
}

#[cfg(feature = "authorities")]
/// The authorities under a reason, one item each: the citation with the point's pinpoint,
/// then what the body held; where it accepted assurances, the point says so.
fn authorities(reason: Reason, c: &Catalog, out: &mut Vec<Block>) {
    for (a, p) in supporting(reason) {
        let point = point_text(p, c);
        let text = if a.accepted_assurances {
            fill(c.authorities.accepted, &[("point", point)])
        } else {
            point.to_owned()
        };
        out.push(Block::Item {
            label: ltr(&a.cite(p.pinpoint), c),
            text,
        });
    }
}

#[cfg(feature = "authorities")]
/// The reasons of an evaluation, in the report's order.
fn reasons(e: &Evaluation) -> impl Iterator<Item = Reason> + '_ {
    let circumstances = e
        .circumstances
        .iter()
        .map(|(id, _)| Reason::Circumstance(*id));
    circumstances.chain(e.findings.iter().map(|f| Reason::Finding(f.id)))
}

#[cfg(feature = "authorities")]
/// The closing table, as a brief has: each authority the report cites, once, grouped by
/// forum ([`BY_FORUM`] is in that order), with the reasons it supports in this report.
fn table_of_authorities(e: &Evaluation, c: &Catalog, out: &mut Vec<Block>) {
    let mut forum = None;
    for a in BY_FORUM {
        // Each reason by its first citation ("¶2, FN1", not every instrument after it).
        let mut labels: Vec<&str> = Vec::new();
        for r in reasons(e).filter(|r| a.point_for(*r).is_some()) {
            let label = r.cites().split(';').next().unwrap_or_default();
            if !labels.contains(&label) {
                labels.push(label);
            }
        }
        if labels.is_empty() {
            continue;
        }
        if forum.is_none() {
            out.push(Block::Heading(c.authorities.heading.to_owned()));
        }
        if forum != Some(a.forum) {
            out.push(Block::Paragraph(c.forum(a.forum).to_owned()));
            forum = Some(a.forum);
        }
        // Joined as clauses: a label such as "¶5, ¶8, ¶9" has commas of its own.
        let mut joined = String::new();
        for label in labels {
            let label = ltr(label, c);
            joined = if joined.is_empty() {
                label
            } else {
                fill(c.report.clauses, &[("a", &joined), ("b", &label)])
            };
        }
        out.push(Block::Item {
            label: ltr(&a.cite(None), c),
            text: fill(c.authorities.supports, &[("reasons", &joined)]),
        });
    }
}

/// RULES.md "What an answer means": the evidential standard of the R2 questions.
fn standard(c: &Catalog) -> [Block; 4] {
    let s = &c.standard;
    let item = |value: Tri, text: &str| Block::Item {
        label: c.answer(Answer::Tri(value)).to_owned(),
        text: text.to_owned(),
    };
    [
        Block::Paragraph(s.heading.to_owned()),
        item(Tri::Yes, s.yes),
        item(Tri::No, s.no),
        item(Tri::Unknown, s.unknown),
    ]
}

/// A shown question with its answer ("not answered" if none) and note; a hidden one with
/// the answer that hides it (RULES.md, "Human-readable reports").
fn answer(answers: &Answers, q: QuestionId, c: &Catalog) -> Block {
    let label = |q: QuestionId| answers.get(q).map_or(c.values.unanswered, |a| c.answer(a));
    let on = match q.shown_when() {
        ShownWhen::NoneOf(on, _) | ShownWhen::AnyOf(on, _) if !q.is_shown(answers) => Some(on),
        _ => None,
    };
    match on {
        Some(on) => Block::Item {
            label: cited(c.question(q).short, q.cites(), c),
            text: fill(
                c.report.not_asked,
                &[("on", c.question(on).short), ("answer", label(on))],
            ),
        },
        None => Block::Answer {
            question: cited(c.question(q).text, q.cites(), c),
            answer: label(q).to_owned(),
            note: answers.note(q).map(user_text::multiline),
        },
    }
}
