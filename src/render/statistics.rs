//! `--statistics`: how many findings of each rule, most frequent first.

use std::collections::BTreeMap;
use std::io::{self, Write};

use crate::engine::Report;

pub fn counts(report: &Report) -> Vec<(&'static str, usize)> {
    let mut by_rule: BTreeMap<&'static str, usize> = BTreeMap::new();
    for d in &report.diagnostics {
        *by_rule.entry(d.rule).or_default() += 1;
    }
    let mut v: Vec<_> = by_rule.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    v
}

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    for (rule, n) in counts(report) {
        let sev = crate::checks::rule(rule).map_or("", |r| r.severity.as_str());
        writeln!(out, "{n:>5}  {rule:<22} {sev}")?;
    }
    Ok(())
}
