//! Input errors in words: one line that names the field and the allowed values.

use std::fmt;

use crate::i18n::{english, fill, Catalog};
use crate::rules::{InputError, InputErrorKind};

impl InputError {
    /// The message in the catalog's language.
    #[must_use]
    pub fn message(&self, c: &Catalog) -> String {
        let e = &c.errors;
        let field = if self.field.is_empty() {
            e.the_file
        } else {
            self.field.as_str()
        };
        let (template, detail, allowed): (&str, String, &[&str]) = match &self.kind {
            InputErrorKind::Syntax(d) => (e.syntax, d.clone(), &[]),
            InputErrorKind::TooLarge => (e.too_large, String::new(), &[]),
            InputErrorKind::WrongType { expected, allowed } => {
                let expected = match *expected {
                    "object" => e.type_object,
                    "number" => e.type_number,
                    _ => e.type_string,
                };
                (e.wrong_type, expected.to_owned(), allowed)
            }
            InputErrorKind::Missing { allowed } => (e.missing, String::new(), allowed),
            InputErrorKind::UnknownField { allowed } => (e.unknown_field, String::new(), allowed),
            InputErrorKind::BadValue { found, allowed } => (e.bad_value, found.clone(), allowed),
            InputErrorKind::Duplicate => (e.duplicate, String::new(), &[]),
            InputErrorKind::NoteTooLong => (e.note_too_long, String::new(), &[]),
            InputErrorKind::TooLong { max } => (
                e.too_long,
                crate::decimal::unsigned(u64::try_from(*max).unwrap_or(u64::MAX)),
                &[],
            ),
        };
        let mut line = fill(
            template,
            &[
                ("field", field),
                ("detail", &detail),
                ("expected", &detail),
                ("found", &detail),
                ("max", &detail),
            ],
        );
        if !allowed.is_empty() {
            line.push(' ');
            line.push_str(&fill(e.allowed, &[("allowed", &allowed.join(", "))]));
        }
        one_line(&line)
    }
}

/// Escapes line breaks and other control characters, which a key or value in the file may
/// contain, so that the message stays on one line.
fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        if ch.is_control() || matches!(ch, '\u{2028}' | '\u{2029}') {
            out.extend(ch.escape_default());
        } else {
            out.push(ch);
        }
    }
    out
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(english()))
    }
}

impl std::error::Error for InputError {}
