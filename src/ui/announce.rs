//! The polite status region that announces changes to screen readers.
//!
//! Chrome does not reliably announce live regions inside shadow DOM, so the region lives in
//! the host's light DOM (`<div role="status" slot="status">`) and is rendered through a
//! `<slot name="status">` that the shadow root keeps visually hidden. It exists from
//! start-up, so the first announcement is heard too.

use web_sys::{Document, Element};

use super::dom::{self, El, Result};

/// Marks the region this crate put in the host, so that a new mount can replace it.
const MARKER: &str = "data-assurance-check-status";
/// Selects the status region this module added to a host earlier.
const MARKED: &str = ":scope > [data-assurance-check-status]";

/// The live region in the host's light DOM.
pub(crate) struct Announcer {
    region: Element,
}

impl Announcer {
    /// Puts a fresh, empty region in `host`, replacing any left by an earlier mount (or
    /// saved with the page), and returns it with the slot that shows it.
    pub(crate) fn attach(
        doc: &Document,
        host: &Element,
        lang: &str,
        dir: &str,
    ) -> Result<(Announcer, Element)> {
        while let Ok(Some(old)) = host.query_selector(MARKED) {
            old.remove();
        }
        let region = El::new(doc, "div")
            .attr("role", "status")
            .attr("aria-live", "polite")
            .attr("aria-atomic", "true")
            .attr("slot", "status")
            .attr("lang", lang)
            .attr("dir", dir)
            .flag(MARKER)
            .done();
        host.append_child(&region)
            .map_err(|_| dom::error("add the status region"))?;
        let slot = El::new(doc, "div")
            .class("visually-hidden")
            .child(El::new(doc, "slot").attr("name", "status"))
            .done();
        Ok((Announcer { region }, slot))
    }

    /// Takes the region out of the host (the widget is unmounted).
    pub(crate) fn remove(&self) {
        self.region.remove();
    }

    /// Announces `text` politely, replacing the previous announcement.
    pub(crate) fn say(&self, text: &str) {
        dom::set_text(&self.region, text);
    }
}
