//! `claimlint check` on the shipped corpus with rules/haiti.yaml: the
//! engine's acceptance points, asserted on the JSON output.

mod common;

use common::*;

fn seeds_json() -> serde_json::Value {
    let out = run(&["check", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "stderr: {}", stderr(&out));
    json(&out)
}

fn has(found: &[(String, String)], file: &str, quote: &str) -> bool {
    found.iter().any(|(f, q)| f.contains(file) && q.contains(quote))
}

#[test]
fn mismatch_on_380_with_the_400_as_related() {
    let doc = seeds_json();
    let d = first(&doc, "claim-mismatch");
    assert!(d["file"].as_str().unwrap().contains("004_"));
    let quote = quote_of(d);
    assert_eq!(quote, "about 380 officers");
    assert!(d["message"].as_str().unwrap().contains("Kenya deployed = 400"));
    assert!(d["help"].as_str().unwrap().contains("rules/haiti.yaml:"));
    let related = d["related"].as_array().unwrap();
    let r = &related[0];
    let rq = quote_of(r);
    assert_eq!(rq, "400 Kenyan police have been deployed");
    // Exactly one error on the seeds, and no conflict repeating it.
    let mismatches = findings(&doc, "claim-mismatch", slice);
    assert_eq!(mismatches.len(), 1, "{mismatches:?}");
    assert!(findings(&doc, "figure-conflict", slice).is_empty());
}

#[test]
fn without_the_claim_the_pair_is_a_conflict() {
    let dir = temp_dir("noclaim");
    let rules = std::fs::read_to_string(repo().join("rules/haiti.yaml")).unwrap();
    let start = rules.find("  - subject: Kenya\n    measure: deployed").unwrap();
    let end = rules[start..].find("  - subject: Haiti").unwrap() + start;
    std::fs::write(dir.join("r.yaml"), format!("{}{}", &rules[..start], &rules[end..])).unwrap();
    let out = run(&[
        "check",
        "seeds",
        "--rules",
        dir.join("r.yaml").to_str().unwrap(),
        "--format",
        "json",
    ]);
    let doc = json(&out);
    let conflicts = findings(&doc, "figure-conflict", slice);
    assert_eq!(conflicts.len(), 1, "{conflicts:?}");
    assert!(has(&conflicts, "004_", "about 380 officers"));
    assert!(findings(&doc, "claim-mismatch", slice).is_empty());
    let d = first(&doc, "figure-conflict");
    let r = &d["related"][0];
    let rq = quote_of(r);
    assert!(rq.starts_with("400 Kenyan police"), "{rq}");
}

#[test]
fn the_pledge_is_confirmed_twice_and_never_contradicted() {
    let doc = seeds_json();
    let agrees: Vec<_> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "claim-agrees" && d["message"].as_str().unwrap().contains("Kenya pledge = 1,000"))
        .map(|d| d["file"].as_str().unwrap().to_string())
        .collect();
    assert!(agrees.iter().any(|f| f.contains("002_")), "{agrees:?}");
    assert!(agrees.iter().any(|f| f.contains("003_")), "{agrees:?}");
    for d in doc["diagnostics"].as_array().unwrap() {
        if d["rule"] == "claim-mismatch" || d["rule"] == "figure-conflict" {
            assert!(!d["message"].as_str().unwrap().contains("pledge"), "{d}");
            let f = d["file"].as_str().unwrap();
            assert!(!f.contains("002_") && !f.contains("003_"), "{d}");
        }
    }
    assert!(doc["summary"]["claims_confirmed"].as_u64().unwrap() >= 2);
}

#[test]
fn unrelated_figures_do_not_conflict() {
    // 80% vs approximately 80%; Belize 50, Bahamas 150, Rwanda 500; 165,000 vs 46,000.
    let doc = seeds_json();
    for d in doc["diagnostics"].as_array().unwrap() {
        if d["rule"] == "figure-conflict" || d["rule"] == "claim-mismatch" {
            let q = quote_of(d);
            for bad in ["80%", "50", "150", "500", "165,000", "46,000"] {
                assert!(!q.contains(bad) || q.contains("380"), "{q}");
            }
        }
    }
}

