#![doc = include_str!("docs/off-topic.md")]

use std::collections::{HashMap, HashSet};

use super::{Block, RuleInfo, quote};
use crate::corpus::Article;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::RuleSet;
use crate::text::{TokenKind, is_stopword, stem, tokenize};

pub const ID: &str = "off-topic";
pub const RULE: RuleInfo = RuleInfo {
    id: ID,
    severity: Severity::Warning,
    summary: "a paragraph unrelated to the article and its topic",
    doc: include_str!("docs/off-topic.md"),
};

/// Paragraphs with fewer content words are never judged.
const MIN_CONTENT_WORDS: usize = 10;
/// At most this share of a paragraph's content words may be found elsewhere.
const MAX_SHARED_RATIO: f64 = 0.08;

fn content_stems(text: &str) -> Vec<String> {
    tokenize(text, crate::text::Span::new(0, text.len()))
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| t.text(text))
        .filter(|w| w.chars().count() >= 3 && !is_stopword(&w.to_lowercase()))
        .map(stem)
        .collect()
}

/// Paragraphs that share (almost) nothing with the rest of the article, its
/// title or the rules' topic.
pub fn find(article: &Article, excluded: &[Block], rules: &RuleSet) -> Vec<Block> {
    let inside = |s: crate::text::Span| excluded.iter().any(|b| b.span.start <= s.start && s.end <= b.span.end);
    let paras: Vec<(usize, HashSet<String>)> = article
        .paragraphs
        .iter()
        .enumerate()
        .filter(|(_, p)| !inside(p.span))
        .map(|(i, p)| (i, content_stems(article.slice(p.span)).into_iter().collect()))
        .collect();
    if paras.len() < 4 {
        return Vec::new();
    }
    let mut df: HashMap<&str, usize> = HashMap::new();
    for (_, set) in &paras {
        for s in set {
            *df.entry(s.as_str()).or_default() += 1;
        }
    }
    let mut anchor: HashSet<String> = rules.topic.iter().flat_map(|t| content_stems(t)).collect();
    if let Some(t) = article.title_text() {
        anchor.extend(content_stems(t));
    }
    // Shares a stem when the title or topic has it, or a paragraph other than its own.
    let unrelated = |own: &[&HashSet<String>]| {
        let set: HashSet<&String> = own.iter().flat_map(|s| s.iter()).collect();
        let shared = set
            .iter()
            .filter(|s| {
                let mine = own.iter().filter(|o| o.contains(**s)).count();
                anchor.contains(**s) || df.get(s.as_str()).copied().unwrap_or(0) > mine
            })
            .count();
        (shared as f64) <= MAX_SHARED_RATIO * set.len() as f64 && shared <= 2
    };
    let mut out = Vec::new();
    let mut k = 0;
    while k < paras.len() {
        let (i, set) = &paras[k];
        let span = article.paragraphs[*i].span;
        // A short headline is judged with the teaser under it.
        let next = paras.get(k + 1).filter(|(j, _)| *j == i + 1);
        if set.len() < MIN_CONTENT_WORDS
            && !article.slice(span).trim_end().ends_with('.')
            && let Some((j, teaser)) = next
        {
            if set.union(teaser).count() >= MIN_CONTENT_WORDS && unrelated(&[set, teaser]) {
                out.push(Block {
                    span: span.cover(article.paragraphs[*j].span),
                    kind: "off-topic".into(),
                    pattern: None,
                });
                k += 2;
                continue;
            }
        }
        if set.len() >= MIN_CONTENT_WORDS && unrelated(&[set]) {
            out.push(Block {
                span,
                kind: "off-topic".into(),
                pattern: None,
            });
        }
        k += 1;
    }
    out
}

pub fn report(article: &Article, blocks: &[Block], out: &mut Vec<Diagnostic>) {
    for b in blocks {
        let d = Diagnostic::new(
            ID,
            RULE.severity,
            article,
            b.span,
            format!("paragraph unrelated to the article: {}", quote(article, b.span)),
        )
        .label("shares no vocabulary with the article or its topic")
        .help("if it was scraped in from another story, remove it; claimlint does not check figures inside it");
        out.push(d.kind("off-topic").finish());
    }
}
