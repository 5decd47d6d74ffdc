//! Corpus memory: a line that recurs in several articles of the corpus is the
//! site's furniture ("Sign up for The Morning Brief", "Share this story").
//! Each normalized line is hashed once and the articles containing it are
//! counted, so building the memory is linear in the corpus size.

use rustc_hash::FxHashMap as HashMap;
use rustc_hash::FxHasher as DefaultHasher;
use std::hash::{Hash, Hasher};

use rayon::prelude::*;

use crate::corpus::Article;

/// Distinct articles a line must occur in to be site furniture.
pub const MIN_ARTICLES: u32 = 3;
/// Lines longer than this many words are never remembered.
const MAX_WORDS: usize = 40;

/// How many distinct articles each normalized line occurs in.
#[derive(Debug, Default)]
pub struct CorpusMemory {
    counts: HashMap<u64, u32>,
}

impl CorpusMemory {
    /// Counts the articles each line occurs in. Copies of one article (the
    /// same longest paragraph, as when a wire story is republished) count
    /// once, so a syndicated story is not mistaken for furniture.
    pub fn build<'a>(articles: impl IntoIterator<Item = &'a Article>) -> CorpusMemory {
        let articles: Vec<&Article> = articles.into_iter().collect();
        let digests: Vec<LineDigest> = articles.par_iter().map(|a| LineDigest::of(a)).collect();
        CorpusMemory::from_digests(&digests)
    }

    /// [`CorpusMemory::build`] from the articles' digests, in article order
    /// (made while each article was read, its text still in the cache).
    pub fn from_digests<'a>(digests: impl IntoIterator<Item = &'a LineDigest>) -> CorpusMemory {
        let mut seen_stories = std::collections::HashSet::new();
        let mut counts: HashMap<u64, u32> = HashMap::default();
        for d in digests {
            if d.story != 0 && !seen_stories.insert(d.story) {
                continue;
            }
            for &h in &d.lines {
                *counts.entry(h).or_default() += 1;
            }
        }
        counts.retain(|_, c| *c >= MIN_ARTICLES);
        CorpusMemory { counts }
    }

    /// In how many distinct articles the line occurs (0 when under the threshold).
    pub fn articles_with(&self, line: &str) -> u32 {
        if self.counts.is_empty() {
            return 0;
        }
        hash_line(line).and_then(|h| self.counts.get(&h).copied()).unwrap_or(0)
    }
}

/// What the corpus memory needs of one article: its identity (a hash of its
/// longest paragraph, which copies share) and its distinct line hashes.
#[derive(Debug, Default)]
pub struct LineDigest {
    story: u64,
    lines: Vec<u64>,
}

impl LineDigest {
    pub fn of(a: &Article) -> LineDigest {
        let longest = a.paragraphs.iter().map(|p| a.slice(p.span)).max_by_key(|t| t.len());
        let story = longest.map_or(0, |t| {
            let mut h = DefaultHasher::default();
            t.hash(&mut h);
            h.finish()
        });
        let mut lines: Vec<u64> = a.paragraphs.iter().filter_map(|p| hash_line(a.slice(p.span))).collect();
        lines.sort_unstable();
        lines.dedup();
        LineDigest { story, lines }
    }
}

/// The hash of a line after normalization (case, spacing, edge punctuation),
/// or `None` for lines too long or with no letters.
pub(super) fn hash_line(line: &str) -> Option<u64> {
    let core = line.trim_matches(|c: char| !c.is_alphanumeric());
    // Most lines of an article are long paragraphs: rule them out before hashing.
    if more_words_than(core, MAX_WORDS) || !core.chars().any(char::is_alphabetic) {
        return None;
    }
    let mut h = DefaultHasher::default();
    for w in core.split_whitespace() {
        for c in w.chars() {
            // The same hash as `to_lowercase` gives, without its iterator for ASCII.
            if c.is_ascii() {
                c.to_ascii_lowercase().hash(&mut h);
            } else {
                c.to_lowercase().for_each(|l| l.hash(&mut h));
            }
        }
        ' '.hash(&mut h);
    }
    Some(h.finish())
}

/// Whether `text` has more than `n` words, as `split_whitespace` counts
/// them; reads bytes, and stops as soon as it knows.
fn more_words_than(text: &str, n: usize) -> bool {
    let b = text.as_bytes();
    let (mut words, mut in_word, mut i) = (0, false, 0);
    while i < b.len() {
        // Only these lead bytes start non-ASCII whitespace (U+0085, U+00A0,
        // U+1680, U+2000 to U+205F, U+3000); other bytes are read as they are.
        if matches!(b[i], 0xC2 | 0xE1 | 0xE2 | 0xE3) {
            let c = text[i..].chars().next().unwrap_or('\0');
            if c.is_whitespace() {
                in_word = false;
                i += c.len_utf8();
                continue;
            }
        }
        let space = matches!(b[i], b' ' | b'\t'..=b'\r');
        words += usize::from(!space && !in_word);
        if words > n {
            return true;
        }
        in_word = !space;
        i += 1;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn art(name: &str, text: &str) -> Article {
        Article::from_text(name, text.to_string())
    }

    #[test]
    fn a_line_in_three_articles_is_remembered() {
        let a = art("a.txt", "Storm hits coast\n\nShare this story\n\nRain fell all day.\n");
        let b = art("b.txt", "Mayor resigns\n\nshare this story!\n\nThe mayor quit.\n");
        let c = art("c.txt", "Team wins final\n\nShare  this story\n\nFans cheered.\n");
        let m = CorpusMemory::build([&a, &b, &c]);
        assert_eq!(m.articles_with("Share this story"), 3);
        assert_eq!(m.articles_with("Rain fell all day."), 0);
    }

    #[test]
    fn words_are_counted_as_split_whitespace_counts_them() {
        for t in [
            "",
            " \u{a0} ",
            "one",
            "one two  three",
            "a\u{a0}b\u{2028}c \u{3000} d\u{1680}e\u{85}f\u{b}g\u{c}h\ri\tj\nk",
            "“Kenya’s” — police… ‘again’ 1,000 ſ é",
        ] {
            let words = t.split_whitespace().count();
            for n in 0..words + 2 {
                assert_eq!(more_words_than(t, n), words > n, "{t:?} {n}");
            }
        }
    }

    #[test]
    fn lines_differing_in_case_and_spacing_hash_alike() {
        let h = hash_line("Share  THIS Story!").unwrap();
        assert_eq!(hash_line("share this story"), Some(h));
        assert_eq!(hash_line("“Émile’s BOOK”"), hash_line("émile’s book"));
        assert_ne!(hash_line("share this stories"), Some(h));
        assert_eq!(hash_line("1,000 2,000"), None);
        assert_eq!(hash_line(&"word ".repeat(MAX_WORDS + 1)), None);
        assert!(hash_line(&"word ".repeat(MAX_WORDS)).is_some());
    }

    #[test]
    fn copies_of_one_story_count_once() {
        let text = "Storm hits coast\n\nShare this story\n\nRain fell all day.\n";
        let (a, b, c) = (art("a.txt", text), art("b.txt", text), art("c.txt", text));
        let m = CorpusMemory::build([&a, &b, &c]);
        assert_eq!(m.articles_with("Share this story"), 0);
    }
}
