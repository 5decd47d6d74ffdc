//! The editorial review report (`claimlint report`): one page an editor can
//! work from — an overview, the claims matrix, the conflicting figures and
//! every article with its findings in place. [`model`] computes what goes in
//! each cell from a check run; [`html`] and [`markdown`] only format it.

pub mod html;
pub mod markdown;
pub mod model;

use std::io::{self, Write};

use clap::ValueEnum;

pub use model::{ReportModel, build};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// One self-contained HTML page (inline CSS and JavaScript).
    Html,
    /// Overview, claims matrix and conflicts as GitHub-flavoured Markdown.
    Markdown,
}

#[derive(Debug, Clone, Default)]
pub struct ReportOptions {
    /// A line saying when the report was made (off by default: output is deterministic).
    pub generated: Option<String>,
}

pub fn render(
    format: ReportFormat,
    model: &ReportModel,
    options: &ReportOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        ReportFormat::Html => html::render(model, options, out),
        ReportFormat::Markdown => markdown::render(model, options, out),
    }
}
