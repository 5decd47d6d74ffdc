//! A snapshot of the default human output on the shipped corpus: the miette
//! reports (file:line:col, snippet, labels, help) and the summary line.

mod common;

use common::*;

#[test]
fn human_output_on_the_seeds() {
    let out = run(&["check", "--color", "never"]);
    assert_eq!(out.status.code(), Some(1));
    insta::assert_snapshot!(String::from_utf8(out.stdout).unwrap());
}

#[test]
fn verbose_shows_confirmed_claims() {
    let quiet = String::from_utf8(run(&["check", "--color", "never"]).stdout).unwrap();
    let verbose = String::from_utf8(run(&["check", "--color", "never", "--verbose"]).stdout).unwrap();
    assert!(!quiet.contains("claim-agrees"));
    assert!(verbose.contains("claim-agrees") && verbose.contains("confirms the claim"));
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let plain = run(&["check"]).stdout;
    assert!(!plain.contains(&0x1b), "no escape codes when piped");
    let coloured = run(&["check", "--color", "always"]).stdout;
    assert!(coloured.contains(&0x1b));
}
