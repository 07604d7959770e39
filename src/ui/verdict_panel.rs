//! The verdict panel: the verdict in plain words, progress and start-over, and the six
//! circumstances, a compact summary that follows the questions (sticky beside them on wide
//! screens); then the results, full width after both: the open questions and the findings
//! with their citations. Plus the small bar that keeps the verdict in view on narrow screens.
//!
//! Everything shown comes from the core's `Evaluation` and `report::finding_text`.

use web_sys::{Document, Element};

use super::action::Action;
use super::cite;
use super::dom::{self, El};
use crate::i18n::{fill, Catalog};
use crate::report::{finding_text, together_with_text};
use crate::rules::{decimal, CircumstanceId, Evaluation, OpenQuestion, Progress, Status, Verdict};

/// What the panel shows: the evaluation, and the verdict as the user sees it (`None`
/// before any answer).
pub(crate) struct Snapshot<'a> {
    pub(crate) evaluation: &'a Evaluation,
    pub(crate) verdict: Option<Verdict>,
    /// The core's count of the answered, shown and still possible questions.
    pub(crate) progress: Progress,
}

/// The wire name of a shown verdict: `none` before any answer.
pub(crate) fn verdict_id(verdict: Option<Verdict>) -> &'static str {
    verdict.map_or("none", Verdict::as_str)
}

/// The panel's parts that change.
pub(crate) struct Panel {
    /// The summary: verdict, progress, circumstances.
    pub(crate) root: Element,
    /// The full-width results after the questions: open questions, findings, source.
    pub(crate) results: Element,
    verdict: Element,
    /// Focus target for "skip to the verdict".
    pub(crate) verdict_heading: Element,
    verdict_title: Element,
    verdict_meaning: Element,
    /// The meaning again at the top of the results, shown instead on wide screens, where
    /// the sticky summary stays compact (issue 14, item 11).
    results_meaning: Element,
    progress_text: Element,
    progress_bar: Element,
    circumstances: Vec<(CircumstanceId, Element, Element)>,
    open_questions: Element,
    findings: Element,
}

fn progress_text(c: &Catalog, s: &Snapshot<'_>) -> String {
    let p = s.progress;
    #[cfg(feature = "page")]
    if p.may_appear > 0 {
        return super::review::progress_text(c, p);
    }
    fill(
        c.ui.progress,
        &[
            ("answered", &decimal(p.answered as u64)),
            ("total", &decimal(p.shown as u64)),
        ],
    )
}

impl Panel {
    /// The panel's structure, in the catalog's language, not yet filled in.
    pub(crate) fn build(doc: &Document, c: &'static Catalog) -> Panel {
        let verdict_heading = El::new(doc, "h3")
            .attr("id", "verdict-heading")
            .attr("tabindex", "-1")
            .text(c.ui.verdict_heading)
            .done();
        let verdict_title = El::new(doc, "p").class("verdict-title").done();
        let verdict_meaning = El::new(doc, "p").class("verdict-meaning").done();
        let verdict = El::new(doc, "div")
            .class("verdict")
            .attr("data-verdict", "none")
            .append(&verdict_heading)
            .append(&verdict_title)
            .append(&verdict_meaning)
            .done();

        let progress_text = El::new(doc, "p")
            .attr("id", "progress-text")
            .class("progress-text")
            .done();
        let progress_bar = El::new(doc, "progress")
            .attr("aria-labelledby", "progress-text")
            .attr("max", "1")
            .attr("value", "0")
            .done();
        let progress = El::new(doc, "div")
            .class("progress")
            .append(&progress_text)
            .append(&progress_bar)
            .child(
                El::new(doc, "button")
                    .attr("type", "button")
                    .action(Action::StartOver)
                    .class("button")
                    .text(c.ui.start_over),
            );

        let mut circumstances = Vec::new();
        let mut list = El::new(doc, "ul").class("circumstances");
        for id in CircumstanceId::ALL {
            let status = El::new(doc, "span").class("status").done();
            let row = El::new(doc, "li")
                .attr("data-circumstance", id.as_str())
                .attr("data-status", Status::Unresolved.as_str())
                .child(
                    El::new(doc, "span")
                        .class("circumstance-name")
                        .text(c.circumstance(id))
                        .child(
                            El::new(doc, "span")
                                .class("cite")
                                .text(&[" ", &cite(&["(", id.cites(), ")"].concat())].concat()),
                        ),
                )
                .append(&status)
                .done();
            list = list.append(&row);
            circumstances.push((id, row, status));
        }

        let open_questions = El::new(doc, "ul").class("open-questions").done();
        let findings = El::new(doc, "ul").class("findings").done();
        // Plain groups, not landmarks (issue 14, item 13): a page of regions is no map.
        let section = |key: &str, title: &str| -> El {
            El::new(doc, "div").class(key).child(
                El::new(doc, "h3")
                    .attr("id", &[key, "-heading"].concat())
                    .attr("tabindex", "-1")
                    .text(title),
            )
        };
        let root = El::new(doc, "div")
            .class("panel")
            .append(&verdict)
            .child(progress)
            .child(section("circumstances-part", c.ui.circumstances_heading).child(list))
            .done();
        let results_meaning = El::new(doc, "p").class("verdict-meaning").done();
        let results = El::new(doc, "div")
            .class("results")
            .append(&results_meaning)
            .child(section("open-part", c.ui.open_questions_heading).append(&open_questions))
            .child(section("findings-part", c.ui.findings_heading).append(&findings))
            .child(El::new(doc, "p").class("source").text(c.report.source))
            .done();
        Panel {
            root,
            results,
            verdict,
            verdict_heading,
            verdict_title,
            verdict_meaning,
            results_meaning,
            progress_text,
            progress_bar,
            circumstances,
            open_questions,
            findings,
        }
    }

