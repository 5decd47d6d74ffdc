//! `claimlint init`: a starter `claimlint.yaml` and a commented rules file
//! in the current folder. Never overwrites a file that exists.

use std::path::Path;
use std::process::ExitCode;

pub const CONFIG: &str = r#"# claimlint configuration. Paths and globs are relative to this file.
# `claimlint config` prints the effective configuration.

# The articles to check (folders are walked; .txt and .md files).
paths: [articles]

# Rules files or folders of them.
rules: [rules]

# Files never checked, even when named on the command line.
exclude: ["**/drafts/**"]

# Only these rules report (default: all); these never do.
# select: [claim-mismatch, figure-conflict]
ignore: []

# Per-rule severity: error | warning | info.
severity:
  off-topic: info

# Exit 1 when a finding at or above this severity is reported.
fail-on: error

# Accepted findings in plain-text articles (see `claimlint check --write-baseline`).
# baseline: claimlint-baseline.json
"#;

pub const RULES_FILE: &str = r#"# claimlint rules. Reference: "Rules file reference" in claimlint's README.

# What the corpus is about (helps off-topic find unrelated paragraphs).
topic: [election, turnout, voters]

# What a bare `$` or "dollars" means in these articles (ISO 4217). An article's
# front matter `currency: CAD` overrides it.
# currency: USD

# Canonical names and their aliases (demonyms included); known wrong forms.
entities:
  Ruritania: [Ruritanian, Ruritanians]

# What a figure states: the nouns it counts and the words that cue it.
measures:
  turnout:
    units: ["%"]
    cues: [turnout, voted]
#  budget:
#    units: [USD]              # money in any ISO 4217 code; or a unit: [km], [barrels per day]
#    nouns: [budget]           # the nouns that name the measure
#    cues: [allocated]         # the verbs and phrases that cue it

# Assertions checked against every article: SUBJECT MEASURE OP VALUE.
claims: []
#  - Ruritania turnout ~ 61%

# Page furniture scraped in with articles: named regexes, matched per line.
boilerplate:
  read-more:
    pattern: '^Read more:'
    kind: related-links

# Self-tests, run by `claimlint test`: a text and the findings it must
# (expect) or must not (expect-not) produce.
tests: []
#  - name: turnout below the claim
#    text: |
#      Ruritania votes
#
#      Ruritanian turnout reached 48% on Sunday, officials said.
#    expect:
#      - rule: claim-mismatch
#        quote: "48%"
"#;

fn write_new(path: &Path, text: &str) -> Result<bool, std::io::Error> {
    if path.exists() {
        note!("claimlint: {} exists; left as it is", path.display());
        return Ok(false);
    }
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(path, text)?;
    {
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), "created {}", path.display());
    }
    Ok(true)
}

pub fn run() -> ExitCode {
    let config_exists = crate::config::FILE_NAMES.iter().any(|n| Path::new(n).exists());
    let mut result = Ok(());
    if config_exists {
        note!("claimlint: a claimlint configuration exists here; left as it is");
    } else {
        result = write_new(Path::new("claimlint.yaml"), CONFIG).map(|_| ());
    }
    result = result.and_then(|_| write_new(Path::new("rules/rules.yaml"), RULES_FILE).map(|_| ()));
    // The configuration's `paths: [articles]` must exist for `check` to run.
    if !config_exists && result.is_ok() && !Path::new("articles").exists() {
        result = std::fs::create_dir_all("articles").map(|()| {
            use std::io::Write as _;
            let _ = writeln!(std::io::stdout(), "created articles/ (put the articles to check here)");
        });
    }
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            note!("claimlint: cannot write: {e}");
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starter_rules_load() {
        crate::rules::load_sources(&[("rules.yaml".into(), RULES_FILE.into())]).unwrap();
    }
}
