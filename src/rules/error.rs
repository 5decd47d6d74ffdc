//! The rules error: a miette diagnostic naming the rules file, line and column,
//! with the offending line as a snippet and a help that says what to do.

use std::path::Path;

use miette::{Diagnostic, NamedSource, SourceSpan};
use thiserror::Error;

use crate::text::did_you_mean;

#[derive(Debug, Error, Diagnostic)]
#[error("{file}:{line}:{column}: {message}")]
#[diagnostic(code(claimlint::rules))]
pub struct RulesError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
    #[help]
    pub help: Option<String>,
    #[source_code]
    pub source_code: Option<NamedSource<String>>,
    #[label("here")]
    pub span: Option<SourceSpan>,
}

impl RulesError {
    pub fn plain(path: &Path, message: &str, help: Option<&str>) -> RulesError {
        RulesError {
            file: path.to_string_lossy().into_owned(),
            line: 1,
            column: 1,
            message: message.to_string(),
            help: help.map(str::to_string),
            source_code: None,
            span: None,
        }
    }

    pub fn at(file: &str, text: &str, line: usize, column: usize, message: &str, help: Option<&str>) -> RulesError {
        let offset = offset_of(text, line, column);
        let len = text[offset..]
            .find('\n')
            .unwrap_or(text.len() - offset)
            .max(1)
            .min(text.len() - offset);
        RulesError {
            file: file.to_string(),
            line,
            column,
            message: message.to_string(),
            help: help.map(str::to_string),
            source_code: Some(NamedSource::new(file, text.to_string())),
            span: Some(SourceSpan::new(offset.into(), len)),
        }
    }

    pub fn from_yaml(file: &str, text: &str, e: &serde_yaml::Error) -> RulesError {
        let (line, column) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
        let raw = e.to_string();
        // serde_yaml appends " at line X column Y"; we show the position ourselves.
        let message = match raw.find(" at line ") {
            Some(p) => raw[..p].to_string(),
            None => raw.clone(),
        };
        let help = unknown_field_help(&message)
            .or_else(|| Some("check the YAML syntax and the rules file reference in the README".to_string()));
        RulesError::at(file, text, line, column, &message, help.as_deref())
    }
}

/// "unknown field `measurs`, expected one of `entities`, `measures`" →
/// "did you mean `measures`?".
fn unknown_field_help(message: &str) -> Option<String> {
    let rest = message.split("unknown field `").nth(1)?;
    let (field, rest) = rest.split_once('`')?;
    let expected: Vec<&str> = rest.split('`').skip(1).step_by(2).collect();
    match did_you_mean(field, expected.iter().copied()) {
        Some(s) => Some(format!("did you mean `{s}`?")),
        None if !expected.is_empty() => Some(format!("known keys here: {}", expected.join(", "))),
        None => None,
    }
}

fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let mut offset = 0;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            let col_bytes: usize = l.chars().take(column.saturating_sub(1)).map(char::len_utf8).sum();
            return (offset + col_bytes).min(text.len());
        }
        offset += l.len();
    }
    text.len().saturating_sub(1).min(offset)
}
