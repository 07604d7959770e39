//! Input errors in words: one line that names the field and the allowed values.
//!
//! A key or value quoted from the file is shortened to [`QUOTE_CHARS`] characters, its
//! control and bidi characters are escaped, and it is isolated (U+2068 … U+2069), so that it
//! cannot reverse or hide the rest of the message (issue 16, item 14).

use std::fmt;

use crate::i18n::{english, fill, Catalog, Errors};
use crate::rules::{InputError, InputErrorKind};

use super::user_text::find;

/// A key or value from the file is quoted up to this many characters.
const QUOTE_CHARS: usize = 80;

impl InputError {
    /// The message in the catalog's language.
    #[must_use]
    pub fn message(&self, c: &Catalog) -> String {
        let e = &c.errors;
        let field = if self.field.is_empty() {
            e.the_file.to_owned()
        } else {
            quoted(&self.field)
        };
        let (template, detail, allowed): (&str, String, &[&str]) = match &self.kind {
            InputErrorKind::Syntax(d) => match syntax(d, e) {
                Syntax::Whole(message) => (message, String::new(), &[]),
                Syntax::Detail(detail) => (e.syntax, detail, &[]),
            },
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
            InputErrorKind::BadValue { found, allowed } => (e.bad_value, quoted(found), allowed),
            // The catalog's word for a number, as the value: the core writes no floats.
            InputErrorKind::BadNumber { allowed } => {
                (e.bad_value, e.type_number.to_owned(), allowed)
            }
            InputErrorKind::Duplicate => (e.duplicate, String::new(), &[]),
            InputErrorKind::NoteTooLong => (e.note_too_long, String::new(), &[]),
            InputErrorKind::TooLong { max } => {
                (e.too_long, crate::rules::decimal(*max as u64), &[])
            }
        };
        let mut line = fill(
            template,
            &[
                ("field", &field),
                ("detail", &detail),
                ("expected", &detail),
                ("found", &detail),
                ("max", &detail),
            ],
        );
        if !allowed.is_empty() {
            // The catalog's own separators: «\u{a0}: » in French, «، » in Arabic.
            let list = c.join_list(allowed);
            line.push(' ');
            line.push_str(&fill(
                c.report.item,
                &[("label", e.allowed), ("text", &list)],
            ));
            line.push('.');
        }
        one_line(&line)
    }
}

