//! A minimal serde serializer to JSON text, for [`super::to_js`]: the browser's `JSON.parse` then
//! builds the objects. Smaller in the wasm than serde-wasm-bindgen's serializer (no key
//! cache, no per-value JS calls). Integers only: a float is an error, so that no float
//! formatting is linked in (the report and the questionnaire hold no floats).

use std::fmt::{self, Display};

use crate::decimal;

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

    fn int(&mut self, digits: &str) -> Result {
        self.0.push_str(digits);
        Ok(())
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
        self.int(&decimal::signed(i64::from(v)))
    }
    fn serialize_i16(self, v: i16) -> Result {
        self.int(&decimal::signed(i64::from(v)))
    }
    fn serialize_i32(self, v: i32) -> Result {
        self.int(&decimal::signed(i64::from(v)))
    }
    fn serialize_i64(self, v: i64) -> Result {
        self.int(&decimal::signed(v))
    }
    fn serialize_u8(self, v: u8) -> Result {
        self.int(&decimal::unsigned(u64::from(v)))
    }
    fn serialize_u16(self, v: u16) -> Result {
        self.int(&decimal::unsigned(u64::from(v)))
    }
    fn serialize_u32(self, v: u32) -> Result {
        self.int(&decimal::unsigned(u64::from(v)))
    }
    fn serialize_u64(self, v: u64) -> Result {
        self.int(&decimal::unsigned(v))
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
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Result {
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

/// Sequences, tuples and tuple structs and variants are all JSON arrays.
macro_rules! array_like {
    ($($trait:ident::$method:ident),*) => {$(
        impl ser::$trait for Compound<'_> {
            type Ok = ();
            type Error = Error;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
                self.element(value)
            }
            fn end(self) -> Result {
                self.finish()
            }
        }
    )*};
}

array_like!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

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
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result {
        self.field(key, value)
    }
    fn end(self) -> Result {
        self.finish()
    }
}

impl ser::SerializeStructVariant for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result {
        self.field(key, value)
    }
    fn end(self) -> Result {
        self.finish()
    }
}
