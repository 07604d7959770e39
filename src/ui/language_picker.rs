//! The language picker. Its choice is written to the host's `lang` attribute, so it wins
//! over the page's language and the browser's, and the element redraws itself in that
//! language with the answers and notes kept (see `mount`).

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event, HtmlSelectElement, ShadowRoot};

use super::action::Action;
use super::dom::{self, El};
use crate::i18n::{self, Catalog};

/// A labelled `<select>` of every shipped language, each named in itself.
pub(crate) fn build(doc: &Document, c: &Catalog) -> (Element, Element) {
    let mut select = El::new(doc, "select")
        .attr("id", "ac-language")
        .action(Action::Language);
    for lang in i18n::LANGUAGES {
        let mut option = El::new(doc, "option")
            .attr("value", lang.lang.code)
            .attr("lang", lang.lang.code)
            .attr("dir", lang.lang.dir.as_str())
            .text(lang.lang.name);
        if lang.lang.code == c.lang.code {
            option = option.flag("selected");
        }
        select = select.child(option);
    }
    let select = select.done();
    let picker = El::new(doc, "div")
        .class("language")
        .child(
            El::new(doc, "label")
                .attr("for", "ac-language")
                .text(c.ui.language),
        )
        .append(&select)
        .done();
    (picker, select)
}

/// If `event` is a change of the picker, asks the host element to speak that language and
/// returns `true`.
pub(crate) fn on_change(event: &Event) -> bool {
    let Some(select) = event
        .target()
        .and_then(|t| t.dyn_into::<HtmlSelectElement>().ok())
        .filter(|s| Action::of(s) == Some(Action::Language))
    else {
        return false;
    };
    let code = select.value();
    if i18n::catalog(&code).is_none() {
        return false;
    }
    #[cfg(feature = "page")]
    super::locale::picked();
    if let Ok(root) = select.get_root_node().dyn_into::<ShadowRoot>() {
        let host = root.host();
        // The default page speaks the browser's language under `lang="en"`: picking English
        // there must still redraw, and only a changed attribute does.
        #[cfg(feature = "page")]
        if host.get_attribute("lang").as_deref() == Some(code.as_str()) {
            let _ = host.remove_attribute("lang");
        }
        dom::set_attr(&host, "lang", &code);
    }
    true
}
