#![doc = include_str!("docs/duplicate-article.md")]

use super::{Analysis, RuleInfo};
use crate::diagnostic::{Diagnostic, Severity};
use crate::text::{Span, Token, TokenKind, tokens_within};

pub const ID: &str = "duplicate-article";
pub const RULE: RuleInfo = RuleInfo {
    id: ID,
    severity: Severity::Warning,
    summary: "two articles of the corpus that are the same story",
    doc: include_str!("docs/duplicate-article.md"),
};

const SHINGLE: usize = 5;
const BANDS: usize = 32;
const ROWS: usize = 3;
const MIN_WORDS: usize = 40;
/// Share of the shorter article's shingles found in the other.
const MIN_CONTAINMENT: f64 = 0.7;

/// FNV-1a over the word's characters in lower case (’ as '), without
/// building a lower-case copy.
fn word_hash(word: &str) -> u64 {
    let mut h = 0xcbf29ce484222325u64;
    if word.is_ascii() {
        for b in word.bytes() {
            h ^= u64::from(b.to_ascii_lowercase());
            h = h.wrapping_mul(0x100000001b3);
        }
        return h;
    }
    for c in word.chars() {
        let c = if c.is_ascii() {
            c.to_ascii_lowercase()
        } else if c == '’' {
            '\''
        } else {
            c.to_lowercase().next().unwrap_or(c)
        };
        h ^= u64::from(u32::from(c));
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}

/// A 64-bit mixer (splitmix64's finaliser) for the MinHash permutations.
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58476d1ce4e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d049bb133111eb);
    x ^ (x >> 31)
}

/// Whether `span` lies in page furniture (a boilerplate block). Off-topic
/// paragraphs are kept: they are text of the article as published, and a
/// copy of the article carries them too.
fn in_furniture(analysis: &Analysis, span: crate::text::Span) -> bool {
    analysis
        .excluded
        .iter()
        .any(|b| b.kind != "off-topic" && b.span.contains(span))
}

