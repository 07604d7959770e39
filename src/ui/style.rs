//! The widget's stylesheet (www/widget.css, stripped of comments by build.rs), adopted by the
//! shadow root; in the one-file pages' build followed by www/review.css.

/// The stylesheet's text.
#[cfg(not(feature = "page"))]
pub(crate) const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.css"));
/// The stylesheet's text, with what only the pages' widget needs.
#[cfg(feature = "page")]
pub(crate) const CSS: &str = concat!(
    include_str!(concat!(env!("OUT_DIR"), "/widget.css")),
    include_str!(concat!(env!("OUT_DIR"), "/review.css"))
);
