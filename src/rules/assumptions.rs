//! Everything the rulebook decides that the statement does not say in so many words,
//! gathered in one place so that a reviewer can weigh each reading.
//!
//! 1. **Unanswered counts as "don't know".** RULES.md "Answers". The logic cannot rest a
//!    bar on a fact nobody has asserted, so a gap can never establish a circumstance; the
//!    UI and the reports still show it as not yet answered. See [`UNANSWERED`].
//! 2. **"Any indication" (R2(e)).** The question asks for exactly that, so one credible
//!    indication is a `yes`; the help text says this is a lower bar than "substantial
//!    grounds".
//! 3. **Both limbs of R2(c).** The statement joins them with "and", so neither alone
//!    establishes the circumstance. When both are unresolved, each open question names the
//!    other in `together_with`, an addition to the shape in RULES.md.
//! 4. **Other grounds (R2, "including but not limited to")** are asked as a sixth
//!    circumstance with the same weight as the five listed ones.
//! 5. **Safeguards never change the verdict.** R3 (procedure), ¶7 (monitoring) and R4
//!    (reporting) are duties of the sending state; ¶13 and I3 reject any "minimum
//!    standards" that would make assurances acceptable. They only add findings.
//! 6. **A question of another kind** (`transfer_kind`, `assurances_subject`) has no truth
//!    value; asking for one gives [`UNANSWERED`].

use super::kleene::Truth;

/// The truth value of a question with no yes/no answer (reading 1 and 6 above).
pub const UNANSWERED: Truth = Truth::Unknown;
