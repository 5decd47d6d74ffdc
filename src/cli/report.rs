//! `claimlint report`: the editorial review page (or its Markdown summary).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::Args;

use super::{RulesArgs, print_error};
use crate::extract::ExtractOptions;
use crate::report::{self, ReportFormat, ReportOptions};

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Articles or folders (walked recursively; .gitignore respected); `-` reads standard input.
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub rules: RulesArgs,
    /// Write the report here (default: standard output).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[arg(long, value_enum, default_value = "html")]
    pub format: ReportFormat,
    /// Resolves relative dates in articles that carry no date.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub reference_date: Option<NaiveDate>,
    /// Say when the report was made (off by default, so output is reproducible).
    #[arg(long)]
    pub timestamp: bool,
}

pub fn run(args: ReportArgs) -> ExitCode {
    let resolved = match super::check::resolve(&args.paths, &args.rules, None) {
        Ok(r) => r,
        Err(e) => {
            print_error(e.as_ref());
            return ExitCode::from(2);
        }
    };
    // The same corpus, policy (select/ignore, severities, suppressions,
    // baseline) and findings as `claimlint check`.
    let run = super::check::RunOptions {
        extract: ExtractOptions {
            reference_date: args.reference_date,
        },
        ..Default::default()
    };
    let checked = match super::check::execute(&resolved, &run) {
        Ok(r) => r,
        Err(e) => {
            print_error(e.as_ref());
            return ExitCode::from(2);
        }
    };
    for e in &checked.input_errors {
        print_error(e);
    }
    let model = report::build(&checked, &resolved.rules);
    let options = ReportOptions {
        generated: args
            .timestamp
            .then(|| chrono::Utc::now().format("%Y-%m-%d %H:%M UTC").to_string()),
    };
    let mut buf = Vec::with_capacity(256 * 1024);
    // Writing to a Vec cannot fail.
    let _ = report::render(args.format, &model, &options, &mut buf);
    let written = match &args.output {
        Some(path) => std::fs::write(path, &buf).map_err(|e| format!("cannot write {}: {e}", path.display())),
        None => {
            let mut out = std::io::stdout().lock();
            match out.write_all(&buf).and_then(|_| out.flush()) {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(format!("cannot write the report: {e}")),
                _ => Ok(()),
            }
        }
    };
    if let Err(e) = written {
        note!("claimlint: {e}");
        return ExitCode::from(2);
    }
    if checked.input_errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    }
}
