//! The DOM adapter: the few calls the rest of `ui` needs, so that rendering code reads like
//! a description of the page.
//!
//! Text only ever goes in through `set_text_content`: nothing here parses markup.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;

use super::action::Action;
use wasm_bindgen::{JsCast, JsError, UnwrapThrowExt};
use web_sys::{
    Blob, BlobPropertyBag, CssStyleSheet, Document, Element, Event, EventTarget, HtmlElement, Node,
    ShadowRoot,
};

/// Every DOM failure becomes a JS `Error` at the boundary.
pub(crate) type Result<T> = std::result::Result<T, JsError>;

/// An error naming what could not be done.
#[inline(never)]
pub(crate) fn error(what: &str) -> JsError {
    JsError::new(&["assurance-check: could not ", what].concat())
}

/// An element being described: its tag, attributes, text and children.
///
/// Building cannot fail: tags and attribute names are literals of this crate, which the DOM
/// always accepts, and an element is only ever appended to a fresh parent. So no step
/// returns a `Result`; the one impossible failure, `createElement` refusing a literal tag,
/// throws a JS error that the shim reports ("could not start"). (Why: a `?` at each step
/// made every early return drop every element still being built, and that clean-up code was
/// a fifth of the widget's wasm.)
pub(crate) struct El(Element);

impl El {
    /// A new element of `tag` in `doc`.
    #[inline(never)]
    pub(crate) fn new(doc: &Document, tag: &str) -> El {
        El(doc.create_element(tag).unwrap_throw())
    }

    /// Sets an attribute.
    #[inline(never)]
    pub(crate) fn attr(self, name: &str, value: &str) -> El {
        set_attr(&self.0, name, value);
        self
    }

    /// Marks a control with what it does.
    pub(crate) fn action(self, action: Action) -> El {
        self.attr("data-action", action.name())
    }

    /// Sets a boolean attribute such as `hidden` or `open`.
    pub(crate) fn flag(self, name: &str) -> El {
        self.attr(name, "")
    }

    /// Sets the `class` attribute.
    pub(crate) fn class(self, class: &str) -> El {
        self.attr("class", class)
    }

    /// Sets the element's text. Never markup.
    #[inline(never)]
    pub(crate) fn text(self, text: &str) -> El {
        self.0.set_text_content(Some(text));
        self
    }

    /// Appends a child being described.
    pub(crate) fn child(self, child: El) -> El {
        self.append(&child.0)
    }

    /// Appends an element that already exists.
    #[inline(never)]
    pub(crate) fn append(self, child: &Element) -> El {
        let _ = self.0.append_child(child);
        self
    }

    /// The finished element.
    pub(crate) fn done(self) -> Element {
        self.0
    }

    /// The finished element as the type its tag makes (an input, a text area, …).
    pub(crate) fn done_as<T: JsCast>(self) -> T {
        self.0.unchecked_into()
    }
}

/// Replaces an element's text. Never markup.
#[inline(never)]
pub(crate) fn set_text(node: &Node, text: &str) {
    node.set_text_content(Some(text));
}

/// Removes every child of a node.
#[inline(never)]
pub(crate) fn clear(node: &Node) {
    node.set_text_content(None);
}

/// Appends a child to an element that is already on the page.
pub(crate) fn append(parent: &Element, child: El) {
    let _ = parent.append_child(&child.0);
}

/// Sets an attribute on an element already on the page.
#[inline(never)]
pub(crate) fn set_attr(element: &Element, name: &str, value: &str) {
    // Attribute names are literals of this crate, which the DOM always accepts.
    let _ = element.set_attribute(name, value);
}

/// Shows or hides an element with the `hidden` attribute.
#[inline(never)]
pub(crate) fn set_shown(element: &Element, shown: bool) {
    let _ = element.toggle_attribute_with_force("hidden", !shown);
}

