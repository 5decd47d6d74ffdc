//! `claimlint report` on the shipped corpus, as an editor runs it.

use std::path::{Path, PathBuf};
use std::process::Command;

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn out_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn report(args: &[&str]) -> (String, i32) {
    let out = Command::new(env!("CARGO_BIN_EXE_claimlint"))
        .current_dir(repo())
        .arg("report")
        .args(args)
        .output()
        .unwrap();
    (String::from_utf8(out.stdout).unwrap(), out.status.code().unwrap_or(-1))
}

/// The element (from its opening tag to its matching close) that carries `marker`.
fn section<'a>(html: &'a str, marker: &str) -> &'a str {
    let at = html.find(marker).unwrap_or_else(|| panic!("{marker} not found"));
    let start = html[..at].rfind("<section").unwrap();
    let end = at + html[at..].find("</section>").unwrap();
    &html[start..end]
}

#[test]
fn html_report_is_one_self_contained_file() {
    let dir = out_dir("report_cli");
    let path = dir.join("report.html");
    let (stdout, code) = report(&["-o", path.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(stdout.is_empty(), "with -o nothing goes to standard output");
    let html = std::fs::read_to_string(&path).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    // Nothing to fetch: no external scripts, styles, images or links.
    let attr = regex::Regex::new(r#"(?i)\b(src|href)\s*=\s*["']?([^"'\s>]*)"#).unwrap();
    for c in attr.captures_iter(&html) {
        let url = &c[2];
        assert!(url.starts_with('#'), "non-local {}={url}", &c[1]);
    }
    assert!(!html.contains("<link"), "stylesheets are inline");
    // Deterministic: the same bytes twice.
    let (again, _) = report(&[]);
    assert_eq!(again, html);
}

#[test]
fn html_report_shows_the_seed_claims_conflicts_and_boilerplate() {
    let (html, _) = report(&[]);
    // Kenya pledge = 1,000 agrees in 002 and 003, nowhere else.
    let row = section_row(&html, "Kenya pledge = 1,000");
    let cells: Vec<&str> = row.split("<td ").skip(1).collect();
    assert_eq!(cells.len(), 5, "one column per article");
    let agreeing: Vec<&str> = cells
        .iter()
        .filter(|c| c.contains("data-state=\"agrees\""))
        .map(|c| {
            if c.contains("1,000 members") {
                "002"
            } else if c.contains("1,000 police officers") {
                "003"
            } else {
                "?"
            }
        })
        .collect();
    assert_eq!(agreeing.len(), 2);
    assert!(agreeing.contains(&"002") && agreeing.contains(&"003"), "{agreeing:?}");

    // The conflict over Kenya's deployment: 400 and about 380, with their quotes.
    let group = section(&html, "data-title=\"Kenya deployed\"");
    assert!(group.contains("400 Kenyan police have been deployed"), "{group}");
    assert!(group.contains("about 380 officers"), "{group}");
    assert!(group.contains("▲ outlier") && group.contains("● majority"));
    assert!(group.contains("<svg"), "a chart of the values");

    // 003's recommended stories are shaded as boilerplate.
    let article = html
        .split("<article class=\"doc\"")
        .skip(1)
        .find(|a| a.contains("003_ac38af42c4f4787d.txt"))
        .unwrap();
    let shaded = article
        .find("<span class=\"bp\" data-kind=\"related-links\"")
        .expect("a shaded block");
    assert!(article[shaded..].contains("Recommended Stories"));
}

fn section_row<'a>(html: &'a str, claim: &str) -> &'a str {
    let at = html.find(&format!("<code>{claim}</code>")).unwrap();
    let start = html[..at].rfind("<tr").unwrap();
    let end = at + html[at..].find("</tr>").unwrap();
    &html[start..end]
}

#[test]
fn markdown_report_has_the_same_overview_and_matrix() {
    let (md, code) = report(&["--format", "markdown"]);
    assert_eq!(code, 0);
    let (html, _) = report(&[]);
    for heading in ["## Overview", "## Claims matrix", "## Conflicts", "### Kenya deployed"] {
        assert!(md.contains(heading), "{heading} missing:\n{md}");
    }
    // The overview counts are the HTML page's.
    let json = Command::new(env!("CARGO_BIN_EXE_claimlint"))
        .current_dir(repo())
        .args(["check", "--format", "json"])
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let s = &doc["summary"];
    let plural = |n: &serde_json::Value, word: &str| {
        if n.as_u64() == Some(1) {
            word.to_string()
        } else {
            format!("{word}s")
        }
    };
    let line = format!(
        "**{}** {} checked · ✖ **{}** {} · ⚠ **{}** {} · ℹ **{}** info",
        s["articles_checked"],
        plural(&s["articles_checked"], "article"),
        s["errors"],
        plural(&s["errors"], "error"),
        s["warnings"],
        plural(&s["warnings"], "warning"),
        s["infos"]
    );
    assert!(md.contains(&line), "{line}\n{md}");
    for (n, word) in [
        (&s["articles_checked"], "article"),
        (&s["errors"], "error"),
        (&s["warnings"], "warning"),
    ] {
        let card = format!("<span class=\"n\">{n}</span> ");
        let at = html.find(&card).unwrap_or_else(|| panic!("no card {card}"));
        let label = &html[at + card.len()..];
        let label = &label[..label.find("</li>").unwrap()];
        assert!(
            label.ends_with(&plural(n, word)) || label.contains(&format!("{} checked", plural(n, word))),
            "{label}"
        );
    }
    // A matrix row per claim, a column per article, and the seeds' verdicts.
    let rows: Vec<&str> = md
        .lines()
        .filter(|l| l.starts_with("| `Kenya") || l.starts_with("| `Haiti"))
        .collect();
    assert_eq!(rows.len(), 3, "{md}");
    let pledge = rows.iter().find(|r| r.starts_with("| `Kenya pledge = 1,000`")).unwrap();
    assert_eq!(pledge.matches("✔ agrees").count(), 2, "{pledge}");
    assert_eq!(
        pledge.split(" | ").count(),
        7,
        "claim, status and five articles: {pledge}"
    );
    let deployed = md.split("### Kenya deployed").nth(1).unwrap();
    assert!(deployed.contains("**400** | ● majority") && deployed.contains("**about 380** | ▲ outlier"));
}

#[test]
fn an_unwritable_output_is_a_clear_error() {
    let dir = out_dir("report_cli_unwritable");
    // A folder cannot be written as a file.
    let out = Command::new(env!("CARGO_BIN_EXE_claimlint"))
        .current_dir(repo())
        .args(["report", "-o"])
        .arg(&dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("cannot write") && stderr.contains("report_cli_unwritable"),
        "{stderr}"
    );
}
