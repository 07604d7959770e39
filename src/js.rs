//! The JS values the widget and the exports share: an answers file read from a JS value or
//! from JSON text with the browser's own parser, the shim's keeper, the browser's languages,
//! today's date, and (pages only) the sealed Keep's crypto (`vault`).
//!
//! A leaf: it knows the core and `js_sys`, nothing of `ui` or of the exports in `wasm`.

mod text;
#[cfg(feature = "page")]
pub(crate) mod vault;

use wasm_bindgen::{JsCast, JsValue};

use crate::rules::{check_text, decimal, parse_answers_file, Answers, InputError, MAX_FILE_BYTES};
// The JS API reads JS values (`answers_from_js`); the widget reads text only.
#[cfg(feature = "js-api")]
use crate::rules::{Raw, MAX_DEPTH, MAX_ENTRIES};

/// Reads any JS value as an answers file, strictly (the JS API's `evaluate`).
#[cfg(feature = "js-api")]
pub(crate) fn answers_from_js(value: &JsValue) -> Result<Answers, InputError> {
    parse_answers_file(&raw_from_js(value, 0)?)
}

/// An answers file read as a binary string (one character per byte, `readAsBinaryString`;
/// its size was checked first), decoded strictly as UTF-8 as the CLI decodes it, then
/// [`answers_from_json`]. `decodeURIComponent` refuses a bad byte or an encoded surrogate,
/// where `readAsText` replaces it with U+FFFD (issue 16, item 8); and it costs the wasm
/// nothing, where Rust's `str::from_utf8` and a copy of the bytes cost some 1.5 KB.
pub(crate) fn answers_from_binary(binary: &str) -> Result<Answers, InputError> {
    let text = js_sys::decode_uri_component(&String::from(js_sys::escape(binary)))
        .map_err(|_| InputError::syntax("the file is not UTF-8 text"))?;
    answers_from_json(&String::from(text))
}

/// An answers file's text (a file's, or the kept copy's): checked by the browser's own JSON,
/// then read again as `Raw` with every key kept, so that the core refuses what the CLI
/// refuses (issue 16, item 8), and validated by the core.
pub(crate) fn answers_from_json(text: &str) -> Result<Answers, InputError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(InputError::too_large());
    }
    check_text(text)?;
    js_sys::JSON::parse(text).map_err(|e| {
        InputError::syntax(
            e.dyn_ref::<js_sys::Error>()
                .map_or_else(|| "not JSON".to_owned(), |e| String::from(e.message())),
        )
    })?;
    parse_answers_file(&text::Reader::new(text).value(0)?)
}

/// The core's cap, as a JS length.
#[cfg(feature = "js-api")]
#[allow(clippy::cast_possible_truncation)]
const MAX_LENGTH: u32 = MAX_ENTRIES as u32;

/// A JS value as [`Raw`], walked directly with `js_sys`. Not serde-wasm-bindgen's
/// deserializer: it reads every slot of an array before anything can refuse it, and
/// `new Array(2 ** 32 - 1)` is one line of JS (tests/wasm.rs, huge sparse arrays). Lengths
/// are checked against the core's cap first. `undefined` reads as `null`, like JSON.
#[cfg(feature = "js-api")]
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
        // Rust's copy of a JS string with a lone surrogate is not that string.
        if *value != s.as_str() {
            return Err(InputError::syntax("a lone surrogate in a string"));
        }
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
                let Raw::String(key) = raw_from_js(&pair.get(0), depth)? else {
                    return Err(InputError::syntax("a value that JSON cannot hold"));
                };
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
