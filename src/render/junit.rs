//! `--format junit`: JUnit XML, one test case per article checked; an
//! article's errors and warnings are its failures (infos are not).

use std::collections::BTreeMap;
use std::io::{self, Write};

use crate::diagnostic::{Diagnostic, Severity};
use crate::engine::Report;

pub fn escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&apos;"),
            c if (c as u32) < 0x20 && !matches!(c, '\n' | '\t' | '\r') => {}
            c => o.push(c),
        }
    }
    o
}

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let mut by_file: BTreeMap<&str, Vec<&Diagnostic>> = BTreeMap::new();
    for a in &report.analyses {
        by_file.entry(a.article.path.as_ref()).or_default();
    }
    for d in &report.diagnostics {
        if d.severity > Severity::Info {
            by_file.entry(d.location.file.as_ref()).or_default().push(d);
        }
    }
    let failures = by_file.values().filter(|v| !v.is_empty()).count();
    let errors = report.input_errors.len();
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<testsuites name="claimlint" tests="{}" failures="{failures}" errors="{errors}">"#,
        by_file.len() + errors
    )?;
    writeln!(
        out,
        r#"  <testsuite name="claimlint" tests="{}" failures="{failures}" errors="{errors}">"#,
        by_file.len() + errors
    )?;
    for (file, diags) in &by_file {
        let name = escape(file);
        if diags.is_empty() {
            writeln!(out, r#"    <testcase name="{name}" classname="{name}"/>"#)?;
            continue;
        }
        writeln!(out, r#"    <testcase name="{name}" classname="{name}">"#)?;
        let body: Vec<String> = diags.iter().map(|d| super::concise::line(d)).collect();
        writeln!(
            out,
            r#"      <failure message="{} finding{}" type="claimlint">{}</failure>"#,
            diags.len(),
            if diags.len() == 1 { "" } else { "s" },
            escape(&body.join("\n"))
        )?;
        writeln!(out, "    </testcase>")?;
    }
    for e in &report.input_errors {
        let msg = escape(&e.to_string());
        writeln!(out, r#"    <testcase name="{msg}" classname="input">"#)?;
        writeln!(out, r#"      <error message="{msg}" type="input"/>"#)?;
        writeln!(out, "    </testcase>")?;
    }
    writeln!(out, "  </testsuite>")?;
    writeln!(out, "</testsuites>")
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_markup_and_drops_control_characters() {
        assert_eq!(
            super::escape("<a & \"b\" 'c'>\u{1}"),
            "&lt;a &amp; &quot;b&quot; &apos;c&apos;&gt;"
        );
    }
}
