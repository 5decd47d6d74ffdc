//! `--format jsonl`: one diagnostic per line, in the `json` format's shape,
//! for streaming into other tools. No summary line.

use std::io::{self, Write};

use crate::engine::Report;

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    for d in &report.diagnostics {
        let line = serde_json::to_string(d).map_err(io::Error::other)?;
        writeln!(out, "{line}")?;
    }
    Ok(())
}
