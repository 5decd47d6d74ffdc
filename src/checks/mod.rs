//! Stage 4: checks. One module per rule id; each module's documentation is
//! also its `claimlint explain` text. Per-article checks run in parallel;
//! corpus checks (claims, conflicts) see every article's facts at once.
//! Checks read the analysis of each article and never re-read files.

pub mod boilerplate;
pub mod claim_agrees;
pub mod claim_mismatch;
pub mod claims;
pub mod duplicate_article;
pub mod duplicate_paragraph;
pub mod encoding;
pub mod figure_conflict;
pub mod garbled;
pub mod metadata;
pub mod name_variant;
pub mod off_topic;
#[cfg(test)]
pub(crate) mod quality_testutil;
pub mod spacing;
pub mod truncated;
pub mod unbalanced;
pub mod unused_suppression;

use crate::corpus::Article;
use crate::diagnostic::{Diagnostic, Severity};
use crate::extract::{Facts, Figure, Lexicon};
use crate::rules::RuleSet;
use crate::text::Span;

/// A rule's registry entry: stable id, default severity, one-line summary and
/// full documentation.
#[derive(Debug, Clone, Copy)]
pub struct RuleInfo {
    pub id: &'static str,
    pub severity: Severity,
    pub summary: &'static str,
    pub doc: &'static str,
}

/// Every rule, in the order `claimlint rules` lists them.
pub const RULES: &[RuleInfo] = &[
    claim_mismatch::RULE,
    claim_agrees::RULE,
    figure_conflict::RULE,
    boilerplate::RULE,
    off_topic::RULE,
    name_variant::RULE,
    duplicate_paragraph::RULE,
    encoding::RULE,
    spacing::RULE,
    garbled::RULE,
    unbalanced::RULE,
    truncated::RULE,
    metadata::RULE,
    duplicate_article::RULE,
    unused_suppression::RULE,
];

pub fn rule(id: &str) -> Option<&'static RuleInfo> {
    RULES.iter().find(|r| r.id == id)
}

/// A stretch of an article that is not its news text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub span: Span,
    /// What it is: related-links, counter, bio, off-topic…
    pub kind: String,
    /// The pattern that found it, if any.
    pub pattern: Option<String>,
}

/// One article with everything extracted from it.
#[derive(Debug)]
pub struct Analysis {
    pub article: Article,
    pub facts: Facts,
    /// Boilerplate and off-topic blocks, sorted by start.
    pub excluded: Vec<Block>,
    /// What the corpus checks compare between articles, made while the
    /// article's tokens are at hand.
    pub keys: CorpusKeys,
}

/// Per-article digests for the corpus checks.
#[derive(Debug, Default)]
pub struct CorpusKeys {
    /// `duplicate-article`: shingles and MinHash signature.
    pub duplicates: duplicate_article::Digest,
    /// `name-variant`: the article's capitalised names.
    pub names: name_variant::ArticleNames,
    /// `figure-conflict`: what each figure is a figure of.
    pub frames: figure_conflict::Frames,
}

impl CorpusKeys {
    /// `tokens` are the article's tokens (`text::tokenize` over the whole text).
    pub fn of(analysis: &Analysis, tokens: &[crate::text::Token]) -> CorpusKeys {
        let duplicates = duplicate_article::digest(analysis, tokens);
        let names = name_variant::article_names(analysis, tokens);
        let frames = figure_conflict::Frames::of(analysis, tokens);
        CorpusKeys {
            duplicates,
            names,
            frames,
        }
    }
}

impl Analysis {
    /// Whether `span` lies in text that is not the article's own.
    pub fn is_excluded(&self, span: Span) -> bool {
        self.excluded
            .iter()
            .any(|b| b.span.start <= span.start && span.end <= b.span.end)
    }

    /// Figures that state an amount in the article's own text.
    pub fn checked_figures(&self) -> impl Iterator<Item = &Figure> {
        self.facts
            .figures
            .iter()
            .filter(|f| f.kind.is_amount() && !self.is_excluded(f.span))
    }
}

/// Builds the analysis of one article and runs the per-article checks.
pub fn analyse_article(
    article: Article,
    rules: &RuleSet,
    lexicon: &Lexicon,
    options: crate::extract::ExtractOptions,
    memory: &boilerplate::CorpusMemory,
) -> (Analysis, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    // Tokenized once; every stage below takes its paragraphs' and sentences' share.
    let tokens = crate::text::tokenize(&article.text, Span::new(0, article.text.len()));
    let mut excluded = boilerplate::find_blocks(&article, rules, memory);
    boilerplate::report(&article, &excluded, &mut diags);
    let off = off_topic::find(&article, &tokens, &excluded, rules);
    off_topic::report(&article, &off, &mut diags);
    excluded.extend(off);
    excluded.sort_by_key(|b| (b.span.start, b.span.end));
    // Figures inside excluded blocks are never checked: do not extract them.
    let skip: Vec<Span> = excluded.iter().map(|b| b.span).collect();
    let facts = crate::extract::extract_with_tokens(&article, lexicon, options, &skip, &tokens);
    let mut analysis = Analysis {
        article,
        facts,
        excluded,
        keys: CorpusKeys::default(),
    };
    analysis.keys = CorpusKeys::of(&analysis, &tokens);
    name_variant::check(&analysis, lexicon, &mut diags);
    duplicate_paragraph::check(&analysis, &mut diags);
    // Text quality (issue 8).
    encoding::check(&analysis, &mut diags);
    spacing::check(&analysis, &mut diags);
    garbled::check_tokens(&analysis, &tokens, &mut diags);
    unbalanced::check(&analysis, &mut diags);
    truncated::check(&analysis, &mut diags);
    metadata::check(&analysis, metadata::today(), &mut diags);
    (analysis, crate::text::exact(diags))
}

/// Runs the checks that compare articles with the rules and with each other.
pub fn check_corpus(analyses: &[Analysis], rules: &RuleSet) -> Vec<Diagnostic> {
    // The corpus checks are independent of each other: run them side by side
    // and concatenate in a fixed order (the engine sorts afterwards anyway).
    let run = |check: &(dyn Fn(&mut Vec<Diagnostic>) + Sync)| {
        let mut d = Vec::new();
        check(&mut d);
        d
    };
    let ((claims, conflicts), (duplicates, names)) = rayon::join(
        || {
            rayon::join(
                || {
                    run(&|d| {
                        let verdicts = claims::evaluate(analyses, rules);
                        claim_mismatch::report(analyses, rules, &verdicts, d);
                        claim_agrees::report(analyses, rules, &verdicts, d);
                    })
                },
                || run(&|d| figure_conflict::check(analyses, rules, d)),
            )
        },
        || {
            rayon::join(
                || run(&|d| duplicate_article::check(analyses, d)),
                || run(&|d| name_variant::check_corpus(analyses, rules, d)),
            )
        },
    );
    let mut diags = claims;
    diags.extend(conflicts);
    diags.extend(duplicates);
    diags.extend(names);
    diags
}

/// Quotes a span briefly for messages: at most 60 characters.
pub fn quote(article: &Article, span: Span) -> String {
    let s = article.slice(span);
    let s = s.lines().next().unwrap_or(s).trim();
    if s.chars().count() > 60 {
        let cut: String = s.chars().take(57).collect();
        format!("“{}…”", cut.trim_end())
    } else {
        format!("“{s}”")
    }
}
