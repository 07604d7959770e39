//! "Keep my answers on this device" (issues 6 and 16): the switch, Forget, and what is
//! written under the one localStorage key while the switch is on.
//!
//! Every write is read back: if storage throws or keeps something else, keeping is turned
//! off and the user is told, so leaving warns again (issue 16, item 7). Another tab's Forget
//! (a `storage` event that leaves no key) turns it off here too (item 9).
//!
//! The one-file pages seal it (item 1): the answers file is stored only as an AES-GCM
//! envelope under a key derived from a passphrase the user sets (`js::vault`), and a kept
//! copy is opened only after its passphrase is entered. The key stays in memory, for sealing
//! each change; the passphrase is never kept. The custom element keeps plain JSON, and only
//! on an http(s) origin: every `file://` page shares one localStorage.

use std::cell::RefCell;
use std::rc::Rc;

use web_sys::{Document, Element, HtmlInputElement, Storage};

use super::action::Action;
use super::dom::{self, El, Listener, Result};
use super::App;
use crate::i18n::Catalog;
use crate::rules::answers_to_json;
#[cfg(not(feature = "page"))]
use crate::rules::Answers;
#[cfg(feature = "page")]
use {crate::js::vault, std::rc::Weak};

/// The one localStorage key, written only while keeping is on.
const STORAGE_KEY: &str = "assurance-check/answers";

/// The Keep controls: the switch, Forget, a message, and on the pages the two passphrase
/// forms (seal a new copy; unlock a kept one).
pub(crate) struct Controls {
    pub(crate) root: Element,
    switch: HtmlInputElement,
    /// Why keeping stopped, for the eyes (the announcer tells screen readers).
    message: Element,
    #[cfg(feature = "page")]
    seal: Form,
    #[cfg(feature = "page")]
    unlock: Form,
}

/// A passphrase form: its fields (one to unlock, two to seal) and its error line.
#[cfg(feature = "page")]
struct Form {
    root: Element,
    fields: Vec<HtmlInputElement>,
    error: Element,
}

/// What the sealed Keep needs beyond the switch's `App::keep`.
#[cfg(feature = "page")]
#[derive(Default)]
pub(crate) struct State {
    /// The key that seals each change, once a passphrase was set or a copy unlocked.
    vault: Option<vault::Vault>,
    /// A sealed copy waits for its passphrase: the switch is disabled until then.
    locked: bool,
    /// The switch is on and the passphrase form shown; nothing is written yet.
    choosing: bool,
    /// Counts seals, so that only the latest finished one is written.
    generation: u32,
    /// A passphrase was just set: the first write that is read back confirms it.
    fresh: bool,
    /// The app itself, for the seals that finish later.
    me: Weak<RefCell<App>>,
}

impl Controls {
    /// The controls in the catalog's language. The element offers keeping only on an
    /// http(s) origin; elsewhere the switch is disabled and its help says why.
    pub(crate) fn build(doc: &Document, c: &'static Catalog, forget: El) -> Controls {
        let switch: HtmlInputElement = El::new(doc, "input")
            .attr("type", "checkbox")
            .attr("role", "switch")
            .attr("id", "ac-keep")
            .action(Action::Keep)
            .attr("aria-describedby", "ac-keep-help")
            .done_as();
        #[cfg(feature = "page")]
        let help = c.ui.keep_on_device_help;
        #[cfg(not(feature = "page"))]
        let help = if offered(doc) {
            c.ui.keep_on_device_help
        } else {
            switch.set_disabled(true);
            c.keep.file_origin
        };
        let message = El::new(doc, "p").class("casefile-alert").done();
        #[cfg(feature = "page")]
        let (seal, unlock) = (
            Form::build(doc, c, Action::Seal, c.keep.seal),
            Form::build(doc, c, Action::Unlock, c.keep.unlock),
        );
        let root = El::new(doc, "div")
            .class("keep")
            .child(
                El::new(doc, "label")
                    .class("switch")
                    .append(&switch)
                    .child(El::new(doc, "span").text(c.ui.keep_on_device)),
            )
            .child(forget)
            .child(
                El::new(doc, "p")
                    .attr("id", "ac-keep-help")
                    .class("keep-help")
                    .text(help),
            );
        #[cfg(feature = "page")]
        let root = root.append(&seal.root).append(&unlock.root);
        Controls {
            root: root.append(&message).done(),
            switch,
            message,
            #[cfg(feature = "page")]
            seal,
            #[cfg(feature = "page")]
            unlock,
        }
    }
}

