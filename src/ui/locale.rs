//! Which catalog the widget speaks: the element's `lang`, else the page's, then the
//! browser's preferred languages, then English (`i18n::negotiate` decides among them).

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
    let preferred = crate::js::browser_languages();
    i18n::negotiate(
        declared
            .iter()
            .map(String::as_str)
            .chain(preferred.iter().map(String::as_str)),
    )
}