/// The sorted, deduplicated shingle hashes of an article's text, page
/// furniture and its date line left out; `tokens` are its tokens
/// (`text::tokenize` over the whole text).
fn shingles(analysis: &Analysis, tokens: &[Token]) -> Vec<u64> {
    let article = &analysis.article;
    // At most one hash per token: sized once rather than grown.
    let mut words: Vec<u64> = Vec::with_capacity(tokens.len());
    for p in &article.paragraphs {
        // Metadata is not the story: a copy republished another day has
        // another date line.
        if p.span.end <= article.header_end || article.is_date_line(p.span) || in_furniture(analysis, p.span) {
            continue;
        }
        for t in tokens_within(tokens, p.span)
            .iter()
            .filter(|t| t.kind != TokenKind::Punct)
        {
            words.push(word_hash(t.text(&article.text)));
        }
    }
    if words.len() < MIN_WORDS {
        return Vec::new();
    }
    let mut out: Vec<u64> = words
        .windows(SHINGLE)
        .map(|w| w.iter().fold(0u64, |h, &x| mix(h ^ x).rotate_left(7)))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// What the corpus check keeps of an article, made while its tokens are at
/// hand: the MinHash band keys and 16-bit prints, made from the full 64-bit
/// shingle hashes, and the shingles folded to 32 bits for counting the ones
/// two candidates share (half the memory; two different shingles of a pair
/// meet by chance about once in 4 billion comparisons).
#[derive(Debug, Default)]
pub struct Digest {
    shingles: Vec<u32>,
    signature: Option<Box<Signature>>,
}

#[derive(Debug)]
struct Signature {
    bands: [u64; BANDS],
    prints: [u16; BANDS * ROWS],
}

/// The article's digest; `tokens` are its tokens (`text::tokenize` over the whole text).
pub fn digest(analysis: &Analysis, tokens: &[Token]) -> Digest {
    let full = shingles(analysis, tokens);
    if full.is_empty() {
        return Digest::default();
    }
    let sig = signature(&full);
    let bands = std::array::from_fn(|b| band_key(&sig, b));
    // The high halves of sorted values are sorted.
    let mut shingles: Vec<u32> = full.iter().map(|&h| (h >> 32) as u32).collect();
    shingles.dedup();
    Digest {
        shingles,
        signature: Some(Box::new(Signature {
            bands,
            prints: sig.map(print),
        })),
    }
}

/// The bucket key of band `b` of a signature.
fn band_key(sig: &[u64; BANDS * ROWS], b: usize) -> u64 {
    sig[b * ROWS..(b + 1) * ROWS].iter().fold(b as u64, |h, &x| mix(h ^ x))
}

/// One-permutation MinHash: each shingle's hash picks one of the slots and
/// competes for its minimum, so that a signature costs one hash per shingle.
/// An empty slot borrows from the next filled one to its right (rotation
/// densification), offset by the distance, so that it stays comparable.
fn signature(shingles: &[u64]) -> [u64; BANDS * ROWS] {
    const N: usize = BANDS * ROWS;
    let mut sig = [u64::MAX; N];
    for &s in shingles {
        let h = mix(s);
        let slot = ((h >> 32) as usize * N) >> 32;
        let v = h & 0xffff_ffff;
        if v < sig[slot] {
            sig[slot] = v;
        }
    }
    if sig.iter().all(|&v| v == u64::MAX) {
        return sig;
    }
    let filled = sig;
    for i in 0..N {
        if filled[i] == u64::MAX {
            let mut d = 1;
            while filled[(i + d) % N] == u64::MAX {
                d += 1;
            }
            sig[i] = filled[(i + d) % N] + ((d as u64) << 40);
        }
    }
    sig
}

/// A signature value folded to 16 bits (its densification distance too).
fn print(v: u64) -> u16 {
    (v ^ (v >> 16) ^ (v >> 32) ^ (v >> 48)) as u16
}

/// How many values the sorted lists `a` and `b` share, or None as soon as
/// fewer than `needed` can be (most candidate pairs stop early).
fn shared(a: &[u32], b: &[u32], needed: usize) -> Option<usize> {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        if n + (a.len() - i).min(b.len() - j) < needed {
            return None;
        }
        // Branch-free: which list advances is unpredictable.
        let (x, y) = (a[i], b[j]);
        n += usize::from(x == y);
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    (n >= needed).then_some(n)
}

/// Where to point in an article: its title, else its first paragraph.
fn anchor(analysis: &Analysis) -> Span {
    let a = &analysis.article;
    a.title
        .or_else(|| {
            a.paragraphs
                .iter()
                .find(|p| !analysis.is_excluded(p.span))
                .map(|p| p.span)
        })
        .unwrap_or(Span::new(0, 0))
}

pub fn check(analyses: &[Analysis], out: &mut Vec<Diagnostic>) {
    use rayon::prelude::*;
    let digests: Vec<&Digest> = analyses.iter().map(|a| &a.keys.duplicates).collect();
    // Candidate pairs from shared bands, one band per task: the articles
    // sorted by their band's key, each run of equal keys a bucket.
    let mut pairs: Vec<(usize, usize)> = (0..BANDS)
        .into_par_iter()
        .flat_map_iter(|b| {
            let mut keyed: Vec<(u64, usize)> = digests
                .iter()
                .enumerate()
                .filter_map(|(i, d)| Some((d.signature.as_ref()?.bands[b], i)))
                .collect();
            keyed.sort_unstable();
            let mut pairs = Vec::new();
            // A bucket of very many articles is a shared template, not a story.
            for bucket in keyed.chunk_by(|x, y| x.0 == y.0).filter(|m| m.len() <= 64) {
                for (x, &(_, i)) in bucket.iter().enumerate() {
                    pairs.extend(bucket[x + 1..].iter().map(|&(_, j)| (i, j)));
                }
            }
            pairs
        })
        .collect();
    pairs.par_sort_unstable();
    pairs.dedup();
    // The signatures estimate the overlap, compared as 16-bit prints: a
    // quarter of the memory read per candidate pair. Two equal values have
    // equal prints; a chance collision (one slot in 65,536) can only send a
    // pair on to the count, never drop one or report a false copy.
    let prints = |i: usize| digests[i].signature.as_ref().map(|s| &s.prints);
    // Each later article is reported once, against its earliest copy.
    // Verified in parallel; kept in pair order, so the same on any thread count.
    let copies: Vec<(usize, usize, f64)> = pairs
        .par_iter()
        .filter_map(|&(i, j)| {
            let (a, b) = (&digests[i].shingles, &digests[j].shingles);
            // Only pairs that may reach the threshold are counted.
            let agree = prints(i)?.iter().zip(prints(j)?).filter(|(x, y)| x == y).count();
            let jaccard = agree as f64 / (BANDS * ROWS) as f64;
            let est_shared = jaccard / (1.0 + jaccard) * (a.len() + b.len()) as f64;
            if est_shared < 0.5 * a.len().min(b.len()) as f64 {
                return None;
            }
            let shorter = a.len().min(b.len());
            // The least count whose share reaches MIN_CONTAINMENT.
            let reaches = |n: usize| n as f64 / shorter as f64 >= MIN_CONTAINMENT;
            let mut needed = (MIN_CONTAINMENT * shorter as f64).ceil() as usize;
            while needed > 0 && reaches(needed - 1) {
                needed -= 1;
            }
            while needed <= shorter && !reaches(needed) {
                needed += 1;
            }
            let share = shared(a, b, needed)? as f64 / shorter as f64;
            (share >= MIN_CONTAINMENT).then_some((i, j, share))
        })
        .collect();
    let mut first_copy: Vec<Option<(usize, f64)>> = vec![None; analyses.len()];
    for (i, j, share) in copies {
        if first_copy[j].is_none_or(|(k, _)| i < k) {
            first_copy[j] = Some((i, share));
        }
    }
    for (j, copy) in first_copy.iter().enumerate() {
        let Some((i, share)) = *copy else { continue };
        let (this, other) = (&analyses[j], &analyses[i]);
        let pct = (share * 100.0).round() as u32;
        let d = Diagnostic::new(
            ID,
            RULE.severity,
            &this.article,
            anchor(this),
            format!(
                "this article is a copy of {} ({pct}% of the shorter text is shared)",
                other.article.path
            ),
        )
        .label("the same story")
        .help(format!(
            "keep one copy: remove this file from the corpus (or {} if this one is the original)",
            other.article.path
        ))
        .related(&other.article, anchor(other), "the other copy");
        out.push(d.finish());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::quality_testutil::{CLEAN, analyse};

    const STORY: &str = "A late-summer storm swept along the northern coast overnight, bringing down power lines and trees and leaving about 45,000 homes without electricity on Tuesday morning, the regional utility said.\n\nWinds of up to 110 kilometres an hour were recorded at the lighthouse at Cape Morrow, where the storm made landfall shortly after midnight.\n\nNo one was seriously hurt, the coast guard said, although a man was treated for a cut after a branch fell on his car.\n";

    fn run(files: &[(&str, String)]) -> Vec<(String, String)> {
        let analyses: Vec<Analysis> = files.iter().map(|(p, t)| analyse(p, t)).collect();
        let mut out = Vec::new();
        check(&analyses, &mut out);
        out.iter()
            .map(|d| (d.location.file.to_string(), d.related[0].location.file.to_string()))
            .collect()
    }

    #[test]
    fn a_syndicated_copy_with_another_headline() {
        let a = format!("date 2024-09-03 Storm leaves thousands without power\n\n{STORY}");
        let b = format!(
            "date 2024-09-03 Thousands lose power as storm hits coast\n\n{STORY}\nRecommended Stories\n\nOther news of the day\n"
        );
        let c = CLEAN[0].to_string();
        assert_eq!(
            run(&[("a.txt", a.clone()), ("b.txt", b.clone()), ("c.txt", c)]),
            [("b.txt".to_string(), "a.txt".to_string())]
        );
        // Three copies: each later one points at the first.
        let found = run(&[("a.txt", a.clone()), ("b.txt", b), ("d.txt", a)]);
        assert_eq!(found.len(), 2);
        assert!(found.iter().all(|(_, r)| r == "a.txt"));
    }

    #[test]
    fn the_date_line_is_not_part_of_the_story() {
        // A copy republished another day differs only in its date line.
        let shingles_of = |date: &str| {
            let a = analyse(
                "a.txt",
                &format!("date {date}\nStorm leaves thousands without power\n\n{STORY}"),
            );
            let tokens = crate::text::tokenize(&a.article.text, Span::new(0, a.article.text.len()));
            assert!(a.article.date_span.is_some());
            shingles(&a, &tokens)
        };
        assert!(!shingles_of("2024-09-03").is_empty());
        assert_eq!(shingles_of("2024-09-03"), shingles_of("2025-01-17"));
    }

    #[test]
    fn different_stories_on_one_topic_are_not_copies() {
        let files: Vec<(&str, String)> = vec![
            ("a.txt", CLEAN[0].to_string()),
            ("b.txt", CLEAN[1].to_string()),
            ("c.txt", CLEAN[2].to_string()),
            ("d.txt", format!("date 2024-09-03 Storm\n\n{STORY}")),
            (
                "e.txt",
                "date 2024-09-04 Clean-up begins after the storm\n\nCrews worked through the night to restore power to the last 5,000 homes along the northern coast, the regional utility said on Wednesday, a day after the storm made landfall at Cape Morrow.\n\nThe harbour at Delwyn reopened in the afternoon, and the two fishing boats that were washed onto the beach were towed back into the water at high tide.\n".to_string(),
            ),
        ];
        assert!(run(&files).is_empty());
    }
}
