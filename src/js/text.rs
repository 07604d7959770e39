//! An answers file's JSON text as [`Raw`], read again after the browser's `JSON.parse` has
//! accepted it (issue 16, item 8): `JSON.parse` keeps the last of two equal keys and turns a
//! lone surrogate into U+FFFD, where the core must see both keys to refuse them, as the CLI
//! does, and a lone surrogate is refused here as the CLI refuses it.

use crate::rules::{InputError, Raw, MAX_DEPTH, MAX_ENTRIES};

/// Reads a JSON text that `JSON.parse` accepted, so it never meets invalid syntax: commas
/// and colons can be skipped as if they were spaces.
pub(crate) struct Reader<'a> {
    text: &'a str,
    at: usize,
}

fn not_json() -> InputError {
    InputError::syntax("not JSON")
}

impl<'a> Reader<'a> {
    pub(crate) fn new(text: &'a str) -> Reader<'a> {
        Reader { text, at: 0 }
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    /// Moves past bytes while `more` holds; the bytes passed.
    fn take(&mut self, more: impl Fn(u8) -> bool) -> &'a str {
        let start = self.at;
        while self.peek().is_some_and(&more) {
            self.at += 1;
        }
        // Every stop is before an ASCII byte or at the end: a character boundary.
        self.text.get(start..self.at).unwrap_or_default()
    }

    /// The value at the reader's place, `depth` containers deep.
    pub(crate) fn value(&mut self, depth: usize) -> Result<Raw, InputError> {
        self.take(|b| b" \t\n\r,:".contains(&b));
        match self.peek() {
            Some(open @ (b'{' | b'[')) => self.container(depth, open == b'{'),
            Some(b'"') => self.string().map(Raw::String),
            // `true`, `false`, `null` or a number: the browser reads it (Rust's
            // `f64::from_str` would add some 20 KB of wasm).
            _ => {
                let token = self.take(|b| !b" \t\n\r,:]}".contains(&b));
                let v = js_sys::JSON::parse(token).map_err(|_| not_json())?;
                Ok(match (v.as_bool(), v.as_f64()) {
                    (Some(b), _) => Raw::Bool(b),
                    (_, Some(n)) => Raw::Number(n),
                    _ => Raw::Null,
                })
            }
        }
    }

    /// A string token, unescaped by `JSON.parse` itself, so that escapes mean what the
    /// browser says they mean; a lone surrogate, which would come back as U+FFFD, is refused.
    fn string(&mut self) -> Result<String, InputError> {
        let start = self.at;
        self.at += 1;
        loop {
            match self.peek() {
                Some(b'\\') => self.at += 2,
                Some(b'"') => break,
                Some(_) => self.at += 1,
                None => return Err(not_json()),
            }
        }
        self.at += 1;
        let token = self.text.get(start..self.at).unwrap_or_default();
        if !token.contains('\\') {
            return Ok(token.get(1..token.len() - 1).unwrap_or_default().to_owned());
        }
        let parsed = js_sys::JSON::parse(token).map_err(|_| not_json())?;
        let text = parsed.as_string().ok_or_else(not_json)?;
        // Rust's copy of a JS string with a lone surrogate is not that string.
        if parsed != text.as_str() {
            return Err(InputError::syntax("a lone surrogate in a string"));
        }
        Ok(text)
    }

    /// An object (every entry, in order, duplicates included: the core names the second one)
    /// or a list.
    fn container(&mut self, depth: usize, keyed: bool) -> Result<Raw, InputError> {
        if depth >= MAX_DEPTH {
            return Err(InputError::syntax(
                "nesting is deeper than an answers file can be",
            ));
        }
        self.at += 1;
        let mut entries = Vec::new();
        let mut items = Vec::new();
        loop {
            self.take(|b| b" \t\n\r,:".contains(&b));
            if matches!(self.peek(), Some(b'}' | b']') | None) {
                self.at += 1;
                return Ok(if keyed {
                    Raw::Object(entries)
                } else {
                    Raw::Array(items)
                });
            }
            if entries.len() + items.len() >= MAX_ENTRIES {
                return Err(InputError::syntax(if keyed {
                    "an object with more fields than an answers file can hold"
                } else {
                    "a list longer than an answers file can hold"
                }));
            }
            if keyed {
                let key = self.string()?;
                entries.push((key, self.value(depth + 1)?));
            } else {
                items.push(self.value(depth + 1)?);
            }
        }
    }
}
