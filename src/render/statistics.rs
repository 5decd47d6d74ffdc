//! `--statistics`: how many findings of each rule, most frequent first.

use std::collections::BTreeMap;
use std::io::{self, Write};

use crate::diagnostic::Severity;
use crate::engine::Report;

/// (rule, count, highest severity reported), most frequent first.
pub fn counts(report: &Report) -> Vec<(&'static str, usize, Severity)> {
    let mut by_rule: BTreeMap<&'static str, (usize, Severity)> = BTreeMap::new();
    for d in &report.diagnostics {
        let e = by_rule.entry(d.rule).or_insert((0, d.severity));
        e.0 += 1;
        e.1 = e.1.max(d.severity);
    }
    let mut v: Vec<_> = by_rule.into_iter().map(|(r, (n, s))| (r, n, s)).collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    v
}

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    for (rule, n, severity) in counts(report) {
        writeln!(out, "{n:>5}  {rule:<22} {severity}")?;
    }
    Ok(())
}
