//! The wasm exports, one small function per operation: each converts its input, calls one
//! function of the core or the widget, and converts the answer.
//!
//! Reports go out through serde-wasm-bindgen (plain objects and `null`, never `Map` or
//! `undefined`); malformed input is thrown as a JS `Error` whose message is the CLI's.
//! `evaluate` and `questions` are the JS API of RULES.md, built for `pkg/` only (feature
//! `js-api`); `dist/` carries the widget's `mount` and `unmount`.

use wasm_bindgen::prelude::*;

use crate::js::Keeper;

/// `mount(host, root, keep?)`: renders the widget into the open shadow root of
/// `<assurance-check>`. Idempotent: a second call on the same root leaves exactly one widget,
/// with its answers. `keep(json, title, body, button)`, when given, is called after every
/// change with the answers file and the crash panel's texts, so that the shim still has
/// them if the wasm traps (issue 9, item 3).
///
/// # Errors
/// Throws an `Error` if the DOM refuses an operation.
#[wasm_bindgen]
pub fn mount(
    host: web_sys::HtmlElement,
    root: web_sys::ShadowRoot,
    keep: Option<js_sys::Function>,
) -> Result<(), JsError> {
    crate::ui::mount(host, root, keep.map(Keeper))
}

/// `unmount(root)`: removes the widget from `root` and frees everything it holds (its
/// answers, listeners and timers). The element calls it when it leaves the page.
#[wasm_bindgen]
pub fn unmount(root: web_sys::ShadowRoot) {
    crate::ui::unmount(&root);
}

#[cfg(feature = "js-api")]
pub use api::{evaluate, questions};

/// The JS API of RULES.md, typed by `api.d.ts` (tests/api_types.rs keeps it in step).
#[cfg(feature = "js-api")]
mod api {
    use serde::Serialize;
    use wasm_bindgen::prelude::*;

    use crate::i18n::{self, Catalog};
    use crate::report::{questionnaire, Report};

    #[wasm_bindgen(typescript_custom_section)]
    const TYPES: &'static str = include_str!("wasm/api.d.ts");

    /// Plain objects, as `JSON.parse` would give them.
    fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
        value
            .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            .map_err(|e| JsError::new(&e.to_string()))
    }

    fn lang(tag: Option<String>) -> &'static Catalog {
        tag.as_deref()
            .and_then(i18n::catalog)
            .unwrap_or(i18n::english())
    }

    /// `evaluate(answers, lang?)`: the report object of RULES.md for an answers-file object.
    ///
    /// # Errors
    /// Throws an `Error` naming the field and the allowed values when the input is invalid.
    #[wasm_bindgen(unchecked_return_type = "Report")]
    pub fn evaluate(
        #[wasm_bindgen(unchecked_param_type = "AnswersFile")] answers: JsValue,
        lang_tag: Option<String>,
    ) -> Result<JsValue, JsError> {
        let answers =
            crate::js::answers_from_js(&answers).map_err(|e| JsError::new(&e.to_string()))?;
        to_js(&Report::of(&answers, lang(lang_tag)))
    }

    /// `questions(lang?)`: the questionnaire in a language (English when unsupported).
    ///
    /// # Errors
    /// Only if serialisation fails, which it cannot for this data.
    #[wasm_bindgen(unchecked_return_type = "Questionnaire")]
    pub fn questions(lang_tag: Option<String>) -> Result<JsValue, JsError> {
        to_js(&questionnaire(lang(lang_tag)))
    }
}
