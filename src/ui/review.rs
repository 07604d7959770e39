//! The one-file pages' review of the answers (issue 14, items 5, 6, 11): "Check your
//! answers" in the results, with a Change button for every shown question; the "next
//! unanswered question" control; the summary's link to the results; and the count that
//! names the questions still to come. Which questions are shown, and how many more may
//! appear, is the core's (`QuestionId::is_shown`, `rules::progress`).

use std::cell::Cell;

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, ShadowRoot};

use super::announce::Announcer;
use super::dom::{self, El};
use super::verdict_panel::{Bar, Panel};
use crate::i18n::{fill, Catalog};
use crate::rules::{decimal, Answers, Progress, QuestionId};

/// `data-review` values: what a review control does.
const NEXT: &str = "next";
const RESULTS: &str = "results";

/// "Check your answers": one row per shown question.
pub(crate) struct Review {
    pub(crate) root: Element,
    list: Element,
    /// The question focus was last in: "next unanswered" starts after it, though pressing
    /// the button has moved focus to the button.
    last: Cell<Option<QuestionId>>,
}

impl Review {
    /// The heading and an empty list, in the catalog's language.
    pub(crate) fn build(doc: &Document, c: &'static Catalog) -> Review {
        let list = El::new(doc, "dl").class("answers-summary").done();
        let root = El::new(doc, "div")
            .class("check-part")
            .child(El::new(doc, "h3").text(c.review.check_heading))
            .append(&list)
            .done();
        Review {
            root,
            list,
            last: Cell::new(None),
        }
    }

    /// Builds the review and puts its controls in place: "next unanswered" in the bar and
    /// in the summary, the link to the results in the summary, and "Check your answers"
    /// at the end of the results.
    pub(crate) fn attach(doc: &Document, c: &'static Catalog, bar: &Bar, panel: &Panel) -> Review {
        let review = Review::build(doc, c);
        dom::append(&bar.root, next_button(doc, c));
        dom::append(
            &panel.root,
            El::new(doc, "p")
                .class("review-links")
                .child(results_link(doc, c))
                .child(next_button(doc, c)),
        );
        let _ = panel.results.append_child(&review.root);
        review
    }

    /// Every shown question with its answer, or "Not answered", and its Change button.
    pub(crate) fn update(&self, doc: &Document, c: &'static Catalog, answers: &Answers) {
        dom::clear(&self.list);
        for q in QuestionId::ALL.into_iter().filter(|q| q.is_shown(answers)) {
            let short = c.question(q).short;
            let answer = answers.get(q);
            let row = El::new(doc, "div")
                .attr("data-review-question", q.as_str())
                .child(El::new(doc, "dt").text(short))
                .child(
                    El::new(doc, "dd")
                        .class(if answer.is_some() {
                            "answer"
                        } else {
                            "answer unanswered"
                        })
                        .text(answer.map_or(c.values.unanswered, |a| c.answer(a))),
                )
                .child(
                    El::new(doc, "dd").child(
                        El::new(doc, "button")
                            .attr("type", "button")
                            .class("link")
                            .attr("data-change", q.as_str())
                            .text(c.review.change)
                            .child(
                                El::new(doc, "span")
                                    .class("visually-hidden")
                                    .text(&[" ", short].concat()),
                            ),
                    ),
                );
            dom::append(&self.list, row);
        }
    }
}

/// Notes the question `focused` is in, if any (the widget's "focusin").
pub(crate) fn focused(review: &Review, focused: &Element) {
    let q = focused
        .closest("fieldset[data-question]")
        .ok()
        .flatten()
        .and_then(|f| f.get_attribute("data-question"))
        .and_then(|id| QuestionId::from_id(&id));
    if q.is_some() {
        review.last.set(q);
    }
}

/// The count with the questions still to come (`rules::progress`).
pub(crate) fn progress_text(c: &Catalog, p: Progress) -> String {
    fill(
        c.review.progress_more,
        &[
            ("answered", &decimal(p.answered as u64)),
            ("total", &decimal(p.shown as u64)),
            ("more", &decimal(p.may_appear as u64)),
        ],
    )
}

/// The "next unanswered question" button.
fn next_button(doc: &Document, c: &'static Catalog) -> El {
    El::new(doc, "button")
        .attr("type", "button")
        .class("button")
        .attr("data-review", NEXT)
        .text(c.review.next_unanswered)
}

/// The summary's link down to the full results.
fn results_link(doc: &Document, c: &'static Catalog) -> El {
    El::new(doc, "button")
        .attr("type", "button")
        .class("link")
        .attr("data-review", RESULTS)
        .text(c.review.results_link)
}

/// Handles a click on a review control; `false` when `control` is none of them. Change
/// takes focus to its question; "next unanswered" to the first shown, unanswered question
/// after the one focused (round to the first), or, with none left, says so and goes to the
/// results; the results link goes to the results.
pub(crate) fn on_click(
    review: &Review,
    control: &Element,
    c: &'static Catalog,
    answers: &Answers,
    announcer: &Announcer,
) -> bool {
    let Ok(root) = control.get_root_node().dyn_into::<ShadowRoot>() else {
        return false;
    };
    if let Some(q) = control
        .get_attribute("data-change")
        .and_then(|id| QuestionId::from_id(&id))
    {
        go_to(&root, q);
        return true;
    }
    match control.get_attribute("data-review").as_deref() {
        Some(NEXT) => {
            let from = review.last.get();
            let open = |q: &QuestionId| q.is_shown(answers) && answers.get(*q).is_none();
            let after = QuestionId::ALL
                .into_iter()
                .skip_while(|q| from.is_some_and(|f| f != *q))
                .skip(usize::from(from.is_some()))
                .find(open);
            match after.or_else(|| QuestionId::ALL.into_iter().find(open)) {
                Some(q) => go_to(&root, q),
                None => {
                    announcer.say(c.review.all_answered);
                    go_to_results(&root);
                }
            }
            true
        }
        Some(RESULTS) => {
            go_to_results(&root);
            true
        }
        _ => false,
    }
}

/// Focuses `target` without the browser's own scrolling, which moves every ancestor frame
/// too (issue 16, item 13), and scrolls the widget's window alone to show it below the bar.
fn reveal_and_focus(root: &ShadowRoot, shown: &Element, target: &Element) {
    let bar = root
        .query_selector(".bar")
        .ok()
        .flatten()
        .map_or(0.0, |b| b.get_bounding_client_rect().bottom().max(0.0));
    super::casefile::reveal(shown, bar);
    dom::focus_quietly(target);
}

/// Takes focus to question `q`: its chosen answer, or else its first.
fn go_to(root: &ShadowRoot, q: QuestionId) {
    let at = ["fieldset[data-question=\"", q.as_str(), "\"]"].concat();
    let one = |selector: &str| root.query_selector(selector).ok().flatten();
    let (Some(fieldset), Some(radio)) = (
        one(&at),
        one(&[&at, " input:checked"].concat()).or_else(|| one(&[&at, " input"].concat())),
    ) else {
        return;
    };
    reveal_and_focus(root, &fieldset, &radio);
}

/// Takes focus to the results' first heading.
fn go_to_results(root: &ShadowRoot) {
    if let Some(heading) = root.query_selector(".results h3").ok().flatten() {
        reveal_and_focus(root, &heading, &heading);
    }
}
