//! The wasm boundary, and the only file that knows `JsValue`.
//!
//! Each export converts its input, calls one pure function and converts the answer.
//! Malformed input is thrown as a JS `Error` whose message is the CLI's.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::i18n::{self, Catalog};
use crate::report::{questionnaire, Report};
use crate::rules::{
    parse_answers_file, Answers, AnswersFile, InputError, Raw, MAX_DEPTH, MAX_FILE_BYTES,
};

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

/// The answers file of RULES.md as text, indented by two spaces (the widget's "Save
/// answers" and "Keep my answers on this device").
pub(crate) fn answers_to_json(answers: &Answers) -> Option<String> {
    let value = to_js(&AnswersFile(answers)).ok()?;
    js_sys::JSON::stringify_with_replacer_and_space(&value, &JsValue::NULL, &JsValue::from(2))
        .ok()?
        .as_string()
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

/// A minimal serde serializer to JSON text, for [`to_js`]: the browser's `JSON.parse` then
/// builds the objects. Smaller in the wasm than serde-wasm-bindgen's serializer (no key
/// cache, no per-value JS calls). Integers only: a float is an error, so that no float
/// formatting is linked in (the report and the questionnaire hold no floats).
mod json {
    use std::fmt::{self, Display, Write as _};

    use serde::ser::{self, Serialize};

    #[derive(Debug)]
    pub struct Error(String);

    impl Display for Error {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(&self.0)
        }
    }

    impl std::error::Error for Error {}

    impl ser::Error for Error {
        fn custom<T: Display>(msg: T) -> Self {
            Error(msg.to_string())
        }
    }

    type Result<T = ()> = std::result::Result<T, Error>;

    /// `value` as JSON text: objects, arrays, strings, integers, booleans and `null`.
    pub fn to_string<T: Serialize + ?Sized>(value: &T) -> Result<String> {
        let mut json = Json(String::new());
        value.serialize(&mut json)?;
        Ok(json.0)
    }

    pub struct Json(String);

    impl Json {
        fn string(&mut self, s: &str) {
            let out = &mut self.0;
            out.push('"');
            for c in s.chars() {
                match c {
                    '"' => out.push_str("\\\""),
                    '\\' => out.push_str("\\\\"),
                    '\n' => out.push_str("\\n"),
                    '\r' => out.push_str("\\r"),
                    '\t' => out.push_str("\\t"),
                    c if u32::from(c) < 0x20 => {
                        const HEX: &[u8; 16] = b"0123456789abcdef";
                        let n = u32::from(c) as usize;
                        out.push_str("\\u00");
                        out.push(char::from(HEX.get(n >> 4).copied().unwrap_or(b'0')));
                        out.push(char::from(HEX.get(n & 15).copied().unwrap_or(b'0')));
                    }
                    c => out.push(c),
                }
            }
            out.push('"');
        }

        fn int(&mut self, n: impl Display) -> Result {
            write!(self.0, "{n}").map_err(|_| Error("integer".to_owned()))
        }

        fn open<'a>(&'a mut self, open: &str, close: &'static str) -> Compound<'a> {
            self.0.push_str(open);
            Compound {
                json: self,
                first: true,
                close,
            }
        }

        fn open_variant<'a>(
            &'a mut self,
            variant: &str,
            open: char,
            close: &'static str,
        ) -> Compound<'a> {
            self.0.push('{');
            self.string(variant);
            self.0.push(':');
            self.0.push(open);
            Compound {
                json: self,
                first: true,
                close,
            }
        }
    }

    pub struct Compound<'a> {
        json: &'a mut Json,
        first: bool,
        close: &'static str,
    }

    impl Compound<'_> {
        fn comma(&mut self) {
            if !self.first {
                self.json.0.push(',');
            }
            self.first = false;
        }

        fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
            self.comma();
            value.serialize(&mut *self.json)
        }

        fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result {
            self.comma();
            self.json.string(key);
            self.json.0.push(':');
            value.serialize(&mut *self.json)
        }

        fn finish(self) -> Result {
            self.json.0.push_str(self.close);
            Ok(())
        }
    }

    impl<'a> ser::Serializer for &'a mut Json {
        type Ok = ();
        type Error = Error;
        type SerializeSeq = Compound<'a>;
        type SerializeTuple = Compound<'a>;
        type SerializeTupleStruct = Compound<'a>;
        type SerializeTupleVariant = Compound<'a>;
        type SerializeMap = Compound<'a>;
        type SerializeStruct = Compound<'a>;
        type SerializeStructVariant = Compound<'a>;

        fn serialize_bool(self, v: bool) -> Result {
            self.0.push_str(if v { "true" } else { "false" });
            Ok(())
        }
        fn serialize_i8(self, v: i8) -> Result {
            self.int(v)
        }
        fn serialize_i16(self, v: i16) -> Result {
            self.int(v)
        }
        fn serialize_i32(self, v: i32) -> Result {
            self.int(v)
        }
        fn serialize_i64(self, v: i64) -> Result {
            self.int(v)
        }
        fn serialize_u8(self, v: u8) -> Result {
            self.int(v)
        }
        fn serialize_u16(self, v: u16) -> Result {
            self.int(v)
        }
        fn serialize_u32(self, v: u32) -> Result {
            self.int(v)
        }
        fn serialize_u64(self, v: u64) -> Result {
            self.int(v)
        }
        fn serialize_f32(self, _: f32) -> Result {
            Err(Error("a float cannot be serialised here".to_owned()))
        }
        fn serialize_f64(self, _: f64) -> Result {
            Err(Error("a float cannot be serialised here".to_owned()))
        }
        fn serialize_char(self, v: char) -> Result {
            self.string(v.encode_utf8(&mut [0; 4]));
            Ok(())
        }
        fn serialize_str(self, v: &str) -> Result {
            self.string(v);
            Ok(())
        }
        fn serialize_bytes(self, v: &[u8]) -> Result {
            use ser::SerializeSeq;
            let mut seq = self.open("[", "]");
            for b in v {
                seq.serialize_element(b)?;
            }
            seq.finish()
        }
        fn serialize_none(self) -> Result {
            self.0.push_str("null");
            Ok(())
        }
        fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result {
            value.serialize(self)
        }
        fn serialize_unit(self) -> Result {
            self.serialize_none()
        }
        fn serialize_unit_struct(self, _: &'static str) -> Result {
            self.serialize_none()
        }
        fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result {
            self.string(variant);
            Ok(())
        }
        fn serialize_newtype_struct<T: Serialize + ?Sized>(
            self,
            _: &'static str,
            value: &T,
        ) -> Result {
            value.serialize(self)
        }
        fn serialize_newtype_variant<T: Serialize + ?Sized>(
            self,
            _: &'static str,
            _: u32,
            variant: &'static str,
            value: &T,
        ) -> Result {
            self.0.push('{');
            self.string(variant);
            self.0.push(':');
            value.serialize(&mut *self)?;
            self.0.push('}');
            Ok(())
        }
        fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'a>> {
            Ok(self.open("[", "]"))
        }
        fn serialize_tuple(self, _: usize) -> Result<Compound<'a>> {
            Ok(self.open("[", "]"))
        }
        fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Compound<'a>> {
            Ok(self.open("[", "]"))
        }
        fn serialize_tuple_variant(
            self,
            _: &'static str,
            _: u32,
            variant: &'static str,
            _: usize,
        ) -> Result<Compound<'a>> {
            Ok(self.open_variant(variant, '[', "]}"))
        }
        fn serialize_map(self, _: Option<usize>) -> Result<Compound<'a>> {
            Ok(self.open("{", "}"))
        }
        fn serialize_struct(self, _: &'static str, _: usize) -> Result<Compound<'a>> {
            Ok(self.open("{", "}"))
        }
        fn serialize_struct_variant(
            self,
            _: &'static str,
            _: u32,
            variant: &'static str,
            _: usize,
        ) -> Result<Compound<'a>> {
            Ok(self.open_variant(variant, '{', "}}"))
        }
    }

    impl ser::SerializeSeq for Compound<'_> {
        type Ok = ();
        type Error = Error;
        fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
            self.element(value)
        }
        fn end(self) -> Result {
            self.finish()
        }
    }

    impl ser::SerializeTuple for Compound<'_> {
        type Ok = ();
        type Error = Error;
        fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
            self.element(value)
        }
        fn end(self) -> Result {
            self.finish()
        }
    }

    impl ser::SerializeTupleStruct for Compound<'_> {
        type Ok = ();
        type Error = Error;
        fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
            self.element(value)
        }
        fn end(self) -> Result {
            self.finish()
        }
    }

    impl ser::SerializeTupleVariant for Compound<'_> {
        type Ok = ();
        type Error = Error;
        fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
            self.element(value)
        }
        fn end(self) -> Result {
            self.finish()
        }
    }

    impl ser::SerializeMap for Compound<'_> {
        type Ok = ();
        type Error = Error;
        fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result {
            self.comma();
            // Object keys are strings in JSON: a key that is not one is quoted.
            let key = to_string(key)?;
            if key.starts_with('"') {
                self.json.0.push_str(&key);
            } else {
                self.json.string(&key);
            }
            self.json.0.push(':');
            Ok(())
        }
        fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
            value.serialize(&mut *self.json)
        }
        fn end(self) -> Result {
            self.finish()
        }
    }

    impl ser::SerializeStruct for Compound<'_> {
        type Ok = ();
        type Error = Error;
        fn serialize_field<T: Serialize + ?Sized>(
            &mut self,
            key: &'static str,
            value: &T,
        ) -> Result {
            self.field(key, value)
        }
        fn end(self) -> Result {
            self.finish()
        }
    }

    impl ser::SerializeStructVariant for Compound<'_> {
        type Ok = ();
        type Error = Error;
        fn serialize_field<T: Serialize + ?Sized>(
            &mut self,
            key: &'static str,
            value: &T,
        ) -> Result {
            self.field(key, value)
        }
        fn end(self) -> Result {
            self.finish()
        }
    }
}
