//! A generic, depth-limited picture of untrusted input, built by any serde deserializer.
//!
//! The CLI feeds it from `serde_json`, the wasm boundary from a JS value. Validation then
//! walks it once, so both report the same errors with the same field names.

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// Deeper input than this cannot be an answers file; stop before the stack is at risk.
pub const MAX_DEPTH: usize = 16;

/// Untrusted input, as far as the answers file can use it.
#[derive(Clone, Debug, PartialEq)]
pub enum Raw {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Raw>),
    /// Keys in input order, duplicates kept so that validation can reject them.
    Object(Vec<(String, Raw)>),
}

impl<'de> de::Deserialize<'de> for Raw {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Raw, D::Error> {
        Depth(0).deserialize(d)
    }
}

/// The nesting level of the value being read.
#[derive(Clone, Copy)]
struct Depth(usize);

impl Depth {
    fn deeper<E: de::Error>(self) -> Result<Depth, E> {
        if self.0 >= MAX_DEPTH {
            Err(E::custom("nesting is deeper than an answers file can be"))
        } else {
            Ok(Depth(self.0 + 1))
        }
    }
}

impl<'de> DeserializeSeed<'de> for Depth {
    type Value = Raw;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Raw, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Depth {
    type Value = Raw;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_unit<E>(self) -> Result<Raw, E> {
        Ok(Raw::Null)
    }

    fn visit_none<E>(self) -> Result<Raw, E> {
        Ok(Raw::Null)
    }

    fn visit_some<D: de::Deserializer<'de>>(self, d: D) -> Result<Raw, D::Error> {
        self.deserialize(d)
    }

    fn visit_bool<E>(self, v: bool) -> Result<Raw, E> {
        Ok(Raw::Bool(v))
    }

    // Precision beyond 2^53 does not matter: the only number in the file is `version`.
    #[allow(clippy::cast_precision_loss)]
    fn visit_i64<E>(self, v: i64) -> Result<Raw, E> {
        Ok(Raw::Number(v as f64))
    }

    #[allow(clippy::cast_precision_loss)]
    fn visit_u64<E>(self, v: u64) -> Result<Raw, E> {
        Ok(Raw::Number(v as f64))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Raw, E> {
        Ok(Raw::Number(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Raw, E> {
        Ok(Raw::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Raw, E> {
        Ok(Raw::String(v))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Raw, A::Error> {
        let inner = self.deeper()?;
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(inner)? {
            items.push(item);
        }
        Ok(Raw::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Raw, A::Error> {
        let inner = self.deeper()?;
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            let value = map.next_value_seed(inner)?;
            entries.push((key, value));
        }
        Ok(Raw::Object(entries))
    }
}
