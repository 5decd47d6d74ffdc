#![doc = include_str!("docs/duplicate-paragraph.md")]

use std::collections::HashMap;

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
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, p) in article.paragraphs.iter().enumerate() {
        let text = article.slice(p.span);
        if text.split_whitespace().count() < MIN_WORDS || analysis.is_excluded(p.span) {
            continue;
        }
        let normal = text.split_whitespace().collect::<Vec<_>>().join(" ");
        match seen.get(&normal) {
            None => {
                seen.insert(normal, i);
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