/// Moves keyboard focus to an element. Every element this crate makes is an HTML element, so
/// no `instanceof` check (and its glue) is needed.
///
/// In the one-file page, which is what an iframe embeds, the element is first scrolled into
/// view in the widget's own window (`casefile::reveal`), then focused with `preventScroll`:
/// the browser's own focus scrolling reaches every ancestor frame, so an iframe host could
/// tell from its scroll position where focus went, and from that which answers are checked
/// (issue 16, item 13). Focus comes second so that the `focusin` handler can still move the
/// element clear of the verdict bar. The custom element keeps the plain `focus()`: its host
/// reads the open shadow root anyway (SECURITY.md), and its size budget is tight.
#[inline(never)]
pub(crate) fn focus(element: &Element) {
    let element = element.unchecked_ref::<HtmlElement>();
    #[cfg(feature = "page")]
    {
        super::casefile::reveal(element, 0.0);
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = element.focus_with_options(&options);
    }
    #[cfg(not(feature = "page"))]
    let _ = element.focus();
}

/// Focuses `element` without scrolling anything (`focus({ preventScroll: true })`): the
/// caller scrolls the widget's own window (`casefile::reveal`).
#[cfg(feature = "page")]
pub(crate) fn focus_quietly(element: &Element) {
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = element
        .unchecked_ref::<HtmlElement>()
        .focus_with_options(&options);
}

/// The element an event happened on, if it is an element.
#[inline(never)]
pub(crate) fn target(event: &Event) -> Option<Element> {
    event.target()?.dyn_into::<Element>().ok()
}

/// A listener on a target. Dropping it removes the listener and frees its closure, so a
/// widget that is redrawn or unmounted leaves nothing behind. (Dropping it from inside its
/// own handler is safe: wasm-bindgen frees the closure when the call returns.)
pub(crate) struct Listener {
    target: EventTarget,
    kind: &'static str,
    closure: Handler,
}

/// The one closure type of the crate: wasm-bindgen emits its glue once per closure type, and
/// a `Closure::new` per handler type cost some 3 KB of wasm.
type Handler = Closure<dyn FnMut(Event)>;

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self
            .target
            .remove_event_listener_with_callback(self.kind, self.closure.as_ref().unchecked_ref());
    }
}

/// Calls `handler` for every `kind` event that reaches `target`, until the returned
/// [`Listener`] is dropped.
pub(crate) fn listen(
    target: &EventTarget,
    kind: &'static str,
    handler: impl FnMut(Event) + 'static,
) -> Result<Listener> {
    listen_boxed(target, kind, Box::new(handler))
}

#[inline(never)]
fn listen_boxed(
    target: &EventTarget,
    kind: &'static str,
    handler: Box<dyn FnMut(Event)>,
) -> Result<Listener> {
    let closure = Closure::wrap(handler);
    target
        .add_event_listener_with_callback(kind, closure.as_ref().unchecked_ref())
        .map_err(|_| error("listen for input"))?;
    Ok(Listener {
        target: target.clone(),
        kind,
        closure,
    })
}

/// Calls `f` once, `ms` milliseconds from now, then frees the closure. It has the listeners'
/// type (its argument is unused), so wasm-bindgen emits no glue for another closure type.
pub(crate) fn later(ms: i32, f: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    // The closure holds the slot it is kept in, and empties it when it runs: that frees it.
    let slot: Rc<RefCell<Option<Handler>>> = Rc::default();
    let mine = Rc::clone(&slot);
    let mut f = Some(f);
    let closure: Handler = Closure::wrap(Box::new(move |_: Event| {
        if let Some(f) = f.take() {
            f();
        }
        drop(mine.borrow_mut().take());
    }));
    let set = window.set_timeout_with_callback_and_timeout_and_arguments_0(
        closure.as_ref().unchecked_ref(),
        ms,
    );
    if set.is_ok() {
        *slot.borrow_mut() = Some(closure);
    }
}

/// `text` as a file of type `mime`, made on the device.
pub(crate) fn blob(text: &str, mime: &str) -> Result<Blob> {
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let parts = js_sys::Array::of1(&js_sys::JsString::from(text));
    Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|_| error("make the file"))
}

/// Attaches the widget's stylesheet to the shadow root as a constructable stylesheet,
/// which needs no CSP allowance and replaces whatever was adopted before.
pub(crate) fn adopt_styles(root: &ShadowRoot, css: &str) -> Result<()> {
    let sheet = CssStyleSheet::new().map_err(|_| error("create the stylesheet"))?;
    sheet
        .replace_sync(css)
        .map_err(|_| error("parse the stylesheet"))?;
    root.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
    Ok(())
}
