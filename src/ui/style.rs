//! The widget's stylesheet (www/widget.css, stripped of comments by build.rs), adopted by the
//! shadow root; in the pages' build, followed by what their widget adds (www/casework.css,
//! www/review.css).

/// The stylesheet's text.
#[cfg(not(feature = "page"))]
pub(crate) const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.css"));
#[cfg(feature = "page")]
pub(crate) const CSS: &str = concat!(
    include_str!(concat!(env!("OUT_DIR"), "/widget.css")),
    include_str!(concat!(env!("OUT_DIR"), "/casework.css")),
    include_str!(concat!(env!("OUT_DIR"), "/review.css"))
);
