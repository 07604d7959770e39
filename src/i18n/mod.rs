//! Compile-time message catalogs: every user-facing text, in every shipped language.
//!
//! A catalog is a plain `static` struct, so a language that lacks a message does not
//! compile, and nothing is parsed at run time. To add a language, write one catalog file
//! (`xx.rs` with `pub static XX: Catalog`) and add one line, `xx::XX,`, to `languages!`.
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod catalog;

pub use catalog::*;

/// Declares each language's module and lists its catalog in [`LANGUAGES`].
macro_rules! languages {
    ($($module:ident::$catalog:ident,)*) => {
        $(mod $module;)*

        /// Every shipped language, English first (the fallback).
        pub static LANGUAGES: &[&Catalog] = &[$(&$module::$catalog),*];
    };
}

// One line per language, in the order the picker shows them.
languages! {
    en::EN,
    fr::FR,
    es::ES,
    ar::AR,
}

/// English, the fallback language.
#[must_use]
pub fn english() -> &'static Catalog {
    &en::EN
}

/// The catalog for a BCP 47 tag such as `fr` or `fr-CA`, matched on its primary subtag.
#[must_use]
pub fn catalog(tag: &str) -> Option<&'static Catalog> {
    let primary = tag.split(['-', '_']).next().unwrap_or(tag);
    LANGUAGES
        .iter()
        .copied()
        .find(|c| c.lang.code.eq_ignore_ascii_case(primary))
}

/// The first supported language among `tags` (for example the browser's preferences),
/// else English.
#[must_use]
pub fn negotiate<'a>(tags: impl IntoIterator<Item = &'a str>) -> &'static Catalog {
    tags.into_iter().find_map(catalog).unwrap_or(english())
}

/// Fills `{name}` placeholders in a message in one pass, so that a value can never be
/// read as a placeholder. Unknown placeholders are left as they are.
#[must_use]
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let (before, from_brace) = rest.split_at(open);
        out.push_str(before);
        let value = from_brace.find('}').and_then(|close| {
            let name = from_brace.get(1..close)?;
            let (_, v) = args.iter().find(|(n, _)| *n == name)?;
            Some((*v, close))
        });
        match value {
            Some((v, close)) => {
                out.push_str(v);
                rest = from_brace.get(close + 1..).unwrap_or("");
            }
            None => {
                out.push('{');
                rest = from_brace.get(1..).unwrap_or("");
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::{catalog, english, fill};

    #[test]
    fn long_dates_are_written_in_each_language_and_anything_else_is_kept() {
        let date = |code: &str, iso: &str| catalog(code).map(|c| c.long_date(iso));
        assert_eq!(date("en", "2026-12-02").as_deref(), Some("2 December 2026"));
        assert_eq!(date("fr", "2026-12-02").as_deref(), Some("2 décembre 2026"));
        assert_eq!(date("fr", "2026-03-01").as_deref(), Some("1er mars 2026"));
        assert_eq!(
            date("es", "2026-01-31").as_deref(),
            Some("31 de enero de 2026")
        );
        assert_eq!(date("ar", "2026-12-10").as_deref(), Some("10 ديسمبر 2026"));
        for odd in [
            "2026-13-01",
            "2026-00-10",
            "2026-12-32",
            "2026-12-00",
            "2026-1-02",
            "26-12-02x",
            "",
            "2026-12-02T",
        ] {
            assert_eq!(english().long_date(odd), odd);
        }
    }

    #[test]
    fn fill_replaces_each_placeholder_once_and_keeps_unknown_ones() {
        assert_eq!(
            fill("{a} of {b} ({c})", &[("a", "{b}"), ("b", "15")]),
            "{b} of 15 ({c})"
        );
        assert_eq!(fill("no braces", &[("a", "x")]), "no braces");
        assert_eq!(fill("trailing {", &[]), "trailing {");
    }
}
