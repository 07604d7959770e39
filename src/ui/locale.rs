//! Which catalog the widget speaks: the element's `lang`, else the page's, then the
//! browser's preferred languages, then English (`i18n::negotiate` decides among them).
//!
//! In the one-file pages (issue 14, item 12) the default page, English, follows the
//! browser's languages instead, unless the user picked a language: in the picker, or kept
//! with "Keep my answers on this device" (`keep_language`).

use web_sys::{Document, Element};

use crate::i18n::{self, Catalog};

/// The second localStorage key, beside the answers': the language shown, written only while
/// a kept copy exists, and erased with it (`keep::keep_language`).
#[cfg(feature = "page")]
pub(crate) const LANGUAGE_KEY: &str = "assurance-check/language";

#[cfg(feature = "page")]
thread_local! {
    /// The user picked a language in this page: it wins over the browser's.
    static PICKED: core::cell::Cell<bool> = const { core::cell::Cell::new(false) };
}

/// The catalog for a widget mounted on `host` in `doc`.
pub(crate) fn choose(host: &Element, doc: &Document) -> &'static Catalog {
    let declared = host
        .get_attribute("lang")
        .filter(|l| !l.trim().is_empty())
        .or_else(|| {
            doc.document_element()
                .and_then(|html| html.get_attribute("lang"))
        });
    #[cfg(feature = "page")]
    let declared = page_language(declared);
    let preferred = crate::js::browser_languages();
    i18n::negotiate(
        declared
            .iter()
            .map(String::as_str)
            .chain(preferred.iter().map(String::as_str)),
    )
}

/// The one-file pages' choice: a language picked here, or a page's own language, stays;
/// the default (English) page speaks the kept language, else the browser's.
#[cfg(feature = "page")]
fn page_language(declared: Option<String>) -> Option<String> {
    if PICKED.get() || declared.as_deref() != Some(i18n::english().lang.code) {
        return declared;
    }
    super::keep::storage().and_then(|s| s.get_item(LANGUAGE_KEY).ok().flatten())
}

/// The user picked a language: from now on it wins over the browser's.
#[cfg(feature = "page")]
pub(crate) fn picked() {
    PICKED.set(true);
}

/// Keeps the language shown with the answers while `keep` is on; removes it otherwise
/// (turned off, "Forget"). The Keep code calls this whenever it writes or erases.
#[cfg(feature = "page")]
pub(crate) fn keep_language(keep: bool, code: &str) {
    let Some(storage) = super::keep::storage() else {
        return;
    };
    let _ = if keep {
        storage.set_item(LANGUAGE_KEY, code)
    } else {
        storage.remove_item(LANGUAGE_KEY)
    };
}
