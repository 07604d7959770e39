//! The report as plain text, for terminals and plain-text mail.

use crate::i18n::{fill, Catalog};

use super::{user_text, Block};

fn underline(out: &mut String, text: &str, ch: char) {
    out.push_str(text);
    out.push('\n');
    out.extend(std::iter::repeat_n(ch, text.chars().count()));
    out.push_str("\n\n");
}

/// Renders blocks as plain text.
#[must_use]
pub fn to_text(blocks: &[Block], c: &Catalog) -> String {
    let mut out = String::new();
    for b in blocks {
        if !matches!(b, Block::Item { .. } | Block::Answer { .. })
            && out.ends_with("\n")
            && !out.ends_with("\n\n")
        {
            out.push('\n');
        }
        match b {
            Block::Title(t) => underline(&mut out, t, '='),
            Block::Heading(t) => {
                out.push('\n');
                underline(&mut out, t, '-');
            }
            Block::Paragraph(t) => {
                out.push_str(t);
                out.push_str("\n\n");
            }
            Block::Item { label, text } => {
                let line = fill(c.report.item, &[("label", label), ("text", text)]);
                out.push_str(&format!("- {line}\n"));
            }
            Block::Answer {
                question,
                answer,
                note,
            } => {
                let line = fill(
                    c.report.item,
                    &[("label", c.report.answer), ("text", answer)],
                );
                out.push_str(&format!("- {question}\n  {line}\n"));
                if let Some(n) = note {
                    let line = fill(c.report.item, &[("label", c.report.note), ("text", "")]);
                    out.push_str(&format!("  {}\n", line.trim_end()));
                    for line in user_text::lines(n) {
                        out.push_str(&format!("    | {line}\n"));
                    }
                }
            }
        }
    }
    out.trim_end().to_owned() + "\n"
}
