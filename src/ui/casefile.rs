//! The case file (issue 6): save and open answers files, download and print the report,
//! and the opt-in "keep my answers on this device".
//!
//! Files are made and read on the device: a `Blob` behind a temporary `<a download>`, and a
//! `FileReader`. The core validates every file it is given. Storage is touched only when
//! the user turns the switch on, and then under one key (in the one-file pages, a second one
//! for the language: `locale::LANGUAGE_KEY`).

use std::cell::RefCell;
use std::rc::Rc;

use web_sys::{
    Document, Element, File, FileReader, HtmlAnchorElement, HtmlInputElement, Storage, Url,
};

use super::action::Action;
use super::dom::{self, El, Result};
use crate::i18n::{fill, Catalog};
use crate::js::{answers_from_binary, answers_from_json, today};
use crate::report::{document, Block, Meta};
use crate::rules::answers_to_json;
use crate::rules::{evaluate, Answers, InputError, MAX_FILE_BYTES};

/// The one localStorage key, written only while "keep on this device" is on.
pub(crate) const STORAGE_KEY: &str = "assurance-check/answers";

/// The case-file controls and the print-only report.
pub(crate) struct CaseFile {
    /// The controls: save, open, reports, keep on device.
    pub(crate) root: Element,
    /// The report as printed; hidden on screen.
    pub(crate) report: Element,
    pub(crate) file_input: HtmlInputElement,
    pub(crate) keep: HtmlInputElement,
    alert: Element,
    /// What was last opened, for the eyes (the announcer tells screen readers).
    confirmation: Element,
}

impl CaseFile {
    /// The controls in the catalog's language, and an empty print report.
    pub(crate) fn build(doc: &Document, c: &'static Catalog) -> CaseFile {
        let file_input: HtmlInputElement = El::new(doc, "input")
            .attr("type", "file")
            .attr("accept", ".json,application/json")
            .action(Action::Open)
            .class("file-input")
            .done_as();
        let keep: HtmlInputElement = El::new(doc, "input")
            .attr("type", "checkbox")
            .attr("role", "switch")
            .attr("id", "ac-keep")
            .action(Action::Keep)
            .attr("aria-describedby", "ac-keep-help")
            .done_as();
        let alert = El::new(doc, "div")
            .class("casefile-alert")
            .attr("role", "alert")
            .done();
        let confirmation = El::new(doc, "p").class("casefile-confirmation").done();
        let button = |action: Action, label: &str| -> El {
            El::new(doc, "button")
                .attr("type", "button")
                .class("button")
                .action(action)
                .text(label)
        };
        let root = El::new(doc, "div")
            .class("casefile")
            .child(
                El::new(doc, "div")
                    .class("casefile-actions")
                    .child(button(Action::Save, c.ui.save_answers))
                    .child(
                        El::new(doc, "label")
                            .class("button file-button")
                            .append(&file_input)
                            .child(El::new(doc, "span").text(c.ui.open_answers)),
                    )
                    .child(button(Action::DownloadReport, c.ui.download_report))
                    .child(button(Action::Print, c.ui.print_report)),
            )
            .child(El::new(doc, "p").class("drop-hint").text(c.ui.drop_hint))
            .append(&alert)
            .append(&confirmation)
            .child(
                El::new(doc, "div")
                    .class("keep")
                    .child(
                        El::new(doc, "label")
                            .class("switch")
                            .append(&keep)
                            .child(El::new(doc, "span").text(c.ui.keep_on_device)),
                    )
                    .child(button(Action::Forget, c.ui.forget))
                    .child(
                        El::new(doc, "p")
                            .attr("id", "ac-keep-help")
                            .class("keep-help")
                            .text(c.ui.keep_on_device_help),
                    ),
            )
            .done();
        let report = El::new(doc, "section").class("print-report").done();
        CaseFile {
            root,
            report,
            file_input,
            keep,
            alert,
            confirmation,
        }
    }

    /// Shows an error (or clears it with `None`) in the `role="alert"` element.
    /// The alert is scrolled into view: a file may be dropped far down the questions.
    pub(crate) fn alert(&self, text: Option<&str>) {
        dom::set_text(&self.alert, text.unwrap_or(""));
        if text.is_some() {
            dom::set_text(&self.confirmation, "");
            reveal(&self.alert, 0.0);
        }
    }

