//! `--format concise`: one line per finding, `path:line:col: severity[rule] message`,
//! the shape editors and `grep` understand.

use std::io::{self, Write};

use super::RenderOptions;
use crate::diagnostic::{Diagnostic, Severity};
use crate::engine::Report;

/// One finding as a single line (newlines in the message become spaces).
pub fn line(d: &Diagnostic) -> String {
    format!(
        "{}:{}:{}: {}[{}] {}",
        d.location.file,
        d.location.line,
        d.location.column,
        d.severity,
        d.rule,
        one_line(&d.message)
    )
}

pub fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn render(report: &Report, options: &RenderOptions, quiet: bool, out: &mut dyn Write) -> io::Result<()> {
    for d in &report.diagnostics {
        if d.severity == Severity::Info && !options.verbose {
            continue;
        }
        writeln!(out, "{}", line(d))?;
    }
    if !quiet {
        writeln!(out, "{}", super::human::summary_line(&report.summary))?;
    }
    Ok(())
}
