//! The case reference and the preparer's name at the top of the widget (issue 14, item 7):
//! saved in the answers file's `case` (RULES.md) and printed first in every report. Like the
//! notes, they ask the browser to keep their text to itself (SECURITY.md). The
//! static page draws the same two inputs (src/static_page/widget.rs), so what was typed
//! there is carried over by name (www/page.js).

use web_sys::{Document, Element, Event, HtmlInputElement};

use crate::i18n::Catalog;
use crate::rules::{decimal, Answers, MAX_CASE_CHARS};
use crate::ui::dom::{self, El};

/// The two inputs' `name`s, shared with the static page.
pub(crate) const REFERENCE: &str = "case_reference";
pub(crate) const PREPARED_BY: &str = "case_prepared_by";

/// The fields and their inputs.
pub(crate) struct CaseFields {
    pub(crate) root: Element,
    reference: HtmlInputElement,
    prepared_by: HtmlInputElement,
}

impl CaseFields {
    /// Both fields, labelled in `c`'s language, the reference with its advice.
    pub(crate) fn build(doc: &Document, c: &'static Catalog) -> CaseFields {
        let input = |name: &str| -> HtmlInputElement {
            El::new(doc, "input")
                .attr("type", "text")
                .attr("id", &["ac-", name].concat())
                .attr("name", name)
                .attr("maxlength", &decimal(MAX_CASE_CHARS as u64))
                .attr("dir", "auto")
                .attr("spellcheck", "false")
                .attr("translate", "no")
                .attr("autocomplete", "off")
                .attr("writingsuggestions", "false")
                .done_as()
        };
        let reference = input(REFERENCE);
        dom::set_attr(&reference, "aria-describedby", "ac-case-advice");
        let prepared_by = input(PREPARED_BY);
        let field = |input: &HtmlInputElement, name: &str, label: &str| {
            El::new(doc, "div")
                .child(
                    El::new(doc, "label")
                        .attr("for", &["ac-", name].concat())
                        .text(label),
                )
                .append(input)
        };
        let root = El::new(doc, "div")
            .class("case-fields")
            .child(
                field(&reference, REFERENCE, c.report.case_reference).child(
                    El::new(doc, "p")
                        .attr("id", "ac-case-advice")
                        .text(c.casework.reference_advice),
                ),
            )
            .child(field(&prepared_by, PREPARED_BY, c.report.prepared_by))
            .done();
        CaseFields {
            root,
            reference,
            prepared_by,
        }
    }

    /// Shows the case of `answers` (after a mount, an open or an undo).
    pub(crate) fn sync(&self, answers: &Answers) {
        let case = answers.case();
        self.reference
            .set_value(case.reference.as_deref().unwrap_or_default());
        self.prepared_by
            .set_value(case.prepared_by.as_deref().unwrap_or_default());
    }

    /// If `event` was typed in one of the fields, records both in `answers`: `true` then.
    pub(crate) fn on_input(&self, event: &Event, answers: &mut Answers) -> bool {
        let typed =
            dom::target(event).is_some_and(|t| t == **self.reference || t == **self.prepared_by);
        if typed {
            answers.set_case(&self.reference.value(), &self.prepared_by.value());
        }
        typed
    }
}
