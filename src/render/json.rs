//! `--format json`: one document with the diagnostics, input errors and summary.

use std::io::{self, Write};

use serde::Serialize;

use crate::diagnostic::{Diagnostic, Summary};
use crate::engine::Report;

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    diagnostics: &'a [Diagnostic],
    errors: Vec<InputErrorJson>,
    summary: &'a Summary,
}

#[derive(Serialize)]
pub struct InputErrorJson {
    pub message: String,
    pub help: Option<String>,
}

pub fn input_errors(report: &Report) -> Vec<InputErrorJson> {
    report
        .input_errors
        .iter()
        .map(|e| InputErrorJson {
            message: e.to_string(),
            help: miette::Diagnostic::help(e).map(|h| h.to_string()),
        })
        .collect()
}

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let doc = Document {
        version: 1,
        diagnostics: &report.diagnostics,
        errors: input_errors(report),
        summary: &report.summary,
    };
    let text = serde_json::to_string_pretty(&doc).map_err(io::Error::other)?;
    writeln!(out, "{text}")
}
