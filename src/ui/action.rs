//! What a control does, named once. Controls carry their action's name as `data-action`,
//! and the widget's listeners read it back as an [`Action`].

use web_sys::Element;

/// Every action a button, switch, file input or picker of the widget can ask for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Action {
    Open,
    Keep,
    Language,
    StartOver,
    SkipToVerdict,
    Save,
    DownloadReport,
    Print,
    Forget,
    /// The pages' sealed Keep: set a passphrase, or enter it.
    #[cfg(feature = "page")]
    Seal,
    #[cfg(feature = "page")]
    Unlock,
    /// Only in the pages' widget (issue 14, items 1 and 9).
    #[cfg(feature = "page")]
    Undo,
    #[cfg(feature = "page")]
    DownloadRtf,
}

/// Each action with its `data-action` name, in one table so that the two cannot drift.
const NAMES: &[(Action, &str)] = &[
    (Action::Open, "open"),
    (Action::Keep, "keep"),
    (Action::Language, "language"),
    (Action::StartOver, "start-over"),
    (Action::SkipToVerdict, "skip-to-verdict"),
    (Action::Save, "save"),
    (Action::DownloadReport, "download-report"),
    (Action::Print, "print"),
    (Action::Forget, "forget"),
    #[cfg(feature = "page")]
    (Action::Seal, "seal"),
    #[cfg(feature = "page")]
    (Action::Unlock, "unlock"),
    #[cfg(feature = "page")]
    (Action::Undo, "undo"),
    #[cfg(feature = "page")]
    (Action::DownloadRtf, "download-rtf"),
];

impl Action {
    /// The `data-action` name.
    pub(crate) fn name(self) -> &'static str {
        NAMES
            .iter()
            .find(|(a, _)| *a == self)
            .map_or("", |(_, name)| name)
    }

    /// The action of a control, if it has one.
    pub(crate) fn of(control: &Element) -> Option<Action> {
        let name = control.get_attribute("data-action")?;
        NAMES.iter().find(|(_, n)| *n == name).map(|(a, _)| *a)
    }
}
