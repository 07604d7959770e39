//! Three-valued (Kleene) logic, which RULES.md prescribes for the circumstances.

/// A truth value under Kleene's strong three-valued logic.
///
/// The order `False < Unknown < True` makes AND the minimum and OR the maximum.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Truth {
    False,
    Unknown,
    True,
}

impl Truth {
    /// Kleene AND: false as soon as either side is false, true only if both are.
    #[must_use]
    pub fn and(self, other: Truth) -> Truth {
        self.min(other)
    }

    /// Kleene OR: true as soon as either side is true, false only if both are.
    #[must_use]
    pub fn or(self, other: Truth) -> Truth {
        self.max(other)
    }
}

#[cfg(test)]
mod tests {
    use super::Truth::{self, False, True, Unknown};

    #[test]
    fn and_or_match_kleene_tables() {
        let rows: [(Truth, Truth, Truth, Truth); 9] = [
            (False, False, False, False),
            (False, Unknown, False, Unknown),
            (False, True, False, True),
            (Unknown, False, False, Unknown),
            (Unknown, Unknown, Unknown, Unknown),
            (Unknown, True, Unknown, True),
            (True, False, False, True),
            (True, Unknown, Unknown, True),
            (True, True, True, True),
        ];
        for (a, b, and, or) in rows {
            assert_eq!(a.and(b), and, "{a:?} AND {b:?}");
            assert_eq!(a.or(b), or, "{a:?} OR {b:?}");
        }
    }
}
