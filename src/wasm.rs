//! The wasm boundary, and the only file that knows `JsValue`.
//!
//! Each export converts its input, calls one pure function and converts the answer.
//! Malformed input is thrown as a JS `Error` whose message is the CLI's.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::i18n::{self, Catalog};
use crate::report::{questionnaire, Report};
use crate::rules::{parse_answers_file, Answers, InputError, Raw, MAX_DEPTH, MAX_FILE_BYTES};

/// Plain objects and `null`, never `Map` or `undefined`: the value as JSON text (see
/// [`json`]), turned into objects by the browser's own `JSON.parse`.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    let text = json::to_string(value).map_err(|e| JsError::new(&e.to_string()))?;
    js_sys::JSON::parse(&text).map_err(|_| JsError::new("JSON.parse refused a report"))
}

fn lang(tag: Option<String>) -> &'static Catalog {
    tag.as_deref()
        .and_then(i18n::catalog)
        .unwrap_or(i18n::english())
}

/// More items in one JS array or object than any answers file has (4 fields, 15 answers,
/// 15 notes), by far; a larger one is refused before it is read.
const MAX_ENTRIES: u32 = 1024;

/// Reads any JS value as an answers file, strictly.
fn answers_from_js(value: JsValue) -> Result<Answers, InputError> {
    parse_answers_file(&raw_from_js(&value, 0)?)
}

/// A JS value as [`Raw`], walked directly with `js_sys` (no serde deserializer in the wasm:
/// its error machinery pulls in float formatting). `undefined` reads as `null`, like JSON.
fn raw_from_js(value: &JsValue, depth: usize) -> Result<Raw, InputError> {
    if value.is_null() || value.is_undefined() {
        return Ok(Raw::Null);
    }
    if let Some(b) = value.as_bool() {
        return Ok(Raw::Bool(b));
    }
    if let Some(n) = value.as_f64() {
        return Ok(Raw::Number(n));
    }
    if let Some(s) = value.as_string() {
        return Ok(Raw::String(s));
    }
    if depth >= MAX_DEPTH {
        return Err(InputError::syntax(
            "nesting is deeper than an answers file can be",
        ));
    }
    if js_sys::Array::is_array(value) {
        // Its length first: `new Array(2 ** 32 - 1)` is one line of JS, and reading every
        // slot froze the page until memory ran out (tests/wasm.rs, huge sparse arrays).
        let array: &js_sys::Array = value.unchecked_ref();
        if array.length() > MAX_ENTRIES {
            return Err(InputError::syntax(
                "a list longer than an answers file can hold",
            ));
        }
        return array
            .iter()
            .map(|item| raw_from_js(&item, depth + 1))
            .collect::<Result<_, _>>()
            .map(Raw::Array);
    }
    if value.is_object() && !value.is_function() {
        let entries = js_sys::Object::entries(value.unchecked_ref());
        if entries.length() > MAX_ENTRIES {
            return Err(InputError::syntax(
                "an object with more fields than an answers file can hold",
            ));
        }
        return entries
            .iter()
            .map(|pair| {
                let pair = js_sys::Array::from(&pair);
                let key = pair.get(0).as_string().unwrap_or_default();
                Ok((key, raw_from_js(&pair.get(1), depth + 1)?))
            })
            .collect::<Result<_, _>>()
            .map(Raw::Object);
    }
    Err(InputError::syntax("a value that JSON cannot hold"))
}

/// An answers file's text, read with the browser's own JSON and then validated by the core
/// (the widget's "Open answers").
pub(crate) fn answers_from_json(text: &str) -> Result<Answers, InputError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(InputError::too_large());
    }
    if text.trim().is_empty() {
        return Err(InputError::syntax("the file is empty"));
    }
    let value = js_sys::JSON::parse(text).map_err(|e| {
        InputError::syntax(
            e.dyn_ref::<js_sys::Error>()
                .map_or_else(|| "not JSON".to_owned(), |e| String::from(e.message())),
        )
    })?;
    answers_from_js(value)
}

/// `evaluate(answers, lang?)`: the report object of RULES.md for an answers-file object.
///
/// # Errors
/// Throws an `Error` naming the field and the allowed values when the input is invalid.
#[wasm_bindgen]
pub fn evaluate(answers: JsValue, lang_tag: Option<String>) -> Result<JsValue, JsError> {
    let answers = answers_from_js(answers).map_err(|e| JsError::new(&e.to_string()))?;
    to_js(&Report::of(&answers, lang(lang_tag)))
}

/// `questions(lang?)`: the questionnaire in a language (English when unsupported).
///
/// # Errors
/// Only if serialisation fails, which it cannot for this data.
#[wasm_bindgen]
pub fn questions(lang_tag: Option<String>) -> Result<JsValue, JsError> {
    to_js(&questionnaire(lang(lang_tag)))
}

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

/// The shim's `keep` callback: holds the last good answers file outside the wasm instance.
pub(crate) struct Keeper(js_sys::Function);

impl Keeper {
    /// Hands the shim the answers file and the crash panel's title, body and button text.
    pub(crate) fn keep(&self, json: &str, title: &str, body: &str, button: &str) {
        let text = |t: &str| JsValue::from(js_sys::JsString::from(t));
        let _ = self.0.call4(
            &JsValue::NULL,
            &text(json),
            &text(title),
            &text(body),
            &text(button),
        );
    }
}

mod json;
