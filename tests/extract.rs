//! `claimlint extract`: the acceptance examples and the seeds.

mod common;

use common::{repo, run_in, stderr, temp_dir};
use serde_json::Value;

fn extract(args: &[&str], stdin: Option<&[u8]>) -> Vec<Value> {
    let out = run_in(&repo(), args, stdin);
    assert!(out.status.success(), "exit {:?}: {}", out.status.code(), stderr(&out));
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

#[test]
fn bounds_and_entities_from_standard_input() {
    let text = b"Kenya proposed a mission of up to 2,000 people, including 1,000 members of its police force.\n";
    let facts = extract(&["extract", "-", "--format", "jsonl"], Some(text));
    let counts: Vec<&Value> = facts.iter().filter(|f| f["kind"] == "count").collect();
    assert_eq!(counts.len(), 2, "{facts:#?}");
    assert_eq!(
        (&counts[0]["max"], &counts[0]["min"], &counts[0]["value"]),
        (&Value::from(2000), &Value::Null, &Value::Null)
    );
    assert_eq!(counts[1]["value"], 1000);
    assert!(counts.iter().all(|c| c["entity"] == "Kenya"));
    assert_eq!(counts[0]["text"], "up to 2,000");
    assert_eq!(counts[0]["file"], "-");
    assert!(counts[0].get("line").is_none(), "line appears only with --lines");
}

#[test]
fn lines_are_separate_documents() {
    let text = b"two dozen schools\n$1.2bn\nbetween 2,000 and 2,500 troops\nlast month\n";
    let facts = extract(
        &["extract", "-", "--lines", "--reference-date", "2024-03-15"],
        Some(text),
    );
    assert_eq!(facts.len(), 4, "{facts:#?}");
    assert_eq!(
        (facts[0]["line"].clone(), facts[0]["value"].clone()),
        (Value::from(1), Value::from(24))
    );
    assert_eq!(facts[0]["unit"], "school");
    assert_eq!(
        (&facts[1]["kind"], &facts[1]["value"], &facts[1]["unit"]),
        (
            &Value::from("money"),
            &Value::from(1_200_000_000u64),
            &Value::from("USD")
        )
    );
    assert_eq!(
        (&facts[2]["min"], &facts[2]["max"]),
        (&Value::from(2000), &Value::from(2500))
    );
    assert_eq!(
        (&facts[3]["date"], &facts[3]["grain"]),
        (&Value::from("2024-02-01"), &Value::from("month"))
    );
    // Spans are relative to the line.
    assert_eq!(
        (&facts[1]["span"]["start"], &facts[1]["span"]["end"], &facts[1]["line"]),
        (&Value::from(0), &Value::from(6), &Value::from(2))
    );
}

#[test]
fn json_format_is_one_array() {
    let out = run_in(
        &repo(),
        &["extract", "-", "--format", "json"],
        Some(b"It cost $5 on Monday.\n"),
    );
    assert!(out.status.success());
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let arr = doc.as_array().unwrap();
    assert_eq!(arr.len(), 2);
    assert_eq!(arr[0]["kind"], "money");
    // No reference date: the weekday is left unresolved.
    assert_eq!(
        (&arr[1]["kind"], &arr[1]["date"], &arr[1]["grain"]),
        (&Value::from("date"), &Value::Null, &Value::from("day"))
    );
}

#[test]
fn seeds_furniture_is_never_a_count() {
    let facts = extract(&["extract", "seeds"], None);
    let text_of = |f: &Value| f["text"].as_str().unwrap().to_string();
    let counts: Vec<String> = facts.iter().filter(|f| f["kind"] == "count").map(text_of).collect();
    for bad in ["1", "7", "2023", "24", "310", "AD310", "007", "24.99", "0"] {
        assert!(!counts.iter().any(|c| c == bad), "{bad} read as a count: {counts:?}");
    }
    for c in &counts {
        let year = c.len() == 4 && c.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y));
        assert!(!year, "a year as a count: {c}");
    }
    let price = facts.iter().find(|f| f["text"] == "$24.99").expect("the price");
    assert_eq!(
        (&price["kind"], &price["unit"]),
        (&Value::from("money"), &Value::from("USD"))
    );
    let about = facts.iter().find(|f| f["text"] == "about 380").expect("about 380");
    assert_eq!(
        (&about["approximate"], &about["value"]),
        (&Value::from(true), &Value::from(380))
    );
    let least = facts
        .iter()
        .find(|f| f["text"] == "at least 80%")
        .expect("at least 80%");
    assert_eq!(
        (&least["min"], &least["max"], &least["unit"]),
        (&Value::from(80), &Value::Null, &Value::from("%"))
    );
    let season = facts.iter().find(|f| f["text"] == "2023-24").expect("the season");
    assert_eq!(season["kind"], "year");
    // Dated articles resolve their relative dates.
    assert!(
        facts
            .iter()
            .any(|f| f["kind"] == "date" && f["text"] == "last week" && f["date"] == "2023-09-18")
    );
}

#[test]
fn missing_file_is_an_input_error() {
    let dir = temp_dir("extract-missing");
    let out = run_in(&dir, &["extract", "nope.txt", "--isolated", "--no-rules"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("nope.txt"), "{}", stderr(&out));
}

#[test]
fn rules_entities_and_measures_are_used() {
    let dir = temp_dir("extract-rules");
    std::fs::write(
        dir.join("r.yaml"),
        "entities:\n  Acme: [Acme Corp]\nmeasures:\n  staff:\n    units: [workers]\n    cues: [employ]\n",
    )
    .unwrap();
    std::fs::write(dir.join("a.txt"), "Acme Corp employs 1,200 workers in Ohio.\n").unwrap();
    let out = run_in(&dir, &["extract", "a.txt", "--rules", "r.yaml", "--isolated"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let f: Value = serde_json::from_str(String::from_utf8(out.stdout).unwrap().lines().next().unwrap()).unwrap();
    assert_eq!(
        (&f["entity"], &f["measure"], &f["value"]),
        (&Value::from("Acme"), &Value::from("staff"), &Value::from(1200))
    );
}
