//! assurance-check: is reliance on diplomatic assurances against torture barred?
//!
//! `rules` is the pure decision core, `i18n` holds the message catalogs, `report` turns a
//! decision into the report (JSON shape, text, Markdown). The CLI is native only; the wasm
//! boundary and the widget exist only on wasm32.

pub mod i18n;
pub mod report;
pub mod rules;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;

#[cfg(target_arch = "wasm32")]
mod js;
#[cfg(target_arch = "wasm32")]
mod ui;
#[cfg(target_arch = "wasm32")]
pub mod wasm;
