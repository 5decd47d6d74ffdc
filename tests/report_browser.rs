//! The seeds' report opened in a real browser (headless Chromium): the DOM
//! after the page's script ran, console errors, and a screenshot.
//!
//! Skips, with a message, when no Chromium is installed; `.ci/run` installs
//! Debian's `chromium`. `CHROMIUM=/path/to/chrome` picks another binary.
//! `CLAIMLINT_SCREENSHOT=docs/report.png` also saves the screenshot there.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]
        .iter()
        .flat_map(|name| std::env::split_paths(&path).map(move |dir| dir.join(name)))
        .find(|p| p.is_file())
}

/// Runs the browser on `url` with `args`, its output to files; kills it after two minutes.
fn browse(browser: &Path, dir: &Path, name: &str, args: &[String], url: &str) -> (String, String) {
    let (stdout, stderr) = (dir.join(format!("{name}.out")), dir.join(format!("{name}.err")));
    let profile = dir.join(format!("profile-{name}"));
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--hide-scrollbars",
            "--enable-logging=stderr",
            "--v=0",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(url)
        .stdin(Stdio::null())
        .stdout(File::create(&stdout).unwrap())
        .stderr(File::create(&stderr).unwrap())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {}: {e}", browser.display()));
    let start = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if start.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{} did not finish in two minutes", browser.display());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let read = |p: &Path| String::from_utf8_lossy(&std::fs::read(p).unwrap_or_default()).into_owned();
    (read(&stdout), read(&stderr))
}

/// Console messages that report an error in the page.
fn console_errors(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter(|l| l.contains(":CONSOLE") && (l.contains("Uncaught") || l.contains("Error")))
        .collect()
}

fn section<'a>(html: &'a str, marker: &str) -> &'a str {
    let at = html.find(marker).unwrap_or_else(|| panic!("{marker} not in the DOM"));
    let start = html[..at].rfind("<section").unwrap();
    let end = at + html[at..].find("</section>").unwrap();
    &html[start..end]
}

#[test]
fn seeds_report_renders_in_headless_chromium() {
    let Some(browser) = chromium() else {
        eprintln!(
            "SKIPPED report_browser: no chromium on PATH (install Debian's `chromium`, as .ci/run does, or set CHROMIUM)"
        );
        return;
    };
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("report_browser-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let html_path = dir.join("report.html");
    let status = Command::new(env!("CARGO_BIN_EXE_claimlint"))
        .current_dir(repo)
        .args(["report", "-o"])
        .arg(&html_path)
        .status()
        .unwrap();
    assert!(status.success());
    let url = format!("file://{}", html_path.canonicalize().unwrap().display());

    // The DOM after the page's script ran.
    let (dom, log) = browse(&browser, &dir, "dom", &["--dump-dom".to_string()], &url);
    assert!(dom.contains("<html"), "no DOM from {}:\n{log}", browser.display());
    let errors = console_errors(&log);
    assert!(errors.is_empty(), "console errors:\n{}", errors.join("\n"));
    assert!(dom.contains("data-ready=\"yes\""), "the page's script did not finish");
    assert!(dom.contains("class=\"js\""), "filters are switched on by the script");
    let shown = regex::Regex::new(r"Showing (\d+) of (\d+) findings\.").unwrap();
    let c = shown.captures(&dom).expect("the filter summary");
    assert_eq!(c[1], c[2], "nothing filtered out by default");

    // A matrix row per claim of the rules.
    let rules = claimlint::rules::load(&[repo.join("rules")]).unwrap();
    assert_eq!(dom.matches("<tr class=\"claim-row\"").count(), rules.claims.len());
    for claim in &rules.claims {
        assert!(
            dom.contains(&format!("<code>{}</code>", claim.spec.text)),
            "{}",
            claim.spec.text
        );
    }

    // The 380-vs-400 conflict, with both quotes.
    let group = section(&dom, "data-title=\"Kenya deployed\"");
    assert!(group.contains("“400 Kenyan police have been deployed”"), "{group}");
    assert!(group.contains("about 380 officers”"), "{group}");

    // The screenshot.
    let png = dir.join("report.png");
    let _ = std::fs::remove_file(&png);
    let (_, log) = browse(
        &browser,
        &dir,
        "shot",
        &[
            format!("--screenshot={}", png.display()),
            "--window-size=1280,2000".to_string(),
        ],
        &url,
    );
    let bytes = std::fs::read(&png).unwrap_or_else(|e| panic!("no screenshot ({e}):\n{log}"));
    assert!(
        bytes.starts_with(b"\x89PNG\r\n\x1a\n") && bytes.len() > 10_000,
        "not a screenshot"
    );
    if let Some(keep) = std::env::var_os("CLAIMLINT_SCREENSHOT") {
        std::fs::copy(&png, repo.join(keep)).unwrap();
    }
}
