//! How far the user has got, counted so that the total does not jump without warning: the
//! questions shown now, the answered ones among them, and the conditional questions not
//! shown yet that an answer still to be given may bring in (issue 14, item 6).

use super::{Answers, QuestionId, ShownWhen};

/// The count the page shows: `answered` of `shown`, and up to `may_appear` more.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// Shown questions that have an answer.
    pub answered: usize,
    /// Questions shown now (their shown-when holds).
    pub shown: usize,
    /// Hidden questions whose shown-when turns on a question not answered yet: answering
    /// it may show them. A hidden question whose condition is already decided by an answer
    /// is not counted: only changing that answer would bring it back.
    pub may_appear: usize,
}

/// Counts `answers` against every question and its shown-when rule.
#[must_use]
pub fn progress(answers: &Answers) -> Progress {
    let mut p = Progress::default();
    for q in QuestionId::ALL {
        if q.is_shown(answers) {
            p.shown += 1;
            p.answered += usize::from(answers.get(q).is_some());
        } else if let ShownWhen::AnyOf(on, _) | ShownWhen::NoneOf(on, _) = q.shown_when() {
            p.may_appear += usize::from(answers.get(on).is_none());
        }
    }
    p
}
