//! Stage 5: output. One module per format; each only formats the
//! diagnostics it is given and computes no findings.

pub mod concise;
pub mod facts;
pub mod github;
pub mod gitlab;
pub mod human;
pub mod json;
pub mod jsonl;
pub mod junit;
pub mod sarif;
pub mod statistics;

use std::io::{self, Write};

use clap::ValueEnum;

use crate::engine::Report;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// miette reports with snippets, then a summary line.
    Human,
    /// One line per finding: path:line:col: severity[rule] message.
    Concise,
    /// One JSON document: {"version":1,"diagnostics":[…],"summary":{…}}.
    Json,
    /// One diagnostic per line, as JSON.
    Jsonl,
    /// SARIF 2.1.0 (GitHub code scanning).
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// GitLab Code Quality JSON.
    Gitlab,
    /// JUnit XML, one test case per article.
    Junit,
}

#[derive(Debug, Clone, Copy)]
pub struct RenderOptions {
    pub color: bool,
    /// Show info-level findings (claim-agrees) in human output.
    pub verbose: bool,
    pub width: usize,
}

pub fn render(format: Format, report: &Report, options: &RenderOptions, out: &mut dyn Write) -> io::Result<()> {
    render_full(format, report, options, false, out)
}

/// As [`render`]; `quiet` leaves out the human formats' summary line.
pub fn render_full(
    format: Format,
    report: &Report,
    options: &RenderOptions,
    quiet: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Human if quiet => human::render_diagnostics(report, options, out),
        Format::Human => human::render(report, options, out),
        Format::Concise => concise::render(report, options, quiet, out),
        Format::Json => json::render(report, out),
        Format::Jsonl => jsonl::render(report, out),
        Format::Sarif => sarif::render(report, out),
        Format::Github => github::render(report, options, out),
        Format::Gitlab => gitlab::render(report, out),
        Format::Junit => junit::render(report, out),
    }
}
