//! Integers as decimal text, without `core::fmt`.
//!
//! Why: `to_string()` and `format!` on a number pull the formatting machinery (padding,
//! `Display` for each integer type, `fmt::write`) into the wasm, some kilobytes that the
//! size budget (issue 8) cannot spare. Digits are ASCII in every language, as before.

/// `n` in decimal.
#[must_use]
pub fn unsigned(n: u64) -> String {
    padded(n, 1)
}

/// `n` in decimal, with a leading `-` when negative.
#[must_use]
pub fn signed(n: i64) -> String {
    let digits = unsigned(n.unsigned_abs());
    if n < 0 {
        ["-", &digits].concat()
    } else {
        digits
    }
}

/// `n` in decimal with leading zeros up to `width` digits, as in `2026-01-07`.
#[must_use]
pub fn padded(mut n: u64, width: usize) -> String {
    let mut digits = Vec::with_capacity(20);
    while n > 0 || digits.len() < width {
        digits.push(b'0' + (n % 10) as u8);
        n /= 10;
    }
    digits.iter().rev().map(|d| char::from(*d)).collect()
}

#[cfg(test)]
mod tests {
    use super::{padded, signed, unsigned};

    #[test]
    fn writes_what_display_writes() {
        for n in [0, 1, 9, 10, 99, 100, 2026, 1_000_000_007, u64::MAX] {
            assert_eq!(unsigned(n), n.to_string());
        }
        for n in [0, -1, 7, -10, i64::MIN, i64::MAX] {
            assert_eq!(signed(n), n.to_string());
        }
    }

    #[test]
    fn pads_with_zeros_to_the_width() {
        assert_eq!(padded(7, 2), "07");
        assert_eq!(padded(12, 2), "12");
        assert_eq!(padded(123, 2), "123");
        assert_eq!(padded(0, 4), "0000");
        assert_eq!(padded(2026, 4), "2026");
    }
}
