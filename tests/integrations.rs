//! Where claimlint is used: every output format on the seeds (snapshots),
//! SARIF against the official schema, fingerprints, configuration,
//! suppressions, baselines, rules' self-tests, and pre-commit end to end.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;

const FORMATS: &[&str] = &[
    "human", "concise", "json", "jsonl", "sarif", "github", "gitlab", "junit",
];

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn write(dir: &Path, name: &str, text: &str) {
    let p = dir.join(name);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        if e.path().is_dir() {
            continue; // rules/builtin/ is compiled into the binary
        }
        std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
    }
}

/// A copy of the seeds and the rules, with this repository's configuration.
fn seed_copy(name: &str) -> PathBuf {
    let dir = temp_dir(name);
    copy_dir(&repo().join("seeds"), &dir.join("seeds"));
    copy_dir(&repo().join("rules"), &dir.join("rules"));
    std::fs::copy(repo().join("claimlint.yaml"), dir.join("claimlint.yaml")).unwrap();
    dir
}

/// Inserts `text` as a new paragraph before the line (1-based) `line` of `file`.
fn insert_paragraph(file: &Path, line: usize, text: &str) {
    let old = std::fs::read_to_string(file).unwrap();
    let mut out = String::new();
    for (i, l) in old.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            out.push_str(text);
            out.push_str("\n\n");
        }
        out.push_str(l);
    }
    std::fs::write(file, out).unwrap();
}

#[test]
fn every_format_on_the_seeds() {
    for f in FORMATS {
        let out = run(&["check", "--format", f]);
        assert_eq!(out.status.code(), Some(1), "{f}: {}", stderr(&out));
        insta::assert_snapshot!(format!("format_{f}"), stdout(&out));
    }
}

#[test]
fn concise_and_github_lines_parse() {
    let concise = regex::Regex::new(r"^([^:]+):(\d+):(\d+): (error|warning|info)\[([a-z-]+)\] (.+)$").unwrap();
    let out = run(&["check", "--format", "concise", "--quiet"]);
    let text = stdout(&out);
    assert!(text.lines().count() >= 10);
    for l in text.lines() {
        let c = concise
            .captures(l)
            .unwrap_or_else(|| panic!("concise line does not parse: {l}"));
        assert!(crate_rule(&c[5]), "{l}");
    }
    let github = regex::Regex::new(
        r"^::(error|warning|notice) file=([^,:]+),line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+),title=([^,:]+)::([^\r\n]*)$",
    )
    .unwrap();
    let out = run(&["check", "--format", "github"]);
    let text = stdout(&out);
    let mut n = 0;
    for l in text.lines() {
        let c = github
            .captures(l)
            .unwrap_or_else(|| panic!("github line does not parse: {l}"));
        assert!(c[2].starts_with("seeds/"));
        let (line, end_line): (usize, usize) = (c[3].parse().unwrap(), c[5].parse().unwrap());
        assert!(end_line >= line);
        assert!(c[7].starts_with("claimlint "));
        n += 1;
    }
    let concise = stdout(&run(&["check", "--format", "concise", "--quiet"]));
    assert_eq!(n, concise.lines().count(), "{text}");
    let verbose = stdout(&run(&["check", "--format", "github", "--verbose"]));
    assert_eq!(verbose.lines().filter(|l| l.starts_with("::notice ")).count(), 5);
    // Escaping: a message with a newline, percent sign, comma and colon.
    assert!(text.contains("%0Ahelp: "), "help follows an escaped newline");
}

fn crate_rule(id: &str) -> bool {
    let out = run(&["explain", id]);
    out.status.success()
}

fn shared_schema() -> Option<PathBuf> {
    let root = repo();
    if let Some(dir) = std::env::var_os("CLAIMLINT_SHARED") {
        return Some(PathBuf::from(dir).join("schemas/sarif-schema-2.1.0.json")).filter(|p| p.is_file());
    }
    [root.join("../shared"), root.join("../../shared")]
        .into_iter()
        .map(|d| d.join("schemas/sarif-schema-2.1.0.json"))
        .find(|p| p.is_file())
}

