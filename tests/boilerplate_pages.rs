//! Line-level checks of boilerplate and off-topic detection on realistic test
//! pages (tests/pages/*.txt, see its README), with the built-in rules only.

use std::path::Path;

use claimlint::checks::{self, boilerplate::CorpusMemory};
use claimlint::corpus::Article;
use claimlint::extract::{ExtractOptions, Lexicon};

#[derive(Debug, Clone, Copy, PartialEq)]
enum Expect {
    Content,
    Boilerplate,
    Either,
}

/// The page's text (markers removed) and, per non-blank line, what is expected.
fn load_page(path: &Path) -> (String, Vec<(usize, Expect, String)>) {
    let raw = std::fs::read_to_string(path).unwrap();
    let mut text = String::new();
    let mut expect = Vec::new();
    for (i, line) in raw.lines().enumerate() {
        let (e, rest) = if let Some(r) = line.strip_prefix("~ ") {
            (Expect::Boilerplate, r)
        } else if let Some(r) = line.strip_prefix("? ") {
            (Expect::Either, r)
        } else {
            (Expect::Content, line)
        };
        if !rest.trim().is_empty() {
            expect.push((i, e, rest.to_string()));
        }
        text.push_str(rest);
        text.push('\n');
    }
    (text, expect)
}

/// Which lines (0-based) claimlint excludes from the article.
fn flagged_lines(name: &str, text: &str) -> Vec<bool> {
    let rules = claimlint::rules::load(&[]).unwrap();
    let lexicon = Lexicon::new(&rules);
    let article = Article::from_text(name, text.to_string());
    let (analysis, _) = checks::analyse_article(
        article,
        &rules,
        &lexicon,
        ExtractOptions::default(),
        &CorpusMemory::default(),
    );
    let mut offset = 0;
    text.split_inclusive('\n')
        .map(|line| {
            let (s, e) = (offset, offset + line.trim_end().len());
            offset += line.len();
            analysis.excluded.iter().any(|b| b.span.start < e && b.span.end > s)
        })
        .collect()
}

#[test]
fn every_page_is_classified_line_by_line() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pages");
    let mut pages: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "md"))
        .collect();
    pages.sort();
    assert!(pages.len() >= 6);
    let mut wrong = Vec::new();
    let (mut tp, mut fp, mut fneg, mut content) = (0, 0, 0, 0);
    for page in &pages {
        let name = page.file_name().unwrap().to_string_lossy().to_string();
        let (text, expect) = load_page(page);
        let flagged = flagged_lines(&name, &text);
        for (line, e, s) in expect {
            let f = flagged[line];
            match (e, f) {
                (Expect::Boilerplate, true) => tp += 1,
                (Expect::Boilerplate, false) => {
                    fneg += 1;
                    wrong.push(format!("{name}:{}: missed      {s}", line + 1));
                }
                (Expect::Content, true) => {
                    fp += 1;
                    content += 1;
                    wrong.push(format!("{name}:{}: FALSE FLAG  {s}", line + 1));
                }
                (Expect::Content, false) => content += 1,
                (Expect::Either, _) => {}
            }
        }
    }
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fneg).max(1) as f64;
    eprintln!("boilerplate lines: precision {precision:.3}, recall {recall:.3}; content lines {content}, flagged {fp}");
    assert!(
        wrong.is_empty(),
        "{} lines misjudged:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[test]
fn clean_pages_get_no_flags() {
    for name in ["clean_feature.txt", "wire_story.txt"] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pages").join(name);
        let (text, expect) = load_page(&path);
        let flagged = flagged_lines(name, &text);
        for (line, e, s) in expect {
            if e == Expect::Content {
                assert!(!flagged[line], "{name}:{}: {s}", line + 1);
            }
        }
    }
}
