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

/// Diagnostics as items of the pretty-printed list, each led by ",\n    ".
fn serialise_chunk(chunk: &[Diagnostic]) -> io::Result<Vec<u8>> {
    let mut buf = Vec::with_capacity(chunk.len() * 1024);
    for d in chunk {
        buf.extend_from_slice(b",\n    ");
        let one = serde_json::to_vec_pretty(d).map_err(io::Error::other)?;
        // Indent to the list's level; JSON strings hold no raw newline.
        for (i, line) in one.split(|&b| b == b'\n').enumerate() {
            if i > 0 {
                buf.extend_from_slice(b"\n    ");
            }
            buf.extend_from_slice(line);
        }
    }
    Ok(buf)
}

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    use rayon::prelude::*;
    // The document around an empty list, then the diagnostics spliced in:
    // large runs have hundreds of thousands of them, serialised in parallel
    // chunks and written in order, so the bytes do not depend on threads.
    let doc = Document {
        version: 1,
        diagnostics: &[],
        errors: input_errors(report),
        summary: &report.summary,
    };
    let text = serde_json::to_string_pretty(&doc).map_err(io::Error::other)?;
    const EMPTY: &str = "\"diagnostics\": []";
    let at = text
        .find(EMPTY)
        .ok_or_else(|| io::Error::other("diagnostics key missing"))?;
    if report.diagnostics.is_empty() {
        return writeln!(out, "{text}");
    }
    out.write_all(&text.as_bytes()[..at])?;
    out.write_all(b"\"diagnostics\": [\n    ")?;
    // A batch of chunks at a time, so the whole document is never in memory.
    let mut first = true;
    for batch in report.diagnostics.chunks(256 * 64) {
        let chunks: Vec<io::Result<Vec<u8>>> = batch.par_chunks(256).map(serialise_chunk).collect();
        for chunk in chunks {
            let chunk = chunk?;
            // Every item starts with a separator; the first one of the list has none.
            let skip = if first { b",\n    ".len() } else { 0 };
            first = false;
            out.write_all(&chunk[skip..])?;
        }
    }
    out.write_all(b"\n  ]")?;
    writeln!(out, "{}", &text[at + EMPTY.len()..])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Article;
    use crate::rules::RuleSet;

    /// The spliced, parallel output is the plain pretty-printed document.
    fn assert_same_as_serde(report: &Report) {
        let mut out = Vec::new();
        render(report, &mut out).unwrap();
        let doc = Document {
            version: 1,
            diagnostics: &report.diagnostics,
            errors: input_errors(report),
            summary: &report.summary,
        };
        let expected = serde_json::to_string_pretty(&doc).unwrap() + "\n";
        assert_eq!(String::from_utf8(out).unwrap(), expected);
    }

    #[test]
    fn output_is_the_pretty_document_with_and_without_findings() {
        let rules = RuleSet::default();
        let options = crate::extract::ExtractOptions::default();
        let noisy = "Title\n\nSome 84 views0 comments here .\n\nSome 84 views0 comments here .\n";
        let articles = (0..600)
            .map(|i| Article::from_text(format!("{i}.txt"), noisy.to_string()))
            .collect();
        let report = crate::engine::check_articles(articles, &rules, options);
        assert!(
            report.diagnostics.len() > 600,
            "several chunks: {}",
            report.diagnostics.len()
        );
        assert_same_as_serde(&report);
        let empty = crate::engine::check_articles(Vec::new(), &rules, options);
        assert!(empty.diagnostics.is_empty());
        assert_same_as_serde(&empty);
    }
}
