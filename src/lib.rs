//! claimlint checks a corpus of news articles for agreement with claims,
//! conflicting figures and scraped boilerplate, and reports diagnostics with
//! source spans.
//!
//! The pipeline, one module per stage: [`corpus`] (load) → [`extract`]
//! (facts) → [`rules`] (load and validate) → [`checks`] (one module per rule
//! id) → [`render`] (one module per output format). [`engine`] wires them.

// Errors are built on cold paths only; their size does not matter.
#![allow(clippy::result_large_err)]

pub mod baseline;
pub mod checks;
pub mod cli;
pub mod config;
pub mod corpus;
pub mod diagnostic;
pub mod engine;
pub mod extract;
pub mod render;
pub mod report;
pub mod rules;
pub mod suppress;
#[cfg(test)]
pub(crate) mod testutil;
pub mod text;
