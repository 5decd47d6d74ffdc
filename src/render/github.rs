//! `--format github`: GitHub Actions workflow commands, which GitHub shows as
//! annotations on the pull request's changed lines:
//! `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.
//! The message carries the help after an escaped newline.

use std::io::{self, Write};

use crate::diagnostic::{Diagnostic, Severity};
use crate::engine::Report;

/// Escapes a command's message (data): `%`, CR and LF.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escapes a property value: as data, plus `:` and `,`.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn line(d: &Diagnostic) -> String {
    let level = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    };
    let loc = &d.location;
    let mut message = d.message.clone();
    if let Some(h) = &d.help {
        message.push_str("\nhelp: ");
        message.push_str(h);
    }
    format!(
        "::{level} file={},line={},col={},endLine={},endColumn={},title={}::{}",
        escape_property(&loc.file),
        loc.line,
        loc.column,
        loc.end_line.max(loc.line),
        loc.end_column,
        escape_property(&format!("claimlint {}", d.rule)),
        escape_data(&message)
    )
}

/// Info-level findings (claims confirmed) are not problems: they become
/// notices only with `--verbose`.
pub fn render(report: &Report, options: &super::RenderOptions, out: &mut dyn Write) -> io::Result<()> {
    for d in &report.diagnostics {
        if d.severity == Severity::Info && !options.verbose {
            continue;
        }
        writeln!(out, "{}", line(d))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_data_and_properties() {
        assert_eq!(escape_data("50% up\r\nnext: a,b"), "50%25 up%0D%0Anext: a,b");
        assert_eq!(escape_property("dir,x/a:b.md"), "dir%2Cx/a%3Ab.md");
    }
}
