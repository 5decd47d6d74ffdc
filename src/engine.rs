//! The pipeline in one place: corpus → facts → checks → sorted diagnostics.
//! Articles are read and analysed in parallel; the result is the same,
//! byte for byte, whatever the thread count.

use std::path::PathBuf;

use rayon::prelude::*;

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
    let read: Vec<Result<crate::corpus::Article, InputError>> = sources
        .par_iter()
        .map(|s| corpus::read_article(&s.path, &s.display))
        .collect();
    // Corpus memory: lines recurring across articles are site furniture.
    let memory = checks::boilerplate::CorpusMemory::build(read.iter().filter_map(|r| r.as_ref().ok()));
    let results: Vec<Result<(Analysis, Vec<Diagnostic>), InputError>> = read
        .into_par_iter()
        .map(|r| r.map(|a| checks::analyse_article(a, rules, &lexicon, options, &memory)))
        .collect();
    finish(results, input_errors, rules)
}

/// Analyses articles already in memory (rules' self-tests).
pub fn check_articles(articles: Vec<crate::corpus::Article>, rules: &RuleSet, options: ExtractOptions) -> Report {
    let lexicon = Lexicon::new(rules);
    // Each text stands alone: no corpus memory.
    let memory = checks::boilerplate::CorpusMemory::default();
    let results = articles
        .into_par_iter()
        .map(|a| Ok(checks::analyse_article(a, rules, &lexicon, options, &memory)))
        .collect();
    finish(results, Vec::new(), rules)
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
    // Sized once, exactly: growing by doubling would copy every finding
    // several times and map fresh memory for each copy.
    let total = per_article.iter().map(Vec::len).sum::<usize>() + corpus.len();
    let mut diagnostics = Vec::with_capacity(total);
    for d in per_article {
        diagnostics.extend(d);
    }
    diagnostics.extend(corpus);
    diagnostics.par_sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
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
