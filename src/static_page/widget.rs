//! `<assurance-check>` with its widget already inside, as HTML text: a declarative shadow
//! root (`<template shadowrootmode="open">`) holding the widget's own stylesheet, the
//! generated one, and the intro, the results and the questionnaire in the live widget's
//! classes. The element's script, when it starts, mounts the live widget in this same root
//! and carries over what was answered here (www/element.js).

use super::chrome::PageText;
use super::markup::escape;
use crate::i18n::{fill, Catalog, LANGUAGES};
use crate::rules::decimal;
use crate::rules::MAX_CASE_CHARS;

/// The widget's stylesheet (www/widget.css and review.css, stripped by build.rs), the same as
/// the pages' build of src/ui.
const WIDGET_CSS: &str = concat!(
    include_str!(concat!(env!("OUT_DIR"), "/widget.css")),
    include_str!(concat!(env!("OUT_DIR"), "/review.css"))
);
/// What the pages' widget adds to it (www/casework.css): the case fields' look.
const CASEWORK_CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/casework.css"));
/// What only the static widget needs: the panel drawn first though it follows the questions
/// (for the counters), the verdict's tones, the no-WebAssembly notice, and the print view.
const STATIC_CSS: &str = include_str!("static.css");

/// The element with its declarative shadow root, in `c`'s language. `css` is the generated
/// stylesheet, `results` the results markup (the summary, the rest), both from the same
/// `StaticPage`.
/// `[data-static-root]` is the layout, not `.ac`: `.ac` is a size container, whose style
/// containment would keep the counters from reaching the results.
pub(super) fn element(c: &Catalog, t: &PageText, css: &str, results: (String, String)) -> String {
    let (summary, rest) = results;
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
         <style>{WIDGET_CSS}{CASEWORK_CSS}</style><style>{STATIC_CSS}{css}</style>\n\
         <div class=\"ac\" lang=\"{lang}\" dir=\"{dir}\">\
         <header class=\"intro\">{picker}<h2>{title}</h2><p>{intro}</p><p class=\"disclaimer\">{disclaimer}</p>\
         <p class=\"privacy\">{privacy}</p>{notice}{case_fields}{casefile}</header>\n\
         <div class=\"layout\" data-static-root>{bar}<div class=\"columns\">{questions}\n{summary}</div>\n{rest}</div>\
         </div></template></assurance-check>",
        title = escape(c.ui.title),
        intro = escape(c.ui.intro),
        disclaimer = escape(c.ui.disclaimer),
        privacy = escape(c.ui.privacy),
        questions = super::questionnaire::questions(c),
        picker = picker(c),
        bar = bar(c),
        casefile = casefile(c),
        case_fields = case_fields(c),
    )
}

/// The live widget's case reference and preparer's name (src/ui/work/case_fields.rs), as
/// real inputs: typed here, they are carried into the live widget by name (www/page.js).
fn case_fields(c: &Catalog) -> String {
    let input = |name: &str, extra: &str| {
        format!(
            "<input type=\"text\" id=\"ac-{name}\" name=\"{name}\" maxlength=\"{MAX_CASE_CHARS}\" dir=\"auto\" \
             spellcheck=\"false\" translate=\"no\" autocomplete=\"off\" writingsuggestions=\"false\"{extra}>"
        )
    };
    format!(
        "<div class=\"case-fields\"><div><label for=\"ac-case_reference\">{}</label>{}\
         <p id=\"ac-case-advice\">{}</p></div>\
         <div><label for=\"ac-case_prepared_by\">{}</label>{}</div></div>",
        escape(c.report.case_reference),
        input("case_reference", " aria-describedby=\"ac-case-advice\""),
        escape(c.casework.reference_advice),
        escape(c.report.prepared_by),
        input("case_prepared_by", ""),
    )
}

/// The live widget's language picker, inert: it holds the live one's place while the wasm
/// starts, so the page does not jump when the live widget takes over. Hidden without script
/// (`scripting: none`) and without WebAssembly (`data-static-nowasm`, set by www/element.js).
fn picker(c: &Catalog) -> String {
    let options: String = LANGUAGES
        .iter()
        .map(|l| {
            let selected = if l.lang.code == c.lang.code {
                " selected"
            } else {
                ""
            };
            format!(
                "<option value=\"{code}\" lang=\"{code}\" dir=\"{}\"{selected}>{}</option>",
                l.lang.dir.as_str(),
                escape(l.lang.name),
                code = l.lang.code
            )
        })
        .collect();
    format!(
        "<div class=\"language\" data-static-scripted><label>{}</label><select disabled>{options}</select></div>",
        escape(c.ui.language)
    )
}

/// The live widget's bar as it is before any answer, inert, holding its place as `picker`
/// does (the count is the core's, for no answers).
fn bar(c: &Catalog) -> String {
    let none = crate::rules::progress(&crate::rules::Answers::new());
    let count = fill(
        c.review.progress_more,
        &[
            ("answered", &decimal(none.answered as u64)),
            ("total", &decimal(none.shown as u64)),
            ("more", &decimal(none.may_appear as u64)),
        ],
    );
    format!(
        "<div class=\"bar\" data-shown-verdict=\"none\" data-static-scripted><p><span class=\"bar-title\">{}</span>\
         <span class=\"bar-progress\">{}</span></p><button type=\"button\" class=\"button\" disabled>{}</button>\
         <button type=\"button\" class=\"button\" disabled>{}</button></div>",
        escape(c.verdict(None).title),
        escape(&count),
        escape(c.ui.skip_to_verdict),
        escape(c.review.next_unanswered)
    )
}

/// The live widget's case-file buttons, inert, holding their place as `picker` does.
fn casefile(c: &Catalog) -> String {
    let button = |label: &str| {
        format!(
            "<button type=\"button\" class=\"button\" disabled>{}</button>",
            escape(label)
        )
    };
    let ui = &c.ui;
    format!(
        "<div class=\"casefile\" data-static-scripted><div class=\"casefile-actions\">{}{}{}{}{}</div>\
         <p class=\"drop-hint\">{}</p><div class=\"keep\"><label class=\"switch\">\
         <input type=\"checkbox\" role=\"switch\" disabled><span>{}</span></label>{}\
         <p class=\"keep-help\">{}</p></div></div>",
        button(ui.save_answers),
        button(ui.open_answers),
        button(ui.download_report),
        button(ui.print_report),
        button(c.casework.download_rtf),
        escape(ui.drop_hint),
        escape(ui.keep_on_device),
        button(ui.forget),
        escape(ui.keep_on_device_help)
    )
}