/// Validated with Python's `jsonschema` (installed by `.ci/run` from PyPI):
/// the Rust `jsonschema` crate would add a large dependency tree to every
/// build for one test, and the Python package is the reference validator
/// for the draft-07 schema SARIF uses.
#[test]
fn sarif_validates_against_the_official_schema() {
    let Some(schema) = shared_schema() else {
        eprintln!("skipping: sarif-schema-2.1.0.json not found in ../shared/schemas (set CLAIMLINT_SHARED)");
        return;
    };
    let has_jsonschema = Command::new("python3")
        .args(["-c", "import jsonschema"])
        .status()
        .is_ok_and(|s| s.success());
    if !has_jsonschema {
        eprintln!("skipping: python3 -m pip install jsonschema (.ci/run does) to validate SARIF");
        return;
    }
    let dir = temp_dir("sarif");
    let out = run(&["check", "--format", "sarif"]);
    let doc = json(&out);
    std::fs::write(dir.join("out.sarif"), &out.stdout).unwrap();
    let script = "import json,sys,jsonschema\nschema=json.load(open(sys.argv[1]))\ndoc=json.load(open(sys.argv[2]))\njsonschema.validators.validator_for(schema)(schema).validate(doc)\nprint('valid')";
    let v = Command::new("python3")
        .args(["-c", script])
        .arg(&schema)
        .arg(dir.join("out.sarif"))
        .output()
        .unwrap();
    assert!(
        v.status.success(),
        "SARIF invalid: {}",
        String::from_utf8_lossy(&v.stderr)
    );
    // Every rule is in the driver; results carry regions, fingerprints and related locations.
    let rules = doc["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap();
    let listed = stdout(&run(&["rules"]));
    assert_eq!(rules.len(), listed.lines().count());
    for r in rules {
        assert!(r["shortDescription"]["text"].is_string() && r["fullDescription"]["text"].is_string());
        assert!(r["help"]["text"].as_str().unwrap().len() > 50);
    }
    let results = doc["runs"][0]["results"].as_array().unwrap();
    let mismatch = results.iter().find(|r| r["ruleId"] == "claim-mismatch").unwrap();
    let region = &mismatch["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (region["startLine"].as_u64(), region["startColumn"].as_u64()),
        (Some(35), Some(270))
    );
    assert_eq!(region["byteLength"].as_u64(), Some("about 380 officers".len() as u64));
    assert_eq!(
        mismatch["relatedLocations"][0]["physicalLocation"]["region"]["startLine"],
        10
    );
    assert!(
        results
            .iter()
            .all(|r| r["partialFingerprints"]["claimlint/v1"].is_string())
    );
}

fn fingerprints(dir: &Path) -> Vec<(String, String, String)> {
    let out = run_in(dir, &["check", "--format", "json"], None);
    json(&out)["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["file"].as_str().unwrap().to_string(),
                d["fingerprint"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn fingerprints_are_stable_across_runs_and_edits_above() {
    let dir = seed_copy("fingerprints");
    let before = fingerprints(&dir);
    assert_eq!(before, fingerprints(&dir));
    let unique: std::collections::BTreeSet<&String> = before.iter().map(|f| &f.2).collect();
    assert_eq!(unique.len(), before.len(), "fingerprints are distinct");
    // A new paragraph above the mismatch (line 35) and at the top of another article.
    insert_paragraph(
        &dir.join("seeds/004_3c46dd42f4049e2d.txt"),
        30,
        "Residents of the capital said the streets had been calmer this week.",
    );
    insert_paragraph(&dir.join("seeds/000_f75d49937cfe62c6.txt"), 1, "");
    let mut after = fingerprints(&dir);
    let mut b = before.clone();
    b.sort();
    after.sort();
    assert_eq!(b, after);
}

#[test]
fn baseline_accepts_current_findings_and_reports_only_new_ones() {
    let dir = seed_copy("baseline");
    let out = run_in(&dir, &["check", "--write-baseline", "b.json"], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("baseline entries"));
    let out = run_in(&dir, &["check", "--baseline", "b.json", "--format", "concise"], None);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    // Blank paragraphs at the top keep it valid.
    for f in ["seeds/004_3c46dd42f4049e2d.txt", "seeds/001_b6891b92f0d5e6d3.txt"] {
        insert_paragraph(&dir.join(f), 1, "");
    }
    let out = run_in(
        &dir,
        &["check", "--baseline", "b.json", "--format", "concise", "--quiet"],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), "");
    // A new contradicting sentence is the one finding reported.
    insert_paragraph(
        &dir.join("seeds/004_3c46dd42f4049e2d.txt"),
        22,
        "Officials in Nairobi said 250 Kenyan police officers had been deployed by then.",
    );
    let out = run_in(
        &dir,
        &["check", "--baseline", "b.json", "--format", "concise", "--quiet"],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<String> = stdout(&out).lines().map(str::to_string).collect();
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(lines[0].contains("error[claim-mismatch]") && lines[0].contains("250 Kenyan police officers"));
    // The baseline can come from the configuration too.
    std::fs::write(
        dir.join("claimlint.yaml"),
        "paths: [seeds]\nrules: [rules]\nbaseline: b.json\n",
    )
    .unwrap();
    let out = run_in(&dir, &["check", "--format", "concise", "--quiet"], None);
    assert_eq!(stdout(&out).lines().count(), 1);
    // An entry whose finding is gone is reported.
    let rules = std::fs::read_to_string(dir.join("rules/haiti.yaml")).unwrap();
    std::fs::write(dir.join("rules/haiti.yaml"), rules.replace("    wrong: [Moses]\n", "")).unwrap();
    let out = run_in(&dir, &["check", "--format", "concise", "--quiet"], None);
    let text = stdout(&out);
    assert!(
        text.lines()
            .any(|l| l.starts_with("b.json:") && l.contains("warning[unused-suppression]") && l.contains("Moses")),
        "{text}"
    );
    // Every format renders a finding located in the baseline file.
    for f in FORMATS {
        let out = run_in(&dir, &["check", "--format", f], None);
        assert_eq!(out.status.code(), Some(1), "{f}: {}", stderr(&out));
        assert!(stdout(&out).contains("b.json") || *f == "junit", "{f}");
    }
}

const MD_RULES: &str = "entities:\n  Moïse:\n    aliases: [Jovenel Moïse]\n    wrong: [Moses]\n";

#[test]
fn markdown_suppressions_per_rule_and_per_line() {
    let dir = temp_dir("suppress");
    write(&dir, "rules/r.yaml", MD_RULES);
    write(
        &dir,
        "a.md",
        "# Haiti remembers its president\n\n\
         <!-- claimlint-disable-next-line name-variant -->\n\
         Crowds gathered where Moses was buried, three years on.\n\n\
         A speaker recalled how Moses had promised elections.\n\n\
         <!-- claimlint-disable name-variant -->\n\n\
         Posters of Moses lined the road.\n\n\
         <!-- claimlint-enable name-variant -->\n\n\
         <!-- claimlint-disable-next-line boilerplate -->\n\
         Mourners sang as Moses's portrait passed.\n",
    );
    let out = run_in(
        &dir,
        &[
            "check",
            "a.md",
            "--format",
            "concise",
            "--quiet",
            "--isolated",
            "--rules",
            "rules",
        ],
        None,
    );
    let text = stdout(&out);
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| l.contains("[name-variant]") || l.contains("[unused-suppression]"))
        .collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(
        lines[0].starts_with("a.md:6:") && lines[0].contains("[name-variant]"),
        "{text}"
    );
    assert!(
        lines[1].starts_with("a.md:14:") && lines[1].contains("[unused-suppression]"),
        "{text}"
    );
    assert!(
        lines[2].starts_with("a.md:15:") && lines[2].contains("[name-variant]"),
        "{text}"
    );
    // The same comments in a plain-text article are text, not directives.
    std::fs::rename(dir.join("a.md"), dir.join("a.txt")).unwrap();
    let out = run_in(
        &dir,
        &[
            "check",
            "a.txt",
            "--format",
            "concise",
            "--quiet",
            "--isolated",
            "--rules",
            "rules",
        ],
        None,
    );
    assert!(!stdout(&out).contains("unused-suppression"));
    assert_eq!(stdout(&out).matches("[name-variant]").count(), 4, "{}", stdout(&out));
}

#[test]
fn rules_self_tests_pass_and_a_broken_one_is_named() {
    let out = run(&["test", "rules/"]);
    assert_eq!(out.status.code(), Some(0), "{}{}", stdout(&out), stderr(&out));
    assert!(stdout(&out).contains("0 failed"));
    let dir = temp_dir("selftest");
    let rules = std::fs::read_to_string(repo().join("rules/haiti.yaml")).unwrap();
    let broken = rules.replacen("quote: \"250\"", "quote: \"260\"", 1);
    assert_ne!(broken, rules);
    write(&dir, "haiti.yaml", &broken);
    let out = run_in(&dir, &["test", "haiti.yaml"], None);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.lines()
            .any(|l| l.starts_with("FAILED  haiti.yaml:")
                && l.ends_with("a deployment below the claimed 400 is a mismatch")),
        "{text}"
    );
    assert!(text.contains("expected claim-mismatch on “260”"), "{text}");
    // A malformed test is a rules error with its line.
    write(&dir, "bad.yaml", "tests:\n  - name: x\n    txt: hello\n");
    let out = run_in(&dir, &["test", "bad.yaml"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("bad.yaml:2"), "{}", stderr(&out));
}

#[test]
fn configuration_errors_exit_2_with_file_and_line() {
    let cases = [
        (
            "paths: [a]\nexlude: ['x']\n",
            "claimlint.yaml:2",
            "did you mean `exclude`?",
        ),
        ("paths: [a]\nexclude:\n  - 'a[b'\n", "claimlint.yaml:3", "invalid glob"),
        (
            "paths: [a]\nrules: [missing]\n",
            "claimlint.yaml:2",
            "no such rules file",
        ),
        (
            "ignore: [figure-conflcit]\n",
            "claimlint.yaml:1",
            "did you mean `figure-conflict`?",
        ),
    ];
    for (i, (yaml, at, says)) in cases.iter().enumerate() {
        let dir = temp_dir(&format!("config-error-{i}"));
        write(&dir, "claimlint.yaml", yaml);
        write(&dir, "a/x.txt", "Some text here.\n");
        let out = run_in(&dir, &["check"], None);
        assert_eq!(out.status.code(), Some(2), "{yaml}");
        let err = stderr(&out);
        assert!(err.contains(at) && err.contains(says), "{yaml}: {err}");
    }
}

#[test]
fn config_select_ignore_severity_and_the_config_command() {
    let dir = seed_copy("config");
    std::fs::write(
        dir.join("claimlint.yaml"),
        "paths: [seeds]\nrules: [rules]\nignore: [boilerplate]\nseverity:\n  claim-mismatch: warning\nfail-on: warning\n",
    )
    .unwrap();
    let out = run_in(&dir, &["check", "--statistics"], None);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        !text.contains("boilerplate") && text.contains("claim-mismatch"),
        "{text}"
    );
    let out = run_in(&dir, &["check", "--format", "concise", "--exit-zero"], None);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("warning[claim-mismatch]"));
    let out = run_in(&dir, &["config"], None);
    let text = stdout(&out);
    assert!(
        text.contains("ignore: boilerplate") && text.contains("# claimlint.yaml:3"),
        "{text}"
    );
    assert!(
        text.contains("fail-on: warning") && text.contains("# claimlint.yaml:6"),
        "{text}"
    );
    let other = dir.join("other.yaml");
    std::fs::write(&other, "paths: [seeds]\nrules: [rules]\n").unwrap();
    let out = run_in(&dir, &["check", "--config", "other.yaml", "--statistics"], None);
    assert!(stdout(&out).contains("boilerplate"));
    let out = run_in(&dir, &["config", "--isolated"], None);
    assert!(stdout(&out).contains("config: (none)"));
}

#[test]
fn stdin_filename_names_the_article() {
    let dir = temp_dir("stdin");
    write(&dir, "rules/r.yaml", MD_RULES);
    let text = b"# A title for the piece\n\n<!-- claimlint-disable-next-line name-variant -->\nThey buried Moses in Cap-Haitien.\n";
    let out = run_in(
        &dir,
        &[
            "check",
            "-",
            "--stdin-filename",
            "notes/a.md",
            "--rules",
            "rules",
            "--format",
            "concise",
            "--isolated",
        ],
        Some(text),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let out = run_in(
        &dir,
        &["check", "-", "--rules", "rules", "--format", "jsonl", "--isolated"],
        Some(text),
    );
    let line = stdout(&out);
    let d: serde_json::Value = serde_json::from_str(line.lines().next().unwrap()).unwrap();
    assert_eq!(d["file"], "-");
}

#[test]
fn init_writes_starters_and_never_overwrites() {
    let dir = temp_dir("init");
    let out = run_in(&dir, &["init"], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(dir.join("claimlint.yaml").is_file() && dir.join("rules/rules.yaml").is_file());
    std::fs::write(dir.join("rules/rules.yaml"), "# mine\n").unwrap();
    let out = run_in(&dir, &["init"], None);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        std::fs::read_to_string(dir.join("rules/rules.yaml")).unwrap(),
        "# mine\n"
    );
    assert!(stderr(&out).contains("left as it is"));
    std::fs::remove_file(dir.join("rules/rules.yaml")).unwrap();
    run_in(&dir, &["init"], None);
    write(
        &dir,
        "articles/a.md",
        "# Turnout in Ruritania\n\nRuritanian turnout reached 61% on Sunday.\n",
    );
    let out = run_in(&dir, &["check"], None);
    assert!(out.status.code() == Some(0), "{}{}", stdout(&out), stderr(&out));
    assert!(run_in(&dir, &["test"], None).status.success());
}

/// A corpus where b.txt's figure conflicts with a.txt's.
const PC_RULES: &str = "topic: [Haiti, police, mission, security]\nentities:\n  Kenya: [Kenyan, Kenyans]\nmeasures:\n  deployed:\n    units: [officers, police, troops]\n    cues: [deploy, deployment, arrive]\n";
const PC_A: &str = "date 2024-08-05 More police arrive in Haiti\n\nA second contingent landed on Friday, and 600 Kenyan police have now been deployed to Haiti, officials said.\n\nThe officers will patrol the capital.\n";
const PC_B_BAD: &str = "date 2024-08-05 The mission faces funding gaps\n\nThe United States is paying for Kenya's deployment of 200 officers, with more expected later this year.\n";
const PC_B_GOOD: &str = "date 2024-08-05 The mission faces funding gaps\n\nThe United States is paying for Kenya's deployment of 600 officers, with more expected later this year.\n";

fn pc_corpus(dir: &Path) {
    write(dir, "rules/r.yaml", PC_RULES);
    write(
        dir,
        "claimlint.yaml",
        "paths: [articles]\nrules: [rules]\nexclude: [\"articles/drafts/**\"]\nfail-on: warning\n",
    );
    write(dir, "articles/a.txt", PC_A);
}

#[test]
fn given_files_are_checked_against_the_whole_corpus_and_excludes_hold() {
    let dir = temp_dir("partial");
    pc_corpus(&dir);
    write(&dir, "articles/b.txt", PC_B_BAD);
    write(&dir, "articles/drafts/c.txt", PC_B_BAD);
    let out = run_in(
        &dir,
        &["check", "articles/b.txt", "--format", "concise", "--quiet"],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.starts_with("articles/b.txt:3:") && text.contains("[figure-conflict]"),
        "{text}"
    );
    assert_eq!(text.lines().count(), 1);
    // Only a.txt given: the conflict is located in b.txt, so nothing is reported.
    let out = run_in(
        &dir,
        &["check", "articles/a.txt", "--format", "concise", "--quiet"],
        None,
    );
    assert_eq!((out.status.code(), stdout(&out)), (Some(0), String::new()));
    // A file outside the corpus is read too; an excluded one stays excluded when named.
    let para =
        "Officers from the contingent will patrol the capital alongside the Haitian National Police from next week.";
    write(
        &dir,
        "NOTES.md",
        &format!("# Notes from the desk\n\n{para}\n\n{para}\n"),
    );
    let out = run_in(
        &dir,
        &["check", "articles/a.txt", "NOTES.md", "--format", "concise", "--quiet"],
        None,
    );
    assert!(
        stdout(&out)
            .lines()
            .any(|l| l.starts_with("NOTES.md:5:") && l.contains("[duplicate-paragraph]")),
        "{}",
        stdout(&out)
    );
    std::fs::write(
        dir.join("claimlint.yaml"),
        "paths: [articles]\nrules: [rules]\nexclude: [\"articles/drafts/**\", NOTES.md]\nfail-on: warning\n",
    )
    .unwrap();
    let out = run_in(
        &dir,
        &["check", "articles/a.txt", "NOTES.md", "--format", "concise", "--quiet"],
        None,
    );
    assert_eq!((out.status.code(), stdout(&out)), (Some(0), String::new()));
    let out = run_in(&dir, &["check", "articles/drafts/c.txt"], None);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stdout(&out).contains("0 articles checked"));
}

fn git(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new("git").args(args).current_dir(dir).output().expect("git")
}

/// The README's `.pre-commit-config.yaml` snippet, pointed at this checkout.
fn readme_precommit_config(repo_path: &str, rev: &str) -> String {
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let section = readme
        .split("## Use as a pre-commit hook")
        .nth(1)
        .expect("README section");
    let block = section.split("```yaml\n").nth(1).unwrap().split("```").next().unwrap();
    assert!(block.contains("id: claimlint"));
    block
        .lines()
        .map(|l| {
            if l.trim_start().starts_with("- repo:") {
                format!("  - repo: {repo_path}")
            } else if l.trim_start().starts_with("rev:") {
                format!("    rev: {rev}")
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

#[test]
fn pre_commit_refuses_a_conflicting_figure_and_accepts_a_clean_commit() {
    if !Command::new("pre-commit")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
    {
        eprintln!("skipping: pre-commit is not installed (python3 -m pip install pre-commit; .ci/run does)");
        return;
    }
    let head = git(&repo(), &["rev-parse", "HEAD"]);
    if !head.status.success() {
        eprintln!("skipping: this checkout is not a git repository");
        return;
    }
    let rev = String::from_utf8_lossy(&head.stdout).trim().to_string();
    if !git(&repo(), &["cat-file", "-e", &format!("{rev}:.pre-commit-hooks.yaml")])
        .status
        .success()
    {
        eprintln!("skipping: HEAD has no .pre-commit-hooks.yaml yet (commit it)");
        return;
    }
    let dir = temp_dir("pre-commit");
    let work = dir.join("articles-repo");
    std::fs::create_dir_all(&work).unwrap();
    let home = dir.join("pre-commit-home");
    assert!(git(&work, &["init", "-q"]).status.success());
    git(&work, &["config", "user.email", "test@example.org"]);
    git(&work, &["config", "user.name", "Test"]);
    git(&work, &["config", "commit.gpgsign", "false"]);
    pc_corpus(&work);
    write(
        &work,
        ".pre-commit-config.yaml",
        &readme_precommit_config(&repo().display().to_string(), &rev),
    );
    let pre_commit = |args: &[&str]| {
        Command::new("pre-commit")
            .args(args)
            .current_dir(&work)
            .env("PRE_COMMIT_HOME", &home)
            .env_remove("GIT_DIR")
            .env_remove("GIT_INDEX_FILE")
            .output()
            .expect("pre-commit")
    };
    let installed = pre_commit(&["install"]);
    assert!(installed.status.success(), "{}", stderr(&installed));
    // pre-commit builds the hook with `cargo install`; a target folder of its
    // own (kept between runs) keeps that build cached, and apart from any
    // other build of this package.
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo().join("target"))
        .join("pre-commit-hook");
    let commit = |msg: &str| {
        git(&work, &["add", "-A"]);
        Command::new("git")
            .args(["commit", "-q", "-m", msg])
            .current_dir(&work)
            .env("PRE_COMMIT_HOME", &home)
            .env("CARGO_TARGET_DIR", &target)
            .output()
            .unwrap()
    };
    let first = commit("a clean article");
    assert!(first.status.success(), "{}{}", stdout(&first), stderr(&first));
    write(&work, "articles/b.txt", PC_B_BAD);
    let refused = commit("a conflicting figure");
    let text = format!("{}{}", stdout(&refused), stderr(&refused));
    assert!(!refused.status.success(), "the commit went through: {text}");
    assert!(
        text.contains("articles/b.txt:3:") && text.contains("figure-conflict"),
        "{text}"
    );
    assert!(text.contains("“200 officers” conflicts with"), "{text}");
    write(&work, "articles/b.txt", PC_B_GOOD);
    let clean = commit("a consistent figure");
    assert!(clean.status.success(), "{}{}", stdout(&clean), stderr(&clean));
    let log = git(&work, &["log", "--oneline"]);
    assert_eq!(String::from_utf8_lossy(&log.stdout).lines().count(), 2);
}

/// The `claimlint check` commands of the README's CI snippets produce what
/// the CI services read.
#[test]
fn readme_ci_snippets_run() {
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let section = readme.split("## Use in CI").nth(1).unwrap();
    let section = section.split("\n## ").next().unwrap();
    let commands: Vec<&str> = section
        .lines()
        .filter_map(|l| {
            l.trim_start()
                .trim_start_matches("- ")
                .strip_prefix("run: ")
                .or_else(|| {
                    let t = l.trim_start();
                    t.strip_prefix("- ").filter(|c| c.starts_with("claimlint "))
                })
        })
        .filter(|c| c.starts_with("claimlint "))
        .collect();
    assert_eq!(commands.len(), 4, "{commands:?}");
    for c in commands {
        let cmd = c.split(" > ").next().unwrap().split(" || ").next().unwrap();
        let args: Vec<&str> = cmd.split_whitespace().skip(1).collect();
        let out = run(&args);
        assert_eq!(out.status.code(), Some(1), "{cmd}");
        if cmd.contains("sarif") {
            assert_eq!(json(&out)["version"], "2.1.0");
        } else if cmd.contains("gitlab") {
            assert!(
                json(&out)
                    .as_array()
                    .unwrap()
                    .iter()
                    .all(|i| i["fingerprint"].is_string())
            );
        } else {
            assert!(!out.stdout.is_empty());
        }
    }
    assert!(section.contains("github/codeql-action/upload-sarif"));
    assert!(section.contains("codequality: gl-code-quality-report.json"));
}
