//! The widget inside `<assurance-check>`: rendered by Rust through web-sys in the element's
//! shadow root.
//!
//! State is the core's `Answers` and the chosen catalog. Every change re-runs
//! `rules::evaluate` and redraws the panel from it: the page never decides a verdict, a
//! status, a shown-when condition or a finding.

mod action;
mod announce;
mod casefile;
mod dom;
mod keep;
mod language_picker;
mod locale;
mod questions;
#[cfg(feature = "page")]
mod review;
mod style;
mod verdict_panel;
#[cfg(feature = "page")]
mod work;

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::{JsCast, JsError};
use web_sys::{
    BeforeUnloadEvent, Document, DragEvent, Element, Event, File, HtmlElement, HtmlInputElement,
    HtmlTextAreaElement, ShadowRoot,
};

use self::action::Action;
use self::announce::Announcer;
use self::casefile::CaseFile;
use self::dom::{El, Listener, Result};
use self::questions::Questions;
use self::verdict_panel::{Bar, Panel, Snapshot};
use crate::i18n::{fill, Catalog};
use crate::js::Keeper;
use crate::rules::{answers_to_json, evaluate, progress, Answers, QuestionId, Verdict};

/// One mounted widget: what the user said, in which language, and the page showing it.
struct App {
    catalog: &'static Catalog,
    answers: Answers,
    /// The verdict last shown, so that only a change is announced.
    shown: Option<Verdict>,
    /// The language was just picked: give the picker its focus back after the redraw.
    refocus_picker: bool,
    /// Answers or notes changed since the last save, open or start-over.
    dirty: bool,
    /// "Keep my answers on this device" is on: every change is written to storage.
    keep: bool,
    /// What the pages' sealed Keep needs beyond the switch (its key, its forms' state).
    #[cfg(feature = "page")]
    kept: keep::State,
    /// The shim's keeper of the last good answers file (issue 9, item 3).
    keeper: Option<Keeper>,
    view: View,
    /// The window's listeners (leaving the page, printing), for as long as it is mounted.
    window: Vec<Listener>,
    /// What the last opened file replaced, and whether it was unsaved: Undo restores it.
    #[cfg(feature = "page")]
    previous: Option<(Answers, bool)>,
}

/// The parts of the page that change.
struct View {
    doc: Document,
    questions: Questions,
    panel: Panel,
    bar: Bar,
    announcer: Announcer,
    picker: Element,
    case: CaseFile,
    #[cfg(feature = "page")]
    work: work::View,
    #[cfg(feature = "page")]
    review: review::Review,
    /// The widget's listeners: replaced with it on every mount.
    listeners: Vec<Listener>,
}

thread_local! {
    /// Every shadow root mounted so far, with its state. Mounting the same root again (the
    /// element reconnected, or its `lang` changed) redraws it and keeps the answers.
    static MOUNTED: RefCell<Vec<(ShadowRoot, Rc<RefCell<App>>)>> = const { RefCell::new(Vec::new()) };
}

