//! Baselines: accepted findings recorded by content — rule, file, quoted
//! text and the related quotes — not by line, so that edits elsewhere in an
//! article keep them valid. For plain-text articles, which cannot carry
//! suppression comments. `--write-baseline FILE` records every current
//! finding; `--baseline FILE` (or `baseline:` in the configuration) hides
//! the findings it records and reports its entries that match nothing as
//! `unused-suppression`.
//!
//! The file is JSON with one entry per line, so that it diffs well:
//!
//! ```json
//! {"version": 1, "entries": [
//!   {"rule": "figure-conflict", "file": "a.txt", "quote": "380 officers", "related": [{"file": "b.txt", "quote": "400 officers"}]}
//! ]}
//! ```

use std::collections::BTreeSet;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::checks::unused_suppression;
use crate::diagnostic::{Diagnostic, Location, Severity};
use crate::rules::RulesError;
use crate::text::Span;

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RelatedQuote {
    pub file: String,
    pub quote: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub rule: String,
    pub file: String,
    pub quote: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<RelatedQuote>,
}

impl Entry {
    pub fn of(d: &Diagnostic) -> Entry {
        Entry {
            rule: d.rule.to_string(),
            file: d.location.file.to_string(),
            quote: d.location.quote.clone(),
            related: d
                .related
                .iter()
                .map(|r| RelatedQuote {
                    file: r.location.file.to_string(),
                    quote: r.location.quote.clone(),
                })
                .collect(),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    version: u32,
    entries: Vec<Entry>,
}

/// A loaded baseline: its entries with the line each is written on.
#[derive(Debug)]
pub struct Baseline {
    pub file: String,
    pub text: String,
    pub entries: Vec<(Entry, usize)>,
}

/// Writes the baseline text for `diags` (unused-suppression findings are never recorded).
pub fn to_text(diags: &[Diagnostic]) -> String {
    let mut entries: Vec<Entry> = diags
        .iter()
        .filter(|d| d.rule != unused_suppression::ID)
        .map(Entry::of)
        .collect();
    entries.sort_by(|a, b| (&a.file, &a.rule, &a.quote).cmp(&(&b.file, &b.rule, &b.quote)));
    let mut s = String::from("{\"version\": 1, \"entries\": [\n");
    for (i, e) in entries.iter().enumerate() {
        s.push_str("  ");
        s.push_str(&serde_json::to_string(e).expect("entries serialize"));
        if i + 1 < entries.len() {
            s.push(',');
        }
        s.push('\n');
    }
    s.push_str("]}\n");
    s
}

pub fn write(path: &Path, diags: &[Diagnostic]) -> std::io::Result<usize> {
    let text = to_text(diags);
    std::fs::write(path, &text)?;
    Ok(text.lines().count().saturating_sub(2))
}

pub fn load(path: &Path) -> Result<Baseline, RulesError> {
    let display = path.to_string_lossy().replace('\\', "/");
    let text = std::fs::read_to_string(path).map_err(|e| {
        RulesError::plain(
            path,
            &format!("cannot read the baseline: {e}"),
            Some("create it with `claimlint check --write-baseline FILE`"),
        )
    })?;
    parse(&display, text)
}

/// The byte offset of a serde_json error location: lines split at LF only,
/// the column counted in bytes (serde_json's rule), kept on a character
/// boundary.
fn json_offset(text: &str, line: usize, column: usize) -> usize {
    let start = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum::<usize>();
    let mut offset = (start + column.saturating_sub(1)).min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

pub fn parse(display: &str, text: String) -> Result<Baseline, RulesError> {
    let file: File = serde_json::from_str(&text).map_err(|e| {
        RulesError::at_offset(
            display,
            &text,
            json_offset(&text, e.line(), e.column()),
            &format!("invalid baseline: {e}"),
            Some("regenerate it with `claimlint check --write-baseline FILE`"),
        )
    })?;
    if file.version != 1 {
        return Err(RulesError::plain(
            Path::new(display),
            &format!("unsupported baseline version {}", file.version),
            Some("regenerate it with `claimlint check --write-baseline FILE`"),
        ));
    }
    // Entry i is on the line of the i-th line that opens an object (as written).
    let lines: Vec<usize> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| l.trim_start().starts_with("{\"rule\""))
        .map(|(n, _)| n + 1)
        .collect();
    let entries = file
        .entries
        .into_iter()
        .enumerate()
        .map(|(i, e)| {
            let line = lines.get(i).copied().unwrap_or(1);
            (e, line)
        })
        .collect();
    Ok(Baseline {
        file: display.to_string(),
        text,
        entries,
    })
}

impl Baseline {
    /// Removes the diagnostics the baseline records (each entry excuses one
    /// finding) and returns `unused-suppression` findings for entries of the
    /// files in `checked` that matched nothing.
    pub fn apply(&self, diags: &mut Vec<Diagnostic>, checked: &BTreeSet<&str>) -> Vec<Diagnostic> {
        // The entries by content, each key's in file order: a finding takes the
        // first unused one, as a scan of the list would, without comparing it with
        // every entry (quadratic with a large baseline, issue 25).
        let mut by_key: rustc_hash::FxHashMap<&Entry, std::collections::VecDeque<usize>> = Default::default();
        for (i, (e, _)) in self.entries.iter().enumerate() {
            by_key.entry(e).or_default().push_back(i);
        }
        let mut used = vec![false; self.entries.len()];
        diags.retain(|d| {
            if d.rule == unused_suppression::ID {
                return true;
            }
            match by_key.get_mut(&Entry::of(d)).and_then(|free| free.pop_front()) {
                Some(i) => {
                    used[i] = true;
                    false
                }
                None => true,
            }
        });
        let mut out = Vec::new();
        // The baseline's lines are found once, not once per unused entry.
        let lines = crate::text::LineIndex::new(&self.text);
        for (i, (e, line)) in self.entries.iter().enumerate() {
            if used[i] || !checked.contains(e.file.as_str()) {
                continue;
            }
            out.push(self.unused(e, *line, &lines));
        }
        out
    }

    fn unused(&self, e: &Entry, line: usize, lines: &crate::text::LineIndex) -> Diagnostic {
        let start = lines.line_start(line - 1);
        let line_text = self.text[start..].lines().next().unwrap_or("");
        let lead = line_text.len() - line_text.trim_start().len();
        let body = line_text.trim().trim_end_matches(',');
        let span = Span::new(start + lead, start + lead + body.len());
        let location = Location {
            file: self.file.as_str().into(),
            span,
            line,
            column: lead + 1,
            end_line: line,
            end_column: lead + body.chars().count() + 1,
            quote: body.to_string(),
        };
        let short: String = e.quote.chars().take(60).collect();
        let d = Diagnostic {
            rule: unused_suppression::ID,
            severity: Severity::Warning,
            location,
            message: format!(
                "baseline entry for {} “{}” in {} matches no finding",
                e.rule, short, e.file
            ),
            label: "matches nothing".into(),
            help: Some("delete the entry, or regenerate the baseline with `--write-baseline`".into()),
            related: Vec::new(),
            kind: None,
            fingerprint: String::new(),
        };
        d.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Article;

    fn finding(a: &Article, rule: &'static str, needle: &str) -> Diagnostic {
        let s = a.text.find(needle).unwrap();
        Diagnostic::new(rule, Severity::Warning, a, Span::new(s, s + needle.len()), "m").finish()
    }

    #[test]
    fn each_entry_excuses_one_finding_in_file_order() {
        // Issue 25: entries are looked up by content, not compared with every
        // finding; a repeated finding still needs one entry per occurrence.
        let a = Article::from_text("a.txt", "Some 300 troops came. Some 300 troops came. 12 left.\n".into());
        let twice = [
            finding(&a, "figure-conflict", "300 troops"),
            finding(&a, "figure-conflict", "300 troops"),
        ];
        let b = parse("b.json", to_text(&twice[..1])).unwrap();
        let mut diags = vec![
            twice[0].clone(),
            finding(&a, "boilerplate", "12 left"),
            twice[1].clone(),
        ];
        let unused = b.apply(&mut diags, &BTreeSet::from(["a.txt"]));
        assert!(unused.is_empty());
        assert_eq!(
            diags.iter().map(|d| d.rule).collect::<Vec<_>>(),
            ["boilerplate", "figure-conflict"]
        );
        let b = parse("b.json", to_text(&twice)).unwrap();
        let mut one = vec![twice[0].clone()];
        let unused = b.apply(&mut one, &BTreeSet::from(["a.txt"]));
        assert!(one.is_empty());
        assert_eq!(unused.len(), 1, "the second entry matched nothing");
        assert_eq!(unused[0].location.line, b.entries[1].1);
    }

    #[test]
    fn entries_match_by_content_not_position() {
        let a = Article::from_text("a.txt", "Title line\n\nSome 300 troops came.\n".into());
        let text = to_text(&[finding(&a, "figure-conflict", "300 troops")]);
        let b = parse("b.json", text).unwrap();
        assert_eq!(b.entries[0].1, 2);
        let moved = Article::from_text(
            "a.txt",
            "Title line\n\nA new paragraph.\n\nSome 300 troops came.\n".into(),
        );
        let mut diags = vec![
            finding(&moved, "figure-conflict", "300 troops"),
            finding(&moved, "boilerplate", "A new"),
        ];
        let checked = BTreeSet::from(["a.txt"]);
        let unused = b.apply(&mut diags, &checked);
        assert!(unused.is_empty());
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].rule, "boilerplate");
    }

    #[test]
    fn unused_entries_are_reported_at_their_line() {
        let a = Article::from_text("a.txt", "Title line\n\nSome 300 troops came.\n".into());
        let b = parse("b.json", to_text(&[finding(&a, "figure-conflict", "300 troops")])).unwrap();
        let mut diags = Vec::new();
        let unused = b.apply(&mut diags, &BTreeSet::from(["a.txt"]));
        assert_eq!(unused.len(), 1);
        assert_eq!(
            (unused[0].location.file.as_ref(), unused[0].location.line),
            ("b.json", 2)
        );
        // Entries of files not checked in this run are left alone.
        assert!(b.apply(&mut Vec::new(), &BTreeSet::new()).is_empty());
    }

    #[test]
    fn invalid_baseline_names_the_line() {
        let e = parse("b.json", "{\"version\": 1, \"entries\": [\n  {\"rul\": 1}\n]}\n".into()).unwrap_err();
        assert_eq!(e.line, 2);
    }
}
