//! assurance-check: is reliance on diplomatic assurances against torture barred?
//!
//! `rules` is the pure decision core, `i18n` holds the message catalogs, `report` turns a
//! decision into the report (JSON shape, text, Markdown). The CLI is native only; the wasm
//! boundary and the widget exist only on wasm32.

pub mod i18n;
pub mod report;
pub mod rules;
/// The one-file pages' static widget: only with the pages' words (the feature `page`).
#[cfg(feature = "page")]
pub mod static_page;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;

/// talc, not the default dlmalloc: 1.8 KB smaller gzipped, and it needs no `unsafe` here
/// (lol_alloc's free list was 0.3 KB smaller still, but walks its list on every call; the
/// figures are in the README).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
#[cfg(target_arch = "wasm32")]
mod js;
#[cfg(target_arch = "wasm32")]
mod ui;
#[cfg(target_arch = "wasm32")]
pub mod wasm;
