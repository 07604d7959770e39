//! `<assurance-check>` with its widget already inside, as HTML text: a declarative shadow
//! root (`<template shadowrootmode="open">`) holding the widget's own stylesheet, the
//! generated one, and the intro, the results and the questionnaire in the live widget's
//! classes. The element's script, when it starts, mounts the live widget in this same root
//! and carries over what was answered here (www/element.js).

use super::chrome::PageText;
use super::markup::escape;
use crate::i18n::Catalog;

/// The widget's stylesheet (www/widget.css, stripped by build.rs), the same as src/ui's.
const WIDGET_CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.css"));
/// What only the static widget needs: the panel drawn first though it follows the questions
/// (for the counters), the verdict's tones, the no-WebAssembly notice, and the print view.
const STATIC_CSS: &str = include_str!("static.css");

/// The element with its declarative shadow root, in `c`'s language. `css` is the generated
/// stylesheet, `results` the results markup, both from the same `StaticPage`.
/// `[data-static-root]` is the layout, not `.ac`: `.ac` is a size container, whose style
/// containment would keep the counters from reaching the results.
pub(super) fn element(c: &Catalog, t: &PageText, css: &str, results: &str) -> String {
    let lang = c.lang.code;
    let dir = c.lang.dir.as_str();
    let notice = format!(
        "<div class=\"notice\" role=\"note\" data-static-notice hidden><p class=\"notice-title\">{}</p>\
         <p>{}</p><p>{}</p><p>{}</p></div>",
        escape(t.notice_title),
        escape(t.notice_works),
        escape(t.notice_missing),
        escape(t.notice_cause)
    );
    format!(
        "<assurance-check lang=\"{lang}\"><template shadowrootmode=\"open\">\
         <style>{WIDGET_CSS}</style><style>{STATIC_CSS}{css}</style>\n\
         <div class=\"ac\" lang=\"{lang}\" dir=\"{dir}\">\
         <header class=\"intro\"><h2>{title}</h2><p>{intro}</p><p class=\"disclaimer\">{disclaimer}</p>\
         <p class=\"privacy\">{privacy}</p>{notice}</header>\n\
         <div class=\"layout\" data-static-root>{questions}\n<section class=\"panel\">{results}</section></div>\
         </div></template></assurance-check>",
        title = escape(c.ui.title),
        intro = escape(c.ui.intro),
        disclaimer = escape(c.ui.disclaimer),
        privacy = escape(c.ui.privacy),
        questions = super::questionnaire::questions(c),
    )
}
