//! The report as Markdown: the CLI's `--format markdown` and the widget's download.
//!
//! Every text is escaped, so that neither a note nor a translation can become a link,
//! an image or raw HTML in whatever renders the file; a note's lines are plain text
//! (`user_text.rs`).

use crate::i18n::{fill, Catalog};

use super::{user_text, Block};

/// Backslash-escapes the characters that could start Markdown or HTML syntax.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        if matches!(
            ch,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '!' | '&' | '~'
        ) {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

/// Appends the parts to `out` (what `format!` would do, without its machinery in the wasm).
fn push(out: &mut String, parts: &[&str]) {
    for part in parts {
        out.push_str(part);
    }
}

/// Renders blocks as Markdown.
#[must_use]
pub fn to_markdown(blocks: &[Block], c: &Catalog) -> String {
    let mut out = String::new();
    for b in blocks {
        if !matches!(b, Block::Item { .. } | Block::Answer { .. })
            && out.ends_with("\n")
            && !out.ends_with("\n\n")
        {
            out.push('\n');
        }
        match b {
            Block::Title(t) => push(&mut out, &["# ", &escape(t), "\n\n"]),
            Block::Heading(t) => push(&mut out, &["\n## ", &escape(t), "\n\n"]),
            Block::Paragraph(t) => push(&mut out, &[&escape(t), "\n\n"]),
            Block::Item { label, text } => {
                let label = ["**", &escape(label), "**"].concat();
                let line = fill(c.report.item, &[("label", &label), ("text", &escape(text))]);
                push(&mut out, &["- ", &line, "\n"]);
            }
            Block::Answer {
                question,
                answer,
                note,
            } => {
                let label = ["**", &escape(c.report.answer), "**"].concat();
                let line = fill(
                    c.report.item,
                    &[("label", &label), ("text", &escape(answer))],
                );
                push(&mut out, &["- ", &escape(question), "  \n  ", &line, "\n"]);
                if let Some(n) = note {
                    let label = ["**", &escape(c.report.note), "**"].concat();
                    let line = fill(c.report.item, &[("label", &label), ("text", "")]);
                    push(&mut out, &["\n  ", line.trim_end(), "\n\n"]);
                    for line in user_text::lines(n) {
                        push(&mut out, &["  > ", &user_text::markdown_line(&line), "\n"]);
                    }
                    out.push('\n');
                }
            }
        }
    }
    out.trim_end().to_owned() + "\n"
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escape_neutralises_html_and_links() {
        assert_eq!(
            escape("<img src=x onerror=alert(1)> [a](b)"),
            "\\<img src=x onerror=alert(1)\\> \\[a\\](b)"
        );
    }
}
