//! What the results can show, each with the states in which the core shows it: found by
//! enumerating the states of the questions it depends on and asking the core.

use super::space::Space;
use crate::i18n::LANGUAGES;
use crate::report::finding_text;
use crate::rules::{
    evaluate, Answers, CircumstanceId, Finding, FindingId, OpenQuestion, QuestionId, ShownWhen,
    Status, Verdict,
};

/// One thing that is shown or not, as a whole.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Item {
    Verdict(Verdict),
    Circumstance(CircumstanceId, Status),
    Open(OpenQuestion),
    /// "None": no open question.
    NoOpenQuestion,
    /// A finding, worded as under this verdict (the first one that words it so in every
    /// language): a finding whose text depends on the verdict has one item per wording.
    Finding(Finding, Verdict),
    /// A question, shown by its shown-when rule.
    Question(QuestionId),
}

/// Items that depend on the same questions, each with the states in which it is shown.
pub(super) struct Output {
    pub(super) space: Space,
    pub(super) items: Vec<(Item, Vec<bool>)>,
}

/// Asks the core about every state of `space`; `items` of a state are those it shows.
/// `known` are items to list even if no state shows them.
fn enumerate(space: Space, known: Vec<Item>, items: impl Fn(&Answers) -> Vec<Item>) -> Output {
    let n = space.len();
    let mut out: Vec<(Item, Vec<bool>)> = known.into_iter().map(|i| (i, vec![false; n])).collect();
    for index in 0..n {
        for item in items(&space.answers(index)) {
            let at = match out.iter().position(|(i, _)| *i == item) {
                Some(at) => at,
                None => {
                    out.push((item, vec![false; n]));
                    out.len() - 1
                }
            };
            if let Some(shown) = out.get_mut(at).and_then(|(_, s)| s.get_mut(index)) {
                *shown = true;
            }
        }
    }
    Output { space, items: out }
}

/// The questions that decide the verdict: the inputs of the six circumstances.
fn verdict_space() -> Space {
    Space::new(
        CircumstanceId::ALL
            .iter()
            .flat_map(|c| c.inputs().iter().copied()),
    )
}

/// A finding's text in every language, under `verdict`.
fn texts(f: &Finding, verdict: Verdict) -> Vec<String> {
    LANGUAGES
        .iter()
        .map(|c| finding_text(f, verdict, c))
        .collect()
}

/// The findings of kind `k`. When their text depends on the verdict, the verdict's
/// questions join the finding's own inputs.
fn findings(k: FindingId, verdicts: &[Verdict]) -> Output {
    let wording = |f: &Finding, v: Verdict| -> Verdict {
        let text = texts(f, v);
        verdicts
            .iter()
            .copied()
            .find(|w| texts(f, *w) == text)
            .unwrap_or(v)
    };
    let own = Space::new(k.inputs().iter().copied());
    let instances = enumerate(own, Vec::new(), |a| {
        evaluate(a)
            .findings
            .into_iter()
            .filter(|f| f.id == k)
            .map(|f| Item::Finding(f, Verdict::Undetermined))
            .collect()
    });
    let varies = instances.items.iter().any(|(item, _)| match item {
        Item::Finding(f, _) => verdicts
            .iter()
            .any(|v| wording(f, *v) != wording(f, Verdict::Undetermined)),
        _ => false,
    });
    let space = if varies {
        Space::new(
            k.inputs()
                .iter()
                .copied()
                .chain(verdict_space().questions().iter().copied()),
        )
    } else {
        Space::new(k.inputs().iter().copied())
    };
    let mut out = enumerate(space, Vec::new(), |a| {
        let e = evaluate(a);
        e.findings
            .iter()
            .filter(|f| f.id == k)
            .map(|f| Item::Finding(*f, wording(f, e.verdict)))
            .collect()
    });
    out.items.sort_by_key(|(item, _)| match item {
        Item::Finding(f, v) => (f.question, Some(*v)),
        _ => (None, None),
    });
    out
}

/// Every output, in the order the results show them: the verdict, the circumstances, the
/// open questions, the findings; then the questions that have a shown-when rule.
pub(super) fn outputs() -> Vec<Output> {
    let verdict = enumerate(verdict_space(), Vec::new(), |a| {
        vec![Item::Verdict(evaluate(a).verdict)]
    });
    let verdicts: Vec<Verdict> = verdict
        .items
        .iter()
        .filter_map(|(item, _)| match item {
            Item::Verdict(v) => Some(*v),
            _ => None,
        })
        .collect();
    let mut out = vec![verdict];
    for c in CircumstanceId::ALL {
        out.push(enumerate(
            Space::new(c.inputs().iter().copied()),
            Vec::new(),
            |a| {
                evaluate(a)
                    .circumstances
                    .into_iter()
                    .filter(|(id, _)| *id == c)
                    .map(|(id, status)| Item::Circumstance(id, status))
                    .collect()
            },
        ));
    }
    let mut open = enumerate(verdict_space(), Vec::new(), |a| {
        let open = evaluate(a).open_questions;
        if open.is_empty() {
            vec![Item::NoOpenQuestion]
        } else {
            open.into_iter().map(Item::Open).collect()
        }
    });
    // In report order, "None" last.
    open.items.sort_by_key(|(item, _)| match item {
        Item::Open(o) => (
            false,
            Some((o.would_establish, o.question, o.together_with.clone())),
        ),
        _ => (true, None),
    });
    out.push(open);
    out.extend(FindingId::ALL.into_iter().map(|k| findings(k, &verdicts)));
    for q in QuestionId::ALL {
        let on = match q.shown_when() {
            ShownWhen::Always => continue,
            ShownWhen::NoneOf(on, _) | ShownWhen::AnyOf(on, _) => on,
        };
        out.push(enumerate(Space::new([on]), vec![Item::Question(q)], |a| {
            if q.is_shown(a) {
                vec![Item::Question(q)]
            } else {
                Vec::new()
            }
        }));
    }
    out
}
