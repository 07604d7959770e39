//! The user's own words (notes) in the human reports, made harmless (issue 16).
//!
//! A note is split only on real line breaks (LF or CRLF), so each of its lines can be quoted
//! as such. Any other control character (ESC, a lone CR, VT, BEL, NUL, DEL, C1), bidi control
//! or line separator is shown as a visible escape such as `<U+202E>`: a terminal cannot run
//! it, and it cannot move, hide or reverse the text around it. In Markdown, every ASCII
//! punctuation character is also backslash-escaped and any word that could become a link is
//! a code span, so a line of a note is plain text.

/// Characters shown as `<U+XXXX>`: C0, DEL and C1 controls, the bidi marks, embeddings,
/// overrides and isolates, the line and paragraph separators, and the byte order mark.
pub(super) fn hidden(ch: char) -> bool {
    ch.is_control()
        || matches!(
            ch,
            '\u{061c}'
                | '\u{200e}'
                | '\u{200f}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{feff}'
        )
}

/// Appends `<U+XXXX>` (at least four upper-case hex digits), without `format!`'s machinery.
fn push_escape(out: &mut String, ch: char) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let code = u32::from(ch);
    out.push_str("<U+");
    let mut shift = 20;
    while shift > 12 && code >> shift == 0 {
        shift -= 4;
    }
    loop {
        let digit = (code >> shift) & 0xf;
        out.push(HEX.get(digit as usize).map_or('0', |&b| char::from(b)));
        if shift == 0 {
            break;
        }
        shift -= 4;
    }
    out.push('>');
}

/// The lines of a user text, broken only at LF and CRLF, with every hidden character escaped.
#[must_use]
pub fn lines(text: &str) -> Vec<String> {
    text.lines().map(one_line).collect()
}

/// A one-line user text (a case field) with every hidden character escaped, line breaks
/// included: it stays one line.
#[must_use]
pub fn one_line(text: &str) -> String {
    escape(text, false)
}

/// A user text with every hidden character escaped but its real line breaks (LF, and CRLF
/// written as LF), which [`lines`] would break at: the note as the print view shows it.
#[must_use]
pub fn multiline(text: &str) -> String {
    escape(text, true)
}

fn escape(text: &str, breaks: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        let line_break = ch == '\n' || (ch == '\r' && chars.peek() == Some(&'\n'));
        if breaks && line_break {
            if ch == '\n' {
                out.push('\n');
            }
        } else if hidden(ch) {
            push_escape(&mut out, ch);
        } else {
            out.push(ch);
        }
    }
    out
}

/// Where `needle` (not empty) first occurs in `hay`. A byte loop, not `str::find`: the
/// standard two-way searcher and its panic messages are some 8 KB of wasm (issue 8's budget).
pub(super) fn find(hay: &str, needle: &str) -> Option<usize> {
    let (hay, needle) = (hay.as_bytes(), needle.as_bytes());
    (0..hay.len()).find(|&i| hay.get(i..i + needle.len()) == Some(needle))
}

/// Whether a word could become a link in a GFM-style renderer (an extended autolink: a
/// URL, `www.`, an e-mail address, `mailto:` or `xmpp:`). Such renderers find e-mail
/// addresses in the text *after* escapes are undone, so escaping is not enough.
fn linkish(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    ["@", "://", "www.", "mailto:", "xmpp:"]
        .iter()
        .any(|p| find(&lower, p).is_some())
}

/// A word as a code span, where nothing is a link: fenced by one backtick more than its
/// longest run of backticks, and padded when it starts or ends with one.
fn push_code_span(out: &mut String, word: &str) {
    let longest = word.split(|ch| ch != '`').map(str::len).max().unwrap_or(0);
    let fence = |out: &mut String| (0..=longest).for_each(|_| out.push('`'));
    let pad = if word.starts_with('`') || word.ends_with('`') {
        " "
    } else {
        ""
    };
    fence(out);
    for part in [pad, word, pad] {
        out.push_str(part);
    }
    fence(out);
}

/// One line from [`lines`] as Markdown text. Every ASCII punctuation character is
/// backslash-escaped; a word that could become an autolink is a code span instead; and a
/// leading space is written `&#32;`, so that indentation cannot make a code block.
#[must_use]
pub fn markdown_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() * 2);
    for (i, word) in line.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if linkish(word) {
            push_code_span(&mut out, word);
            continue;
        }
        for ch in word.chars() {
            if ch.is_ascii_punctuation() {
                out.push('\\');
            }
            out.push(ch);
        }
    }
    match out.strip_prefix(' ') {
        Some(rest) => ["&#32;", rest].concat(),
        None => out,
    }
}

#[cfg(test)]
mod tests {
    use super::{lines, markdown_line, multiline, one_line};

    #[test]
    fn only_real_line_breaks_break_and_every_hidden_character_is_visible() {
        assert_eq!(
            lines("a\u{1b}[2K\rb\r\nc\u{202e}d\ne\u{10ffff}\u{85}"),
            ["a<U+001B>[2K<U+000D>b", "c<U+202E>d", "e\u{10ffff}<U+0085>"]
        );
        assert_eq!(lines("\u{0}\u{9}\u{2029}"), ["<U+0000><U+0009><U+2029>"]);
        assert_eq!(one_line("AB\n17\u{202e}"), "AB<U+000A>17<U+202E>");
        let note = "a\u{1b}[2K\rb\r\nc\u{202e}d\n\ne\r";
        assert_eq!(
            multiline(note),
            "a<U+001B>[2K<U+000D>b\nc<U+202E>d\n\ne<U+000D>"
        );
        assert_eq!(
            lines(&multiline(note)),
            lines(note),
            "the other outputs are unchanged"
        );
    }

    #[test]
    fn markdown_lines_escape_all_ascii_punctuation_and_leading_space() {
        assert_eq!(
            markdown_line("  1. see https://x.org, a@b.org or `www.x`"),
            "&#32; 1\\. see `https://x.org,` `a@b.org` or `` `www.x` ``"
        );
        assert_eq!(markdown_line("é ü"), "é ü");
    }
}
