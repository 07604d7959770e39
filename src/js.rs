//! The JS values the widget and the exports share: an answers file read from a JS value or
//! from JSON text with the browser's own parser, the shim's keeper, the browser's languages
//! and today's date.
//!
//! A leaf: it knows the core and `js_sys`, nothing of `ui` or of the exports in `wasm`.

use wasm_bindgen::{JsCast, JsValue};

use crate::rules::{
    decimal, parse_answers_file, Answers, InputError, Raw, MAX_DEPTH, MAX_ENTRIES, MAX_FILE_BYTES,
};

/// Reads any JS value as an answers file, strictly.
pub(crate) fn answers_from_js(value: &JsValue) -> Result<Answers, InputError> {
    parse_answers_file(&raw_from_js(value, 0)?)
}

/// An answers file's text, read with the browser's own JSON and then validated by the core
/// (the widget's "Open answers" and the kept answers).
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
    answers_from_js(&value)
}

/// The core's cap, as a JS length.
#[allow(clippy::cast_possible_truncation)]
const MAX_LENGTH: u32 = MAX_ENTRIES as u32;

/// A JS value as [`Raw`], walked directly with `js_sys`. Not serde-wasm-bindgen's
/// deserializer: it reads every slot of an array before anything can refuse it, and
/// `new Array(2 ** 32 - 1)` is one line of JS (tests/wasm.rs, huge sparse arrays). Lengths
/// are checked against the core's cap first. `undefined` reads as `null`, like JSON.
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
        let array: &js_sys::Array = value.unchecked_ref();
        if array.length() > MAX_LENGTH {
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
        if entries.length() > MAX_LENGTH {
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

/// The shim's `keep` callback: holds the last good answers file outside the wasm instance.
pub(crate) struct Keeper(pub(crate) js_sys::Function);

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

/// `navigator.languages`, read through `Reflect` so that web-sys's `Navigator` (which
/// carries `sendBeacon`) stays disabled.
pub(crate) fn browser_languages() -> Vec<String> {
    let global = js_sys::global();
    js_sys::Reflect::get(&global, &js_sys::JsString::from("navigator"))
        .and_then(|navigator| {
            js_sys::Reflect::get(&navigator, &js_sys::JsString::from("languages"))
        })
        .ok()
        .and_then(|languages| languages.dyn_into::<js_sys::Array>().ok())
        .map(|languages| languages.iter().filter_map(|tag| tag.as_string()).collect())
        .unwrap_or_default()
}

/// Today's local date, `YYYY-MM-DD`.
pub(crate) fn today() -> String {
    let now = js_sys::Date::new_0();
    // Not `format!("{:02}")` nor `to_string`: both bring in `core::fmt` (see `decimal`). Nor
    // a join of `String`s: that is one more copy of `join`'s generic code (some 1.2 KB).
    let mut date = decimal(now.get_full_year().into());
    for n in [now.get_month() + 1, now.get_date()] {
        date.push_str(if n < 10 { "-0" } else { "-" });
        date.push_str(&decimal(n.into()));
    }
    date
}