/// Renders the widget into `root`, the open shadow root of `host`. Idempotent: the root is
/// cleared first, so there is always exactly one widget, and a root mounted before keeps
/// its answers and notes.
///
/// # Errors
/// Only if the DOM refuses an operation, which a supporting browser does not.
pub fn mount(
    host: HtmlElement,
    root: ShadowRoot,
    keeper: Option<Keeper>,
) -> std::result::Result<(), JsError> {
    let doc = host
        .owner_document()
        .ok_or_else(|| dom::error("find the document"))?;
    let catalog = locale::choose(&host, &doc);
    let previous = MOUNTED.with(|m| {
        m.borrow()
            .iter()
            .find(|(r, _)| *r == root)
            .map(|(_, app)| Rc::clone(app))
    });
    let view = render(&doc, &host, &root, catalog)?;
    let app = match previous {
        Some(app) => {
            {
                let mut app = app.borrow_mut();
                app.catalog = catalog;
                app.view = view;
                if keeper.is_some() {
                    app.keeper = keeper;
                }
                app.sync();
                app.refresh(false);
                if std::mem::take(&mut app.refocus_picker) {
                    dom::focus(&app.view.picker);
                }
            }
            app
        }
        None => {
            #[cfg(not(feature = "page"))]
            let (kept, keep) = keep::start(&doc);
            #[cfg(feature = "page")]
            let (kept, keep) = (None, false);
            let app = Rc::new(RefCell::new(App {
                catalog,
                answers: kept.unwrap_or_default(),
                shown: None,
                refocus_picker: false,
                dirty: false,
                keep,
                #[cfg(feature = "page")]
                kept: keep::State::default(),
                keeper,
                view,
                window: Vec::new(),
                #[cfg(feature = "page")]
                previous: None,
            }));
            #[cfg(feature = "page")]
            keep::start(&app);
            app.borrow().sync();
            app.borrow_mut().refresh(false);
            let mut window = watch_window(&app)?;
            window.extend(keep::watch(&app)?);
            app.borrow_mut().window = window;
            MOUNTED.with(|m| m.borrow_mut().push((root.clone(), Rc::clone(&app))));
            app
        }
    };
    app.borrow().remember();
    #[cfg(feature = "page")]
    keep::keep_language(&app.borrow());
    let listeners = wire(&app, &root)?;
    app.borrow_mut().view.listeners = listeners;
    Ok(())
}

/// Removes the widget from `root` and frees its state: the listeners (which hold the state,
/// so dropping them ends the cycle), the status region in the host, and the answers.
pub fn unmount(root: &ShadowRoot) {
    let app = MOUNTED.with(|m| {
        let mut mounted = m.borrow_mut();
        let at = mounted.iter().position(|(r, _)| r == root)?;
        Some(mounted.swap_remove(at).1)
    });
    if let Some(Ok(mut app)) = app.as_ref().map(|a| a.try_borrow_mut()) {
        app.window.clear();
        app.view.listeners.clear();
        app.view.announcer.remove();
    }
    dom::clear(root);
}

/// A citation label such as `R2(c)` or `¶2, FN1`, isolated as left-to-right text (U+2066 …
/// U+2069) so that its brackets stay in place inside right-to-left sentences.
pub(crate) fn cite(label: &str) -> String {
    ["\u{2066}", label, "\u{2069}"].concat()
}

/// Clears `root` and draws the widget in it: header, verdict panel, questions, bar.
fn render(doc: &Document, host: &Element, root: &ShadowRoot, c: &'static Catalog) -> Result<View> {
    dom::clear(root);
    dom::adopt_styles(root, style::CSS)?;
    let lang = c.lang.code;
    let dir = c.lang.dir.as_str();
    let (announcer, status_slot) = Announcer::attach(doc, host, lang, dir)?;
    let questions = Questions::build(doc, c);
    let panel = Panel::build(doc, c);
    let bar = Bar::build(doc, c);
    let (language, picker) = language_picker::build(doc, c);
    let case = CaseFile::build(doc, c);
    #[cfg(feature = "page")]
    let work = work::View::build(doc, c, &case);
    let header = El::new(doc, "header")
        .class("intro")
        .append(&language)
        .child(El::new(doc, "h2").text(c.ui.title))
        .child(El::new(doc, "p").text(c.ui.intro))
        .child(El::new(doc, "p").class("disclaimer").text(c.ui.disclaimer))
        .child(El::new(doc, "p").class("privacy").text(c.ui.privacy));
    #[cfg(feature = "page")]
    let header = header.append(&work.case_fields.root);
    #[cfg(feature = "page")]
    let review = review::Review::attach(doc, c, &bar, &panel);
    let widget = El::new(doc, "div")
        .class("ac")
        .attr("lang", lang)
        .attr("dir", dir)
        .append(&status_slot)
        .child(header.append(&case.root))
        .child(
            // The summary follows the questions (beside them on wide screens), the results
            // both, full width (issue 14, items 10, 11).
            El::new(doc, "div")
                .class("layout")
                .append(&bar.root)
                .child(
                    El::new(doc, "div")
                        .class("columns")
                        .append(&questions.root)
                        .append(&panel.root),
                )
                .append(&panel.results),
        )
        .append(&case.report)
        .done();
    root.append_child(&widget)
        .map_err(|_| dom::error("add the widget"))?;
    Ok(View {
        doc: doc.clone(),
        questions,
        panel,
        bar,
        announcer,
        picker,
        case,
        #[cfg(feature = "page")]
        work,
        #[cfg(feature = "page")]
        review,
        listeners: Vec::new(),
    })
}