    /// Shows what was opened (or clears it with `None`).
    pub(crate) fn confirm(&self, text: Option<&str>) {
        dom::set_text(&self.confirmation, text.unwrap_or(""));
    }

    /// Redraws the print-only report from the core's report blocks.
    pub(crate) fn render_report(&self, doc: &Document, c: &Catalog, answers: &Answers) {
        dom::clear(&self.report);
        let date = today();
        let blocks = report_blocks(c, answers, &date);
        let mut list: Option<El> = None;
        for block in &blocks {
            let item = matches!(block, Block::Item { .. } | Block::Answer { .. });
            if !item {
                if let Some(ul) = list.take() {
                    dom::append(&self.report, ul);
                }
            }
            match block {
                Block::Title(t) => dom::append(&self.report, El::new(doc, "h2").text(t)),
                Block::Heading(t) => dom::append(&self.report, El::new(doc, "h3").text(t)),
                Block::Paragraph(t) => dom::append(&self.report, El::new(doc, "p").text(t)),
                Block::Item { label, text } => {
                    let ul = list.take().unwrap_or_else(|| El::new(doc, "ul"));
                    list = Some(ul.child(labelled(doc, c, "li", label, text)));
                }
                Block::Answer {
                    question,
                    answer,
                    note,
                } => {
                    let mut li = El::new(doc, "li")
                        .class("answer")
                        .child(El::new(doc, "p").class("question-text").text(question))
                        .child(labelled(doc, c, "p", c.report.answer, answer));
                    if let Some(note) = note {
                        li = li.child(labelled(doc, c, "p", c.report.note, "")).child(
                            El::new(doc, "p")
                                .class("note")
                                .attr("dir", "auto")
                                .text(note),
                        );
                    }
                    let ul = list.take().unwrap_or_else(|| El::new(doc, "ul"));
                    list = Some(ul.child(li));
                }
            }
        }
        if let Some(ul) = list {
            dom::append(&self.report, ul);
        }
    }
}

/// `<tag><strong>label</strong>: text</tag>`, punctuated by the catalog's `item` pattern;
/// the label, the punctuation and the text are separate text nodes. The pattern is read by
/// `i18n::fill`, the one template parser: it puts a marker for each part, which are then
/// split apart here (catalog texts never contain these two control characters).
fn labelled(doc: &Document, c: &Catalog, tag: &str, label: &str, text: &str) -> El {
    const LABEL: char = '\u{1}';
    const TEXT: char = '\u{2}';
    let pattern = fill(c.report.item, &[("label", "\u{1}"), ("text", "\u{2}")]);
    let mut el = El::new(doc, tag);
    // Each piece ends with a marker, but for the last; `strip_suffix` cannot panic.
    for piece in pattern.split_inclusive([LABEL, TEXT]) {
        let (before, part) = match (piece.strip_suffix(LABEL), piece.strip_suffix(TEXT)) {
            (Some(before), _) => (before, Some(("strong", label))),
            (_, Some(before)) => (before, Some(("span", text)).filter(|_| !text.is_empty())),
            _ => (piece, None),
        };
        if !before.is_empty() {
            el = el.child(El::new(doc, "span").text(before));
        }
        if let Some((tag, part)) = part {
            el = el.child(El::new(doc, tag).text(part));
        }
    }
    el
}

/// The report's blocks, exactly as the CLI makes them.
fn report_blocks(c: &Catalog, answers: &Answers, date: &str) -> Vec<Block> {
    let meta = Meta {
        date,
        tool_version: env!("CARGO_PKG_VERSION"),
    };
    document(answers, &evaluate(answers), c, meta)
}

/// The report as Markdown, the same as `assurance-check evaluate --format markdown`.
pub(crate) fn markdown(c: &Catalog, answers: &Answers) -> String {
    crate::report::to_markdown(&report_blocks(c, answers, &today()), c)
}

