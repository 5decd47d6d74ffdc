//! `claimlint test [RULES]`: runs the `tests:` of rules files, like
//! `vale test`. Each test is a small text and the findings it must
//! (`expect`) or must not (`expect-not`) produce, checked alone against the
//! whole rule set. A failing test is named with its file and line.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use serde::Deserialize;

use super::{RulesArgs, TestArgs, print_error};
use crate::corpus::Article;
use crate::diagnostic::Diagnostic;
use crate::extract::ExtractOptions;
use crate::rules::RulesError;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct TestSpec {
    pub name: String,
    pub text: String,
    /// The article's file name (`.md` makes it Markdown). Default: `test.txt`.
    #[serde(default)]
    pub file: Option<String>,
    #[serde(default)]
    pub reference_date: Option<NaiveDate>,
    #[serde(default)]
    pub expect: Vec<Expectation>,
    #[serde(default)]
    pub expect_not: Vec<Expectation>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expectation {
    pub rule: String,
    /// Text the finding's quoted span must contain.
    #[serde(default)]
    pub quote: Option<String>,
    /// The finding's line in the test text.
    #[serde(default)]
    pub line: Option<usize>,
}

impl Expectation {
    fn matches(&self, d: &Diagnostic) -> bool {
        d.rule == self.rule
            && self
                .quote
                .as_ref()
                .is_none_or(|q| d.location.quote.contains(q.as_str()))
            && self.line.is_none_or(|l| d.location.line == l)
    }

    fn describe(&self) -> String {
        let mut s = self.rule.clone();
        if let Some(q) = &self.quote {
            s.push_str(&format!(" on “{q}”"));
        }
        if let Some(l) = self.line {
            s.push_str(&format!(" at line {l}"));
        }
        s
    }
}

/// One test as loaded: where it is written and what it says.
pub struct Loaded {
    pub file: String,
    pub line: usize,
    pub spec: TestSpec,
}

/// Parses the raw `tests` entries of a rule set, naming the file and line of a bad one.
pub fn load(tests: &[(String, serde_yaml::Value)]) -> Result<Vec<Loaded>, RulesError> {
    let mut out = Vec::new();
    let mut index_in_file: std::collections::BTreeMap<&str, usize> = Default::default();
    for (file, value) in tests {
        let i = index_in_file.entry(file.as_str()).or_default();
        let text = std::fs::read_to_string(file).unwrap_or_default();
        let (line, col) = crate::rules::locate::sequence_item(&text, "tests", *i).unwrap_or((1, 1));
        *i += 1;
        let spec = TestSpec::deserialize(value.clone()).map_err(|e| {
            let msg = e.to_string();
            let message = format!("invalid test: {}", msg.split(" at line ").next().unwrap_or(&msg));
            if text.is_empty() {
                RulesError::plain(std::path::Path::new(file), &message, None)
            } else {
                RulesError::at(
                    file,
                    &text,
                    line,
                    col,
                    &message,
                    Some("a test has `name`, `text`, and `expect` / `expect-not` lists of {rule, quote, line}"),
                )
            }
        })?;
        for e in spec.expect.iter().chain(&spec.expect_not) {
            if crate::checks::rule(&e.rule).is_none() {
                let hint = crate::text::did_you_mean(&e.rule, crate::checks::RULES.iter().map(|r| r.id))
                    .map(|s| format!("did you mean `{s}`?"))
                    .unwrap_or_else(|| "`claimlint rules` lists the rule ids".into());
                return Err(RulesError::at(
                    file,
                    &text,
                    line,
                    col,
                    &format!("test `{}` names an unknown rule `{}`", spec.name, e.rule),
                    Some(&hint),
                ));
            }
        }
        out.push(Loaded {
            file: file.clone(),
            line,
            spec,
        });
    }
    Ok(out)
}

/// Runs one test; the failures, described.
pub fn run_one(t: &Loaded, rules: &crate::rules::RuleSet) -> Vec<String> {
    let name = t.spec.file.clone().unwrap_or_else(|| "test.txt".to_string());
    let article = Article::from_text(name, t.spec.text.clone());
    let report = crate::engine::check_articles(
        vec![article],
        rules,
        ExtractOptions {
            reference_date: t.spec.reference_date,
        },
    );
    let mut failures = Vec::new();
    let found = || -> String {
        if report.diagnostics.is_empty() {
            "no findings".to_string()
        } else {
            let lines: Vec<String> = report
                .diagnostics
                .iter()
                .map(|d| format!("      {}", crate::render::concise::line(d)))
                .collect();
            format!("found:\n{}", lines.join("\n"))
        }
    };
    for e in &t.spec.expect {
        if !report.diagnostics.iter().any(|d| e.matches(d)) {
            failures.push(format!("expected {}; {}", e.describe(), found()));
        }
    }
    for e in &t.spec.expect_not {
        if let Some(d) = report.diagnostics.iter().find(|d| e.matches(d)) {
            failures.push(format!(
                "expected no {}; found: {}",
                e.describe(),
                crate::render::concise::line(d)
            ));
        }
    }
    failures
}

pub fn run(args: TestArgs) -> ExitCode {
    let rules_args = RulesArgs {
        rules: args.rules.clone(),
        no_rules: false,
        isolated: args.isolated,
        config: args.config.clone(),
    };
    let no_paths: &[PathBuf] = &[];
    let resolved = match super::check::resolve(no_paths, &rules_args, None) {
        Ok(r) => r,
        Err(e) => {
            print_error(e.as_ref());
            return ExitCode::from(2);
        }
    };
    let tests = match load(&resolved.rules.tests) {
        Ok(t) => t,
        Err(e) => {
            print_error(&e);
            return ExitCode::from(2);
        }
    };
    let mut out = std::io::stdout().lock();
    if tests.is_empty() {
        let _ = writeln!(out, "claimlint: no tests in {}", resolved.rules.files.join(", "));
        return ExitCode::SUCCESS;
    }
    let mut failed = 0;
    for t in &tests {
        let failures = run_one(t, &resolved.rules);
        if failures.is_empty() {
            let _ = writeln!(out, "ok      {}:{}: {}", t.file, t.line, t.spec.name);
        } else {
            failed += 1;
            let _ = writeln!(out, "FAILED  {}:{}: {}", t.file, t.line, t.spec.name);
            for f in failures {
                let _ = writeln!(out, "    {f}");
            }
        }
    }
    let _ = writeln!(
        out,
        "claimlint: {} passed, {failed} failed, of {} tests",
        tests.len() - failed,
        tests.len()
    );
    if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
