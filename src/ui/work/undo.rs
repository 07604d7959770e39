//! Undo after an answers file replaced what was on screen (issue 14, item 1): the file is
//! opened at once, as before, and a visible Undo among the case-file buttons brings back the
//! answers, notes and case exactly as they were.

use web_sys::{Document, Element};

use crate::i18n::Catalog;
use crate::rules::Answers;
use crate::ui::action::Action;
use crate::ui::dom::{self, El};

/// The Undo button (what it restores is kept with the answers, across redraws).
pub(crate) struct Undo {
    pub(crate) button: Element,
}

impl Undo {
    /// A hidden Undo button.
    pub(crate) fn build(doc: &Document, c: &'static Catalog) -> Undo {
        let button = El::new(doc, "button")
            .attr("type", "button")
            .class("button")
            .action(Action::Undo)
            .flag("hidden")
            .text(c.casework.undo)
            .done();
        Undo { button }
    }

    /// Shows the button while there is something to restore.
    pub(crate) fn offer(&self, previous: Option<&Answers>) {
        dom::set_shown(&self.button, previous.is_some());
    }
}
