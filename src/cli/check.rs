//! `claimlint check`: the main job, and the one resolution path every
//! command that checks articles shares: [`resolve`] reads the configuration
//! and the rules; [`execute`] finds the articles, runs the engine and
//! applies the policy (rule selection, severities, suppression comments,
//! the baseline, the files to report on).

use std::collections::BTreeSet;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{CheckArgs, ColorChoice, FailOn, RulesArgs, print_error};
use crate::checks::unused_suppression;
use crate::config;
use crate::corpus::{self, InputError, Source};
use crate::diagnostic::{Severity, Summary};
use crate::engine::Report;
use crate::extract::ExtractOptions;
use crate::render::{self, RenderOptions};
use crate::rules::{self, RuleSet};

pub type BoxedError = Box<dyn miette::Diagnostic + Send + Sync>;

/// The settings of a run after the configuration file is read.
pub struct Resolved {
    /// The corpus to read.
    pub paths: Vec<PathBuf>,
    pub rules: RuleSet,
    pub fail_on: Severity,
    pub config: Option<config::Loaded>,
    /// When the paths given are part of the configured corpus (as pre-commit
    /// passes them), the whole corpus is read so that conflicts across
    /// articles are found, but only findings in these paths are reported.
    pub only: Option<Vec<PathBuf>>,
    /// Every setting, its value and where it came from (`claimlint config`).
    pub origins: Vec<(&'static str, String, String)>,
}

fn list(v: &[PathBuf]) -> String {
    let items: Vec<String> = v.iter().map(|p| p.to_string_lossy().replace('\\', "/")).collect();
    format!("[{}]", items.join(", "))
}

pub fn resolve(paths: &[PathBuf], rules_args: &RulesArgs, fail_on: Option<FailOn>) -> Result<Resolved, BoxedError> {
    let file = if rules_args.isolated {
        None
    } else if let Some(c) = &rules_args.config {
        Some(c.clone())
    } else {
        config::discover()
    };
    let loaded = file
        .map(|f| config::load(&f))
        .transpose()
        .map_err(|e| Box::new(e) as BoxedError)?;
    let from_file = |key: &str| -> String {
        match &loaded {
            Some(l) => match l.key_line(key) {
                Some(line) => format!("{}:{line}", l.display()),
                None => "default".to_string(),
            },
            None => "default".to_string(),
        }
    };
    let mut origins: Vec<(&'static str, String, String)> = Vec::new();
    origins.push((
        "config",
        loaded.as_ref().map_or("(none)".to_string(), |l| l.display()),
        if rules_args.isolated {
            "--isolated".into()
        } else if rules_args.config.is_some() {
            "--config".into()
        } else if loaded.is_some() {
            "found walking up from the current folder".into()
        } else {
            "no claimlint.yaml found".into()
        },
    ));
    let configured: Vec<PathBuf> = match &loaded {
        Some(l) => l.config.paths.iter().map(|p| l.resolve(p)).collect(),
        None => Vec::new(),
    };
    let mut only = None;
    let corpus: Vec<PathBuf> = if paths.is_empty() {
        if configured.is_empty() {
            origins.push(("paths", "[.]".into(), "default".into()));
            vec![PathBuf::from(".")]
        } else {
            origins.push(("paths", list(&configured), from_file("paths")));
            configured.clone()
        }
    } else if !configured.is_empty() && paths.iter().any(|p| within(p, &configured)) {
        // Given paths outside the configured corpus are read as well.
        let mut corpus = configured.clone();
        corpus.extend(paths.iter().filter(|p| !within(p, &configured)).cloned());
        origins.push((
            "paths",
            list(&corpus),
            format!(
                "{} (the paths given are part of it; findings reported in them only)",
                from_file("paths")
            ),
        ));
        only = Some(paths.to_vec());
        corpus
    } else {
        origins.push(("paths", list(paths), "command line".into()));
        paths.to_vec()
    };
    if let Some(l) = &loaded {
        origins.push(("include", format!("{:?}", l.config.include), from_file("include")));
        origins.push(("exclude", format!("{:?}", l.config.exclude), from_file("exclude")));
        origins.push((
            "currencies",
            format!("{:?}", l.config.currencies),
            from_file("currencies"),
        ));
    }
    let rule_paths: Vec<PathBuf> = if rules_args.no_rules {
        origins.push(("rules", "[]".into(), "--no-rules".into()));
        Vec::new()
    } else if !rules_args.rules.is_empty() {
        origins.push(("rules", list(&rules_args.rules), "--rules".into()));
        rules_args.rules.clone()
    } else if let Some(l) = loaded.as_ref().filter(|l| !l.config.rules.is_empty()) {
        let v: Vec<PathBuf> = l.config.rules.iter().map(|p| l.resolve(p)).collect();
        origins.push(("rules", list(&v), from_file("rules")));
        v
    } else {
        let v: Vec<PathBuf> = default_rules(&corpus).into_iter().collect();
        origins.push(("rules", list(&v), "default (rules/ beside the corpus)".into()));
        v
    };
    let rules = rules::load(&rule_paths).map_err(|e| Box::new(e) as BoxedError)?;
    let config_fail_on = loaded.as_ref().and_then(|l| l.fail_on);
    let fail_on = match (fail_on, config_fail_on) {
        (Some(f), _) => {
            origins.push(("fail-on", f.severity().to_string(), "--fail-on".into()));
            f.severity()
        }
        (None, Some(s)) => {
            origins.push(("fail-on", s.to_string(), from_file("fail-on")));
            s
        }
        (None, None) => {
            origins.push(("fail-on", "error".into(), "default".into()));
            Severity::Error
        }
    };
    if let Some(l) = &loaded {
        let sel = if l.config.select.is_empty() {
            "(all)".to_string()
        } else {
            l.config.select.join(", ")
        };
        origins.push(("select", sel, from_file("select")));
        origins.push(("ignore", l.config.ignore.join(", "), from_file("ignore")));
        let sev: Vec<String> = l.severity.iter().map(|(r, s)| format!("{r}: {s}")).collect();
        origins.push(("severity", format!("{{{}}}", sev.join(", ")), from_file("severity")));
        if let Some(b) = &l.config.baseline {
            origins.push(("baseline", l.resolve(b).display().to_string(), from_file("baseline")));
        }
    }
    Ok(Resolved {
        paths: corpus,
        rules,
        fail_on,
        config: loaded,
        only,
        origins,
    })
}

/// Whether a path lies inside one of the corpus roots.
fn within(path: &Path, roots: &[PathBuf]) -> bool {
    path != Path::new("-")
        && std::fs::canonicalize(path).ok().is_some_and(|c| {
            roots
                .iter()
                .filter_map(|r| std::fs::canonicalize(r).ok())
                .any(|r| c.starts_with(r))
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

impl Resolved {
    /// Whether a rule reports, by the configuration's `select` and `ignore`.
    pub fn enabled(&self, rule: &str) -> bool {
        match &self.config {
            None => true,
            Some(l) => {
                (l.config.select.is_empty() || l.config.select.iter().any(|s| s == rule))
                    && !l.config.ignore.iter().any(|s| s == rule)
            }
        }
    }

    pub fn severity_override(&self, rule: &str) -> Option<Severity> {
        self.config.as_ref().and_then(|l| l.severity.get(rule).copied())
    }

    /// The baseline named in the configuration, resolved against its folder.
    pub fn configured_baseline(&self) -> Option<PathBuf> {
        let l = self.config.as_ref()?;
        l.config.baseline.as_ref().map(|b| l.resolve(b))
    }

    /// The article files to read: folders walked (keeping `include`
    /// matches), files named explicitly taken, and `exclude` matches dropped
    /// either way. Also the display names of the files to report on, when
    /// only some are.
    pub fn sources(&self, stdin_filename: Option<&str>) -> (Vec<Source>, Vec<InputError>, Option<BTreeSet<String>>) {
        let mut sources = Vec::new();
        let mut errors = Vec::new();
        for p in &self.paths {
            let explicit = p == Path::new("-") || p.is_file();
            let (found, errs) = corpus::discover(std::slice::from_ref(p));
            errors.extend(errs);
            for mut s in found {
                if s.display == "-" {
                    if let Some(name) = stdin_filename {
                        s.display = name.to_string();
                    }
                    sources.push(s);
                    continue;
                }
                if let Some(l) = &self.config {
                    if l.is_excluded(&s.path) || (!explicit && !l.is_included(&s.path)) {
                        continue;
                    }
                    s.currency = l.currency_for(&s.path);
                }
                sources.push(s);
            }
        }
        sources.sort();
        sources.dedup_by(|a, b| a.path == b.path);
        let report = self.only.as_ref().map(|only| {
            let given: Vec<PathBuf> = only.iter().filter_map(|p| std::fs::canonicalize(p).ok()).collect();
            sources
                .iter()
                .filter(|s| {
                    std::fs::canonicalize(&s.path)
                        .ok()
                        .is_some_and(|c| given.iter().any(|g| c.starts_with(g)))
                })
                .map(|s| s.display.clone())
                .collect()
        });
        (sources, errors, report)
    }
}

/// What a run does beyond the configuration.
#[derive(Debug, Clone, Default)]
pub struct RunOptions {
    pub extract: ExtractOptions,
    /// The name of the article read from standard input.
    pub stdin_filename: Option<String>,
    /// A baseline to apply (overrides the configuration's).
    pub baseline: Option<PathBuf>,
    /// Write every current finding to this baseline instead of applying one.
    pub write_baseline: Option<PathBuf>,
}

/// Runs a resolved check: articles, engine, then the policy.
pub fn execute(resolved: &Resolved, run: &RunOptions) -> Result<Report, BoxedError> {
    let (sources, errors, report_set) = resolved.sources(run.stdin_filename.as_deref());
    let mut report = crate::engine::check_sources(&sources, errors, &resolved.rules, run.extract);
    let mut diags = std::mem::take(&mut report.diagnostics);
    diags.retain(|d| resolved.enabled(d.rule));
    for d in &mut diags {
        if let Some(s) = resolved.severity_override(d.rule) {
            d.severity = s;
        }
    }
    let reported = |file: &str| report_set.as_ref().is_none_or(|s| s.contains(file));
    let mut unused = crate::suppress::apply(&report.analyses, &mut diags, &|r| resolved.enabled(r), &reported);
    if let Some(path) = &run.write_baseline {
        let n = crate::baseline::write(path, &diags).map_err(|e| {
            Box::new(crate::rules::RulesError::plain(
                path,
                &format!("cannot write the baseline: {e}"),
                None,
            )) as BoxedError
        })?;
        note!("claimlint: wrote {n} baseline entries to {}", path.display());
    } else if let Some(path) = run.baseline.clone().or_else(|| resolved.configured_baseline()) {
        let b = crate::baseline::load(&path).map_err(|e| Box::new(e) as BoxedError)?;
        let checked: BTreeSet<&str> = report
            .analyses
            .iter()
            .map(|a| a.article.path.as_ref())
            .filter(|f| reported(f))
            .collect();
        unused.extend(b.apply(&mut diags, &checked));
    }
    diags.retain(|d| reported(&d.location.file));
    if resolved.enabled(unused_suppression::ID) {
        for mut d in unused {
            if let Some(s) = resolved.severity_override(d.rule) {
                d.severity = s;
            }
            diags.push(d);
        }
    }
    diags.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    let articles = report.analyses.iter().filter(|a| reported(&a.article.path)).count();
    report.summary = Summary::from_diagnostics(&diags, articles, report.input_errors.len());
    report.diagnostics = diags;
    Ok(report)
}

pub fn run(args: CheckArgs) -> ExitCode {
    if args.paths.iter().any(|p| p == Path::new("-")) && args.paths.len() > 1 {
        note!("claimlint: `-` (standard input) cannot be combined with other paths");
        return ExitCode::from(2);
    }
    let resolved = match resolve(&args.paths, &args.rules, args.fail_on) {
        Ok(r) => r,
        Err(e) => {
            print_error(e.as_ref());
            return ExitCode::from(2);
        }
    };
    let options = RunOptions {
        extract: ExtractOptions {
            reference_date: args.reference_date,
        },
        stdin_filename: args.stdin_filename.clone(),
        baseline: args.baseline.clone(),
        write_baseline: args.write_baseline.clone(),
    };
    let report = match execute(&resolved, &options) {
        Ok(r) => r,
        Err(e) => {
            print_error(e.as_ref());
            return ExitCode::from(2);
        }
    };
    for e in &report.input_errors {
        print_error(e);
    }
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let render_options = RenderOptions {
        color,
        // With `--fail-on info` the info findings decide the exit code, so
        // they are shown: what makes the exit code is always in the output.
        verbose: args.verbose || resolved.fail_on == Severity::Info,
        width: 100,
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let written = if args.write_baseline.is_some() {
        Ok(())
    } else if args.statistics {
        render::statistics::render(&report, &mut out).and_then(|_| {
            if args.quiet {
                Ok(())
            } else {
                writeln!(out, "{}", render::human::summary_line(&report.summary))
            }
        })
    } else {
        render::render_full(args.format, &report, &render_options, args.quiet, &mut out)
    };
    if let Err(e) = written.and_then(|_| out.flush())
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        note!("claimlint: cannot write the output: {e}");
        return ExitCode::from(2);
    }
    let code = if !report.input_errors.is_empty() {
        ExitCode::from(2)
    } else if args.exit_zero || args.write_baseline.is_some() {
        ExitCode::SUCCESS
    } else if report.diagnostics.iter().any(|d| d.severity >= resolved.fail_on) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    };
    // The process ends here: freeing every article and finding one by one
    // would only delay the exit (a noticeable share of a large run).
    std::mem::forget(report);
    code
}
