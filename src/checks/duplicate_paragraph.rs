#![doc = include_str!("docs/duplicate-paragraph.md")]

use rustc_hash::FxHashMap as HashMap;

use super::{Analysis, RuleInfo, quote};
use crate::diagnostic::{Diagnostic, Severity};

pub const ID: &str = "duplicate-paragraph";
pub const RULE: RuleInfo = RuleInfo {
    id: ID,
    severity: Severity::Warning,
    summary: "a paragraph repeated within an article",
    doc: include_str!("docs/duplicate-paragraph.md"),
};

const MIN_WORDS: usize = 6;

pub fn check(analysis: &Analysis, out: &mut Vec<Diagnostic>) {
    use std::hash::{BuildHasher, Hasher};
    let article = &analysis.article;
    // Paragraphs keyed by a hash of their words (whitespace ignored); the
    // words are compared only when two hashes meet, so nothing is collected.
    let mut seen: HashMap<u64, Vec<usize>> = HashMap::default();
    for (i, p) in article.paragraphs.iter().enumerate() {
        let text = article.slice(p.span);
        let mut hasher = rustc_hash::FxBuildHasher.build_hasher();
        let mut words = 0;
        for w in text.split_whitespace() {
            hasher.write(w.as_bytes());
            hasher.write_u8(0xff);
            words += 1;
        }
        if words < MIN_WORDS || analysis.is_excluded(p.span) {
            continue;
        }
        let same = |j: &usize| {
            let other = article.slice(article.paragraphs[*j].span);
            other.split_whitespace().eq(text.split_whitespace())
        };
        let copies = seen.entry(hasher.finish()).or_default();
        match copies.iter().find(|j| same(j)).copied() {
            None => copies.push(i),
            Some(first) => {
                let first_span = article.paragraphs[first].span;
                let (line, _) = article.line_col(first_span.start);
                let d = Diagnostic::new(
                    ID,
                    RULE.severity,
                    article,
                    p.span,
                    format!("paragraph repeats line {line}: {}", quote(article, p.span)),
                )
                .label("second copy")
                .help("delete the second copy")
                .related(article, first_span, "first copy");
                out.push(d.finish());
            }
        }
    }
}
