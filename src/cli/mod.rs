//! The command-line front: flags defined once, subcommands dispatch to the
//! library. Exit codes: 0 clean, 1 findings at or above `--fail-on`,
//! 2 usage, configuration, rules or input errors. One module per subcommand.

/// `eprintln!` that cannot panic: with standard error closed or a broken
/// pipe (`claimlint check 2>&1 | head -1`) the message is dropped and the run
/// ends with its documented exit code.
macro_rules! note {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

pub mod check;
mod clean;
mod config;
mod extract;
mod init;
mod report;
mod test;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::checks::RULES;
use crate::diagnostic::Severity;
use crate::render::{self, Format, RenderOptions};

#[derive(Debug, Parser)]
#[command(
    name = "claimlint",
    version,
    about = "Check news articles for claims, conflicting figures and scraped boilerplate."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check articles against the rules and each other.
    Check(CheckArgs),
    /// List every rule with its default severity.
    Rules,
    /// Write an editorial review report (HTML page or Markdown summary).
    Report(report::ReportArgs),
    /// Print an article without its boilerplate (`--mark`: annotate it instead).
    Clean(clean::CleanArgs),
    /// Print every fact (figure, date, entity, measure) found, as JSON Lines or JSON.
    Extract(extract::ExtractArgs),
    /// Print a rule's full documentation.
    Explain {
        /// A rule id, e.g. claim-mismatch.
        rule: String,
    },
    /// Print the effective configuration and where each value came from.
    Config(ConfigArgs),
    /// Write a starter claimlint.yaml and a commented rules file (never overwrites).
    Init,
    /// Run the `tests:` of rules files (each a text and the findings it must or must not produce).
    Test(TestArgs),
}

#[derive(Debug, Args)]
pub struct ConfigArgs {
    /// Paths as `check` would be given them.
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub rules: RulesArgs,
}

#[derive(Debug, Args)]
pub struct TestArgs {
    /// Rules files or folders whose tests to run. Default: the configured rules.
    pub rules: Vec<PathBuf>,
    /// Ignore any claimlint.yaml.
    #[arg(long)]
    pub isolated: bool,
    /// A configuration file to use instead of the nearest claimlint.yaml.
    #[arg(long, value_name = "PATH", conflicts_with = "isolated")]
    pub config: Option<PathBuf>,
}

/// Where the rules come from; shared by every subcommand that reads them.
#[derive(Debug, Args, Clone, Default)]
pub struct RulesArgs {
    /// A rules file or a folder of them (repeatable). Default: the
    /// configuration's `rules`, else `rules/` beside the corpus.
    #[arg(long = "rules", value_name = "PATH")]
    pub rules: Vec<PathBuf>,
    /// Use no rules files at all (built-in knowledge only).
    #[arg(long, conflicts_with = "rules")]
    pub no_rules: bool,
    /// Ignore any claimlint.yaml.
    #[arg(long)]
    pub isolated: bool,
    /// A configuration file to use instead of the nearest claimlint.yaml.
    #[arg(long, value_name = "PATH", conflicts_with = "isolated")]
    pub config: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
}

impl FailOn {
    fn severity(self) -> Severity {
        match self {
            FailOn::Error => Severity::Error,
            FailOn::Warning => Severity::Warning,
            FailOn::Info => Severity::Info,
        }
    }
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Articles or folders (walked recursively; .gitignore respected); `-` reads standard input.
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub rules: RulesArgs,
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
    /// Exit 1 when a finding at or above this severity is reported.
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,
    #[arg(long, value_enum, default_value = "auto")]
    pub color: ColorChoice,
    /// Also show info-level findings (claims confirmed) in human output.
    #[arg(short, long)]
    pub verbose: bool,
    /// Resolves relative dates in articles that carry no date.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub reference_date: Option<NaiveDate>,
    /// Exit 0 even when findings are reported (2 still means an error).
    #[arg(long)]
    pub exit_zero: bool,
    /// Leave out the summary line.
    #[arg(short, long)]
    pub quiet: bool,
    /// Print how many findings each rule reported instead of the findings.
    #[arg(long)]
    pub statistics: bool,
    /// The file name of the article read from `-` (standard input).
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<String>,
    /// Hide the findings recorded in this baseline file.
    #[arg(long, value_name = "FILE", conflicts_with = "write_baseline")]
    pub baseline: Option<PathBuf>,
    /// Record every current finding in this baseline file, and exit 0.
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
}

pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    match cli.command {
        Command::Check(args) => check::run(args),
        Command::Report(args) => report::run(args),
        Command::Config(args) => config::run(args),
        Command::Init => init::run(),
        Command::Test(args) => test::run(args),
        Command::Clean(args) => clean::run(args),
        Command::Extract(args) => extract::run(args),
        Command::Rules => {
            let mut out = std::io::stdout().lock();
            for r in RULES {
                let _ = writeln!(out, "{:<22} {:<8} {}", r.id, r.severity.as_str(), r.summary);
            }
            ExitCode::SUCCESS
        }
        Command::Explain { rule } => match crate::checks::rule(&rule) {
            Some(r) => {
                let _ = writeln!(
                    std::io::stdout().lock(),
                    "{} ({})\n\n{}",
                    r.id,
                    r.severity,
                    r.doc.trim_end()
                );
                ExitCode::SUCCESS
            }
            None => {
                let hint = crate::text::did_you_mean(&rule, RULES.iter().map(|r| r.id))
                    .map(|s| format!("; did you mean `{s}`?"))
                    .unwrap_or_default();
                note!("claimlint: unknown rule `{rule}`{hint} (`claimlint rules` lists them)");
                ExitCode::from(2)
            }
        },
    }
}

/// Prints an error as a miette report on standard error.
pub fn print_error(e: &dyn miette::Diagnostic) {
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let handler = render::human::handler(&RenderOptions {
        color,
        verbose: false,
        width: 100,
    });
    let mut s = String::new();
    if handler.render_report(&mut s, e).is_err() {
        s = e.to_string();
    }
    note!("{s}");
}