#[cfg(feature = "page")]
impl Form {
    /// `<form>` with one passphrase field under a legend (unlock), or two under a hint (seal),
    /// an error line and its button, which says what it does. Its fields never go to storage; the form is never submitted (the button's
    /// click is handled, and the pages' CSP has `form-action 'none'`).
    fn build(doc: &Document, c: &Catalog, action: Action, button: &str) -> Form {
        let sealing = action == Action::Seal;
        let id = ["ac-", action.name()].concat();
        let error_id = [id.as_str(), "-error"].concat();
        let error = El::new(doc, "p")
            .attr("id", &error_id)
            .class("keep-error")
            .done();
        let mut fieldset = El::new(doc, "fieldset").child(if sealing {
            El::new(doc, "p").class("keep-help").text(c.keep.seal_help)
        } else {
            El::new(doc, "legend").text(button)
        });
        let labels: &[&str] = if sealing {
            &[c.keep.passphrase, c.keep.passphrase_again]
        } else {
            &[c.keep.passphrase]
        };
        let mut fields = Vec::new();
        for (n, label) in labels.iter().enumerate() {
            let field_id = [id.as_str(), if n == 0 { "-1" } else { "-2" }].concat();
            let field: HtmlInputElement = El::new(doc, "input")
                .attr("type", "password")
                .attr("id", &field_id)
                .attr(
                    "autocomplete",
                    if sealing {
                        "new-password"
                    } else {
                        "current-password"
                    },
                )
                .attr("spellcheck", "false")
                .attr("aria-describedby", &error_id)
                .done_as();
            fieldset = fieldset.child(
                El::new(doc, "p")
                    .child(El::new(doc, "label").attr("for", &field_id).text(label))
                    .append(&field),
            );
            fields.push(field);
        }
        let root = El::new(doc, "form")
            .class("keep-form")
            .flag("hidden")
            .child(
                fieldset.append(&error).child(
                    El::new(doc, "button")
                        .attr("type", "submit")
                        .class("button")
                        .action(action)
                        .text(button),
                ),
            )
            .done();
        Form {
            root,
            fields,
            error,
        }
    }

    /// Shows the error (or clears it), marking the fields invalid while it is shown.
    fn error(&self, text: &str) {
        dom::set_text(&self.error, text);
        for field in &self.fields {
            dom::set_attr(
                field,
                "aria-invalid",
                if text.is_empty() { "false" } else { "true" },
            );
        }
    }

    /// The passphrases typed, emptied from the fields at once.
    fn take(&self) -> Vec<String> {
        self.fields
            .iter()
            .map(|f| {
                let value = f.value();
                f.set_value("");
                value
            })
            .collect()
    }
}

/// Whether the element may keep answers here: only on an http(s) origin, not under `file://`
/// (whose one localStorage every local file shares), nor in an opaque or local document.
#[cfg(not(feature = "page"))]
fn offered(doc: &Document) -> bool {
    doc.url()
        .is_ok_and(|url| url.starts_with("https:") || url.starts_with("http:"))
}

/// The browser's localStorage, if the page may use it (not in every sandbox).
pub(crate) fn storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The kept copy, as stored.
fn stored_text() -> Option<String> {
    storage()?.get_item(STORAGE_KEY).ok().flatten()
}

/// Writes `text` under the key and reads it back: `false` if storage threw or kept
/// something else.
fn store(text: &str) -> bool {
    storage().is_some_and(|s| s.set_item(STORAGE_KEY, text).is_ok())
        && stored_text().as_deref() == Some(text)
}

/// Erases the kept copy.
fn forget() {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(STORAGE_KEY);
    }
}

