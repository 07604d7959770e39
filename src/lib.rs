//! assurance-check: is reliance on diplomatic assurances against torture barred?
//!
//! `rules` is the pure decision core, `i18n` holds the message catalogs, `report` turns a
//! decision into the report (JSON shape, text, Markdown). The CLI is native only; the wasm
//! boundary and the widget exist only on wasm32.

mod decimal;
pub mod i18n;
pub mod report;
pub mod rules;
pub mod static_page;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;

#[cfg(target_arch = "wasm32")]
mod alloc;
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: alloc::SizeClasses = alloc::SizeClasses::new();
#[cfg(target_arch = "wasm32")]
mod ui;
#[cfg(target_arch = "wasm32")]
pub mod wasm;
