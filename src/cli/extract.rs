//! `claimlint extract`: print every fact the extractor finds — figures with
//! their kind, value, interval, unit, date, entity and measure — as JSON Lines
//! or one JSON array, in text order. The same extractor the checks use.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use rayon::prelude::*;

use super::{RulesArgs, print_error};
use crate::corpus::{Article, InputError};
use crate::extract::{self, ExtractOptions, Facts, Lexicon};
use crate::render::facts::{FactRecord, write_json, write_jsonl};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FactsFormat {
    /// One JSON object per line.
    Jsonl,
    /// One JSON array.
    Json,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Articles or folders (walked recursively; .gitignore respected); `-` reads standard input.
    pub paths: Vec<PathBuf>,
    /// Treat every input line as a separate document (numbered from 1; spans relative to the line).
    #[arg(long)]
    pub lines: bool,
    /// Resolves relative dates in documents that carry no date.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub reference_date: Option<NaiveDate>,
    #[command(flatten)]
    pub rules: RulesArgs,
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: FactsFormat,
    /// The file name of the article read from `-` (standard input).
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<String>,
}

/// One document and its facts: a whole file, or one line of it with `--lines`.
struct Document {
    line: Option<usize>,
    article: Article,
    facts: Facts,
}

pub fn run(args: ExtractArgs) -> ExitCode {
    let resolved = match super::check::resolve(&args.paths, &args.rules, None) {
        Ok(r) => r,
        Err(e) => {
            print_error(e.as_ref());
            return ExitCode::from(2);
        }
    };
    let lexicon = Lexicon::new(&resolved.rules);
    let options = ExtractOptions {
        reference_date: args.reference_date,
    };
    // The inputs `check` would read: configuration excludes, `-` named by `--stdin-filename`.
    let (sources, mut errors, _) = resolved.sources(args.stdin_filename.as_deref());
    let results: Vec<Result<Vec<Document>, InputError>> = sources
        .par_iter()
        .map(|s| {
            let article = s.read()?;
            Ok(if args.lines {
                per_line(&article, &lexicon, options)
            } else {
                let facts = extract::extract(&article, &lexicon, options);
                vec![Document {
                    line: None,
                    article,
                    facts,
                }]
            })
        })
        .collect();
    let mut documents = Vec::new();
    for r in results {
        match r {
            Ok(d) => documents.extend(d),
            Err(e) => errors.push(e),
        }
    }
    for e in &errors {
        print_error(e);
    }
    let records = documents.iter().flat_map(|d| {
        d.facts
            .figures
            .iter()
            .map(|f| FactRecord::new(&d.article.path, d.line, &d.article.text, f))
    });
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let written = match args.format {
        FactsFormat::Jsonl => records.into_iter().try_for_each(|r| write_jsonl(&r, &mut out)),
        FactsFormat::Json => write_json(&records.collect::<Vec<_>>(), &mut out),
    };
    if let Err(e) = written.and_then(|_| out.flush())
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        note!("claimlint: cannot write the output: {e}");
        return ExitCode::from(2);
    }
    if errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    }
}

/// Every line of `article` as a separate document, numbered from 1.
fn per_line(article: &Article, lexicon: &Lexicon, options: ExtractOptions) -> Vec<Document> {
    let lines: Vec<(usize, &str)> = article
        .text
        .split('\n')
        .enumerate()
        .map(|(i, l)| (i + 1, l.strip_suffix('\r').unwrap_or(l)))
        .filter(|(_, l)| !l.trim().is_empty())
        .collect();
    lines
        .into_par_iter()
        .map(|(n, l)| {
            let doc = Article::from_text(article.path.to_string(), l.to_string());
            let facts = extract::extract(&doc, lexicon, options);
            Document {
                line: Some(n),
                article: doc,
                facts,
            }
        })
        .collect()
}
