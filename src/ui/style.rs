//! The widget's stylesheet (www/widget.css), adopted by the shadow root.

/// The stylesheet's text.
pub(crate) const CSS: &str = include_str!("../../www/widget.css");
