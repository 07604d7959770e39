//! The report as RTF, the editable document that Word and LibreOffice open (issue 14,
//! item 9). RTF is plain ASCII text, so it needs no archive code in the wasm (README,
//! "Editable report").
//!
//! Every text is escaped: `\`, `{` and `}` become control symbols and every other
//! non-ASCII character a `\uN\'3f` escape, so no text can become a control word. The user's
//! notes are split into lines and their hidden characters shown as in the text report
//! (`user_text.rs`). In a right-to-left language every paragraph is right to left; dates
//! and citations keep the isolates the blocks give them.

use crate::i18n::{fill, Catalog, Dir};

use crate::rules::{decimal, Answers, Evaluation};

use super::{document, user_text, Block, Meta};

/// Appends `text` escaped for RTF: ASCII as itself, `\ { }` as control symbols, a line
/// break as `\line`, a tab as `\tab` and everything else as UTF-16 units in `\uN\'3f`.
fn escape(out: &mut String, text: &str) {
    text.chars().for_each(|ch| push_char(out, ch));
}

fn push_char(out: &mut String, ch: char) {
    match ch {
        '\\' | '{' | '}' => {
            out.push('\\');
            out.push(ch);
        }
        '\n' => out.push_str("\\line "),
        '\t' => out.push_str("\\tab "),
        ' '..='~' => out.push(ch),
        _ => {
            let mut units = [0u16; 2];
            for unit in ch.encode_utf16(&mut units) {
                // RTF reads N as a signed 16-bit number. The fallback that readers without
                // Unicode show is `?`, written `\'3f`: a bare `?` followed by text makes
                // some readers (unrtf) drop the whole word.
                out.push_str("\\u");
                // `decimal`, not `to_string`: no integer formatting code in the wasm.
                let n = *unit as i16;
                if n < 0 {
                    out.push('-');
                }
                out.push_str(&decimal(u64::from(n.unsigned_abs())));
                out.push_str("\\'3f");
            }
        }
    }
}

/// Starts a paragraph in the catalog's direction; `style` adds indents, spacing and size.
fn open(out: &mut String, c: &Catalog, style: &str) {
    out.push_str(match c.lang.dir {
        Dir::Rtl => "\\pard\\plain\\rtlpar\\qr\\rtlch",
        Dir::Ltr => "\\pard\\plain\\ltrpar\\ql\\ltrch",
    });
    out.push_str(style);
    out.push(' ');
}

/// A whole paragraph of plain text.
fn paragraph(out: &mut String, c: &Catalog, style: &str, text: &str) {
    open(out, c, style);
    escape(out, text);
    out.push_str("\\par\n");
}

/// A paragraph `label: text` with the label in bold, punctuated by the catalog's `item`.
/// U+0001 and U+0002 stand in for the label and the text (no catalog text holds them), so
/// the pattern's own punctuation is escaped with them in place.
fn labelled(out: &mut String, c: &Catalog, style: &str, label: &str, text: &str) {
    open(out, c, style);
    let pattern = fill(c.report.item, &[("label", "\u{1}"), ("text", "\u{2}")]);
    for ch in pattern.chars() {
        match ch {
            '\u{1}' => {
                out.push_str("{\\b ");
                escape(out, label);
                out.push('}');
            }
            '\u{2}' => escape(out, text),
            _ => push_char(out, ch),
        }
    }
    out.push_str("\\par\n");
}

/// Renders blocks as an RTF document.
#[must_use]
pub fn to_rtf(blocks: &[Block], c: &Catalog) -> String {
    let mut out = String::from(
        "{\\rtf1\\ansi\\ansicpg1252\\deff0\\uc1{\\fonttbl{\\f0\\fswiss\\fcharset0 Arial;}}\n",
    );
    if c.lang.dir == Dir::Rtl {
        out.push_str("\\rtldoc\n");
    }
    for b in blocks {
        match b {
            Block::Title(t) => paragraph(&mut out, c, "\\sa240\\b\\fs32", t),
            Block::Heading(t) => paragraph(&mut out, c, "\\sb240\\sa120\\b\\fs26", t),
            Block::Paragraph(t) => paragraph(&mut out, c, "\\sa120\\fs22", t),
            Block::Item { label, text } => {
                labelled(&mut out, c, "\\li360\\ri360\\sa60\\fs22", label, text);
            }
            Block::Answer {
                question,
                answer,
                note,
            } => {
                paragraph(&mut out, c, "\\li360\\ri360\\sb60\\fs22", question);
                let answer_style = "\\li720\\ri720\\fs22";
                labelled(&mut out, c, answer_style, c.report.answer, answer);
                if let Some(n) = note {
                    labelled(&mut out, c, answer_style, c.report.note, "");
                    for line in user_text::lines(n) {
                        paragraph(&mut out, c, "\\li1080\\ri1080\\i\\fs22", &line);
                    }
                }
            }
        }
    }
    out.push_str("}\n");
    out
}

/// The editable report of an evaluation: the same blocks as the printed report, as RTF
/// text (ASCII only, so its bytes are its UTF-8). What the widget offers for download.
#[must_use]
pub fn rtf_document(answers: &Answers, e: &Evaluation, c: &Catalog, meta: Meta<'_>) -> String {
    to_rtf(&document(answers, e, c, meta), c)
}

#[cfg(test)]
mod tests {
    use super::escape;

    fn escaped(text: &str) -> String {
        let mut out = String::new();
        escape(&mut out, text);
        out
    }

    #[test]
    fn escape_makes_braces_backslashes_and_non_ascii_inert() {
        assert_eq!(escaped(r"a\par{b}"), r"a\\par\{b\}");
        assert_eq!(escaped("é ت\n\t"), r"\u233\'3f \u1578\'3f\line \tab ");
        // Above U+7FFF the unit is negative; above the BMP it is a surrogate pair.
        assert_eq!(
            escaped("\u{2069}\u{fffd}😀"),
            r"\u8297\'3f\u-3\'3f\u-10179\'3f\u-8704\'3f"
        );
        assert!(escaped("\u{1b}\u{7f}")
            .chars()
            .all(|ch| ch.is_ascii_graphic()));
    }
}
