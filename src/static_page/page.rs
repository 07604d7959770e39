//! A one-file page in one language: www/index.html with its `{{field}}` placeholders filled
//! from the language's `PageText`, the links to the other languages' pages, and the widget
//! with its static questionnaire. The CSP and the script are left to scripts/bundle.mjs
//! (its two `<!-- assurance-check:… -->` markers), which hashes the result.

use super::chrome::{self, PageText, PAGES};
use crate::i18n::Catalog;

/// The page template, also read by tests for its own stylesheet.
const TEMPLATE: &str = include_str!("../../www/index.html");

/// The links to each language's page; the current one is marked, not linked.
fn languages(code: &str) -> String {
    let links: Vec<String> = PAGES
        .iter()
        .map(|(lang, file, name)| {
            if *lang == code {
                format!("<span lang=\"{lang}\" aria-current=\"page\">{name}</span>")
            } else {
                format!("<a href=\"{file}\" hreflang=\"{lang}\" lang=\"{lang}\">{name}</a>")
            }
        })
        .collect();
    links.join(" ")
}

/// The value of a placeholder that names a field of `t`.
fn field(t: &PageText, name: &str) -> Option<&'static str> {
    Some(match name {
        "title" => t.title,
        "description" => t.description,
        "skip" => t.skip,
        "languages_label" => t.languages,
        "eyebrow" => t.eyebrow,
        "headline" => t.headline,
        "lede" => t.lede,
        "who_heading" => t.who_heading,
        "who" => t.who,
        "data_heading" => t.data_heading,
        "data" => t.data,
        "not_heading" => t.not_heading,
        "not" => t.not,
        "tool_label" => t.tool_label,
        "privacy_heading" => t.privacy_heading,
        "privacy_1" => t.privacy_1,
        "privacy_2" => t.privacy_2,
        "sources_heading" => t.sources_heading,
        "sources_1" => t.sources_1,
        "sources_2" => t.sources_2,
        "link_statement" => t.link_statement,
        "link_cat" => t.link_cat,
        "link_iccpr" => t.link_iccpr,
        "footer_1" => t.footer_1,
        "footer_2" => t.footer_2,
        "footer_3" => t.footer_3,
        _ => return None,
    })
}

/// The printed page's foot as a CSS `content` value: the page's "page {page} of {pages}"
/// with the page counters in place of the placeholders.
fn page_of(t: &PageText) -> String {
    let text = t.page_of.replace(['"', '\\'], "");
    let counters = [
        ("page", "\" counter(page) \""),
        ("pages", "\" counter(pages) \""),
    ];
    ["\"", &crate::i18n::fill(&text, &counters), "\""].concat()
}

/// The page in `c`'s language around `widget`. An unknown placeholder is an error naming it.
pub(super) fn page(c: &Catalog, widget: &str) -> Result<String, String> {
    let t = chrome::text(c.lang.code);
    let mut out = String::with_capacity(TEMPLATE.len() + widget.len());
    let mut rest = TEMPLATE;
    while let Some(start) = rest.find("{{") {
        let (before, after) = rest.split_at(start);
        out.push_str(before);
        let after = after.get(2..).unwrap_or("");
        let Some(end) = after.find("}}") else {
            return Err("www/index.html: an unclosed {{".to_owned());
        };
        let (name, tail) = after.split_at(end);
        match name {
            "lang" => out.push_str(c.lang.code),
            "dir" => out.push_str(c.lang.dir.as_str()),
            "languages" => out.push_str(&languages(c.lang.code)),
            "widget" => out.push_str(widget),
            "page_of" => out.push_str(&page_of(t)),
            _ => out.push_str(
                field(t, name).ok_or_else(|| format!("www/index.html: unknown {{{{{name}}}}}"))?,
            ),
        }
        rest = tail.get(2..).unwrap_or("");
    }
    out.push_str(rest);
    Ok(out)
}
