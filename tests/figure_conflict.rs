//! `figure-conflict` through the command line: on the shipped seeds with no
//! rules at all, with the shipped rules, and on documents of our own.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn run(args: &[&str]) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_claimlint"))
        .current_dir(root())
        .args(args)
        .args(["--format", "json", "--color", "never"])
        .output()
        .expect("run claimlint");
    let stdout = String::from_utf8(out.stdout).expect("utf-8");
    serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}"))
}

fn diagnostics<'a>(report: &'a Value, rule: &str) -> Vec<&'a Value> {
    report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["rule"] == rule)
        .collect()
}

/// The text of a diagnostic's span, read back from its file.
fn quoted(d: &Value) -> String {
    let file = d["file"].as_str().unwrap();
    let path = if Path::new(file).is_absolute() {
        PathBuf::from(file)
    } else {
        root().join(file)
    };
    let text = std::fs::read_to_string(path).unwrap();
    let (s, e) = (d["span"]["start"].as_u64().unwrap(), d["span"]["end"].as_u64().unwrap());
    text[s as usize..e as usize].to_string()
}

struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("claimlint-fc-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }
    fn write(&self, name: &str, text: &str) -> String {
        let p = self.0.join(name);
        std::fs::write(&p, text).unwrap();
        p.to_string_lossy().into_owned()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn with_no_rules_the_kenyan_deployment_conflicts() {
    let r = run(&["check", "seeds/004_3c46dd42f4049e2d.txt", "--no-rules"]);
    let c = diagnostics(&r, "figure-conflict");
    assert_eq!(c.len(), 1, "{c:#?}");
    assert_eq!(quoted(c[0]), "about 380 officers");
    let related = c[0]["related"].as_array().unwrap();
    assert_eq!(quoted(&related[0]), "400 Kenyan police");
    let msg = c[0]["message"].as_str().unwrap();
    assert!(msg.contains("Kenya") && msg.contains("deploy"), "{msg}");
}

#[test]
fn with_no_rules_the_seeds_have_no_false_conflicts() {
    let r = run(&["check", "seeds", "--no-rules"]);
    let c = diagnostics(&r, "figure-conflict");
    // Only the Kenyan deployment: not 80% against 80%, not Belize against the
    // Bahamas or Rwanda, not the displaced against the affected.
    let quotes: Vec<String> = c.iter().map(|d| quoted(d)).collect();
    assert_eq!(quotes, ["about 380 officers"], "{c:#?}");
}

#[test]
fn with_the_rules_a_claimed_figure_is_a_mismatch_not_a_conflict() {
    let r = run(&["check", "seeds", "--rules", "rules"]);
    let m = diagnostics(&r, "claim-mismatch");
    assert!(m.iter().any(|d| quoted(d) == "about 380 officers"), "{m:#?}");
    assert!(diagnostics(&r, "figure-conflict").is_empty());

    // Without the claim, the same pair is a conflict.
    let rules = std::fs::read_to_string(root().join("rules/haiti.yaml")).unwrap();
    let start = rules.find("  - subject: Kenya\n    measure: deployed").expect("claim");
    let end = start + rules[start..].find("  - subject: Haiti").expect("next claim");
    let dir = TempDir::new("rules");
    let path = dir.write("haiti.yaml", &format!("{}{}", &rules[..start], &rules[end..]));
    let r = run(&["check", "seeds", "--rules", &path]);
    assert!(diagnostics(&r, "claim-mismatch").is_empty());
    let c = diagnostics(&r, "figure-conflict");
    assert_eq!(c.len(), 1, "{c:#?}");
    assert_eq!(quoted(c[0]), "about 380 officers");
}

#[test]
fn documents_of_our_own() {
    let dir = TempDir::new("docs");
    let bridge = dir.write(
        "bridge.txt",
        "The Hollin Bridge crosses the estuary at its narrowest point. The bridge is 1,200 metres long and \
         carries two railway tracks.\n\nRepairs began in March. Inspectors said the 900-metre bridge would stay \
         open during the work.\n",
    );
    let senator = dir.write(
        "senator.txt",
        "The senator, 54, said on Tuesday that she would support the bill.\n\nHer office said the 61-year-old \
         senator had met farmers in the north of the state.\n",
    );
    let two = dir.write(
        "two-bridges.txt",
        "The Hollin Bridge is 1,200 metres long. Upstream, the Marsh Bridge is 900 metres long.\n\nThe \
         900-metre Marsh Bridge opened in 1961.\n",
    );
    for (file, flagged, related) in [(&bridge, "900-metre", "1,200 metres"), (&senator, "61-year-old", "54")] {
        let r = run(&["check", file, "--no-rules"]);
        let c = diagnostics(&r, "figure-conflict");
        assert_eq!(c.len(), 1, "{file}: {c:#?}");
        assert_eq!(quoted(c[0]), flagged);
        assert_eq!(quoted(&c[0]["related"][0]), related);
    }
    let r = run(&["check", &two, "--no-rules"]);
    assert!(diagnostics(&r, "figure-conflict").is_empty(), "{r:#}");
}

fn data() -> PathBuf {
    root().join("tests/data/figure-conflict")
}

/// Documents of our own full of unrelated figures (news and encyclopedia
/// style): no conflict within any of them, nor across them.
#[test]
fn clean_documents_are_silent() {
    let dir = data().join("clean");
    let r = run(&["check", dir.to_str().unwrap(), "--no-rules"]);
    let c = diagnostics(&r, "figure-conflict");
    let shown: Vec<String> = c.iter().map(|d| d["message"].as_str().unwrap().to_string()).collect();
    assert!(c.is_empty(), "{shown:#?}");
}

/// Each clean document with one contradicting sentence inserted in its
/// middle: the conflict is found, with a span on the inserted figure.
#[test]
fn inserted_contradictions_are_found() {
    let list = std::fs::read_to_string(data().join("insertions.tsv")).unwrap();
    let tmp = TempDir::new("inserted");
    let (mut found, mut total, mut missed) = (0, 0, Vec::new());
    for (i, line) in list
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .enumerate()
    {
        let (file, sentence) = line.split_once('\t').expect("file<TAB>sentence");
        let text = std::fs::read_to_string(data().join("clean").join(file)).unwrap();
        let mut paras: Vec<&str> = text.split("\n\n").collect();
        let at = paras.len() / 2 + 1;
        paras.insert(at.min(paras.len()), sentence);
        let doc = paras.join("\n\n");
        let start = doc.find(sentence).unwrap() as u64;
        let end = start + sentence.len() as u64;
        let path = tmp.write(&format!("{i:02}-{file}"), &doc);
        let r = run(&["check", &path, "--no-rules"]);
        let c = diagnostics(&r, "figure-conflict");
        let inside = |v: &Value| {
            let (s, e) = (v["span"]["start"].as_u64().unwrap(), v["span"]["end"].as_u64().unwrap());
            start <= s && e <= end
        };
        let hit = c
            .iter()
            .any(|d| inside(d) || d["related"].as_array().unwrap().iter().any(&inside));
        // Nothing else in the document may be flagged.
        assert!(c.len() <= 1, "{file} + {sentence}: {c:#?}");
        total += 1;
        if hit {
            found += 1;
        } else {
            missed.push(sentence);
        }
    }
    eprintln!("found {found} of {total}; missed {missed:#?}");
    assert!(
        found * 100 >= total * 70,
        "found {found} of {total}; missed {missed:#?}"
    );
}
