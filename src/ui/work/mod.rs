//! What only the one-file pages' widget adds for case work (issue 14, items 1, 3, 7 and 9):
//! the case fields, the Undo after a file replaced answers, the saved file's name with the
//! case reference, and the editable report. Built with the cargo feature `page` only.

mod case_fields;
mod undo;

pub(crate) use case_fields::CaseFields;
pub(crate) use undo::Undo;

use std::cell::RefCell;
use std::rc::Rc;

use web_sys::{Document, Element, Event};

use super::action::Action;
use super::dom::El;
use super::{casefile, cite, App};
use crate::i18n::{fill, Catalog};
use crate::js::today;
use crate::report::{rtf_document, Meta};
use crate::rules::{answers_file_name, evaluate, Answers};

/// The pages' additions to one drawing of the widget.
pub(super) struct View {
    pub(super) case_fields: CaseFields,
    pub(super) undo: Undo,
}

impl View {
    /// Builds the additions and puts the RTF download and Undo at the end of the case-file
    /// buttons (the header takes the case fields, before the case-file controls). Appended,
    /// not inserted: no other DOM call in the wasm.
    pub(super) fn build(doc: &Document, c: &'static Catalog, case: &casefile::CaseFile) -> View {
        let case_fields = CaseFields::build(doc, c);
        let undo = Undo::build(doc, c);
        let rtf = El::new(doc, "button")
            .attr("type", "button")
            .class("button")
            .action(Action::DownloadRtf)
            .text(c.casework.download_rtf)
            .done();
        if let Ok(Some(actions)) = case.root.query_selector(".casefile-actions") {
            let _ = actions.append_child(&rtf);
            let _ = actions.append_child(&undo.button);
        }
        View { case_fields, undo }
    }

    /// Shows the case of `app` and offers Undo while there is something to restore.
    pub(super) fn sync(&self, app: &App) {
        self.case_fields.sync(&app.answers);
        self.undo
            .offer(app.previous.as_ref().map(|(answers, _)| answers));
    }
}

/// A text was typed in a case field: record the case. `false` for any other input.
pub(super) fn on_input(app: &Rc<RefCell<App>>, event: &Event) -> bool {
    let mut app = app.borrow_mut();
    let app = &mut *app;
    if !app.view.work.case_fields.on_input(event, &mut app.answers) {
        return false;
    }
    app.dirty = true;
    app.changed_storage();
    true
}

/// Before a valid file replaces the answers: keep what it replaces, if anything, for Undo.
pub(super) fn before_open(app: &mut App) {
    // Taken, not cloned: the file's answers replace them next.
    let replaced = !app.answers.is_empty();
    app.previous = replaced.then(|| (std::mem::take(&mut app.answers), app.dirty));
}

/// What is said once a file is opened: `loaded`, and that Undo restores what it replaced.
pub(super) fn opened_text(app: &App, loaded: String) -> String {
    match app.previous {
        Some(_) => [loaded.as_str(), app.catalog.casework.replaced].join(" "),
        None => loaded,
    }
}

/// Undo: the answers, notes and case from before the file, exactly, and whether they were
/// saved. Returns where the focus goes, the button being hidden now: the file button beside
/// it (focused by the caller once `app` is released, since focusing runs the widget's
/// `focusin` listener at once).
pub(super) fn undo(app: &mut App) -> Option<Element> {
    let (answers, dirty) = app.previous.take()?;
    app.replace(answers, dirty);
    let undone = app.catalog.casework.undone;
    app.view.case.confirm(Some(undone));
    app.view.announcer.say(undone);
    Some(app.view.case.file_input.clone().into())
}

/// After Save: the file's name on screen and in the live region (issue 14, item 3).
pub(super) fn saved(app: &App, name: &str) {
    let text = fill(app.catalog.casework.saved, &[("file", &cite(name))]);
    app.view.case.confirm(Some(&text));
    app.view.announcer.say(&text);
}

/// The editable report (issue 14, item 9), offered as a download.
pub(super) fn download_rtf(app: &App) {
    let text = rtf(app.catalog, &app.answers);
    let name = ["assurance-check-report-", &today(), ".rtf"].concat();
    let v = &app.view;
    let _ = casefile::download(&v.doc, &v.case.root, &name, "application/rtf", &text);
}

/// The saved answers file's name: the case reference, reduced by the core, and today.
pub(crate) fn file_name(answers: &Answers) -> String {
    answers_file_name(answers.case().reference.as_deref(), &today())
}

/// The report as RTF, the same as `assurance-check evaluate --format rtf`.
pub(crate) fn rtf(c: &'static Catalog, answers: &Answers) -> String {
    let meta = Meta {
        date: &today(),
        tool_version: env!("CARGO_PKG_VERSION"),
    };
    rtf_document(answers, &evaluate(answers), c, meta)
}
