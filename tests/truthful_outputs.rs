//! What makes the exit code is in the output (issue 24).

mod common;

use common::*;

#[test]
fn fail_on_info_shows_the_info_findings_that_make_the_exit_code() {
    let dir = temp_dir("fail-on-info");
    std::fs::write(
        dir.join("a.txt"),
        "date 2024-01-01\nKenya pledges police\n\nKenya pledged 1,000 police officers to Haiti.\n",
    )
    .unwrap();
    let rules = repo().join("rules");
    let rules = rules.to_str().unwrap();
    for format in ["concise", "human"] {
        let out = run_in(
            &dir,
            &[
                "check",
                "a.txt",
                "--rules",
                rules,
                "--fail-on",
                "info",
                "--format",
                format,
                "--color",
                "never",
            ],
            None,
        );
        let text = String::from_utf8_lossy(&out.stdout).to_string();
        assert_eq!(out.status.code(), Some(1), "{text}");
        assert!(
            text.contains("claim-agrees"),
            "{format}: the finding behind exit 1 is shown: {text}"
        );
    }
    // Without it the confirmation is counted in the summary, not listed, and the exit is 0.
    let out = run_in(&dir, &["check", "a.txt", "--rules", rules, "--format", "concise"], None);
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(
        !text.contains("claim-agrees") && text.contains("1 claim confirmed"),
        "{text}"
    );
}

/// Regression (issue 24, item 8): `init` then `check` exited 2, `articles/` missing.
#[test]
fn init_then_check_runs_on_a_fresh_folder() {
    let dir = temp_dir("init-then-check");
    assert!(run_in(&dir, &["init"], None).status.success());
    assert!(dir.join("articles").is_dir());
    let out = run_in(&dir, &["check"], None);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
}

/// Regression (issue 24, item 6): `extract - --stdin-filename NAME` was rejected.
#[test]
fn extract_reads_standard_input_under_a_name_as_check_does() {
    let out = run_in(
        &repo(),
        &["extract", "-", "--stdin-filename", "desk/story.txt", "--no-rules"],
        Some(b"Kenya sent 400 police officers.\n"),
    );
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let line = String::from_utf8_lossy(&out.stdout)
        .lines()
        .next()
        .unwrap_or_default()
        .to_string();
    let v: serde_json::Value = serde_json::from_str(&line).unwrap();
    assert_eq!(
        (v["file"].as_str(), v["text"].as_str()),
        (Some("desk/story.txt"), Some("400"))
    );
}

/// Issue 24, item 10: a claim repeated, or one quantity claimed with two values.
#[test]
fn repeated_and_contradictory_claims_are_rules_errors() {
    for (second, word) in [
        ("Kenya pledge = 1,000", "repeats"),
        ("Kenya pledge = 900", "contradicts"),
    ] {
        let dir = temp_dir("claims-twice");
        let rules = format!(
            "entities:\n  Kenya: [Kenyan]\nmeasures:\n  pledge:\n    units: [police]\n    cues: [pledge]\nclaims:\n  - Kenya pledge = 1,000\n  - {second}\n"
        );
        std::fs::write(dir.join("r.yaml"), rules).unwrap();
        std::fs::write(dir.join("a.txt"), "Kenya pledged 1,000 police.\n").unwrap();
        let out = run_in(&dir, &["check", "a.txt", "--rules", "r.yaml"], None);
        let err = String::from_utf8_lossy(&out.stderr).to_string();
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(
            err.contains("r.yaml:9:") && err.contains(word) && err.contains("r.yaml:8"),
            "{err}"
        );
    }
}
