//! The name of a saved answers file (issue 14, item 7): `assurance-check-<reference>-<date>.json`,
//! so that the files of one day are told apart by their case.

/// The longest reference part of a file name, in characters: room for a court's or a
/// firm's reference, well within every file system's limit.
pub const MAX_FILE_REFERENCE: usize = 40;

/// A case reference reduced to what every file system and mail client keeps in a name:
/// ASCII letters and digits, every other run of characters one hyphen, none at either end,
/// at most [`MAX_FILE_REFERENCE`] characters. Empty when nothing is left (an Arabic
/// reference, say).
#[must_use]
pub fn file_reference(reference: &str) -> String {
    let mut out = String::new();
    for ch in reference.chars() {
        if out.len() == MAX_FILE_REFERENCE {
            break;
        }
        if ch.is_ascii_alphanumeric() {
            out.push(ch);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

/// The saved file's name on `date` (`YYYY-MM-DD`): with the reduced reference when one is
/// left, else `assurance-check-<date>.json`.
#[must_use]
pub fn answers_file_name(reference: Option<&str>, date: &str) -> String {
    let reference = file_reference(reference.unwrap_or_default());
    let parts = ["assurance-check", &reference, date];
    let parts: Vec<&str> = parts.into_iter().filter(|p| !p.is_empty()).collect();
    [&parts.join("-"), ".json"].concat()
}

#[cfg(test)]
mod tests {
    use super::{answers_file_name, file_reference};

    #[test]
    fn a_reference_keeps_letters_and_digits_and_one_hyphen_between_words() {
        assert_eq!(
            file_reference("R (Othman) v SSHD, 2012/123"),
            "R-Othman-v-SSHD-2012-123"
        );
        assert_eq!(file_reference("  --ab__cd--  "), "ab-cd");
        assert_eq!(file_reference("Affaire Ségur"), "Affaire-S-gur");
        assert_eq!(file_reference("قضية ٤٢"), "");
        assert_eq!(file_reference(&"x".repeat(100)).len(), 40);
        assert_eq!(
            file_reference(&"a ".repeat(30)),
            "a-".repeat(20).trim_end_matches('-')
        );
    }

    #[test]
    fn the_name_has_the_reference_only_when_one_is_left() {
        let date = "2026-12-02";
        assert_eq!(
            answers_file_name(Some("CASE 7/2026"), date),
            "assurance-check-CASE-7-2026-2026-12-02.json"
        );
        assert_eq!(
            answers_file_name(None, date),
            "assurance-check-2026-12-02.json"
        );
        assert_eq!(
            answers_file_name(Some("/..\\"), date),
            "assurance-check-2026-12-02.json"
        );
    }
}
