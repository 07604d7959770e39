//! Which catalog the widget speaks: the element's `lang`, else the page's, then the
//! browser's preferred languages, then English (`i18n::negotiate` decides among them).

use js_sys::{Array, JsString, Reflect};
use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

use crate::i18n::{self, Catalog};

/// The catalog for a widget mounted on `host` in `doc`.
pub(crate) fn choose(host: &Element, doc: &Document) -> &'static Catalog {
    let declared = host
        .get_attribute("lang")
        .filter(|l| !l.trim().is_empty())
        .or_else(|| {
            doc.document_element()
                .and_then(|html| html.get_attribute("lang"))
        });
    let preferred = browser_languages();
    i18n::negotiate(
        declared
            .iter()
            .map(String::as_str)
            .chain(preferred.iter().map(String::as_str)),
    )
}

/// `navigator.languages`, read through `Reflect` so that web-sys's `Navigator` (which
/// carries `sendBeacon`) stays disabled.
fn browser_languages() -> Vec<String> {
    let global = js_sys::global();
    Reflect::get(&global, &JsString::from("navigator"))
        .and_then(|navigator| Reflect::get(&navigator, &JsString::from("languages")))
        .ok()
        .and_then(|languages| languages.dyn_into::<Array>().ok())
        .map(|languages| languages.iter().filter_map(|tag| tag.as_string()).collect())
        .unwrap_or_default()
}
