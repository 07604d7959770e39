//! The questionnaire: the sections in the order the statement reads, one fieldset per
//! question, each with its answers, its help (with the citation) and a notes field.
//!
//! Shown-when is the core's `QuestionId::is_shown`; this module only applies it.

use web_sys::{Document, Element, HtmlInputElement, HtmlTextAreaElement};

use super::cite;
use super::dom::{self, El};
use crate::i18n::{fill, Catalog};
use crate::report::options;
use crate::rules::{Answer, Answers, QuestionId, Section, Tri, MAX_NOTE_CHARS};

/// One question on the page.
pub(crate) struct QuestionView {
    pub(crate) id: QuestionId,
    fieldset: Element,
    radios: Vec<HtmlInputElement>,
    note: HtmlTextAreaElement,
    note_disclosure: Element,
}

/// Every question on the page, in statement order.
pub(crate) struct Questions {
    pub(crate) root: Element,
    views: Vec<QuestionView>,
}

impl Questions {
    /// Builds every section and question in the catalog's language.
    pub(crate) fn build(doc: &Document, c: &'static Catalog) -> Questions {
        let mut views = Vec::new();
        let mut root = El::new(doc, "div").class("questions");
        for section in Section::ALL {
            let heading_id = ["section-", section.as_str()].concat();
            let mut part = El::new(doc, "section")
                .class("section")
                .attr("data-section", section.as_str())
                .child(
                    El::new(doc, "h3")
                        .attr("id", &heading_id)
                        .text(c.section(section)),
                );
            for q in section.questions() {
                let view = question(doc, c, q);
                part = part.append(&view.fieldset);
                views.push(view);
            }
            root = root.child(part);
        }
        Questions {
            root: root.done(),
            views,
        }
    }

    /// Hides each question whose shown-when condition fails (the answer is kept).
    pub(crate) fn show(&self, answers: &Answers) {
        for v in &self.views {
            dom::set_shown(&v.fieldset, v.id.is_shown(answers));
        }
    }

    /// Makes every control match `answers`: after start-over, and later after loading a file.
    pub(crate) fn sync(&self, answers: &Answers) {
        for v in &self.views {
            let value = answers.get(v.id).map(Answer::as_str);
            for radio in &v.radios {
                radio.set_checked(Some(radio.value().as_str()) == value);
            }
            let note = answers.note(v.id).unwrap_or("");
            if v.note.value() != note {
                v.note.set_value(note);
            }
            if !note.is_empty() {
                dom::set_attr(&v.note_disclosure, "open", "");
            }
        }
    }

    /// Moves focus to a question: its chosen answer, or else its first.
    pub(crate) fn focus(&self, q: QuestionId) {
        let Some(v) = self.views.iter().find(|v| v.id == q) else {
            return;
        };
        let target = v
            .radios
            .iter()
            .find(|r| r.checked())
            .or_else(|| v.radios.first());
        if let Some(radio) = target {
            dom::focus(radio);
        }
    }
}

/// `<fieldset data-question>`: the question as legend, its answers as radios, then the help
/// and the notes, each behind a disclosure.
fn question(doc: &Document, c: &'static Catalog, q: QuestionId) -> QuestionView {
    let id = q.as_str();
    let text = c.question(q);
    let mut radios = Vec::new();
    let mut choices = El::new(doc, "div").class("choices");
    for option in options(q, c) {
        let radio: HtmlInputElement = El::new(doc, "input")
            .attr("type", "radio")
            .attr("name", id)
            .attr("value", option.value)
            .done_as();
        choices = choices.child(
            El::new(doc, "label")
                .class("choice")
                .append(&radio)
                .child(El::new(doc, "span").text(option.label)),
        );
        radios.push(radio);
    }

    let help = El::new(doc, "details")
        .class("help")
        .child(El::new(doc, "summary").text(c.ui.help_toggle))
        .child(El::new(doc, "p").text(text.help))
        .child(
            El::new(doc, "p")
                .class("cite")
                .text(&fill(c.ui.source, &[("cites", &cite(q.cites()))])),
        );

    // RULES.md "What an answer means": beside each R2 question, what Yes, No and Don't know
    // mean, so that "No" is not read as "not proven".
    let standard = q.under_r2().then(|| {
        let s = &c.standard;
        let mut list = El::new(doc, "ul");
        for (value, meaning) in [
            (Tri::Yes, s.yes),
            (Tri::No, s.no),
            (Tri::Unknown, s.unknown),
        ] {
            let line = fill(
                c.report.item,
                &[("label", c.answer(Answer::Tri(value))), ("text", meaning)],
            );
            list = list.child(El::new(doc, "li").text(&line));
        }
        El::new(doc, "div")
            .class("standard")
            .attr("data-standard", "")
            .child(El::new(doc, "p").text(s.heading))
            .child(list)
            .done()
    });

    let note_id = ["note-", id].concat();
    let note: HtmlTextAreaElement = El::new(doc, "textarea")
        .attr("id", &note_id)
        .attr("data-note", id)
        .attr("dir", "auto")
        .attr("rows", "3")
        .attr("maxlength", &crate::rules::decimal(MAX_NOTE_CHARS as u64))
        // Keep notes from the browser's cloud features: enhanced spellcheck, page
        // translation, form history and writing suggestions send or keep text (issue 16).
        .attr("spellcheck", "false")
        .attr("translate", "no")
        .attr("autocomplete", "off")
        .attr("writingsuggestions", "false")
        .done_as();
    let note_disclosure = El::new(doc, "details")
        .class("notes")
        .child(El::new(doc, "summary").text(c.ui.notes_toggle))
        .child(
            El::new(doc, "label")
                .attr("for", &note_id)
                .text(c.ui.notes_label),
        )
        .append(&note)
        .done();

    let mut fieldset = El::new(doc, "fieldset")
        .class("question")
        .attr("data-question", id)
        .child(legend(doc, c, text.text))
        .child(choices);
    if let Some(standard) = &standard {
        fieldset = fieldset.append(standard);
    }
    let fieldset = fieldset.child(help).append(&note_disclosure).done();
    QuestionView {
        id: q,
        fieldset,
        radios,
        note,
        note_disclosure,
    }
}

/// The question as the fieldset's legend; in the one-file pages with a "Not answered" mark
/// that the stylesheet hides once an answer is chosen (issue 14, item 5).
fn legend(doc: &Document, c: &'static Catalog, text: &str) -> El {
    #[cfg(not(feature = "page"))]
    let _ = c;
    let legend = El::new(doc, "legend").text(text);
    #[cfg(feature = "page")]
    let legend = legend.child(
        El::new(doc, "span")
            .class("unanswered-mark")
            .text(c.values.unanswered),
    );
    legend
}
