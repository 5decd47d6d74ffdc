//! The text-quality rules from the command line: on the seeds, on a test
//! corpus of our own, and in `claimlint rules` / `explain`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Command;

const QUALITY_RULES: &[&str] = &[
    "encoding",
    "spacing",
    "garbled",
    "unbalanced",
    "truncated",
    "metadata",
    "duplicate-article",
    "name-variant",
];

fn claimlint(args: &[&str]) -> (String, i32) {
    let out = Command::new(env!("CARGO_BIN_EXE_claimlint"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("CLAIMLINT_TODAY", "2025-06-01")
        .output()
        .expect("run claimlint");
    (
        String::from_utf8(out.stdout).expect("utf-8"),
        out.status.code().unwrap_or(-1),
    )
}

/// (file, rule, quoted text) of every finding of `rules`.
fn findings(args: &[&str], rules: &[&str]) -> Vec<(String, String, String)> {
    let mut full = vec!["check", "--format", "json"];
    full.extend_from_slice(args);
    let (stdout, _) = claimlint(&full);
    let doc: serde_json::Value = serde_json::from_str(&stdout).expect("json");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    doc["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| rules.contains(&d["rule"].as_str().unwrap_or("")))
        .map(|d| {
            let file = d["file"].as_str().unwrap().to_string();
            let text = std::fs::read_to_string(root.join(&file)).expect("read");
            let (s, e) = (
                d["span"]["start"].as_u64().unwrap() as usize,
                d["span"]["end"].as_u64().unwrap() as usize,
            );
            let name = file.rsplit('/').next().unwrap().to_string();
            (name, d["rule"].as_str().unwrap().to_string(), text[s..e].to_string())
        })
        .collect()
}

#[test]
fn seeds_get_exactly_the_expected_quality_findings() {
    let found = findings(&["seeds", "--rules", "rules"], QUALITY_RULES);
    let got: Vec<(&str, &str, &str)> = found
        .iter()
        .map(|(f, r, q)| (&f[..3], r.as_str(), q.lines().next().unwrap_or("")))
        .collect();
    let first_line = |n: &str| {
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds").join(n))
            .unwrap()
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap()
            .trim()
            .to_string()
    };
    let t000 = first_line("000_f75d49937cfe62c6.txt");
    let t001 = first_line("001_b6891b92f0d5e6d3.txt");
    let t004 = first_line("004_3c46dd42f4049e2d.txt");
    let expected: Vec<(&str, &str, &str)> = vec![
        ("000", "metadata", t000.as_str()),
        ("000", "spacing", " ."),
        ("000", "garbled", "white The head"),
        ("000", "spacing", "$ 300"),
        ("000", "name-variant", "Moses"),
        ("000", "garbled", "Libya and Libya"),
        ("001", "metadata", t001.as_str()),
        ("002", "spacing", "pictureThe"),
        (
            "002",
            "metadata",
            "US, Kenyan and Haitian officials meet on sidelines to discuss security mission to Haiti",
        ),
        ("002", "spacing", "views0"),
        // A stray closing quotation mark: "the deployment of a mission” to help".
        ("003", "unbalanced", "”"),
        ("004", "metadata", t004.as_str()),
    ];
    assert_eq!(got, expected);
}

#[test]
fn name_variants_are_found_without_rules() {
    let found = findings(
        &["--no-rules", "--isolated", "tests/corpora/variants"],
        &["name-variant"],
    );
    assert_eq!(
        found,
        [("trial.txt".to_string(), "name-variant".to_string(), "Moise".to_string())]
    );
}

#[test]
fn quality_corpus_gets_exactly_its_defects() {
    let all = [
        "claim-mismatch",
        "claim-agrees",
        "figure-conflict",
        "boilerplate",
        "duplicate-paragraph",
        "encoding",
        "spacing",
        "garbled",
        "unbalanced",
        "truncated",
        "metadata",
        "duplicate-article",
        "name-variant",
    ];
    let found = findings(&["--no-rules", "--isolated", "tests/corpora/quality"], &all);
    let mut by_file: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for f in std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpora/quality")).unwrap() {
        by_file
            .entry(f.unwrap().file_name().to_string_lossy().into_owned())
            .or_default();
    }
    for (file, rule, _) in &found {
        by_file.get_mut(file).expect("known file").insert(rule.clone());
    }
    let set = |ids: &[&str]| ids.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>();
    let expected: BTreeMap<String, BTreeSet<String>> = [
        ("clean_concert.md", set(&[])),
        ("clean_election.txt", set(&[])),
        ("clean_harbour.txt", set(&[])),
        ("mojibake.txt", set(&["encoding"])),
        ("storm_original.txt", set(&[])),
        ("storm_syndicated.txt", set(&["duplicate-article"])),
        ("truncated.txt", set(&["truncated"])),
    ]
    .into_iter()
    .map(|(f, s)| (f.to_string(), s))
    .collect();
    assert_eq!(by_file, expected, "{found:#?}");
    // The copy points at the original.
    let (stdout, _) = claimlint(&[
        "check",
        "--format",
        "json",
        "--no-rules",
        "--isolated",
        "tests/corpora/quality",
    ]);
    let doc: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let dup = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "duplicate-article")
        .unwrap();
    assert_eq!(dup["related"][0]["file"], "tests/corpora/quality/storm_original.txt");
}

#[test]
fn rules_and_explain_document_every_quality_rule() {
    let (list, code) = claimlint(&["rules"]);
    assert_eq!(code, 0);
    for id in QUALITY_RULES {
        assert!(
            list.lines().any(|l| l.contains(id)),
            "{id} missing from `claimlint rules`:\n{list}"
        );
        let (doc, code) = claimlint(&["explain", id]);
        assert_eq!(code, 0, "explain {id}");
        assert!(doc.contains("**Why:**") || doc.contains("Why"), "explain {id}:\n{doc}");
        assert!(doc.len() > 300, "explain {id} is too short");
    }
}