#[test]
fn boilerplate_blocks_on_the_seeds() {
    let doc = seeds_json();
    let found = findings(&doc, "boilerplate", slice);
    let trailer = found
        .iter()
        .find(|(f, q)| f.contains("003_") && q.starts_with("Recommended Stories"))
        .expect("trailer");
    let text = std::fs::read_to_string(repo().join(&trailer.0)).unwrap();
    assert!(
        text.trim_end().ends_with(trailer.1.trim_end()),
        "the trailer runs to the end of the article"
    );
    for (file, quote) in [
        ("002_", "top of page"),
        ("002_", "84 views0 comments"),
        ("002_", "bottom of page"),
        ("000_", "Michael Wilner is McClatchy’s"),
        ("000_", "Jacqueline Charles has reported"),
        ("000_", "Comments are closed."),
    ] {
        assert!(has(&found, file, quote), "{file} {quote}: {found:?}");
    }
}

#[test]
fn name_variant_and_duplicate_paragraph() {
    let doc = seeds_json();
    let names = findings(&doc, "name-variant", slice);
    assert!(
        names.iter().any(|(f, q)| f.contains("000_") && q == "Moses"),
        "{names:?}"
    );
    let d = first(&doc, "name-variant");
    assert!(d["help"].as_str().unwrap().contains("Moïse"));
    let dups = findings(&doc, "duplicate-paragraph", slice);
    assert_eq!(dups.len(), 1, "{dups:?}");
    let d = first(&doc, "duplicate-paragraph");
    assert!(d["file"].as_str().unwrap().contains("001_"));
    assert!(
        d["line"].as_u64().unwrap() > d["related"][0]["line"].as_u64().unwrap(),
        "the second copy is reported"
    );
}

#[test]
fn json_is_byte_identical_across_runs_and_thread_counts() {
    let a = run(&["check", "--format", "json"]).stdout;
    let b = run(&["check", "--format", "json"]).stdout;
    assert_eq!(a, b);
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_claimlint"));
    let c = cmd
        .args(["check", "--format", "json"])
        .current_dir(repo())
        .env("RAYON_NUM_THREADS", "1")
        .output()
        .unwrap()
        .stdout;
    assert_eq!(a, c);
}

#[test]
fn json_schema_fields() {
    let doc = seeds_json();
    assert_eq!(doc["version"], 1);
    let sorted: Vec<(String, u64)> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["file"].as_str().unwrap().to_string(),
                d["span"]["start"].as_u64().unwrap(),
            )
        })
        .collect();
    let mut expected = sorted.clone();
    expected.sort();
    assert_eq!(sorted, expected, "sorted by file and offset");
    for d in doc["diagnostics"].as_array().unwrap() {
        for key in [
            "rule", "severity", "file", "span", "line", "column", "message", "help", "related",
        ] {
            assert!(d.get(key).is_some(), "{key} missing in {d}");
        }
        assert!(["error", "warning", "info"].contains(&d["severity"].as_str().unwrap()));
        assert!(!d["file"].as_str().unwrap().starts_with('/'), "relative paths");
    }
    for key in ["errors", "warnings", "claims_confirmed", "articles_checked"] {
        assert!(doc["summary"].get(key).is_some(), "{key}");
    }
    assert_eq!(doc["summary"]["articles_checked"], 5);
}

#[test]
fn columns_count_characters() {
    let doc = seeds_json();
    let d = first(&doc, "name-variant");
    let text = std::fs::read_to_string(repo().join(d["file"].as_str().unwrap())).unwrap();
    let line = text.lines().nth(d["line"].as_u64().unwrap() as usize - 1).unwrap();
    let col = d["column"].as_u64().unwrap() as usize;
    let rest: String = line.chars().skip(col - 1).take(5).collect();
    assert_eq!(rest, "Moses");
}