/// What a parser's words become: a message of its own, or the detail of `errors.syntax`.
enum Syntax {
    Whole(&'static str),
    Detail(String),
}

/// The parser's words in the catalog's language. The readers (`cli::parse_json`,
/// `cli::read_input`, the widget's) pass a few fixed English phrases, serde_json's messages
/// ("… at line 3 column 5") or the browser's `JSON.parse` message; each is recognised by
/// its words, and anything else becomes "not JSON", with its position if it gives one.
/// The browser's own text is never shown: it is English and may quote the file.
fn syntax(detail: &str, e: &Errors) -> Syntax {
    let d = detail.to_ascii_lowercase();
    let whole = match d.as_str() {
        "the file is empty" => Some(e.empty),
        "the file is not utf-8 text" => Some(e.not_utf8),
        "the file could not be read" => Some(e.unreadable),
        _ if d.starts_with("the file begins with a byte order mark") => Some(e.bom),
        _ => None,
    };
    if let Some(message) = whole {
        return Syntax::Whole(message);
    }
    let has = |words: &[&str]| words.iter().any(|w| find(&d, w).is_some());
    let problem = if has(&["surrogate", "unexpected end of hex escape"]) {
        e.syntax_surrogate
    } else if has(&["nesting", "recursion limit"]) {
        e.syntax_nesting
    } else if has(&["list longer than"]) {
        e.syntax_long_list
    } else if has(&["more fields than"]) {
        e.syntax_many_fields
    } else if has(&["eof while parsing", "unexpected end"]) {
        e.syntax_eof
    } else if has(&["trailing characters", "after json", "after the json"]) {
        e.syntax_trailing
    } else if has(&["control character"]) {
        e.syntax_control
    } else if has(&["escape"]) {
        e.syntax_escape
    } else if has(&["number out of range"]) {
        e.syntax_number
    } else if has(&["cannot hold"]) {
        e.syntax_value
    } else {
        e.syntax_other
    };
    Syntax::Detail(match position(&d) {
        Some((line, column)) => fill(
            e.syntax_at,
            &[("problem", problem), ("line", line), ("column", column)],
        ),
        None => problem.to_owned(),
    })
}

/// The last "line L column C" in a parser's message (serde_json, Firefox and Chromium all
/// write it so), as the two numbers.
fn position(detail: &str) -> Option<(&str, &str)> {
    let digits = |s: &str| -> usize { s.bytes().take_while(u8::is_ascii_digit).count() };
    let mut at = find(detail, "line ")?;
    while let Some(next) = detail.get(at + 1..).and_then(|rest| find(rest, "line ")) {
        at += 1 + next;
    }
    let rest = detail.get(at + "line ".len()..)?;
    let line_len = digits(rest);
    let line = rest.get(..line_len)?;
    let rest = rest.get(line_len..)?.strip_prefix(" column ")?;
    let column = rest.get(..digits(rest))?;
    (!line.is_empty() && !column.is_empty()).then_some((line, column))
}

/// A key or value from the file: shortened, its control and bidi characters escaped (an
/// unescaped U+2069 would end the isolate early), and isolated from the message around it.
fn quoted(text: &str) -> String {
    let mut out = String::from('\u{2068}');
    for ch in text.chars().take(QUOTE_CHARS) {
        if super::user_text::hidden(ch) {
            out.extend(ch.escape_default());
        } else {
            out.push(ch);
        }
    }
    if text.chars().nth(QUOTE_CHARS).is_some() {
        out.push('…');
    }
    out.push('\u{2069}');
    out
}

/// Escapes line breaks and other control characters, should any reach the message by
/// another way than [`quoted`], so that the message stays on one line.
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

#[cfg(test)]
mod tests {
    use super::position;
    use crate::i18n::LANGUAGES;
    use crate::rules::InputError;

    #[test]
    fn positions_are_read_from_every_parser_s_words() {
        assert_eq!(
            position("expected value at line 12 column 3"),
            Some(("12", "3"))
        );
        assert_eq!(
            position("json.parse: unexpected character at line 1 column 9 of the json data"),
            Some(("1", "9"))
        );
        assert_eq!(position("unexpected end of json input"), None);
        assert_eq!(position("line x column 2"), None);
    }

    /// Every other phrase of the readers (`src/wasm.rs`, `src/rules/raw.rs`) has its own
    /// translated problem, not the catch-all.
    #[test]
    fn the_readers_problems_are_translated() {
        for c in LANGUAGES {
            let e = &c.errors;
            for (phrase, want) in [
                (
                    "nesting is deeper than an answers file can be",
                    e.syntax_nesting,
                ),
                (
                    "a list longer than an answers file can hold",
                    e.syntax_long_list,
                ),
                (
                    "an object with more fields than an answers file can hold",
                    e.syntax_many_fields,
                ),
                ("a value that JSON cannot hold", e.syntax_value),
                ("not JSON", e.syntax_other),
            ] {
                let want = crate::i18n::fill(e.syntax, &[("detail", want)]);
                assert_eq!(
                    InputError::syntax(phrase).message(c),
                    want,
                    "{}",
                    c.lang.code
                );
            }
        }
    }

    /// Every fixed phrase that a reader passes is a message of its own in every language.
    #[test]
    fn the_readers_phrases_are_translated() {
        for c in LANGUAGES {
            let e = &c.errors;
            for (phrase, want) in [
                ("the file is empty", e.empty),
                ("the file is not UTF-8 text", e.not_utf8),
                ("the file could not be read", e.unreadable),
                ("the file begins with a byte order mark (U+FEFF)", e.bom),
            ] {
                assert_eq!(
                    InputError::syntax(phrase).message(c),
                    want,
                    "{}",
                    c.lang.code
                );
            }
        }
    }
}
