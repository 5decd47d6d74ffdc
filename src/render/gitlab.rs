//! `--format gitlab`: GitLab Code Quality report (a JSON array of issues),
//! for `artifacts: reports: codequality`. The fingerprint is the
//! diagnostic's content fingerprint, so an issue keeps its identity across
//! commits that move it.

use std::io::{self, Write};

use serde_json::json;

use crate::diagnostic::Severity;
use crate::engine::Report;

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let issues: Vec<serde_json::Value> = report
        .diagnostics
        .iter()
        .map(|d| {
            let severity = match d.severity {
                Severity::Error => "major",
                Severity::Warning => "minor",
                Severity::Info => "info",
            };
            json!({
                "description": format!("{}: {}", d.rule, d.message),
                "check_name": d.rule,
                "fingerprint": d.fingerprint,
                "severity": severity,
                "location": {
                    "path": d.location.file,
                    "positions": {
                        "begin": {"line": d.location.line, "column": d.location.column},
                        "end": {"line": d.location.end_line.max(d.location.line), "column": d.location.end_column},
                    }
                }
            })
        })
        .collect();
    let text = serde_json::to_string_pretty(&issues).map_err(io::Error::other)?;
    writeln!(out, "{text}")
}
