//! A set of states as a few products ("terms"), and a term as a CSS compound selector.
//!
//! Radios follow the test contract: `name` is the question id and `value` the answer, so
//! "`q` is in one of these states" is one `:has()` test on the root, or its `:not()`.

use super::space::{states_of, value_of, Space};
use crate::rules::QuestionId;

/// A product of per-question state sets: bit `s` of `masks[i]` is state `s` of question `i`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Term {
    masks: Vec<u16>,
}

/// Every state index inside a product of per-question state sets.
fn members(space: &Space, masks: &[u16]) -> Vec<usize> {
    let mut out = vec![0usize];
    for (q, m) in space.questions().iter().zip(masks) {
        let n = states_of(*q);
        let allowed: Vec<usize> = (0..n).filter(|s| m >> s & 1 == 1).collect();
        out = out
            .iter()
            .flat_map(|base| allowed.iter().map(move |s| base * n + s))
            .collect();
    }
    out
}

impl Term {
    /// The indices of the states the term holds.
    pub(super) fn members(&self, space: &Space) -> Vec<usize> {
        members(space, &self.masks)
    }
}

/// Terms whose union is exactly `set` (indexed like the space's states).
///
/// Each not yet covered state grows, question by question and state by state, into the
/// largest product that stays inside the set; terms the others already cover are dropped.
/// Not always the fewest terms, but for the rulebook's conjunctions and disjunctions these
/// are the prime ones.
pub(super) fn cover(space: &Space, set: &[bool]) -> Vec<Term> {
    let inside = |i: usize| set.get(i).copied().unwrap_or(false);
    let mut count = vec![0usize; set.len()];
    let mut terms = Vec::new();
    for seed in 0..set.len() {
        if !inside(seed) || count.get(seed).is_some_and(|n| *n > 0) {
            continue;
        }
        let mut masks: Vec<u16> = space.digits(seed).iter().map(|d| 1 << d).collect();
        for (i, q) in space.questions().iter().enumerate() {
            for s in 0..states_of(*q) {
                // The states the wider term adds are those with question `i` in state `s`.
                let mut slice = masks.clone();
                match slice.get_mut(i) {
                    Some(m) if *m >> s & 1 == 0 => *m = 1 << s,
                    _ => continue,
                }
                if members(space, &slice).into_iter().all(inside) {
                    if let Some(m) = masks.get_mut(i) {
                        *m |= 1 << s;
                    }
                }
            }
        }
        for i in members(space, &masks) {
            if let Some(n) = count.get_mut(i) {
                *n += 1;
            }
        }
        terms.push(Term { masks });
    }
    // Drop a term when every state it holds is held by another, latest first.
    let mut k = terms.len();
    while k > 0 {
        k -= 1;
        let Some(held) = terms.get(k).map(|t| t.members(space)) else {
            continue;
        };
        if held.iter().all(|i| count.get(*i).is_some_and(|n| *n > 1)) {
            for i in held {
                if let Some(n) = count.get_mut(i) {
                    *n -= 1;
                }
            }
            terms.remove(k);
        }
    }
    terms
}

/// `[value=…]` tests for a radio whose value is one of `these` (the others being `others`):
/// nothing when any value will do, else the shorter of `:is(…)` and `:not(…)`.
fn value_test(these: &[&str], others: &[&str]) -> String {
    if others.is_empty() {
        return String::new();
    }
    let list = |values: &[&str]| -> String {
        let tests: Vec<String> = values.iter().map(|v| format!("[value={v}]")).collect();
        tests.join(",")
    };
    let is = if these.len() == 1 {
        list(these)
    } else {
        format!(":is({})", list(these))
    };
    let not = format!(":not({})", list(others));
    if not.len() < is.len() {
        not
    } else {
        is
    }
}

/// The test that `q` is in one of the states of `mask`; `None` when every state will do.
fn atom(q: QuestionId, mask: u16) -> Option<String> {
    let n = states_of(q);
    let full: u16 = (1 << n) - 1;
    if mask & full == full {
        return None;
    }
    // Unanswered is "no radio of q checked": test for the checked values the mask excludes.
    let (negated, checked) = if mask & 1 == 1 {
        (true, !mask & full)
    } else {
        (false, mask)
    };
    let values = |m: u16| -> Vec<&'static str> {
        (1..n)
            .filter(|s| m >> s & 1 == 1)
            .filter_map(|s| value_of(q, s))
            .collect()
    };
    let radio = format!(
        "[name={}]{}:checked",
        q.as_str(),
        value_test(&values(checked), &values(full & !checked & !1))
    );
    Some(if negated {
        format!(":not(:has({radio}))")
    } else {
        format!(":has({radio})")
    })
}

impl Term {
    /// The term as a compound selector on the root: one test per constrained question.
    pub(super) fn selector(&self, space: &Space) -> String {
        space
            .questions()
            .iter()
            .zip(&self.masks)
            .filter_map(|(q, m)| atom(*q, *m))
            .collect()
    }
}

/// When a block must be hidden, as a compound selector on the root, given the states in
/// which the core shows it; `None` when it is always shown. The shorter of two equivalent
/// forms: the hidden states' terms, or `:not()` of the shown states' terms.
pub(super) fn hidden_when(space: &Space, shown: &[bool]) -> Option<String> {
    if shown.iter().all(|s| *s) {
        return None;
    }
    let selectors =
        |terms: Vec<Term>| -> Vec<String> { terms.iter().map(|t| t.selector(space)).collect() };
    let hidden: Vec<bool> = shown.iter().map(|s| !s).collect();
    let direct = match selectors(cover(space, &hidden)).as_slice() {
        [one] => one.clone(),
        many => format!(":is({})", many.join(",")),
    };
    let shown_terms = selectors(cover(space, shown));
    let negated = if shown_terms.is_empty() {
        String::new() // never shown: hidden always
    } else {
        format!(":not({})", shown_terms.join(","))
    };
    Some(if negated.len() < direct.len() {
        negated
    } else {
        direct
    })
}
