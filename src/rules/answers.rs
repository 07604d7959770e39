//! The answers and notes a user has given so far.

use super::answer::{Answer, AssurancesSubject};
use super::assumptions::UNANSWERED;
use super::kleene::Truth;
use super::question::QuestionId;

/// How many questions there are: one slot per question in [`Answers`].
const N: usize = QuestionId::ALL.len();

/// RULES.md "Answers file: the case": who the report is for and who prepared it. Free text,
/// shown as text and never as markup.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Case {
    pub reference: Option<String>,
    pub prepared_by: Option<String>,
}

/// A set of answers and notes, keyed by question, and the case they are about. An empty
/// slot is *unanswered*.
///
/// Fixed slots indexed by the question's position in statement order, not a map: the same
/// behaviour, and no B-tree code in the wasm (about 14 KB before wasm-opt).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Answers {
    values: [Option<Answer>; N],
    notes: [Option<String>; N],
    case: Case,
}

/// The slot of `q`: its position in [`QuestionId::ALL`] (the declaration order).
fn slot(q: QuestionId) -> usize {
    q as usize
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
        self.values.get(slot(q)).copied().flatten()
    }

    /// Sets the answer to `q` from its wire value.
    ///
    /// # Errors
    /// Returns the allowed values when `value` is not one of them; nothing changes then.
    pub fn set(&mut self, q: QuestionId, value: &str) -> Result<(), &'static [&'static str]> {
        let kind = q.kind();
        let answer = kind.parse(value).ok_or(kind.values())?;
        if let Some(v) = self.values.get_mut(slot(q)) {
            *v = Some(answer);
        }
        Ok(())
    }

    /// Makes `q` unanswered again.
    pub fn clear(&mut self, q: QuestionId) {
        if let Some(v) = self.values.get_mut(slot(q)) {
            *v = None;
        }
    }

    /// The note on `q`, if any.
    #[must_use]
    pub fn note(&self, q: QuestionId) -> Option<&str> {
        self.notes.get(slot(q)).and_then(Option::as_deref)
    }

    /// Sets the note on `q`; an empty note removes it.
    pub fn set_note(&mut self, q: QuestionId, note: &str) {
        if let Some(n) = self.notes.get_mut(slot(q)) {
            *n = (!note.is_empty()).then(|| note.to_owned());
        }
    }

    /// Answered questions with their answers, in statement order.
    pub fn answered(&self) -> impl Iterator<Item = (QuestionId, Answer)> + '_ {
        QuestionId::ALL
            .into_iter()
            .zip(self.values.iter())
            .filter_map(|(q, a)| Some((q, (*a)?)))
    }

    /// Questions with notes, in statement order.
    pub fn notes(&self) -> impl Iterator<Item = (QuestionId, &str)> + '_ {
        QuestionId::ALL
            .into_iter()
            .zip(self.notes.iter())
            .filter_map(|(q, n)| Some((q, n.as_deref()?)))
    }

    /// The case reference and the preparer's name, where given.
    #[must_use]
    pub fn case(&self) -> &Case {
        &self.case
    }

    /// Sets the case; an empty text counts as not given.
    pub fn set_case(&mut self, reference: &str, prepared_by: &str) {
        let given = |t: &str| (!t.is_empty()).then(|| t.to_owned());
        self.case = Case {
            reference: given(reference),
            prepared_by: given(prepared_by),
        };
    }

    /// Whether there is no answer, no note and no case.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.values.iter().all(Option::is_none)
            && self.notes.iter().all(Option::is_none)
            && self.case == Case::default()
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

#[cfg(test)]
mod tests {
    use super::{slot, QuestionId};

    #[test]
    fn each_question_has_its_own_slot_in_statement_order() {
        for (i, q) in QuestionId::ALL.into_iter().enumerate() {
            assert_eq!(slot(q), i, "{q:?}");
        }
    }
}
