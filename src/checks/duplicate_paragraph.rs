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
    let article = &analysis.article;
    // Keyed by the paragraph's words, so spacing differences do not hide a copy.
    let mut seen: HashMap<Vec<&str>, usize> = HashMap::default();
    for (i, p) in article.paragraphs.iter().enumerate() {
        let text = article.slice(p.span);
        let words: Vec<&str> = text.split_whitespace().collect();
        if words.len() < MIN_WORDS || analysis.is_excluded(p.span) {
            continue;
        }
        match seen.get(&words) {
            None => {
                seen.insert(words, i);
            }
            Some(&first) => {
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
