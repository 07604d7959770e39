//! R2 and R1: the verdict, the Kleene OR of the six circumstances.

use super::circumstance::Status;

wire_enum! {
    /// Whether reliance on assurances is barred. Ordered `NotIndicated < Undetermined < Barred`.
    pub enum Verdict {
        NotIndicated = "not_indicated",
        Undetermined = "undetermined",
        Barred = "barred",
    }
}

/// R2: "Prohibit reliance upon diplomatic assurances in situations where there are
/// substantial grounds … including but not limited to" the listed circumstances.
/// Barred if any circumstance is established; undetermined if none is but one is
/// unresolved; not indicated only when all are not established.
#[must_use]
pub fn verdict(statuses: impl IntoIterator<Item = Status>) -> Verdict {
    statuses
        .into_iter()
        .map(|s| match s {
            Status::Established => Verdict::Barred,
            Status::Unresolved => Verdict::Undetermined,
            Status::NotEstablished => Verdict::NotIndicated,
        })
        .max()
        .unwrap_or(Verdict::NotIndicated)
}
