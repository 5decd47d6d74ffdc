//! `claimlint check`: the main job.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use super::{CheckArgs, ColorChoice, FailOn, RulesArgs, print_error};
use crate::config;
use crate::diagnostic::Severity;
use crate::extract::ExtractOptions;
use crate::render::{self, RenderOptions};
use crate::rules::{self, RuleSet};

/// The settings of a run after the configuration file is read.
pub struct Resolved {
    pub paths: Vec<PathBuf>,
    pub rules: RuleSet,
    pub fail_on: Severity,
}

pub fn resolve(
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

pub fn run(args: CheckArgs) -> ExitCode {
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
