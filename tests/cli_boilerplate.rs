//! The boilerplate acceptance on the seeds with no rules at all, `claimlint
//! clean`, JSON kinds, corpus memory and the built-in layer's overrides.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

fn claimlint(args: &[&str]) -> (String, String, i32) {
    let out = Command::new(env!("CARGO_BIN_EXE_claimlint"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        out.status.code().unwrap_or(-1),
    )
}

/// A fresh temporary folder for one test.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("claimlint-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

struct Finding {
    file: String,
    rule: String,
    kind: Option<String>,
    lines: std::ops::RangeInclusive<usize>,
}

fn findings(json: &str) -> Vec<Finding> {
    let doc: serde_json::Value = serde_json::from_str(json).unwrap();
    doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| matches!(d["rule"].as_str(), Some("boilerplate" | "off-topic")))
        .map(|d| {
            let file = d["file"].as_str().unwrap().to_string();
            let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(&file))
                .or_else(|_| std::fs::read_to_string(&file))
                .unwrap();
            let line_of = |off: u64| text[..off as usize].matches('\n').count() + 1;
            let end = d["span"]["end"].as_u64().unwrap();
            Finding {
                file,
                rule: d["rule"].as_str().unwrap().to_string(),
                kind: d["kind"].as_str().map(str::to_string),
                lines: line_of(d["span"]["start"].as_u64().unwrap())..=line_of(end.saturating_sub(1)),
            }
        })
        .collect()
}

#[test]
fn seeds_with_an_empty_rules_folder() {
    let empty = temp_dir("empty-rules");
    let (out, err, _) = claimlint(&["check", "seeds", "--rules", empty.to_str().unwrap(), "--format", "json"]);
    assert!(err.is_empty(), "{err}");
    let found = findings(&out);
    let flagged = |file: &str| -> BTreeSet<usize> {
        found
            .iter()
            .filter(|f| f.file.contains(file))
            .flat_map(|f| f.lines.clone())
            .collect()
    };
    // (file, lines that must be flagged, lines that may be flagged: furniture
    // the acceptance does not name). Every other line is news text.
    let expected: &[(&str, Vec<usize>, Vec<usize>)] = &[
        ("000_", vec![47, 49, 51, 54], vec![48, 50, 52, 53]),
        ("001_", vec![], vec![]),
        ("002_", vec![1, 2, 34, 35], vec![8]),
        ("003_", [4].into_iter().chain(60..=140).collect(), vec![3, 5, 6]),
        ("004_", (43..=47).collect(), vec![]),
    ];
    for (file, must, may) in expected {
        let got = flagged(file);
        for l in must {
            assert!(got.contains(l), "{file}: line {l} not flagged; flagged {got:?}");
        }
        for l in &got {
            assert!(must.contains(l) || may.contains(l), "{file}: news line {l} flagged");
        }
    }
    for f in &found {
        assert!(f.kind.is_some(), "{}:{:?} ({}) has no kind", f.file, f.lines, f.rule);
    }
    let kind_at = |file: &str, line: usize| {
        found
            .iter()
            .find(|f| f.file.contains(file) && f.lines.contains(&line))
            .and_then(|f| f.kind.clone())
    };
    assert_eq!(kind_at("003_", 60).as_deref(), Some("related-links"));
    assert_eq!(kind_at("002_", 34).as_deref(), Some("counter"));
    assert_eq!(kind_at("000_", 47).as_deref(), Some("bio"));
    assert_eq!(kind_at("000_", 54).as_deref(), Some("comments"));
    assert_eq!(kind_at("004_", 43).as_deref(), Some("sources"));
}

#[test]
fn clean_keeps_the_news_text_byte_for_byte() {
    let path = "seeds/003_ac38af42c4f4787d.txt";
    let (out, err, code) = claimlint(&["clean", path, "--no-rules"]);
    assert_eq!(code, 0, "{err}");
    let original = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap();
    let lines: Vec<&str> = original.split_inclusive('\n').collect();
    // What is kept is the original's lines, in order, unchanged.
    let mut it = lines.iter();
    for kept in out.split_inclusive('\n') {
        assert!(it.any(|l| *l == kept), "changed or reordered: {kept:?}");
    }
    assert!(out.starts_with(lines[0]));
    for news in &lines[7..58] {
        assert!(out.contains(news), "news line dropped: {news}");
    }
    for furniture in ["·7 min read", "Recommended Stories", "Uber", "Fantasy Basketball"] {
        assert!(!out.contains(furniture), "{furniture} kept");
    }
    let (marked, _, _) = claimlint(&["clean", path, "--no-rules", "--mark"]);
    assert!(marked.contains("[- ui] ·7 min read"), "{marked}");
    assert!(marked.contains("[- related-links] Recommended Stories"));
    assert_eq!(marked.lines().count(), original.lines().count());
}

#[test]
fn clean_reports_a_missing_file() {
    let (_, err, code) = claimlint(&["clean", "no/such/article.txt", "--no-rules"]);
    assert_eq!(code, 2);
    assert!(err.contains("no/such/article.txt"), "{err}");
}

