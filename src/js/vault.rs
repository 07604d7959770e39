//! The sealed Keep's crypto (issue 16, item 1), WebCrypto in `www/vault.js`: a vault is a key
//! derived from a passphrase (PBKDF2-SHA-256) and its salt; what it seals is an AES-GCM
//! envelope. The key is not extractable and is held only here, in memory. Pages only.
//!
//! WebCrypto answers later: each call hands its answer to `done`, through a one-shot callback
//! of the listeners' closure type (no second closure type's glue, no futures runtime).

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Event;

#[wasm_bindgen(module = "/www/vault.js")]
extern "C" {
    #[wasm_bindgen(js_name = vaultNew)]
    fn vault_new(passphrase: &str, done: &js_sys::Function);
    #[wasm_bindgen(js_name = vaultSeal)]
    fn vault_seal(vault: &JsValue, text: &str, done: &js_sys::Function);
    #[wasm_bindgen(js_name = vaultOpen)]
    fn vault_open(passphrase: &str, sealed: &str, done: &js_sys::Function);
}

/// The listeners' closure type (`ui::dom`), whose glue the crate already carries.
type Handler = Closure<dyn FnMut(Event)>;

/// A derived key and its salt, opaque to Rust.
#[derive(Clone)]
pub(crate) struct Vault(JsValue);

/// A JS function that calls `f` with its argument once, then frees itself. Not generic: one
/// copy for every caller.
fn once(f: Box<dyn FnOnce(JsValue)>) -> js_sys::Function {
    let slot: Rc<RefCell<Option<Handler>>> = Rc::default();
    let mine = Rc::clone(&slot);
    let mut f = Some(f);
    let closure: Handler = Closure::wrap(Box::new(move |value: Event| {
        if let Some(f) = f.take() {
            f(value.into());
        }
        drop(mine.borrow_mut().take());
    }));
    let function = closure.as_ref().unchecked_ref::<js_sys::Function>().clone();
    *slot.borrow_mut() = Some(closure);
    function
}

/// A new vault for `passphrase`, with a fresh salt; `None` without WebCrypto.
pub(crate) fn create(passphrase: &str, done: impl FnOnce(Option<Vault>) + 'static) {
    vault_new(
        passphrase,
        &once(Box::new(move |v| {
            done(Some(v).filter(|v| !v.is_undefined()).map(Vault));
        })),
    );
}

/// `text` sealed: the envelope to store, with a fresh IV.
pub(crate) fn seal(vault: &Vault, text: &str, done: impl FnOnce(Option<String>) + 'static) {
    vault_seal(
        &vault.0,
        text,
        &once(Box::new(move |v| done(v.as_string()))),
    );
}

/// The vault and the text of an envelope; `None` for a wrong passphrase or a damaged copy.
pub(crate) fn open(
    passphrase: &str,
    sealed: &str,
    done: impl FnOnce(Option<(Vault, String)>) + 'static,
) {
    vault_open(
        passphrase,
        sealed,
        &once(Box::new(move |pair| {
            let pair = pair.dyn_into::<js_sys::Array>().ok();
            done(pair.and_then(|p| Some((Vault(p.get(0)), p.get(1).as_string()?))));
        })),
    );
}