/// Offers `text` as a download named `name`: a Blob, an object URL and a temporary
/// `<a download>` next to `parent`'s widget, all on the device. The URL is revoked a little
/// later.
pub(crate) fn download(
    doc: &Document,
    parent: &Element,
    name: &str,
    mime: &str,
    text: &str,
) -> Result<()> {
    let blob = dom::blob(text, mime)?;
    let url = Url::create_object_url_with_blob(&blob).map_err(|_| dom::error("make the file"))?;
    let a: HtmlAnchorElement = El::new(doc, "a")
        .attr("href", &url)
        .attr("download", name)
        .flag("hidden")
        .done_as();
    // In the shadow root, outside the widget: the link's click must not reach the widget's
    // own click handler, which is the one running now.
    parent
        .get_root_node()
        .append_child(&a)
        .map_err(|_| dom::error("offer the file"))?;
    a.click();
    a.remove();
    dom::later(10_000, move || {
        let _ = Url::revoke_object_url(&url);
    });
    Ok(())
}

/// Reads a chosen or dropped file as text and hands the core's verdict on it to `done`.
/// A file over [`MAX_FILE_BYTES`] is refused before it is read.
pub(crate) fn read(
    file: &File,
    done: impl FnOnce(std::result::Result<Answers, InputError>) + 'static,
) {
    if file.size() > MAX_FILE_BYTES as f64 {
        done(Err(InputError::too_large()));
        return;
    }
    let Ok(reader) = FileReader::new() else {
        done(Err(InputError::syntax("the file could not be read")));
        return;
    };
    let mut done = Some(done);
    let source = reader.clone();
    let finish = Rc::new(RefCell::new(move || {
        let Some(done) = done.take() else {
            return;
        };
        // Bytes, not `readAsText`: that replaces bad bytes with U+FFFD and drops a BOM, where
        // the CLI refuses both (issue 16, item 8).
        let binary = source.result().ok().and_then(|v| v.as_string());
        done(match binary {
            Some(binary) => answers_from_binary(&binary),
            None => Err(InputError::syntax("the file could not be read")),
        });
    }));
    // The listener is kept in a slot that it empties when it fires ("loadend" follows a load
    // and an error alike), which frees it.
    let slot: Rc<RefCell<Option<dom::Listener>>> = Rc::default();
    let mine = Rc::clone(&slot);
    let on_end = Rc::clone(&finish);
    let listened = dom::listen(&reader, "loadend", move |_| {
        drop(mine.borrow_mut().take());
        (on_end.borrow_mut())();
    });
    let read = match listened {
        Ok(listener) => {
            *slot.borrow_mut() = Some(listener);
            reader.read_as_binary_string(file).is_ok()
        }
        Err(_) => false,
    };
    if !read {
        // Nothing was read: `finish` reports that the file could not be read.
        drop(slot.borrow_mut().take());
        (finish.borrow_mut())();
    }
}

/// The browser's localStorage, if the page may use it (not in every sandbox).
pub(crate) fn storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Answers kept on this device, if the user chose to keep them.
pub(crate) fn stored() -> Option<Answers> {
    let text = storage()?.get_item(STORAGE_KEY).ok().flatten()?;
    answers_from_json(&text).ok()
}

/// Writes the answers under the one key (only ever called while keeping is on).
pub(crate) fn store(answers: &Answers) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(STORAGE_KEY, &answers_to_json(answers));
    }
}

/// Erases the kept answers.
pub(crate) fn forget() {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(STORAGE_KEY);
    }
}

/// Whether answers are kept on this device.
pub(crate) fn is_kept() -> bool {
    storage()
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
        .is_some()
}

/// Room left around an element scrolled into view, in CSS pixels.
const REVEAL_MARGIN: f64 = 16.0;

/// Scrolls the widget's own window so that `element` is in view below `top` (the bottom of
/// the sticky verdict bar, or 0). Not `scrollIntoView`, which scrolls every ancestor frame
/// too and so tells an iframe host where the widget scrolled, and from that which answers are
/// checked (issue 16, item 13).
pub(crate) fn reveal(element: &Element, top: f64) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let r = element.get_bounding_client_rect();
    let height = window
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or_else(|| r.bottom());
    if r.top() < top {
        window.scroll_by_with_x_and_y(0.0, r.top() - top - REVEAL_MARGIN);
    } else if r.bottom() > height {
        window.scroll_by_with_x_and_y(0.0, r.bottom() - height + REVEAL_MARGIN);
    }
}