#[test]
fn explain_lists_the_kinds() {
    let (out, _, code) = claimlint(&["explain", "boilerplate"]);
    assert_eq!(code, 0);
    // Every kind the code can emit, read from the code itself.
    for kind in claimlint::checks::boilerplate::KINDS
        .iter()
        .filter(|k| **k != "off-topic")
    {
        assert!(out.contains(&format!("`{kind}`")), "{kind} undocumented");
    }
}

/// Three unrelated local stories: (title, first paragraph).
const STORIES: [(&str, &str); 3] = [
    (
        "Harbour dredging begins",
        "Dredgers began deepening the harbour channel on Monday, a project expected to take two years.",
    ),
    (
        "School meals get cheaper",
        "The county will cut the price of school lunches by a third from September, officials said on Friday.",
    ),
    (
        "Bus route 9 to be extended",
        "Route 9 will run to the new hospital from next month, the transport authority said in a statement.",
    ),
];

#[test]
fn a_line_recurring_across_the_corpus_is_site_furniture() {
    let dir = temp_dir("memory");
    for (name, (title, body)) in ["a.txt", "b.txt", "c.txt"].into_iter().zip(STORIES) {
        let text = format!(
            "{title}\n\nThe Lakeside Ledger Morning Edition\n\n{body}\n\nIt is the first such change in a decade, officials said.\n"
        );
        std::fs::write(dir.join(name), text).unwrap();
    }
    let (out, err, _) = claimlint(&["check", dir.to_str().unwrap(), "--no-rules", "--format", "json"]);
    assert!(err.is_empty(), "{err}");
    let found = findings(&out);
    assert_eq!(found.len(), 3, "one per article");
    for f in &found {
        assert_eq!(f.kind.as_deref(), Some("site-furniture"));
        assert_eq!(f.lines, 3..=3);
    }
    // Two articles are not enough.
    std::fs::remove_file(dir.join("c.txt")).unwrap();
    let (out, _, _) = claimlint(&["check", dir.to_str().unwrap(), "--no-rules", "--format", "json"]);
    assert!(findings(&out).is_empty());
}

#[test]
fn the_date_line_of_stories_of_one_day_is_not_furniture() {
    // Regression: the metadata line "date 2024-05-14" recurs in every story
    // of that day, and was reported as site furniture in each.
    let dir = temp_dir("shared-date");
    for (i, (title, body)) in STORIES.iter().enumerate() {
        let text =
            format!("date 2024-05-14\n{title}\n\n{body}\n\nIt is the first such change in a decade, officials said.\n");
        std::fs::write(dir.join(format!("{i}.txt")), text).unwrap();
    }
    let (out, err, _) = claimlint(&["check", dir.to_str().unwrap(), "--no-rules", "--format", "json"]);
    assert!(err.is_empty(), "{err}");
    let found = findings(&out);
    assert!(
        found.is_empty(),
        "{:?}",
        found.iter().map(|f| (&f.file, &f.lines)).collect::<Vec<_>>()
    );
}

#[test]
fn a_title_or_a_quote_shared_by_several_stories_is_not_furniture() {
    let dir = temp_dir("shared-title");
    let bodies = [
        "Police said the suspect was arrested at a checkpoint north of the city on Friday night.",
        "The court adjourned the hearing until next month after the defence asked for more time.",
        "Prosecutors said they would seek the maximum sentence, citing the gravity of the offence.",
    ];
    for (i, body) in bodies.iter().enumerate() {
        let text = format!(
            "Suspect in bank robbery case appears in court\n\n{body}\n\n\u{201c}We will not be intimidated,\u{201d} she said.\n\nThe case has drawn wide attention in the region since the robbery in March.\n"
        );
        std::fs::write(dir.join(format!("{i}.txt")), text).unwrap();
    }
    let (out, err, _) = claimlint(&["check", dir.to_str().unwrap(), "--no-rules", "--format", "json"]);
    assert!(err.is_empty(), "{err}");
    let found = findings(&out);
    assert!(
        found.is_empty(),
        "{:?}",
        found.iter().map(|f| (&f.file, &f.lines)).collect::<Vec<_>>()
    );
}

#[test]
fn project_rules_extend_replace_and_switch_off_built_in_patterns() {
    let dir = temp_dir("override");
    let rules = dir.join("rules.yaml");
    std::fs::write(
        &rules,
        "boilerplate:\n  counter:\n    pattern: 'x'\n    enabled: false\n  promo:\n    pattern: '^The Kenyan Foreign Ministry'\n    kind: promo\n",
    )
    .unwrap();
    let file = "seeds/002_39cc62fb1831a831.txt";
    let (out, err, _) = claimlint(&["check", file, "--rules", rules.to_str().unwrap(), "--format", "json"]);
    assert!(err.is_empty(), "{err}");
    let found = findings(&out);
    assert!(!found.iter().any(|f| f.lines.contains(&34)), "counter switched off");
    assert!(
        found.iter().any(|f| f.lines.contains(&35)),
        "other built-ins still apply"
    );
    assert!(
        found
            .iter()
            .any(|f| f.kind.as_deref() == Some("promo") && f.lines.contains(&24))
    );
}
