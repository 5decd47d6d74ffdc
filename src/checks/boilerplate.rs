#![doc = include_str!("docs/boilerplate.md")]

use super::{Block, RuleInfo, quote};
use crate::corpus::Article;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::RuleSet;
use crate::text::Span;

pub const ID: &str = "boilerplate";
pub const RULE: RuleInfo = RuleInfo {
    id: ID,
    severity: Severity::Warning,
    summary: "page furniture scraped in with the article",
    doc: include_str!("docs/boilerplate.md"),
};

/// Blocks matched by the rules' patterns: each matching paragraph, or from it
/// to the end of the article for `to_end` patterns.
pub fn find_blocks(article: &Article, rules: &RuleSet) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    if rules.boilerplate.is_empty() {
        return blocks;
    }
    let end_of_text = article.paragraphs.last().map_or(0, |p| p.span.end);
    for para in &article.paragraphs {
        if blocks.last().is_some_and(|b| b.span.end >= para.span.end) {
            continue; // inside a trailer already found
        }
        let text = article.slice(para.span);
        let Some(p) = rules.boilerplate.iter().find(|p| p.regex.is_match(text)) else {
            continue;
        };
        let span = if p.to_end {
            Span::new(para.span.start, end_of_text)
        } else {
            para.span
        };
        blocks.push(Block {
            span,
            kind: p.kind.clone().unwrap_or_else(|| p.name.clone()),
            pattern: Some(p.name.clone()),
        });
    }
    blocks
}

pub fn report(article: &Article, blocks: &[Block], out: &mut Vec<Diagnostic>) {
    for b in blocks {
        let lines = article.slice(b.span).lines().filter(|l| !l.trim().is_empty()).count();
        let extent = if lines > 1 {
            format!(" and the {} lines after it", lines - 1)
        } else {
            String::new()
        };
        let d = Diagnostic::new(
            ID,
            RULE.severity,
            article,
            b.span,
            format!("boilerplate ({}): {}{extent}", b.kind, quote(article, b.span)),
        )
        .label(b.kind.clone())
        .help("this is not part of the article: remove it from the file; claimlint does not check figures inside it");
        let mut d = d.finish();
        d.kind = crate::checks::boilerplate::static_kind(&b.kind);
        out.push(d);
    }
}

/// Known block kinds as static strings (for the JSON `kind` field).
pub fn static_kind(kind: &str) -> Option<&'static str> {
    const KINDS: &[&str] = &[
        "related-links",
        "ui",
        "byline",
        "bio",
        "caption",
        "credit",
        "counter",
        "advertisement",
        "sources",
        "site-furniture",
        "share",
        "newsletter",
        "cookie",
        "copyright",
        "comments",
        "navigation",
        "off-topic",
    ];
    KINDS.iter().find(|k| **k == kind).copied().or(Some("other"))
}