/// Listens on the widget's own root element, so a later mount (which replaces that element)
/// leaves no handler behind.
fn wire(app: &Rc<RefCell<App>>, root: &ShadowRoot) -> Result<Vec<Listener>> {
    let Some(widget) = root.first_element_child() else {
        return Err(dom::error("find the widget"));
    };
    let on_change = Rc::clone(app);
    let on_input = Rc::clone(app);
    let on_focus = Rc::clone(app);
    let on_click = Rc::clone(app);
    let on_drop = Rc::clone(app);
    Ok(vec![
        dom::listen(&widget, "change", move |event| {
            on_answer(&on_change, &event)
        })?,
        dom::listen(&widget, "input", move |event| {
            #[cfg(feature = "page")]
            if work::on_input(&on_input, &event) {
                return;
            }
            on_note(&on_input, &event);
        })?,
        dom::listen(&widget, "focusin", move |event| {
            if let Some(focused) = dom::target(&event) {
                let app = on_focus.borrow();
                app.view.bar.keep_clear(&focused);
                #[cfg(feature = "page")]
                review::focused(&app.view.review, &focused);
            }
        })?,
        dom::listen(&widget, "click", move |event| on_action(&on_click, &event))?,
        dom::listen(&widget, "dragover", |event| event.prevent_default())?,
        dom::listen(&widget, "drop", move |event| {
            // A "drop" listener gets drag events; a synthetic plain event has no
            // `dataTransfer`, which reads as `None`.
            let file = event
                .unchecked_ref::<DragEvent>()
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|files| files.get(0));
            if let Some(file) = file {
                event.prevent_default();
                open_file(&on_drop, &file);
            }
        })?,
    ])
}

/// The widget's listeners on the window: a warning before the page is left while there are
/// answers that are neither saved nor kept; and the print report, built just before printing
/// and emptied after, so that the case is in the page only while it is printed (a page saved
/// with "Save Page As" does not carry it).
fn watch_window(app: &Rc<RefCell<App>>) -> Result<Vec<Listener>> {
    let Some(window) = web_sys::window() else {
        return Ok(Vec::new());
    };
    let on_leave = Rc::clone(app);
    let on_print = Rc::clone(app);
    let after_print = Rc::clone(app);
    Ok(vec![
        dom::listen(&window, "beforeunload", move |event| {
            let Ok(app) = on_leave.try_borrow() else {
                return;
            };
            if app.dirty && !app.keep {
                event.prevent_default();
                // Only "beforeunload" events reach this listener.
                let event = event.unchecked_ref::<BeforeUnloadEvent>();
                event.set_return_value(app.catalog.ui.unsaved_changes);
            }
        })?,
        dom::listen(&window, "beforeprint", move |_| {
            if let Ok(app) = on_print.try_borrow() {
                app.print_report();
            }
        })?,
        dom::listen(&window, "afterprint", move |_| {
            if let Ok(app) = after_print.try_borrow() {
                dom::clear(&app.view.case.report);
            }
        })?,
    ])
}

