//! The states of a few questions, enumerated: each question unanswered or one of its values.

use crate::rules::{Answers, QuestionId};

/// The product of some questions' states. A question's state 0 is unanswered and state
/// `i > 0` its kind's value `i - 1`; in a state's index the last question varies fastest.
pub(super) struct Space {
    questions: Vec<QuestionId>,
}

/// How many states `q` has: unanswered, plus each of its values.
pub(super) fn states_of(q: QuestionId) -> usize {
    q.kind().values().len() + 1
}

/// The wire value of `q` in state `state`, `None` for unanswered.
pub(super) fn value_of(q: QuestionId, state: usize) -> Option<&'static str> {
    state
        .checked_sub(1)
        .and_then(|i| q.kind().values().get(i).copied())
}

impl Space {
    /// The space of `questions`, each taken once, in the order given.
    pub(super) fn new(questions: impl IntoIterator<Item = QuestionId>) -> Space {
        let mut unique: Vec<QuestionId> = Vec::new();
        for q in questions {
            if !unique.contains(&q) {
                unique.push(q);
            }
        }
        Space { questions: unique }
    }

    pub(super) fn questions(&self) -> &[QuestionId] {
        &self.questions
    }

    /// The number of states.
    pub(super) fn len(&self) -> usize {
        self.questions.iter().map(|q| states_of(*q)).product()
    }

    /// Each question's state in the state `index`.
    pub(super) fn digits(&self, mut index: usize) -> Vec<usize> {
        let mut digits = vec![0; self.questions.len()];
        for (q, d) in self.questions.iter().zip(digits.iter_mut()).rev() {
            *d = index % states_of(*q);
            index /= states_of(*q);
        }
        digits
    }

    /// The answers of state `index`; every question outside the space is unanswered.
    pub(super) fn answers(&self, index: usize) -> Answers {
        let mut answers = Answers::new();
        for (q, d) in self.questions.iter().zip(self.digits(index)) {
            if let Some(v) = value_of(*q, d) {
                // A value of the question's own kind: `set` cannot refuse it.
                let _ = answers.set(*q, v);
            }
        }
        answers
    }
}
