//! `--format sarif`: SARIF 2.1.0, for GitHub code scanning and other
//! viewers. The tool driver lists every rule (id, short and full description,
//! help from the rule's documentation); each result carries its level,
//! message, region (lines, character columns, byte offset and length), the
//! other figures of a conflict as `relatedLocations`, and the content
//! fingerprint as a `partialFingerprints` entry.

use std::io::{self, Write};

use serde_json::{Value, json};

use crate::checks::{RULES, RuleInfo};
use crate::diagnostic::{Location, Severity};
use crate::engine::Report;

pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
/// The key under which results carry claimlint's fingerprint.
pub const FINGERPRINT_KEY: &str = "claimlint/v1";

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A relative path as a URI reference: `/` separators, reserved bytes escaped.
pub fn uri(path: &str) -> String {
    let mut o = String::with_capacity(path.len());
    for b in path.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => o.push(b as char),
            _ => o.push_str(&format!("%{b:02X}")),
        }
    }
    o
}

/// The first paragraph of a rule's documentation, on one line.
fn first_paragraph(doc: &str) -> String {
    let para = doc.trim().split("\n\n").next().unwrap_or("");
    para.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn rule(r: &RuleInfo) -> Value {
    json!({
        "id": r.id,
        "name": r.id,
        "shortDescription": {"text": r.summary},
        "fullDescription": {"text": first_paragraph(r.doc)},
        "help": {"text": r.doc.trim(), "markdown": r.doc.trim()},
        "defaultConfiguration": {"level": level(r.severity)},
    })
}

fn physical(l: &Location) -> Value {
    json!({
        "artifactLocation": {"uri": uri(&l.file)},
        "region": {
            "startLine": l.line,
            "startColumn": l.column,
            "endLine": l.end_line.max(l.line),
            "endColumn": l.end_column.max(1),
            "byteOffset": l.span.start,
            "byteLength": l.span.end - l.span.start,
        }
    })
}

pub fn document(report: &Report) -> Value {
    let results: Vec<Value> = report
        .diagnostics
        .iter()
        .map(|d| {
            let mut message = d.message.clone();
            if let Some(h) = &d.help {
                message.push_str("\nhelp: ");
                message.push_str(h);
            }
            let mut result = json!({
                "ruleId": d.rule,
                "level": level(d.severity),
                "message": {"text": message},
                "locations": [{"physicalLocation": physical(&d.location)}],
                "partialFingerprints": {FINGERPRINT_KEY: d.fingerprint},
            });
            if let Some(i) = RULES.iter().position(|r| r.id == d.rule) {
                result["ruleIndex"] = json!(i);
            }
            if !d.related.is_empty() {
                result["relatedLocations"] = d
                    .related
                    .iter()
                    .enumerate()
                    .map(|(i, r)| {
                        json!({
                            "id": i + 1,
                            "physicalLocation": physical(&r.location),
                            "message": {"text": r.message},
                        })
                    })
                    .collect();
            }
            result
        })
        .collect();
    json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "claimlint",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": RULES.iter().map(rule).collect::<Vec<_>>(),
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    })
}

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let text = serde_json::to_string_pretty(&document(report)).map_err(io::Error::other)?;
    writeln!(out, "{text}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn uris_escape_reserved_bytes() {
        assert_eq!(super::uri("news/a b#1.txt"), "news/a%20b%231.txt");
        assert_eq!(super::uri("é.md"), "%C3%A9.md");
    }

    #[test]
    fn full_description_is_the_first_paragraph() {
        assert_eq!(super::first_paragraph("One\ntwo.\n\nThree."), "One two.");
    }
}
