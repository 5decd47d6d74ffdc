#![doc = include_str!("../docs/boilerplate.md")]

mod classify;
mod memory;

pub use classify::{Features, classify};
pub use memory::{CorpusMemory, LineDigest};

use super::{Block, RuleInfo, quote};
use crate::corpus::Article;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::RuleSet;

pub const ID: &str = "boilerplate";
pub const RULE: RuleInfo = RuleInfo {
    id: ID,
    severity: Severity::Warning,
    summary: "page furniture scraped in with the article",
    doc: include_str!("../docs/boilerplate.md"),
};

/// The article's boilerplate blocks, sorted by start: matches of the rules'
/// patterns (built-in and the project's), lines the corpus repeats across
/// articles, and what the block classifier finds.
pub fn find_blocks(article: &Article, rules: &RuleSet, memory: &CorpusMemory) -> Vec<Block> {
    classify(article, rules, memory)
}

pub fn report(article: &Article, blocks: &[Block], out: &mut Vec<Diagnostic>) {
    for b in blocks {
        let lines = article.slice(b.span).lines().filter(|l| !l.trim().is_empty()).count();
        let extent = if lines > 1 {
            format!(" and the {} lines after it", lines - 1)
        } else {
            String::new()
        };
        let why = match &b.pattern {
            Some(p) => format!("matches the pattern `{p}`"),
            None => describe(&b.kind).to_string(),
        };
        let d = Diagnostic::new(
            ID,
            RULE.severity,
            article,
            b.span,
            format!("boilerplate ({}): {}{extent}", b.kind, quote(article, b.span)),
        )
        .label(format!("{}: {why}", b.kind))
        .help("this is not part of the article: remove it from the file; claimlint does not check figures inside it");
        let mut d = d.finish();
        d.kind = static_kind(&b.kind);
        out.push(d);
    }
}

/// Why the classifier calls a block of this kind boilerplate (for labels).
fn describe(kind: &str) -> &'static str {
    match kind {
        "site-furniture" => "the same line recurs in several articles of the corpus",
        "repeated" => "a short line the page repeats among its blocks",
        "bio" => "an author's biography after the article",
        "byline" => "a name line among the page's header or footer furniture",
        "caption" => "a short label among the page's furniture, as under a picture",
        "navigation" => "a menu or breadcrumb line",
        "dateline" => "a date or time standing alone on its line",
        "counter" => "a lone number among the page's furniture",
        "share" | "ui" => "page controls (share, print, menu…)",
        "credit" => "a credit line: the agency or photographer the text comes from",
        _ => "short text between blocks of page furniture",
    }
}

/// The kinds of block claimlint knows (documented in `explain boilerplate`;
/// `off-topic` in `explain off-topic`).
pub const KINDS: &[&str] = &[
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
    "repeated",
    "share",
    "newsletter",
    "cookie",
    "copyright",
    "comments",
    "navigation",
    "dateline",
    "off-topic",
];

/// Block kinds as static strings for the JSON `kind` field. Kinds a rules
/// file invents are interned once per run.
pub fn static_kind(kind: &str) -> Option<&'static str> {
    if let Some(k) = KINDS.iter().find(|k| **k == kind) {
        return Some(k);
    }
    use std::collections::BTreeSet;
    use std::sync::{Mutex, OnceLock};
    static INTERNED: OnceLock<Mutex<BTreeSet<&'static str>>> = OnceLock::new();
    let mut set = INTERNED.get_or_init(Default::default).lock().ok()?;
    if let Some(k) = set.get(kind) {
        return Some(k);
    }
    let leaked: &'static str = Box::leak(kind.to_string().into_boxed_str());
    set.insert(leaked);
    Some(leaked)
}
