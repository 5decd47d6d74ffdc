//! The pipeline in one place: corpus → facts → checks → sorted diagnostics.
//! Articles are read and analysed in parallel; the result is the same,
//! byte for byte, whatever the thread count.

use std::path::PathBuf;

use rayon::prelude::*;

use crate::checks::boilerplate::{CorpusMemory, LineDigest};
use crate::checks::{self, Analysis};
use crate::corpus::{self, InputError};
use crate::diagnostic::{Diagnostic, Summary};
use crate::extract::{ExtractOptions, Lexicon};
use crate::rules::RuleSet;

/// The outcome of a check run.
#[derive(Debug)]
pub struct Report {
    pub analyses: Vec<Analysis>,
    pub diagnostics: Vec<Diagnostic>,
    pub input_errors: Vec<InputError>,
    pub summary: Summary,
}

impl Report {
    pub fn article(&self, file: &str) -> Option<&crate::corpus::Article> {
        self.analyses.iter().map(|a| &a.article).find(|a| &*a.path == file)
    }
}

/// Reads the articles at `paths` and analyses them against `rules`.
pub fn check(paths: &[PathBuf], rules: &RuleSet, options: ExtractOptions) -> Report {
    let (sources, input_errors) = corpus::discover(paths);
    check_sources(&sources, input_errors, rules, options)
}

/// Analyses the given article files (already discovered and filtered).
pub fn check_sources(
    sources: &[corpus::Source],
    input_errors: Vec<InputError>,
    rules: &RuleSet,
    options: ExtractOptions,
) -> Report {
    let lexicon = Lexicon::new(rules);
    // Each article with what the corpus memory needs of it, made while its
    // text is fresh in the cache.
    let read: Vec<Result<(crate::corpus::Article, LineDigest), InputError>> = sources
        .par_iter()
        .map(|s| {
            s.read().map(|a| {
                let digest = LineDigest::of(&a);
                (a, digest)
            })
        })
        .collect();
    // Corpus memory: lines recurring across articles are site furniture.
    let memory = CorpusMemory::from_digests(read.iter().filter_map(|r| r.as_ref().ok()).map(|(_, d)| d));
    let results: Vec<Result<(Analysis, Vec<Diagnostic>), InputError>> = read
        .into_par_iter()
        .map(|r| r.map(|(a, _)| checks::analyse_article(a, rules, &lexicon, options, &memory)))
        .collect();
    finish(results, input_errors, rules)
}

/// Analyses articles already in memory (rules' self-tests).
pub fn check_articles(articles: Vec<crate::corpus::Article>, rules: &RuleSet, options: ExtractOptions) -> Report {
    let lexicon = Lexicon::new(rules);
    // Each text stands alone: no corpus memory.
    let memory = CorpusMemory::default();
    let results = articles
        .into_par_iter()
        .map(|a| Ok(checks::analyse_article(a, rules, &lexicon, options, &memory)))
        .collect();
    finish(results, Vec::new(), rules)
}

/// Every finding in `sort_key` order, as a stable sort of the per-article
/// findings (in article order) followed by the corpus findings would give.
/// Each article's findings are sorted on their own, in parallel; when the
/// articles come in file order (they do unless paths and display names
/// disagree) the runs are merged with the corpus findings in one pass,
/// into a vector sized once, rather than sorting every finding - hundreds
/// of bytes each - through a buffer as large again.
fn merge_sorted(mut per_article: Vec<Vec<Diagnostic>>, mut corpus: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let by_key = |a: &Diagnostic, b: &Diagnostic| a.sort_key().cmp(&b.sort_key());
    per_article.par_iter_mut().for_each(|d| d.sort_by(by_key));
    corpus.par_sort_by(by_key);
    let total = per_article.iter().map(Vec::len).sum::<usize>() + corpus.len();
    let mut out = Vec::with_capacity(total);
    let runs = per_article.iter().filter(|d| !d.is_empty());
    let in_order = runs
        .clone()
        .zip(runs.skip(1))
        .all(|(a, b)| by_key(&a[a.len() - 1], &b[0]).is_le());
    if !in_order {
        per_article.into_iter().for_each(|d| out.extend(d));
        out.append(&mut corpus);
        out.par_sort_by(by_key);
        return out;
    }
    let mut corpus = corpus.into_iter().peekable();
    for d in per_article.into_iter().flatten() {
        // On equal keys the article's finding comes first, as in a stable sort.
        while let Some(c) = corpus.next_if(|c| by_key(c, &d).is_lt()) {
            out.push(c);
        }
        out.push(d);
    }
    out.extend(corpus);
    out
}