/// Reads an answers file; the core validates it. On success the answers and notes are
/// replaced at once; on error the alert names the field and nothing changes.
fn open_file(app: &Rc<RefCell<App>>, file: &File) {
    let app = Rc::clone(app);
    casefile::read(file, move |result| {
        let Ok(mut app) = app.try_borrow_mut() else {
            return;
        };
        let c = app.catalog;
        match result {
            Ok(answers) => {
                let count = answers.answered().count();
                #[cfg(feature = "page")]
                work::before_open(&mut app);
                app.replace(answers, false);
                let loaded = fill(
                    c.ui.loaded,
                    &[("count", &crate::rules::decimal(count as u64))],
                );
                #[cfg(feature = "page")]
                let loaded = work::opened_text(&app, loaded);
                app.view.case.confirm(Some(&loaded));
                app.view.announcer.say(&loaded);
            }
            Err(error) => {
                let text = [c.ui.open_failed, &error.message(c), c.ui.unchanged].join(" ");
                app.view.case.alert(Some(&text));
            }
        }
        app.view.case.file_input.set_value("");
    });
}

/// A radio was chosen: record the answer and re-evaluate. (Or a language was picked.)
fn on_answer(app: &Rc<RefCell<App>>, event: &Event) {
    if language_picker::on_change(event) {
        app.borrow_mut().refocus_picker = true;
        return;
    }
    let Some(radio) = event
        .target()
        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
    else {
        return;
    };
    match Action::of(&radio) {
        Some(Action::Open) => {
            if let Some(file) = radio.files().and_then(|files| files.get(0)) {
                open_file(app, &file);
            }
            return;
        }
        Some(Action::Keep) => {
            keep::toggle(app, radio.checked());
            return;
        }
        _ => {}
    }
    let Some(q) = QuestionId::from_id(&radio.name()) else {
        return;
    };
    let mut app = app.borrow_mut();
    if radio.checked() && app.answers.set(q, &radio.value()).is_ok() {
        app.dirty = true;
        app.refresh(true);
        app.changed_storage();
    }
}

/// A note was typed: keep it with the answers. Notes never change the evaluation.
fn on_note(app: &Rc<RefCell<App>>, event: &Event) {
    let Some(area) = event
        .target()
        .and_then(|t| t.dyn_into::<HtmlTextAreaElement>().ok())
    else {
        return;
    };
    let Some(q) = area
        .get_attribute("data-note")
        .and_then(|id| QuestionId::from_id(&id))
    else {
        return;
    };
    let mut app = app.borrow_mut();
    #[cfg(feature = "test-trap")]
    if area.value() == "assurance-check: trap now (test build)" {
        core::arch::wasm32::unreachable();
    }
    app.answers.set_note(q, &area.value());
    app.dirty = true;
    app.changed_storage();
}

/// A button was pressed: go to an open question, skip to the verdict, or start over.
fn on_action(app: &Rc<RefCell<App>>, event: &Event) {
    let Some(button) = dom::target(event).and_then(|t| {
        t.closest("[data-goto], [data-action], [data-change], [data-review]")
            .ok()
            .flatten()
    }) else {
        return;
    };
    if let Some(q) = button
        .get_attribute("data-goto")
        .and_then(|id| QuestionId::from_id(&id))
    {
        app.borrow().view.questions.focus(q);
        return;
    }
    #[cfg(feature = "page")]
    {
        let app = app.borrow();
        if review::on_click(
            &app.view.review,
            &button,
            app.catalog,
            &app.answers,
            &app.view.announcer,
        ) {
            return;
        }
    }
    match Action::of(&button) {
        Some(Action::SkipToVerdict) => dom::focus(&app.borrow().view.panel.verdict_heading),
        Some(Action::StartOver) => {
            let message = app.borrow().catalog.ui.start_over_confirm;
            if confirm(message) {
                let mut app = app.borrow_mut();
                #[cfg(feature = "page")]
                {
                    app.previous = None;
                }
                app.replace(Answers::new(), false);
                app.view.case.confirm(None);
                app.view.announcer.say(app.catalog.ui.cleared);
            }
        }
        Some(Action::Save) => {
            let mut app = app.borrow_mut();
            let json = answers_to_json(&app.answers);
            #[cfg(feature = "page")]
            let name = work::file_name(&app.answers);
            #[cfg(not(feature = "page"))]
            let name = ["assurance-check-", &crate::js::today(), ".json"].concat();
            let v = &app.view;
            if casefile::download(&v.doc, &v.case.root, &name, "application/json", &json).is_ok() {
                app.dirty = false;
                #[cfg(feature = "page")]
                work::saved(&app, &name);
            }
        }
        Some(Action::DownloadReport) => {
            let app = app.borrow();
            let text = casefile::markdown(app.catalog, &app.answers);
            let name = ["assurance-check-report-", &crate::js::today(), ".md"].concat();
            let v = &app.view;
            let _ = casefile::download(
                &v.doc,
                &v.case.root,
                &name,
                "text/markdown;charset=utf-8",
                &text,
            );
        }
        Some(Action::Print) => {
            // Also built on "beforeprint"; here too for browsers that print without it.
            app.borrow().print_report();
            if let Some(window) = web_sys::window() {
                let _ = window.print();
            }
        }
        Some(Action::Forget) => keep::forget_pressed(app),
        #[cfg(feature = "page")]
        Some(action @ (Action::Seal | Action::Unlock)) => {
            // The form's submit button: handled here, never submitted.
            event.prevent_default();
            keep::submit(app, action);
        }
        #[cfg(feature = "page")]
        Some(Action::Undo) => {
            let focus = work::undo(&mut app.borrow_mut());
            if let Some(focus) = focus {
                dom::focus(&focus);
            }
        }
        #[cfg(feature = "page")]
        Some(Action::DownloadRtf) => work::download_rtf(&app.borrow()),
        _ => {}
    }
}

