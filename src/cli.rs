//! The command-line front: flags defined once, subcommands dispatch to the
//! library. Exit codes: 0 clean, 1 findings at or above `--fail-on`,
//! 2 usage, configuration, rules or input errors.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::checks::RULES;
use crate::config;
use crate::diagnostic::Severity;
use crate::extract::ExtractOptions;
use crate::render::{self, Format, RenderOptions};
use crate::rules::{self, RuleSet};

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
    /// Print a rule's full documentation.
    Explain {
        /// A rule id, e.g. claim-mismatch.
        rule: String,
    },
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
        Command::Check(args) => check(args),
        Command::Rules => {
            let mut out = std::io::stdout().lock();
            for r in RULES {
                let _ = writeln!(out, "{:<22} {:<8} {}", r.id, r.severity.as_str(), r.summary);
            }
            ExitCode::SUCCESS
        }
        Command::Explain { rule } => match crate::checks::rule(&rule) {
            Some(r) => {
                println!("{} ({})\n\n{}", r.id, r.severity, r.doc.trim_end());
                ExitCode::SUCCESS
            }
            None => {
                let hint = crate::text::did_you_mean(&rule, RULES.iter().map(|r| r.id))
                    .map(|s| format!("; did you mean `{s}`?"))
                    .unwrap_or_default();
                eprintln!("claimlint: unknown rule `{rule}`{hint} (`claimlint rules` lists them)");
                ExitCode::from(2)
            }
        },
    }
}

fn print_error(e: &dyn miette::Diagnostic) {
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
    eprintln!("{s}");
}

/// The settings of a run after the configuration file is read.
struct Resolved {
    paths: Vec<PathBuf>,
    rules: RuleSet,
    fail_on: Severity,
}

fn resolve(
    paths: &[PathBuf],
    rules_args: &RulesArgs,
    fail_on: Option<FailOn>,
) -> Result<Resolved, Box<dyn miette::Diagnostic + Send + Sync>> {
    type BoxedError = Box<dyn miette::Diagnostic + Send + Sync>;
    let loaded = if rules_args.isolated {
        None
    } else {
        config::discover()
            .map(|f| config::load(&f))
            .transpose()
            .map_err(|e| Box::new(e) as BoxedError)?
    };
    let mut corpus: Vec<PathBuf> = paths.to_vec();
    if corpus.is_empty() {
        corpus = match &loaded {
            Some(l) if !l.config.paths.is_empty() => l.config.paths.iter().map(|p| l.resolve(p)).collect(),
            _ => vec![PathBuf::from(".")],
        };
    }
    let rule_paths: Vec<PathBuf> = if rules_args.no_rules {
        Vec::new()
    } else if !rules_args.rules.is_empty() {
        rules_args.rules.clone()
    } else if let Some(l) = loaded.as_ref().filter(|l| !l.config.rules.is_empty()) {
        l.config.rules.iter().map(|p| l.resolve(p)).collect()
    } else {
        default_rules(&corpus).into_iter().collect()
    };
    let rules = rules::load(&rule_paths).map_err(|e| Box::new(e) as BoxedError)?;
    let config_fail_on = loaded
        .as_ref()
        .and_then(|l| l.config.fail_on.as_deref())
        .and_then(Severity::parse);
    let fail_on = fail_on
        .map(FailOn::severity)
        .or(config_fail_on)
        .unwrap_or(Severity::Error);
    Ok(Resolved {
        paths: corpus,
        rules,
        fail_on,
    })
}

/// `rules/` beside the first corpus path, else `rules/` in the current folder.
fn default_rules(corpus: &[PathBuf]) -> Option<PathBuf> {
    let first = corpus.first()?;
    let parent = if first.is_dir() {
        first.parent()
    } else {
        first.parent().and_then(|p| p.parent())
    };
    let beside = parent.map(|p| {
        if p.as_os_str().is_empty() {
            PathBuf::from("rules")
        } else {
            p.join("rules")
        }
    });
    beside
        .filter(|p| p.is_dir())
        .or_else(|| Some(PathBuf::from("rules")).filter(|p| p.is_dir()))
}

fn check(args: CheckArgs) -> ExitCode {
    let resolved = match resolve(&args.paths, &args.rules, args.fail_on) {
        Ok(r) => r,
        Err(e) => {
            print_error(e.as_ref());
            return ExitCode::from(2);
        }
    };
    let report = crate::engine::check(
        &resolved.paths,
        &resolved.rules,
        ExtractOptions {
            reference_date: args.reference_date,
        },
    );
    for e in &report.input_errors {
        print_error(e);
    }
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let options = RenderOptions {
        color,
        verbose: args.verbose,
        width: 100,
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if let Err(e) = render::render(args.format, &report, &options, &mut out).and_then(|_| out.flush())
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        eprintln!("claimlint: cannot write the output: {e}");
        return ExitCode::from(2);
    }
    if !report.input_errors.is_empty() {
        return ExitCode::from(2);
    }
    if report.diagnostics.iter().any(|d| d.severity >= resolved.fail_on) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
