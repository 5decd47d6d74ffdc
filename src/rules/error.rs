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
        Self::spanning(file, text, offset, line, column, message, help)
    }

    /// An error at a byte offset; its line and column are computed from the
    /// offset, so the header and the snippet always agree.
    pub fn at_offset(file: &str, text: &str, offset: usize, message: &str, help: Option<&str>) -> RulesError {
        let (line, column) = line_col_of(text, offset);
        let offset = offset_of(text, line, column);
        Self::spanning(file, text, offset, line, column, message, help)
    }

    fn spanning(
        file: &str,
        text: &str,
        offset: usize,
        line: usize,
        column: usize,
        message: &str,
        help: Option<&str>,
    ) -> RulesError {
        // The rest of the line, at least one character where there is one.
        let rest = &text[offset..];
        let len = match rest.find(['\n', '\r']) {
            Some(0) => 1,
            Some(n) => n,
            None => rest.len(),
        };
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

/// Byte offset of a 1-based line and character column, counting LF, CRLF
/// and a bare CR each as one line break (as YAML does), always on a
/// character boundary. Past the end it is the end.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let start = line_starts(text).nth(line.saturating_sub(1)).unwrap_or(text.len());
    let col_bytes: usize = text[start..]
        .chars()
        .take_while(|&c| c != '\n' && c != '\r')
        .take(column.saturating_sub(1))
        .map(char::len_utf8)
        .sum();
    start + col_bytes
}

/// The 1-based line and character column of a byte offset, by the rule of
/// [`offset_of`].
fn line_col_of(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let (line, start) = line_starts(text)
        .take_while(|&s| s <= offset)
        .enumerate()
        .last()
        .unwrap_or((0, 0));
    (line + 1, text[start..offset].chars().count() + 1)
}

/// Offsets at which lines begin: 0, then after each LF, CRLF or bare CR.
fn line_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    let b = text.as_bytes();
    std::iter::once(0).chain((0..b.len()).filter_map(move |i| match b[i] {
        b'\n' => Some(i + 1),
        b'\r' if b.get(i + 1) != Some(&b'\n') => Some(i + 1),
        _ => None,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_break_counts_once_and_offsets_stay_on_characters() {
        let text = "a\r\nb\rc\nd\u{64c}";
        assert_eq!(offset_of(text, 1, 1), 0);
        assert_eq!(offset_of(text, 2, 1), 3);
        assert_eq!(offset_of(text, 3, 1), 5);
        assert_eq!(offset_of(text, 4, 2), 8);
        // Past the end of a line or the text: the end, never inside a character.
        assert_eq!(offset_of(text, 4, 9), text.len());
        assert_eq!(offset_of(text, 9, 1), text.len());
        assert_eq!(line_col_of(text, 5), (3, 1));
        assert_eq!(line_col_of(text, 9), (4, 2), "inside U+064C is its start");
        let e = RulesError::at("f", "\r\u{64c}", 2, 1, "m", None);
        assert_eq!(e.span.map(|s| (s.offset(), s.len())), Some((1, 2)));
    }
}
