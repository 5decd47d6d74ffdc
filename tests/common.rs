//! Helpers shared by the CLI tests: run the binary, parse its JSON.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs claimlint in `dir` with `args`, feeding `stdin`.
pub fn run_in(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_claimlint"));
    cmd.args(args).current_dir(dir).env("NO_COLOR", "1");
    cmd.stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() });
    cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("run claimlint");
    if let Some(input) = stdin {
        use std::io::Write;
        child.stdin.take().unwrap().write_all(input).unwrap();
    }
    child.wait_with_output().unwrap()
}

pub fn run(args: &[&str]) -> Output {
    run_in(&repo(), args, None)
}

pub fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("invalid JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)))
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The diagnostics of `rule`, as (file suffix, quoted text) pairs.
pub fn findings(
    doc: &serde_json::Value,
    rule: &str,
    text_of: impl Fn(&str, usize, usize) -> String,
) -> Vec<(String, String)> {
    doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == rule)
        .map(|d| {
            let file = d["file"].as_str().unwrap().to_string();
            let s = d["span"]["start"].as_u64().unwrap() as usize;
            let e = d["span"]["end"].as_u64().unwrap() as usize;
            let quote = text_of(&file, s, e);
            (file, quote)
        })
        .collect()
}

pub fn slice(file: &str, start: usize, end: usize) -> String {
    let text = std::fs::read(repo().join(file)).unwrap();
    String::from_utf8_lossy(&text[start..end]).into_owned()
}

pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("claimlint-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The first diagnostic of `rule` in a JSON document.
pub fn first<'a>(doc: &'a serde_json::Value, rule: &str) -> &'a serde_json::Value {
    doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == rule)
        .unwrap_or_else(|| panic!("no {rule} finding"))
}

/// The text a diagnostic (or a related location) points at.
pub fn quote_of(location: &serde_json::Value) -> String {
    slice(
        location["file"].as_str().unwrap(),
        location["span"]["start"].as_u64().unwrap() as usize,
        location["span"]["end"].as_u64().unwrap() as usize,
    )
}
