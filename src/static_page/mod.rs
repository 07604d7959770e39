//! The check without script: the results as static markup, and the CSS that shows exactly
//! what the core would report for the radios' current state (issue 19).
//!
//! Nothing here is a second copy of the rules. Each thing the results can show (a verdict,
//! a circumstance's status, an open question, a finding, a question's shown-when rule)
//! depends on a few questions (`CircumstanceId::inputs`, `FindingId::inputs`, the
//! shown-when rule's question); every state of those (unanswered, or each value) is given
//! to the core's `evaluate` or `is_shown`, and the states in which the core shows the thing
//! become a few `:has()` tests on the root (`cover`).
//!
//! The contract with the page: one element `[data-static-root]` holds both the radios
//! (`name` = question id, `value` = answer) and the results; each question's block carries
//! `data-static-question="<id>"` (hidden by its shown-when rule, and counted) and comes
//! before the results in tree order, for the CSS counters.
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::unreachable,
    clippy::todo,
    clippy::unimplemented
)]

mod blocks;
mod chrome;
mod cover;
mod markup;
mod page;
mod questionnaire;
mod space;
mod widget;

use crate::i18n::Catalog;
use blocks::{outputs, Item};

/// One block of the results (or a question), and when to hide it.
struct Block {
    item: Item,
    /// A compound selector on the root that matches exactly when the core would not show
    /// the block; `None` when it always would.
    hidden_when: Option<String>,
}

/// Everything the static page needs, derived once from the core.
pub struct StaticPage {
    blocks: Vec<Block>,
}

impl Default for StaticPage {
    fn default() -> StaticPage {
        StaticPage::new()
    }
}

impl StaticPage {
    /// Derives every block and its condition from the core.
    #[must_use]
    pub fn new() -> StaticPage {
        let blocks = outputs()
            .into_iter()
            .flat_map(|o| {
                o.items
                    .into_iter()
                    .map(|(item, shown)| Block {
                        hidden_when: cover::hidden_when(&o.space, &shown),
                        item,
                    })
                    .collect::<Vec<_>>()
            })
            .collect();
        StaticPage { blocks }
    }

    /// The stylesheet: the same in every language. It hides each block whose condition
    /// fails, and counts the shown and the answered questions.
    #[must_use]
    pub fn css(&self) -> String {
        let root = "[data-static-root]";
        let mut rules = vec![
            format!("{root}{{counter-reset:ac-shown ac-answered}}"),
            format!("{root} [data-static-question]{{counter-increment:ac-shown}}"),
            format!(
                "{root} [data-static-question]:has(input:checked){{counter-increment:ac-shown ac-answered}}"
            ),
            format!("{root} [data-static-count=answered]::before{{content:counter(ac-answered)}}"),
            format!("{root} [data-static-count=total]::before{{content:counter(ac-shown)}}"),
        ];
        // One rule per condition, for every block it hides.
        let mut hides: Vec<(&str, Vec<String>)> = Vec::new();
        for (key, block) in self.blocks.iter().enumerate() {
            let Some(when) = block.hidden_when.as_deref() else {
                continue;
            };
            let target = match block.item {
                Item::Question(q) => format!("[data-static-question={}]", q.as_str()),
                _ => format!("[data-s=\"{key}\"]"),
            };
            match hides.iter_mut().find(|(w, _)| *w == when) {
                Some((_, targets)) => targets.push(target),
                None => hides.push((when, vec![target])),
            }
        }
        for (when, targets) in hides {
            let target = match targets.as_slice() {
                [one] => one.clone(),
                many => format!(":is({})", many.join(",")),
            };
            rules.push(format!("{root}{when} {target}{{display:none}}"));
        }
        rules.join("\n") + "\n"
    }

    /// The results in `c`'s language: every block, each marked with its public attributes
    /// (`data-static-verdict`, `data-static-circumstance` and `data-status`,
    /// `data-static-open-question`, `data-static-finding` and `data-question`).
    #[must_use]
    pub fn results(&self, c: &Catalog) -> String {
        markup::results(&self.blocks, c)
    }

    /// `<assurance-check>` with the whole widget inside as a declarative shadow root: the
    /// widget's stylesheet and the generated one, the intro, the questionnaire and the
    /// results, in `c`'s language.
    #[must_use]
    pub fn widget(&self, c: &Catalog) -> String {
        let t = chrome::text(c.lang.code);
        widget::element(c, t, &self.css(), markup::parts(&self.blocks, c))
    }

    /// The one-file page in `c`'s language (www/index.html filled in, the widget inside),
    /// with the CSP and script markers left for scripts/bundle.mjs.
    ///
    /// # Errors
    /// If www/index.html names a placeholder that no language defines.
    pub fn page(&self, c: &Catalog) -> Result<String, String> {
        page::page(c, &self.widget(c))
    }

    /// A standalone test page without script: every question as plain radios, the
    /// results and the stylesheet.
    #[must_use]
    pub fn harness(&self, c: &Catalog) -> String {
        markup::harness(&self.blocks, &self.css(), c)
    }
}

#[cfg(test)]
mod tests {
    use super::blocks::outputs;
    use super::cover::cover;

    /// For every item, the terms of the states that show it hold exactly those states, and
    /// the terms of the others exactly the others: either form of `hidden_when` is exact.
    #[test]
    fn every_cover_holds_exactly_its_states() {
        for o in outputs() {
            for (item, shown) in &o.items {
                let hidden: Vec<bool> = shown.iter().map(|s| !s).collect();
                for (set, what) in [(shown, "shown"), (&hidden, "hidden")] {
                    let mut held = vec![false; set.len()];
                    for term in cover(&o.space, set) {
                        for i in term.members(&o.space) {
                            assert!(held.get(i).is_some(), "{item:?}: state {i} out of range");
                            if let Some(h) = held.get_mut(i) {
                                *h = true;
                            }
                        }
                    }
                    assert_eq!(&held, set, "{item:?}, {what}");
                }
            }
        }
    }
}
