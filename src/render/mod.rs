//! Stage 5: output. One module per format; each only formats the
//! diagnostics it is given and computes no findings.

pub mod human;
pub mod json;

use std::io::{self, Write};

use clap::ValueEnum;

use crate::engine::Report;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// miette reports with snippets, then a summary line.
    Human,
    /// One JSON document: {"version":1,"diagnostics":[…],"summary":{…}}.
    Json,
}

#[derive(Debug, Clone, Copy)]
pub struct RenderOptions {
    pub color: bool,
    /// Show info-level findings (claim-agrees) in human output.
    pub verbose: bool,
    pub width: usize,
}

pub fn render(format: Format, report: &Report, options: &RenderOptions, out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Human => human::render(report, options, out),
        Format::Json => json::render(report, out),
    }
}