fn finish(
    results: Vec<Result<(Analysis, Vec<Diagnostic>), InputError>>,
    mut input_errors: Vec<InputError>,
    rules: &RuleSet,
) -> Report {
    let mut analyses = Vec::with_capacity(results.len());
    let mut per_article = Vec::with_capacity(results.len());
    for r in results {
        match r {
            Ok((a, d)) => {
                analyses.push(a);
                per_article.push(d);
            }
            Err(e) => input_errors.push(e),
        }
    }
    let corpus = checks::check_corpus(&analyses, rules);
    let mut diagnostics = merge_sorted(per_article, corpus);
    diagnostics.dedup_by(|a, b| a.sort_key() == b.sort_key());
    crate::diagnostic::disambiguate_fingerprints(&mut diagnostics);
    let summary = Summary::from_diagnostics(&diagnostics, analyses.len(), input_errors.len());
    Report {
        analyses,
        diagnostics,
        input_errors,
        summary,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Article;
    use crate::diagnostic::Severity;
    use crate::text::Span;

    /// Findings at `starts` in `article`, in the order given.
    fn at(article: &Article, rule: &'static str, starts: &[usize]) -> Vec<Diagnostic> {
        starts
            .iter()
            .map(|&s| {
                Diagnostic::new(
                    rule,
                    Severity::Warning,
                    article,
                    Span::new(s, s + 1),
                    format!("{rule} {s}"),
                )
            })
            .collect()
    }

    fn keys(d: &[Diagnostic]) -> Vec<(String, usize, &'static str)> {
        d.iter()
            .map(|d| (d.location.file.to_string(), d.location.span.start, d.rule))
            .collect()
    }

    #[test]
    fn merged_findings_are_those_of_one_stable_sort() {
        let text = "0123456789\n".repeat(3);
        let (a, b, c) = (
            Article::from_text("a.txt", text.clone()),
            Article::from_text("b.txt", text.clone()),
            Article::from_text("c.txt", text),
        );
        let corpus = || {
            let mut d = at(&c, "figure-conflict", &[4, 1]);
            d.extend(at(&a, "figure-conflict", &[3, 0]));
            d.extend(at(&a, "boilerplate", &[3]));
            d
        };
        let reference = |per_article: Vec<Vec<Diagnostic>>| {
            let mut all: Vec<Diagnostic> = per_article.into_iter().flatten().chain(corpus()).collect();
            all.sort_by(|x, y| x.sort_key().cmp(&y.sort_key()));
            keys(&all)
        };
        // Articles in file order (merged), and out of it (sorted whole).
        for order in [[&a, &b, &c], [&c, &a, &b]] {
            let per_article = || {
                order
                    .iter()
                    .map(|art| {
                        let mut d = at(art, "spacing", &[9, 2, 5]);
                        d.extend(at(art, "boilerplate", &[3, 0]));
                        d
                    })
                    .collect::<Vec<_>>()
            };
            assert_eq!(keys(&merge_sorted(per_article(), corpus())), reference(per_article()));
        }
        assert!(merge_sorted(vec![Vec::new(), Vec::new()], Vec::new()).is_empty());
    }
}
