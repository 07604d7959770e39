//! The answers and notes a user has given so far.

use std::collections::BTreeMap;

use super::answer::{Answer, AssurancesSubject};
use super::assumptions::UNANSWERED;
use super::kleene::Truth;
use super::question::QuestionId;

/// A set of answers and notes, keyed by question. A missing key is *unanswered*.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Answers {
    values: BTreeMap<QuestionId, Answer>,
    notes: BTreeMap<QuestionId, String>,
}

impl Answers {
    /// No answers and no notes.
    #[must_use]
    pub fn new() -> Answers {
        Answers::default()
    }

    /// The answer to `q`, or `None` while it is unanswered.
    #[must_use]
    pub fn get(&self, q: QuestionId) -> Option<Answer> {
        self.values.get(&q).copied()
    }

    /// Sets the answer to `q` from its wire value.
    ///
    /// # Errors
    /// Returns the allowed values when `value` is not one of them; nothing changes then.
    pub fn set(&mut self, q: QuestionId, value: &str) -> Result<(), &'static [&'static str]> {
        let kind = q.kind();
        let answer = kind.parse(value).ok_or(kind.values())?;
        self.values.insert(q, answer);
        Ok(())
    }

    /// Makes `q` unanswered again.
    pub fn clear(&mut self, q: QuestionId) {
        self.values.remove(&q);
    }

    /// The note on `q`, if any.
    #[must_use]
    pub fn note(&self, q: QuestionId) -> Option<&str> {
        self.notes.get(&q).map(String::as_str)
    }

    /// Sets the note on `q`; an empty note removes it.
    pub fn set_note(&mut self, q: QuestionId, note: &str) {
        if note.is_empty() {
            self.notes.remove(&q);
        } else {
            self.notes.insert(q, note.to_owned());
        }
    }

    /// Answered questions with their answers, in statement order.
    pub fn answered(&self) -> impl Iterator<Item = (QuestionId, Answer)> + '_ {
        self.values.iter().map(|(q, a)| (*q, *a))
    }

    /// Questions with notes, in statement order.
    pub fn notes(&self) -> impl Iterator<Item = (QuestionId, &str)> + '_ {
        self.notes.iter().map(|(q, n)| (*q, n.as_str()))
    }

    /// Whether there is neither an answer nor a note.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.values.is_empty() && self.notes.is_empty()
    }

    /// The answer to a yes/no question as a truth value. Unanswered counts as unknown,
    /// and so does a question of another kind (see [`super::assumptions`]).
    #[must_use]
    pub fn truth(&self, q: QuestionId) -> Truth {
        match self.get(q) {
            Some(Answer::Tri(t)) => t.truth(),
            _ => UNANSWERED,
        }
    }

    /// The answer to `assurances_subject`, if given.
    #[must_use]
    pub fn subject(&self) -> Option<AssurancesSubject> {
        match self.get(QuestionId::AssurancesSubject) {
            Some(Answer::Subject(s)) => Some(s),
            _ => None,
        }
    }
}
