//! Keys of figures in sentences of our own.

use super::*;
use crate::corpus::Article;
use crate::extract::{ExtractOptions, extract};

fn keyed(text: &str) -> Vec<(String, Option<FigureKey>)> {
    let a = Article::from_text("t.txt", text.to_string());
    let facts = extract(&a, &Lexicon::builtin(), ExtractOptions::default());
    facts
        .figures
        .iter()
        .zip(facts.keys)
        .map(|(f, k)| (text[f.span.start..f.span.end].to_string(), k.map(|k| *k)))
        .collect()
}

#[test]
fn dump_file() {
    let Ok(path) = std::env::var("KEYS_DUMP") else { return };
    let text = std::fs::read_to_string(path).unwrap();
    for (s, k) in keyed(&text) {
        match k {
            Some(k) => eprintln!(
                "{s:30} | {:?} | {} | {} | {:?}",
                k.subject, k.predicate, k.unit, k.anchor
            ),
            None => eprintln!("{s:30} | -"),
        }
    }
}

#[test]
fn word_lists_are_lower_case_ascii() {
    // `Discourse::observe` compares them with ASCII-lower-cased words.
    for w in super::AUX.iter().chain(super::LINKING).chain(super::PRONOUNS) {
        assert!(w.bytes().all(|b| b.is_ascii_lowercase() || b == b' '), "{w}");
    }
}
