//! The report as plain text, for terminals and plain-text mail.

use crate::i18n::Catalog;

use super::Block;

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
                out.push_str(&format!("- {label}: {text}\n"));
            }
            Block::Answer {
                question,
                answer,
                note,
            } => {
                out.push_str(&format!("- {question}\n  {}: {answer}\n", c.report.answer));
                if let Some(n) = note {
                    out.push_str(&format!("  {}:\n", c.report.note));
                    for line in n.lines() {
                        out.push_str(&format!("    | {line}\n"));
                    }
                }
            }
        }
    }
    out.trim_end().to_owned() + "\n"
}