/// The element's kept answers at start-up: keeping is on if a copy is there (and offered).
#[cfg(not(feature = "page"))]
pub(crate) fn start(doc: &Document) -> (Option<Answers>, bool) {
    if !offered(doc) {
        return (None, false);
    }
    let text = stored_text();
    let answers = text
        .as_deref()
        .and_then(|t| crate::js::answers_from_json(t).ok());
    (answers, text.is_some())
}

/// The pages open nothing at start-up: a sealed copy waits for its passphrase.
#[cfg(feature = "page")]
pub(crate) fn start(app: &Rc<RefCell<App>>) {
    let mut a = app.borrow_mut();
    a.kept.me = Rc::downgrade(app);
    a.kept.locked = stored_text().is_some();
}

/// Shows the controls as the state is: the switch, and on the pages which form is open.
pub(crate) fn show(app: &App) {
    let k = &app.view.case.keep;
    #[cfg(feature = "page")]
    {
        let s = &app.kept;
        k.switch.set_checked(app.keep || s.choosing);
        k.switch.set_disabled(s.locked);
        dom::set_shown(&k.seal.root, s.choosing);
        dom::set_shown(&k.unlock.root, s.locked);
        keep_language(app);
    }
    #[cfg(not(feature = "page"))]
    k.switch.set_checked(app.keep);
}

/// The pages keep the language shown beside a kept copy, in clear, while one exists (locked
/// or not), and erase it with the copy (issue 14, item 12).
#[cfg(feature = "page")]
pub(crate) fn keep_language(app: &App) {
    let kept = app.keep || app.kept.locked || stored_text().is_some();
    super::locale::keep_language(kept, app.catalog.lang.code);
}

/// Says `text` next to the switch and to screen readers (or clears it with "").
fn warn(app: &App, text: &str) {
    dom::set_text(&app.view.case.keep.message, text);
    if !text.is_empty() {
        app.view.announcer.say(text);
    }
}

/// Confirms that keeping works, on screen and to screen readers.
#[cfg(feature = "page")]
fn confirm(app: &App, text: &str) {
    warn(app, "");
    app.view.case.confirm(Some(text));
    app.view.announcer.say(text);
}

/// Stops keeping, forgetting the key; the kept copy is erased unless `erase` is false.
fn stop(app: &mut App, erase: bool, why: &str) {
    if erase {
        forget();
    }
    app.keep = false;
    #[cfg(feature = "page")]
    {
        app.kept = State {
            me: std::mem::take(&mut app.kept.me),
            generation: app.kept.generation,
            ..State::default()
        };
    }
    show(app);
    app.view.case.confirm(None);
    warn(app, why);
}

/// A write failed: keeping is off, the user is told, and leaving warns again.
fn failed(app: &mut App) {
    let why = app.catalog.keep.stopped;
    stop(app, true, why);
}

/// The switch was turned on or off. On the pages, on opens the passphrase form.
pub(crate) fn toggle(app: &Rc<RefCell<App>>, on: bool) {
    let mut app = app.borrow_mut();
    if !on {
        stop(&mut app, true, "");
        return;
    }
    warn(&app, "");
    #[cfg(feature = "page")]
    {
        app.kept.choosing = true;
        show(&app);
        // Focus after the borrow: the widget's "focusin" listener reads the app.
        let field = app.view.case.keep.seal.fields.first().cloned();
        drop(app);
        if let Some(field) = field {
            dom::focus(&field);
        }
    }
    #[cfg(not(feature = "page"))]
    {
        app.keep = true;
        write(&mut app);
    }
}

/// "Forget": the kept copy is erased and keeping is off; the answers stay on screen, and
/// the message beside the switch and the live region say both (issue 14, item 4).
pub(crate) fn forget_pressed(app: &Rc<RefCell<App>>) {
    let mut app = app.borrow_mut();
    let said = app.catalog.ui.forgotten;
    stop(&mut app, true, said);
}