/// Asks the user to confirm; `false` when the browser cannot ask (a sandbox without modals).
fn confirm(message: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.confirm_with_message(message).ok())
        .unwrap_or(false)
}

impl App {
    /// Puts `answers` in place of the current ones (an opened file, Start over, Undo): shown,
    /// evaluated, kept if keeping is on; a file's earlier alert cleared.
    fn replace(&mut self, answers: Answers, dirty: bool) {
        self.answers = answers;
        self.dirty = dirty;
        self.sync();
        self.view.case.alert(None);
        self.refresh(false);
        self.changed_storage();
    }

    /// Shows the answers in the questions (and, in the pages, the case fields and Undo).
    fn sync(&self) {
        self.view.questions.sync(&self.answers);
        #[cfg(feature = "page")]
        self.view.work.sync(self);
    }

    /// Builds the print-only report from the current answers.
    fn print_report(&self) {
        let v = &self.view;
        v.case.render_report(&v.doc, self.catalog, &self.answers);
    }

    /// Writes the answers to this device's storage, if the user asked for that, and hands
    /// them to the shim's keeper.
    fn changed_storage(&mut self) {
        if self.keep {
            keep::write(self);
        }
        self.remember();
    }

    /// Hands the answers file and the crash panel's texts (in the current language) to the
    /// shim's keeper, outside the wasm instance, in case it traps later (issue 9, item 3).
    fn remember(&self) {
        if let Some(keeper) = &self.keeper {
            let ui = &self.catalog.ui;
            let json = answers_to_json(&self.answers);
            keeper.keep(&json, ui.crash_title, ui.crash_body, ui.download_my_answers);
        }
    }

    /// Re-evaluates and redraws everything that depends on the answers; announces the
    /// verdict when it changed and `announce` is set.
    fn refresh(&mut self, announce: bool) {
        let c = self.catalog;
        let evaluation = evaluate(&self.answers);
        let verdict = self.answers.answered().next().map(|_| evaluation.verdict);
        let v = &self.view;
        v.questions.show(&self.answers);
        let snapshot = Snapshot {
            evaluation: &evaluation,
            verdict,
            progress: progress(&self.answers),
        };
        #[cfg(feature = "page")]
        v.review.update(&v.doc, c, &self.answers);
        v.panel.update(&v.doc, c, &snapshot);
        v.bar.update(c, &snapshot);
        keep::show(self);
        if announce && verdict != self.shown {
            v.announcer.say(&fill(
                c.ui.announce_verdict,
                &[("verdict", c.verdict(verdict).title)],
            ));
        }
        self.shown = verdict;
    }
}
