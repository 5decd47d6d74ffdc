//! Bad input gets a clear error naming the file, exit code 2, never a panic;
//! the rest of the run goes on where that makes sense.

mod common;

use common::*;

fn assert_clean_error(out: &std::process::Output, needle: &str) {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(2), "stderr: {err}");
    assert!(err.contains(needle), "{needle:?} not in: {err}");
    assert!(!err.contains("panicked") && !err.contains("RUST_BACKTRACE"), "{err}");
}

#[test]
fn missing_path() {
    let out = run(&["check", "no/such/article.txt", "--no-rules"]);
    assert_clean_error(&out, "no/such/article.txt");
}

#[test]
fn empty_binary_and_non_utf8_files_are_named_and_the_rest_is_checked() {
    let dir = temp_dir("bad-files");
    std::fs::write(dir.join("empty.txt"), "").unwrap();
    std::fs::write(dir.join("binary.txt"), b"\x00\x01\x02PNG").unwrap();
    std::fs::write(dir.join("latin1.txt"), b"Caf\xe9 owners said 40 people came.\n").unwrap();
    std::fs::write(
        dir.join("good.txt"),
        "Aid arrives in Haiti\n\nDonors pledged 300 tonnes of food.\n",
    )
    .unwrap();
    let out = run_in(&dir, &["check", ".", "--no-rules", "--format", "json"], None);
    assert_clean_error(&out, "empty.txt");
    let err = stderr(&out);
    assert!(err.contains("binary.txt") && err.contains("binary"), "{err}");
    assert!(err.contains("latin1.txt:1:4") && err.contains("UTF-8"), "{err}");
    let doc = json(&out);
    assert_eq!(
        doc["summary"]["articles_checked"], 1,
        "the good article is still checked"
    );
    assert_eq!(doc["summary"]["input_errors"], 3);
}

#[test]
fn rules_with_a_yaml_syntax_error() {
    let dir = temp_dir("bad-yaml");
    std::fs::write(
        dir.join("r.yaml"),
        "claims:\n  - Kenya pledge = 1,000\n  bad: \"unterminated\n",
    )
    .unwrap();
    let out = run(&["check", "seeds", "--rules", dir.join("r.yaml").to_str().unwrap()]);
    assert_clean_error(&out, "r.yaml:");
    assert!(
        stderr(&out).contains("r.yaml:3:") || stderr(&out).contains("r.yaml:4:"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn rules_naming_an_undefined_measure() {
    let dir = temp_dir("bad-measure");
    let yaml = "entities:\n  Kenya: [Kenyan]\nmeasures:\n  pledge:\n    units: [officers]\n    cues: [pledge]\nclaims:\n  - Kenya pledge = 1,000\n  - Kenya pledged = 1,000\n";
    std::fs::write(dir.join("r.yaml"), yaml).unwrap();
    let out = run(&["check", "seeds", "--rules", dir.join("r.yaml").to_str().unwrap()]);
    assert_clean_error(&out, "r.yaml:9:");
    assert!(stderr(&out).contains("undefined measure `pledged`"));
    assert!(stderr(&out).contains("did you mean `pledge`?"));
}

#[test]
fn rules_with_an_unknown_key_or_a_bad_regex() {
    let dir = temp_dir("bad-keys");
    std::fs::write(dir.join("r.yaml"), "entities: {}\nmeasurs: {}\n").unwrap();
    let out = run(&["check", "seeds", "--rules", dir.join("r.yaml").to_str().unwrap()]);
    assert_clean_error(&out, "did you mean `measures`?");
    std::fs::write(
        dir.join("r.yaml"),
        "boilerplate:\n  trailer:\n    pattern: '(unclosed'\n",
    )
    .unwrap();
    let out = run(&["check", "seeds", "--rules", dir.join("r.yaml").to_str().unwrap()]);
    assert_clean_error(&out, "r.yaml:2:");
    assert!(stderr(&out).contains("`trailer`"));
}

#[test]
fn missing_rules_path() {
    let out = run(&["check", "seeds", "--rules", "no/such/rules"]);
    assert_clean_error(&out, "no/such/rules");
}

#[test]
fn unknown_subcommand_or_flag_is_a_usage_error() {
    let out = run(&["check", "--frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn stdin_article() {
    let out = run_in(
        &repo(),
        &["check", "-", "--no-rules", "--format", "json"],
        Some("Aid arrives\n\nThe same caption repeats here for all to see.\nThe same caption repeats here for all to see.\n".as_bytes()),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let doc = json(&out);
    // The undated article also gets `metadata`; the repeat is what matters here.
    let dup = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "duplicate-paragraph")
        .expect("duplicate-paragraph");
    assert_eq!(dup["file"], "-");
}

#[test]
fn checks_never_modify_the_articles() {
    let before: Vec<Vec<u8>> = std::fs::read_dir(repo().join("seeds"))
        .unwrap()
        .map(|e| std::fs::read(e.unwrap().path()).unwrap())
        .collect();
    let _ = run(&["check"]);
    let after: Vec<Vec<u8>> = std::fs::read_dir(repo().join("seeds"))
        .unwrap()
        .map(|e| std::fs::read(e.unwrap().path()).unwrap())
        .collect();
    assert_eq!(before, after);
}

/// Regression (issue 25): a rules or configuration file with bare-CR line
/// breaks whose last character is not ASCII panicked while placing the error.
#[test]
fn bare_cr_rules_and_configs_get_an_error_not_a_panic() {
    let dir = temp_dir("bare-cr");
    std::fs::write(dir.join("r.yaml"), b"\r\xd9\x8c").unwrap();
    std::fs::write(dir.join("a.txt"), "Donors pledged 300 tonnes of food.\n").unwrap();
    for args in [
        &["check", "a.txt", "--rules", "r.yaml"][..],
        &["check", "a.txt", "--config", "r.yaml"],
        &["config", "--config", "r.yaml"],
        &["test", "r.yaml"],
        &["extract", "a.txt", "--rules", "r.yaml"],
    ] {
        let out = run_in(&dir, args, None);
        assert_clean_error(&out, "r.yaml:2:1");
    }
    // Classic-Mac line ends: the header and the snippet name one place.
    std::fs::write(dir.join("m.yaml"), "entities:\r  Kenya: [Kenyan]\r  bad key here\r").unwrap();
    let out = run_in(&dir, &["check", "a.txt", "--rules", "m.yaml"], None);
    assert_clean_error(&out, "m.yaml:");
}

/// Regression (issue 24): with standard error closed (`check 2>&1 | head -1`)
/// an error path panicked and exited 101.
#[test]
fn a_closed_standard_error_ends_the_run_with_its_exit_code_not_a_panic() {
    for args in [
        &["check", "no/such/article.txt", "seeds"][..],
        &["check", "seeds", "--select", "no-such-rule"],
    ] {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let status = std::process::Command::new(env!("CARGO_BIN_EXE_claimlint"))
            .args(args)
            .current_dir(repo())
            .stdout(std::process::Stdio::null())
            .stderr(writer)
            .status()
            .unwrap();
        assert_eq!(status.code(), Some(2), "{args:?}");
    }
}