    /// Shows `s`: every part is rewritten from the evaluation.
    pub(crate) fn update(&self, doc: &Document, c: &'static Catalog, s: &Snapshot<'_>) {
        let words = c.verdict(s.verdict);
        dom::set_attr(&self.verdict, "data-verdict", verdict_id(s.verdict));
        dom::set_text(&self.verdict_title, words.title);
        dom::set_text(&self.verdict_meaning, words.meaning);
        dom::set_text(&self.results_meaning, words.meaning);

        dom::set_text(&self.progress_text, &progress_text(c, s));
        let p = s.progress;
        dom::set_attr(&self.progress_bar, "max", &decimal(p.shown.max(1) as u64));
        dom::set_attr(&self.progress_bar, "value", &decimal(p.answered as u64));

        for (id, row, label) in &self.circumstances {
            let status = s
                .evaluation
                .circumstances
                .iter()
                .find(|(c, _)| c == id)
                .map_or(Status::Unresolved, |(_, status)| *status);
            dom::set_attr(row, "data-status", status.as_str());
            dom::set_text(label, c.status(status));
        }

        dom::clear(&self.open_questions);
        if s.evaluation.open_questions.is_empty() {
            dom::append(
                &self.open_questions,
                El::new(doc, "li")
                    .class("none")
                    .text(if s.evaluation.verdict == Verdict::Barred {
                        c.ui.open_questions_barred
                    } else {
                        c.ui.open_questions_none
                    }),
            );
        }
        for open in &s.evaluation.open_questions {
            dom::append(&self.open_questions, open_question(doc, c, open));
        }

        dom::clear(&self.findings);
        for f in &s.evaluation.findings {
            let mut item = El::new(doc, "li").attr("data-finding", f.id.as_str());
            if let Some(q) = f.question {
                item = item.attr("data-question", q.as_str());
            }
            item = item
                .child(El::new(doc, "p").text(&finding_text(f, s.evaluation.verdict, c)))
                .child(
                    El::new(doc, "p")
                        .class("cite")
                        .text(&fill(c.ui.source, &[("cites", &cite(f.id.cites()))])),
                );
            dom::append(&self.findings, item);
        }
    }
}

/// An open question: a button that takes focus to the question, and what it would establish.
fn open_question(doc: &Document, c: &'static Catalog, o: &OpenQuestion) -> El {
    let establishes = [
        &fill(
            c.ui.would_establish,
            &[("circumstance", c.circumstance(o.would_establish))],
        ),
        " ",
        &cite(&["(", o.would_establish.cites(), ")"].concat()),
    ]
    .concat();
    let together: Vec<&str> = o.together_with.iter().map(|q| q.as_str()).collect();
    let mut item = El::new(doc, "li")
        .attr("data-open-question", o.question.as_str())
        .attr("data-would-establish", o.would_establish.as_str())
        .attr("data-together-with", &together.join(" "))
        .child(
            El::new(doc, "button")
                .attr("type", "button")
                .attr("data-goto", o.question.as_str())
                .class("link")
                .text(c.question(o.question).short),
        )
        .child(El::new(doc, "span").class("establishes").text(&establishes));
    if let Some(text) = together_with_text(o, c) {
        item = item.child(El::new(doc, "span").class("together").text(&text));
    }
    item
}

/// The bar that keeps the verdict in view above the questions on narrow screens, once the
/// panel has scrolled away.
pub(crate) struct Bar {
    pub(crate) root: Element,
    title: Element,
    progress: Element,
}

impl Bar {
    /// The bar, with its "skip to the verdict" button.
    pub(crate) fn build(doc: &Document, c: &'static Catalog) -> Bar {
        let title = El::new(doc, "span").class("bar-title").done();
        let progress = El::new(doc, "span").class("bar-progress").done();
        let root = El::new(doc, "div")
            .class("bar")
            .attr("data-shown-verdict", "none")
            .child(El::new(doc, "p").append(&title).append(&progress))
            .child(
                El::new(doc, "button")
                    .attr("type", "button")
                    .action(Action::SkipToVerdict)
                    .class("button")
                    .text(c.ui.skip_to_verdict),
            )
            .done();
        Bar {
            root,
            title,
            progress,
        }
    }

    /// Keeps a newly focused control clear of the bar (WCAG 2.4.11): the browser scrolls
    /// focus into view only when it is off screen, and the bar covers part of the screen.
    /// It is scrolled to just below the bar, in the widget's own window only.
    pub(crate) fn keep_clear(&self, focused: &Element) {
        let bar = self.root.get_bounding_client_rect();
        if bar.height() <= 0.0 || self.root.contains(Some(focused)) {
            return; // No bar on wide screens; and the bar's own button is never under it.
        }
        let target = focused
            .closest(".choice")
            .ok()
            .flatten()
            .unwrap_or_else(|| focused.clone());
        let r = target.get_bounding_client_rect();
        if r.bottom() > bar.top() && r.top() < bar.bottom() {
            super::casefile::reveal(&target, bar.bottom());
        }
    }

    /// Shows the verdict's title and the progress.
    pub(crate) fn update(&self, c: &'static Catalog, s: &Snapshot<'_>) {
        dom::set_attr(&self.root, "data-shown-verdict", verdict_id(s.verdict));
        dom::set_text(&self.title, c.verdict(s.verdict).title);
        dom::set_text(&self.progress, &progress_text(c, s));
    }
}
