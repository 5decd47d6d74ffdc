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
    use std::collections::hash_map::Entry;
    use std::hash::{BuildHasher, Hasher};
    let article = &analysis.article;
    // Paragraphs keyed by a hash of their words (whitespace ignored); the
    // words are compared only when two hashes meet, so nothing is collected.
    // The first paragraph with each hash, and any others with the same hash
    // but other words (a collision): no allocation in the common case.
    let mut seen: HashMap<u64, (usize, Vec<usize>)> = HashMap::default();
    for (i, p) in article.paragraphs.iter().enumerate() {
        if analysis.is_excluded(p.span) {
            continue;
        }
        let text = article.slice(p.span);
        let mut hasher = rustc_hash::FxBuildHasher.build_hasher();
        let mut words = 0;
        let mut word = |w: &[u8]| {
            hasher.write(w);
            hasher.write_u8(0xff);
            words += 1;
        };
        if text.is_ascii() {
            // The same words as `split_whitespace`, found byte by byte
            // (ASCII white space is U+0009 to U+000D and the space).
            for w in text.as_bytes().split(|&b| matches!(b, b'\t'..=b'\r' | b' ')) {
                if !w.is_empty() {
                    word(w);
                }
            }
        } else {
            text.split_whitespace().for_each(|w| word(w.as_bytes()));
        }
        if words < MIN_WORDS {
            continue;
        }
        let same = |j: &usize| {
            let other = article.slice(article.paragraphs[*j].span);
            other.split_whitespace().eq(text.split_whitespace())
        };
        let first = match seen.entry(hasher.finish()) {
            Entry::Vacant(slot) => {
                slot.insert((i, Vec::new()));
                None
            }
            Entry::Occupied(mut slot) => {
                let (first, others) = slot.get_mut();
                let found = std::iter::once(&*first).chain(others.iter()).find(|j| same(j)).copied();
                if found.is_none() {
                    others.push(i);
                }
                found
            }
        };
        if let Some(first) = first {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::quality_testutil::run;

    #[test]
    fn copies_differing_only_in_white_space_are_duplicates() {
        let para = "The council voted on Monday to delay the harbour plan until spring.";
        // Tabs in the second copy, a no-break space in the third.
        let tabbed = para.replace(" to ", "\tto  ");
        let nbsp = para.replace("the harbour", "the\u{A0}harbour");
        let text = format!("Title\n\n{para}\n\n{tabbed}\n\n{nbsp}\n\nSomething else entirely, said the mayor.\n");
        assert_eq!(run(&text, check), [tabbed.as_str(), nbsp.as_str()]);
        // Fewer than six words are never judged.
        assert!(run("Title\n\nShort one.\n\nShort one.\n", check).is_empty());
    }
}
