//! The one event stream behind every output format: a finding with its rule,
//! severity, located span, message, help and related spans. Checks produce
//! these; renderers only format them.

use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::corpus::Article;
use crate::text::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "info" => Some(Severity::Info),
            "warning" | "warn" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A place in an article: file, byte span, 1-based line and column, quoted text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Location {
    /// The article's path, shared with it.
    pub file: std::sync::Arc<str>,
    pub span: Span,
    pub line: usize,
    pub column: usize,
    #[serde(skip)]
    pub end_line: usize,
    #[serde(skip)]
    pub end_column: usize,
    #[serde(skip)]
    pub quote: String,
}

impl Location {
    pub fn new(article: &Article, span: Span) -> Location {
        let (line, column) = article.line_col(span.start);
        let (end_line, end_column) = article.line_col(span.end);
        Location {
            file: article.path.clone(),
            span,
            line,
            column,
            end_line,
            end_column,
            quote: article.slice(span).to_string(),
        }
    }
}

/// Another place that explains a finding (the other figure of a conflict).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Related {
    #[serde(flatten)]
    pub location: Location,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub rule: &'static str,
    pub severity: Severity,
    #[serde(flatten)]
    pub location: Location,
    pub message: String,
    /// Short label under the primary span.
    #[serde(skip)]
    pub label: Cow<'static, str>,
    /// What to do; most rules' help is a fixed text, borrowed rather than copied.
    pub help: Option<Cow<'static, str>>,
    pub related: Vec<Related>,
    /// A sub-kind, where the rule has them (boilerplate: related-links, bio…).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<&'static str>,
    /// Stable across runs and across edits elsewhere in the file: rule, file,
    /// quoted text and related quotes, hashed.
    pub fingerprint: String,
}

impl Diagnostic {
    pub fn new(
        rule: &'static str,
        severity: Severity,
        article: &Article,
        span: Span,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            rule,
            severity,
            location: Location::new(article, span),
            message: message.into(),
            label: Cow::Borrowed(""),
            help: None,
            related: Vec::new(),
            kind: None,
            fingerprint: String::new(),
        }
    }
    pub fn label(mut self, label: impl Into<Cow<'static, str>>) -> Self {
        self.label = label.into();
        self
    }
    pub fn help(mut self, help: impl Into<Cow<'static, str>>) -> Self {
        self.help = Some(help.into());
        self
    }
    pub fn kind(mut self, kind: &'static str) -> Self {
        self.kind = Some(kind);
        self
    }
    pub fn related(mut self, article: &Article, span: Span, message: impl Into<String>) -> Self {
        self.related.push(Related {
            location: Location::new(article, span),
            message: message.into(),
        });
        self
    }

    /// Computes the content fingerprint (FNV-1a over rule, file, quotes).
    pub fn finish(mut self) -> Self {
        let mut h = Fnv::new();
        h.write(self.rule.as_bytes());
        h.write(self.location.file.as_bytes());
        h.write(self.location.quote.as_bytes());
        for r in &self.related {
            h.write(r.location.file.as_bytes());
            h.write(r.location.quote.as_bytes());
        }
        // Two identical findings in one file (a repeated sentence) stay distinct.
        self.fingerprint = format!("{:016x}", h.0);
        self
    }

    /// The ordering of every output: file, offset, rule, then message.
    pub fn sort_key(&self) -> (&str, usize, &str, usize, &str) {
        (
            &self.location.file,
            self.location.span.start,
            self.rule,
            self.location.span.end,
            &self.message,
        )
    }
}

/// Gives the second and later of identical findings (same fingerprint, a
/// repeated sentence) a `-2`, `-3`… suffix, in text order, so that each is
/// distinct and keeps its identity when text is inserted above.
pub fn disambiguate_fingerprints(diags: &mut [Diagnostic]) {
    // Counted first (borrowing the fingerprints), renamed after.
    let mut seen: rustc_hash::FxHashMap<&str, usize> = rustc_hash::FxHashMap::default();
    let nth: Vec<usize> = diags
        .iter()
        .map(|d| {
            let n = seen.entry(d.fingerprint.as_str()).or_default();
            *n += 1;
            *n
        })
        .collect();
    drop(seen);
    for (d, n) in diags.iter_mut().zip(nth) {
        if n > 1 && !d.fingerprint.is_empty() {
            d.fingerprint = format!("{}-{}", d.fingerprint, n);
        }
    }
}

/// FNV-1a over byte strings, each closed by a separator.
struct Fnv(u64);
impl Fnv {
    fn new() -> Self {
        Fnv(0xcbf29ce484222325)
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x100000001b3);
        }
        // A separator so that ("ab","c") and ("a","bc") differ.
        self.0 ^= 0xff;
        self.0 = self.0.wrapping_mul(0x100000001b3);
    }
}

/// Counts for the closing summary line and the JSON `summary`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub claims_confirmed: usize,
    pub articles_checked: usize,
    pub input_errors: usize,
}

impl Summary {
    pub fn from_diagnostics(diags: &[Diagnostic], articles: usize, input_errors: usize) -> Summary {
        let mut s = Summary {
            articles_checked: articles,
            input_errors,
            ..Summary::default()
        };
        for d in diags {
            match d.severity {
                Severity::Error => s.errors += 1,
                Severity::Warning => s.warnings += 1,
                Severity::Info => s.infos += 1,
            }
            if d.rule == crate::checks::claim_agrees::ID {
                s.claims_confirmed += 1;
            }
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_findings_get_distinct_fingerprints_in_text_order() {
        let a = Article::from_text("a.txt", "Title line\n\nThe same line.\n\nThe same line.\n".into());
        let at = |n: usize| {
            let s = a.text.match_indices("The same line.").nth(n).unwrap().0;
            Diagnostic::new("boilerplate", Severity::Warning, &a, Span::new(s, s + 14), "m").finish()
        };
        let mut v = vec![at(0), at(1)];
        assert_eq!(v[0].fingerprint, v[1].fingerprint);
        disambiguate_fingerprints(&mut v);
        assert_eq!(v[1].fingerprint, format!("{}-2", v[0].fingerprint));
    }
}
