//! The questionnaire as HTML text: the same sections, fieldsets, radios, help, evidential
//! standard and notes as the live widget's (src/ui/questions.rs), class for class, so that the
//! widget's stylesheet gives both one look. Each fieldset also carries `data-static-question`,
//! the contract with the generated stylesheet.

use super::markup::{cite, escape};
use crate::i18n::{fill, Catalog};
use crate::report::options;
use crate::rules::{Answer, QuestionId, Section, Tri, MAX_NOTE_CHARS};

/// Every section and question in `c`'s language.
pub(super) fn questions(c: &Catalog) -> String {
    let mut out = String::from("<div class=\"questions\">");
    for s in Section::ALL {
        let heading = ["section-", s.as_str()].concat();
        out.push_str(&format!(
            "<section class=\"section\" data-section=\"{id}\">\
             <h3 id=\"{heading}\">{}</h3>",
            escape(c.section(s)),
            id = s.as_str(),
        ));
        for q in s.questions() {
            out.push_str(&question(q, c));
        }
        out.push_str("</section>\n");
    }
    out.push_str("</div>");
    out
}

/// One fieldset: the legend, the radios (`name` = id, `value` = answer), the evidential
/// standard beside an R2 question, the help and the notes.
fn question(q: QuestionId, c: &Catalog) -> String {
    let id = q.as_str();
    let text = c.question(q);
    let mut out = format!(
        "<fieldset class=\"question\" data-question=\"{id}\" data-static-question=\"{id}\">\
         <legend>{}<span class=\"unanswered-mark\">{}</span></legend><div class=\"choices\">",
        escape(text.text),
        escape(c.values.unanswered)
    );
    for o in options(q, c) {
        out.push_str(&format!(
            "<label class=\"choice\"><input type=\"radio\" name=\"{id}\" value=\"{}\"><span>{}</span></label>",
            o.value,
            escape(o.label)
        ));
    }
    out.push_str("</div>");
    if q.under_r2() {
        out.push_str(&standard(c));
    }
    let source = fill(&escape(c.ui.source), &[("cites", &cite(q.cites()))]);
    out.push_str(&format!(
        "<details class=\"help\"><summary>{}</summary><p>{}</p><p class=\"cite\">{source}</p></details>",
        escape(c.ui.help_toggle),
        escape(text.help)
    ));
    // The placeholder (one space, invisible) lets the print stylesheet tell an empty note
    // (`:placeholder-shown`) from a typed one without script.
    out.push_str(&format!(
        "<details class=\"notes\"><summary>{}</summary><label for=\"note-{id}\">{}</label>\
         <textarea id=\"note-{id}\" data-note=\"{id}\" dir=\"auto\" rows=\"3\" maxlength=\"{MAX_NOTE_CHARS}\" \
         spellcheck=\"false\" translate=\"no\" autocomplete=\"off\" writingsuggestions=\"false\" \
         placeholder=\" \"></textarea></details></fieldset>\n",
        escape(c.ui.notes_toggle),
        escape(c.ui.notes_label)
    ));
    out
}

/// RULES.md "What an answer means": what Yes, No and Don't know mean beside an R2 question.
fn standard(c: &Catalog) -> String {
    let s = &c.standard;
    let mut out = format!(
        "<div class=\"standard\" data-standard><p>{}</p><ul>",
        escape(s.heading)
    );
    for (value, meaning) in [
        (Tri::Yes, s.yes),
        (Tri::No, s.no),
        (Tri::Unknown, s.unknown),
    ] {
        let line = fill(
            c.report.item,
            &[("label", c.answer(Answer::Tri(value))), ("text", meaning)],
        );
        out.push_str(&format!("<li>{}</li>", escape(&line)));
    }
    out.push_str("</ul></div>");
    out
}
