//! One call that applies the whole rulebook: circumstances, verdict, open questions, findings.

use super::answers::Answers;
use super::circumstance::{CircumstanceId, Status};
use super::finding::{findings, Finding};
use super::kleene::Truth;
use super::question::QuestionId;
use super::verdict::{verdict, Verdict};

/// A question whose answer `yes` would establish a circumstance, and so bar reliance.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenQuestion {
    pub question: QuestionId,
    pub would_establish: CircumstanceId,
    /// Other unresolved questions that must also be yes (R2(c) needs both of its limbs).
    /// Empty when `question` alone would establish the circumstance.
    pub together_with: Vec<QuestionId>,
}

/// The decision and the reasons for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evaluation {
    pub verdict: Verdict,
    /// All six circumstances, in the order of RULES.md.
    pub circumstances: Vec<(CircumstanceId, Status)>,
    /// Empty unless the verdict is undetermined.
    pub open_questions: Vec<OpenQuestion>,
    pub findings: Vec<Finding>,
}

/// Applies the rulebook to the answers.
#[must_use]
pub fn evaluate(answers: &Answers) -> Evaluation {
    let circumstances: Vec<(CircumstanceId, Status)> = CircumstanceId::ALL
        .into_iter()
        .map(|c| (c, Status::from_truth(c.truth(answers))))
        .collect();
    let verdict = verdict(circumstances.iter().map(|(_, s)| *s));
    let open_questions = if verdict == Verdict::Undetermined {
        open_questions(answers, &circumstances)
    } else {
        Vec::new()
    };
    Evaluation {
        verdict,
        circumstances,
        open_questions,
        findings: findings(answers, verdict),
    }
}

/// RULES.md "undetermined": each question that, answered yes, would establish an unresolved
/// circumstance. For a conjunction, the other unresolved limbs are named alongside.
fn open_questions(
    answers: &Answers,
    circumstances: &[(CircumstanceId, Status)],
) -> Vec<OpenQuestion> {
    let mut out = Vec::new();
    for (c, status) in circumstances {
        if *status != Status::Unresolved {
            continue;
        }
        let unresolved: Vec<QuestionId> = c
            .inputs()
            .iter()
            .copied()
            .filter(|q| answers.truth(*q) == Truth::Unknown)
            .collect();
        for q in &unresolved {
            out.push(OpenQuestion {
                question: *q,
                would_establish: *c,
                together_with: unresolved.iter().copied().filter(|o| o != q).collect(),
            });
        }
    }
    out
}
