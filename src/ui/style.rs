//! The widget's stylesheet (www/widget.css, stripped of comments by build.rs), adopted by the
//! shadow root.

/// The stylesheet's text.
pub(crate) const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.css"));