/// Writes the answers (keeping is on): plainly in the element, sealed on the pages, where
/// the seal finishes later and only the latest one is written.
pub(crate) fn write(app: &mut App) {
    let json = answers_to_json(&app.answers);
    #[cfg(not(feature = "page"))]
    if !store(&json) {
        failed(app);
    }
    #[cfg(feature = "page")]
    {
        let Some(vault) = app.kept.vault.clone() else {
            return;
        };
        app.kept.generation = app.kept.generation.wrapping_add(1);
        let generation = app.kept.generation;
        let me = app.kept.me.clone();
        vault::seal(&vault, &json, move |sealed| {
            let Some(app) = me.upgrade() else {
                return;
            };
            let Ok(mut app) = app.try_borrow_mut() else {
                return;
            };
            if !app.keep || app.kept.generation != generation {
                return;
            }
            if !sealed.is_some_and(|s| store(&s)) {
                failed(&mut app);
            } else if std::mem::take(&mut app.kept.fresh) {
                let said = app.catalog.keep.sealed;
                confirm(&app, said);
            }
        });
    }
}

/// Listens for another tab's changes to storage: when the kept copy is gone (its Forget),
/// keeping is off here too, and nothing is written back.
pub(crate) fn watch(app: &Rc<RefCell<App>>) -> Result<Option<Listener>> {
    let Some(window) = web_sys::window() else {
        return Ok(None);
    };
    let app = Rc::clone(app);
    dom::listen(&window, "storage", move |_| {
        let Ok(mut app) = app.try_borrow_mut() else {
            return;
        };
        #[cfg(feature = "page")]
        let watched = app.keep || app.kept.locked;
        #[cfg(not(feature = "page"))]
        let watched = app.keep;
        if watched && stored_text().is_none() {
            let why = app.catalog.keep.stopped;
            stop(&mut app, false, why);
        }
    })
    .map(Some)
}

/// A passphrase form's button: seal a new copy, or unlock the kept one.
#[cfg(feature = "page")]
pub(crate) fn submit(app: &Rc<RefCell<App>>, action: Action) {
    let a = app.borrow();
    let c = a.catalog;
    let k = &a.view.case.keep;
    let me = Rc::clone(app);
    if action == Action::Seal {
        let typed = k.seal.take();
        if typed.first().is_none_or(String::is_empty) || typed.first() != typed.get(1) {
            k.seal.error(c.keep.mismatch);
            if let Some(field) = k.seal.fields.first() {
                dom::focus(field);
            }
            return;
        }
        k.seal.error("");
        drop(a);
        let passphrase = typed.into_iter().next().unwrap_or_default();
        vault::create(&passphrase, move |vault| {
            let Ok(mut app) = me.try_borrow_mut() else {
                return;
            };
            if !app.kept.choosing {
                return;
            }
            let Some(vault) = vault else {
                failed(&mut app);
                return;
            };
            app.keep = true;
            app.kept.choosing = false;
            app.kept.fresh = true;
            app.kept.vault = Some(vault);
            show(&app);
            write(&mut app);
        });
    } else {
        let passphrase = k.unlock.take().pop().unwrap_or_default();
        k.unlock.error("");
        let Some(sealed) = stored_text() else {
            return;
        };
        drop(a);
        vault::open(&passphrase, &sealed, move |opened| {
            let Ok(mut app) = me.try_borrow_mut() else {
                return;
            };
            let read =
                opened.and_then(|(v, text)| Some((v, crate::js::answers_from_json(&text).ok()?)));
            let Some((vault, answers)) = read else {
                let k = &app.view.case.keep;
                k.unlock.error(c.keep.unlock_failed);
                app.view.announcer.say(c.keep.unlock_failed);
                let field = k.unlock.fields.first().cloned();
                drop(app);
                if let Some(field) = field {
                    dom::focus(&field);
                }
                return;
            };
            let count = answers.answered().count();
            app.answers = answers;
            app.dirty = false;
            app.keep = true;
            app.kept.locked = false;
            app.kept.vault = Some(vault);
            // The case fields too, not only the questions.
            app.sync();
            app.refresh(false);
            app.remember();
            let said = crate::i18n::fill(
                c.keep.unlocked,
                &[("count", &crate::rules::decimal(count as u64))],
            );
            confirm(&app, &said);
        });
    }
}
