#![doc = include_str!("docs/off-topic.md")]

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::{Block, RuleInfo, quote};
use crate::corpus::Article;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::RuleSet;
use std::hash::BuildHasher;

use crate::text::{Span, Token, TokenKind, is_stopword, lower_into, stem_lowercase, tokenize, tokens_within};

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

/// Hashed stems of the content words of `text` (see [`stems_of`]).
pub(crate) fn content_stems(text: &str) -> Vec<u64> {
    let tokens = tokenize(text, Span::new(0, text.len()));
    let mut buf = String::new();
    stems_of(text, &tokens, &mut buf).collect()
}

/// The hashed stems of the content words among `tokens` (of `text`).
fn stems_of<'a>(text: &'a str, tokens: &'a [Token], buf: &'a mut String) -> impl Iterator<Item = u64> + 'a {
    tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| t.text(text))
        .filter(|w| w.chars().nth(2).is_some())
        .filter_map(|w| {
            // Lower-cased once, for the stop-word test and the stem.
            lower_into(w, buf);
            if is_stopword(buf) {
                return None;
            }
            stem_lowercase(buf);
            Some(rustc_hash::FxBuildHasher.hash_one(buf.as_str()))
        })
}

/// Paragraphs that share (almost) nothing with the rest of the article, its
/// title or the rules' topic.
///
/// `tokens` are the article's tokens (`text::tokenize` over the whole text).
pub fn find(article: &Article, tokens: &[Token], excluded: &[Block], rules: &RuleSet) -> Vec<Block> {
    let inside = |s: Span| excluded.iter().any(|b| b.span.start <= s.start && s.end <= b.span.end);
    // Too few paragraphs to judge: said before any word is stemmed.
    if article.paragraphs.iter().filter(|p| !inside(p.span)).count() < 4 {
        return Vec::new();
    }
    let mut buf = String::new();
    let paras: Vec<(usize, HashSet<u64>)> = article
        .paragraphs
        .iter()
        .enumerate()
        .filter(|(_, p)| !inside(p.span))
        .map(|(i, p)| {
            (
                i,
                stems_of(&article.text, tokens_within(tokens, p.span), &mut buf).collect(),
            )
        })
        .collect();
    let mut df: HashMap<u64, usize> = HashMap::default();
    for (_, set) in &paras {
        for &s in set {
            *df.entry(s).or_default() += 1;
        }
    }
    let mut anchor: HashSet<u64> = rules.topic.iter().flat_map(|t| content_stems(t)).collect();
    if let Some(t) = article.title_text() {
        anchor.extend(content_stems(t));
    }
    // Shares a stem when the title or topic has it, or a paragraph other than its own.
    let unrelated = |own: &[&HashSet<u64>]| {
        // Each stem of the paragraphs once; stops as soon as too many are shared.
        let distinct = || {
            own.iter()
                .enumerate()
                .flat_map(move |(k, set)| set.iter().filter(move |s| !own[..k].iter().any(|o| o.contains(*s))))
        };
        let n = if own.len() == 1 {
            own[0].len()
        } else {
            distinct().count()
        };
        let cap = ((MAX_SHARED_RATIO * n as f64).floor() as usize).min(2);
        let mut shared = 0;
        for s in distinct() {
            let mine = own.iter().filter(|o| o.contains(s)).count();
            if anchor.contains(s) || df.get(s).copied().unwrap_or(0) > mine {
                shared += 1;
                if shared > cap {
                    return false;
                }
            }
        }
        true
    };
    let block = |span| Block {
        span,
        kind: "off-topic".into(),
        pattern: None,
    };
    let mut out: Vec<Block> = Vec::new();
    let mut single = vec![false; paras.len()];
    for (k, (i, set)) in paras.iter().enumerate() {
        if set.len() >= MIN_CONTENT_WORDS && unrelated(&[set]) {
            single[k] = true;
            let mut span = article.paragraphs[*i].span;
            // Its headline goes with it.
            if let Some((h, head)) = k.checked_sub(1).map(|h| &paras[h])
                && *h + 1 == *i
                && head.len() < MIN_CONTENT_WORDS
                && !single[k - 1]
                && !article.slice(article.paragraphs[*h].span).trim_end().ends_with('.')
                && unrelated(&[head, set])
            {
                span = article.paragraphs[*h].span.cover(span);
            }
            out.push(block(span));
        }
    }
    // The article's tail: a run of unrelated stories, each a short headline
    // judged together with the teaser under it ("Uber is getting tighter…").
    // Inside the article a heading and its paragraph are never judged so.
    let mut k = paras.len();
    while k > 0 {
        let (j, teaser) = &paras[k - 1];
        if single[k - 1] {
            k -= 1;
            continue;
        }
        let Some((i, head)) = k.checked_sub(2).map(|h| &paras[h]) else {
            break;
        };
        let head_span = article.paragraphs[*i].span;
        let is_headline = *j == i + 1
            && head.len() < MIN_CONTENT_WORDS
            && !article.slice(head_span).trim_end().ends_with('.')
            && head.union(teaser).count() >= MIN_CONTENT_WORDS;
        if is_headline && unrelated(&[head, teaser]) {
            out.push(block(head_span.cover(article.paragraphs[*j].span)));
            k -= 2;
        } else {
            break;
        }
    }
    out.sort_by_key(|b| (b.span.start, b.span.end));
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
