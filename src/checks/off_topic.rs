#![doc = include_str!("docs/off-topic.md")]

use super::{Block, RuleInfo, quote};
use crate::corpus::Article;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::RuleSet;
use std::ops::Range;

use crate::text::{Span, Token, content_stems, content_stems_within, sort_dedup_from, tokens_within};

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
    // Each judged paragraph's stems as a sorted run in one buffer: cheaper to
    // build than a set per paragraph, and searched by bisection.
    let mut buf = String::new();
    // At most one stem per token: sized once rather than grown.
    let mut stems: Vec<u64> = Vec::with_capacity(tokens.len());
    let mut runs: Vec<(usize, Range<usize>)> = Vec::new();
    for (i, p) in article.paragraphs.iter().enumerate().filter(|(_, p)| !inside(p.span)) {
        let from = stems.len();
        stems.extend(content_stems_within(
            &article.text,
            tokens_within(tokens, p.span),
            &mut buf,
        ));
        sort_dedup_from(&mut stems, from);
        runs.push((i, from..stems.len()));
    }
    let paras: Vec<(usize, &[u64])> = runs.into_iter().map(|(i, r)| (i, &stems[r])).collect();
    // Every paragraph's stems together, sorted: a stem occurs in as many
    // paragraphs as it has copies here.
    let mut everywhere = stems.clone();
    everywhere.sort_unstable();
    let in_more_paragraphs_than = |s: u64, mine: usize| {
        let first = everywhere.partition_point(|&x| x < s);
        everywhere.get(first + mine) == Some(&s)
    };
    // The title's stems and the topic's, in one sorted run.
    let mut anchor = rules.topic_stems.clone();
    anchor.extend(article.title_text().map(content_stems).unwrap_or_default());
    sort_dedup_from(&mut anchor, 0);
    // Shares a stem when the title or topic has it, or a paragraph other than its own.
    let unrelated = |own: &[&[u64]]| {
        // Each stem of the paragraphs once, with the first paragraph that has
        // it; stops as soon as too many are shared.
        let distinct = || {
            own.iter().enumerate().flat_map(move |(k, set)| {
                set.iter()
                    .filter(move |s| !own[..k].iter().any(|o| o.binary_search(s).is_ok()))
                    .map(move |s| (k, *s))
            })
        };
        let n = if own.len() == 1 {
            own[0].len()
        } else {
            distinct().count()
        };
        let cap = ((MAX_SHARED_RATIO * n as f64).floor() as usize).min(2);
        let mut shared = 0;
        for (k, s) in distinct() {
            let in_another_paragraph = || {
                // Its own paragraphs that have it: the k-th, none before, maybe some after.
                let mine = 1 + own[k + 1..].iter().filter(|o| o.binary_search(&s).is_ok()).count();
                in_more_paragraphs_than(s, mine)
            };
            if anchor.binary_search(&s).is_ok() || in_another_paragraph() {
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
        if set.len() >= MIN_CONTENT_WORDS && unrelated(&[*set]) {
            single[k] = true;
            let mut span = article.paragraphs[*i].span;
            // Its headline goes with it.
            if let Some((h, head)) = k.checked_sub(1).map(|h| &paras[h])
                && *h + 1 == *i
                && head.len() < MIN_CONTENT_WORDS
                && !single[k - 1]
                && !article.slice(article.paragraphs[*h].span).trim_end().ends_with('.')
                && unrelated(&[*head, *set])
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
            && head.len() + teaser.iter().filter(|s| head.binary_search(s).is_err()).count() >= MIN_CONTENT_WORDS;
        if is_headline && unrelated(&[*head, *teaser]) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn off_topic(text: &str, rules: &RuleSet) -> Vec<String> {
        let a = Article::from_text("t.txt", text.to_string());
        let tokens = tokenize(&a.text, Span::new(0, a.text.len()));
        find(&a, &tokens, &[], rules)
            .iter()
            .map(|b| a.slice(b.span).to_string())
            .collect()
    }

    const BODY: [&str; 3] = [
        "The harbour council approved the ferry budget after a long debate about the harbour terminal and its ferry routes.",
        "Ferry operators told the council the terminal repairs would delay the routes until the harbour budget was settled.",
        "Harbour residents asked the council whether the ferry terminal would keep its routes once the repairs began.",
    ];
    const STRAY: &str = "Celebrity chefs unveiled spicy mango desserts during glamorous culinary festivals across sunny seaside resorts.";

    /// A headline, then the body with the stray paragraph as the third of four.
    fn stray_among_body() -> String {
        format!(
            "Harbour Council Approves Ferry Budget\n\n{}\n\n{}\n\n{STRAY}\n\n{}\n",
            BODY[0], BODY[1], BODY[2]
        )
    }

    #[test]
    fn a_paragraph_sharing_no_vocabulary_is_off_topic() {
        let rules = RuleSet::default();
        let text = stray_among_body();
        assert_eq!(off_topic(&text, &rules), [STRAY]);
        // Too few paragraphs to judge.
        let short = format!("{}\n\n{}\n\n{STRAY}\n", BODY[0], BODY[1]);
        assert!(off_topic(&short, &rules).is_empty());
    }

    #[test]
    fn the_rules_topic_anchors_a_paragraph() {
        let rules =
            crate::rules::load_sources(&[("t.yaml".to_string(), "topic: [chefs, mango, desserts]\n".to_string())])
                .unwrap();
        let text = stray_among_body();
        assert!(off_topic(&text, &rules).is_empty());
    }

    #[test]
    fn a_headline_goes_with_its_unrelated_paragraph() {
        let rules = RuleSet::default();
        let text = format!(
            "Harbour Council Approves Ferry Budget\n\n{}\n\n{}\n\n{}\n\nSummer treats\n\n{STRAY}\n",
            BODY[0], BODY[1], BODY[2]
        );
        assert_eq!(off_topic(&text, &rules), [format!("Summer treats\n\n{STRAY}")]);
    }
}
