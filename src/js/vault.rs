//! The sealed Keep's crypto (issue 16, item 1), WebCrypto in `www/vault.js`: a vault is a key
//! derived from a passphrase (PBKDF2-SHA-256) and its salt; what it seals is an AES-GCM
//! envelope. The key is not extractable and is held only here, in memory. Pages only.

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(module = "/www/vault.js")]
extern "C" {
    #[wasm_bindgen(js_name = vaultNew)]
    fn vault_new(passphrase: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = vaultSeal)]
    fn vault_seal(vault: &JsValue, text: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = vaultOpen)]
    fn vault_open(passphrase: &str, sealed: &str) -> js_sys::Promise;
}

/// A derived key and its salt, opaque to Rust.
#[derive(Clone)]
pub(crate) struct Vault(JsValue);

/// A new vault for `passphrase`, with a fresh salt; `None` without WebCrypto.
pub(crate) async fn create(passphrase: &str) -> Option<Vault> {
    JsFuture::from(vault_new(passphrase)).await.ok().map(Vault)
}

/// `text` sealed: the envelope to store, with a fresh IV.
pub(crate) async fn seal(vault: &Vault, text: &str) -> Option<String> {
    JsFuture::from(vault_seal(&vault.0, text))
        .await
        .ok()?
        .as_string()
}

/// The vault and the text of an envelope; `None` for a wrong passphrase or a damaged copy.
pub(crate) async fn open(passphrase: &str, sealed: &str) -> Option<(Vault, String)> {
    let pair = JsFuture::from(vault_open(passphrase, sealed)).await.ok()?;
    let pair: js_sys::Array = pair.dyn_into().ok()?;
    Some((Vault(pair.get(0)), pair.get(1).as_string()?))
}
