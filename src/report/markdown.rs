//! The report as Markdown: the CLI's `--format markdown` and the widget's download.
//!
//! Every text is escaped, so that neither a note nor a translation can become a link,
//! an image or raw HTML in whatever renders the file.

use crate::i18n::{fill, Catalog};

use super::Block;

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
            Block::Title(t) => out.push_str(&format!("# {}\n\n", escape(t))),
            Block::Heading(t) => out.push_str(&format!("\n## {}\n\n", escape(t))),
            Block::Paragraph(t) => out.push_str(&format!("{}\n\n", escape(t))),
            Block::Item { label, text } => {
                let label = format!("**{}**", escape(label));
                let line = fill(c.report.item, &[("label", &label), ("text", &escape(text))]);
                out.push_str(&format!("- {line}\n"));
            }
            Block::Answer {
                question,
                answer,
                note,
            } => {
                let label = format!("**{}**", escape(c.report.answer));
                let line = fill(
                    c.report.item,
                    &[("label", &label), ("text", &escape(answer))],
                );
                out.push_str(&format!("- {}  \n  {line}\n", escape(question)));
                if let Some(n) = note {
                    let label = format!("**{}**", escape(c.report.note));
                    let line = fill(c.report.item, &[("label", &label), ("text", "")]);
                    out.push_str(&format!("\n  {}\n\n", line.trim_end()));
                    for line in n.lines() {
                        out.push_str(&format!("  > {}\n", escape(line)));
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
