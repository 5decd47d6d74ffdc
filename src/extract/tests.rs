//! Table-driven tests of the extractor on sentences of our own.

use super::*;
use crate::corpus::Article;

fn figs(text: &str) -> Vec<Figure> {
    let a = Article::from_text("t.txt", text.to_string());
    extract(
        &a,
        &Lexicon::builtin(),
        ExtractOptions {
            reference_date: NaiveDate::from_ymd_opt(2024, 3, 15),
        },
    )
    .figures
}

fn one(text: &str) -> Figure {
    let f = figs(text);
    assert_eq!(f.len(), 1, "{text}: {f:#?}");
    f.into_iter().next().unwrap()
}

fn surface(text: &str, f: &Figure) -> String {
    text[f.span.start..f.span.end].to_string()
}

#[test]
fn counts_with_nouns_and_entities() {
    let t = "Kenya proposed a mission of up to 2,000 people, including 1,000 members of its police force.";
    let f = figs(t);
    assert_eq!(f.len(), 2);
    assert_eq!((f[0].value, f[0].min, f[0].max), (None, None, Some(2000.0)));
    assert_eq!(f[0].unit.as_deref(), Some("people"));
    assert_eq!(f[1].value, Some(1000.0));
    assert_eq!(f[1].unit.as_deref(), Some("member"));
    assert_eq!(f[0].entity.as_deref(), Some("Kenya"));
    assert_eq!(f[1].entity.as_deref(), Some("Kenya"));
}

#[test]
fn demonym_and_possessive_attach() {
    let f = one("400 Kenyan police have been deployed to Haiti.");
    assert_eq!(
        (f.entity.as_deref(), f.unit.as_deref()),
        (Some("Kenya"), Some("police"))
    );
    let t = "The U.S. is supporting Kenya’s deployment of about 380 officers.";
    let f = one(t);
    assert_eq!(surface(t, &f), "about 380");
    assert!(f.approximate);
    assert_eq!(f.entity.as_deref(), Some("Kenya"));
}

#[test]
fn destinations_are_not_subjects() {
    let f = one("Aid workers sent to Haiti counted 300 families.");
    assert_eq!(f.entity, None);
}

#[test]
fn qualifiers_become_intervals() {
    type Case = (&'static str, Option<f64>, Option<f64>, Option<f64>, bool);
    let cases: &[Case] = &[
        ("at least 80% of the capital", None, Some(80.0), None, false),
        ("more than 165,000 people", None, Some(165000.0), None, false),
        ("nearly 400 troops", Some(400.0), Some(390.0), Some(400.0), true),
        (
            "between 2,000 and 2,500 troops",
            None,
            Some(2000.0),
            Some(2500.0),
            false,
        ),
        ("2,000-2,500 troops", None, Some(2000.0), Some(2500.0), false),
        ("from 10 to 15 days", None, Some(10.0), Some(15.0), false),
        ("fewer than 30 schools", None, None, Some(30.0), false),
    ];
    for &(t, v, lo, hi, approx) in cases {
        let f = one(t);
        assert_eq!((f.value, f.min, f.max, f.approximate), (v, lo, hi, approx), "{t}");
    }
}

#[test]
fn words_and_scales() {
    for (t, v) in [
        ("more than two dozen schools", 24.0),
        ("a dozen nations", 12.0),
        ("a thousand troops", 1000.0),
    ] {
        let f = one(t);
        assert_eq!(f.min.or(f.value), Some(v), "{t}");
    }
    let f = one("tens of thousands of Haitians");
    assert_eq!((f.min, f.max, f.approximate), (Some(20000.0), Some(99999.0), true));
}

#[test]
fn money_and_percent() {
    let f = one("secure $100 million in funding");
    assert_eq!(
        (f.kind, f.value, f.unit.as_deref()),
        (FigureKind::Money, Some(1e8), Some("USD"))
    );
    let f = one("a price of $24.99.");
    assert_eq!((f.kind, f.value), (FigureKind::Money, Some(24.99)));
    let f = one("received $ 300 million in spending");
    assert_eq!(f.value, Some(3e8));
    let f = one("costs £40,000 a year");
    assert_eq!(f.unit.as_deref(), Some("GBP"));
    let f = one("a $1.2bn loan");
    assert_eq!(f.value, Some(1.2e9));
    let f = one("rose 3.5 per cent");
    assert_eq!((f.kind, f.value), (FigureKind::Percent, Some(3.5)));
}

#[test]
fn things_that_are_not_counts() {
    for t in [
        "Haiti last held elections in 2016.",
        "The 2023-24 season starts.",
        "The Ancel AD310 scanner",
        "007 movie stunt driver",
        "·7 min read",
        "The meeting is at 10:30 today.",
        "from No. 118 Overall",
        "The assassination on July 7 of the president",
        "on June 7, 2023, for meetings",
        "call 305-555-0100 now",
        "the score was 3-1 at half time",
    ] {
        let counts: Vec<String> = figs(t)
            .iter()
            .filter(|f| f.kind == FigureKind::Count)
            .map(|f| surface(t, f))
            .collect();
        assert!(counts.is_empty(), "{t}: {counts:?}");
    }
}

#[test]
fn list_numbers_are_skipped() {
    let t = "1. WATCH: Blinken visits Haiti";
    assert!(figs(t).iter().all(|f| f.kind != FigureKind::Count));
}

#[test]
fn dates_resolve_against_the_reference() {
    let cases = [
        ("last month", "2024-02-01", Grain::Month),
        ("yesterday", "2024-03-14", Grain::Day),
        ("on June 7, 2023", "2023-06-07", Grain::Day),
        ("7 July 2023", "2023-07-07", Grain::Day),
        ("2023-09-26", "2023-09-26", Grain::Day),
        ("09/26/2023", "2023-09-26", Grain::Day),
        ("September 2023", "2023-09-01", Grain::Month),
        ("two weeks ago", "2024-02-26", Grain::Week),
        ("next year", "2025-01-01", Grain::Year),
        ("Christmas Day", "2024-12-25", Grain::Day),
        ("on Monday", "2024-03-11", Grain::Day),
    ];
    for (t, d, g) in cases {
        let f = one(t);
        assert_eq!(
            (f.date.map(|d| d.to_string()), f.grain),
            (Some(d.to_string()), Some(g)),
            "{t}"
        );
    }
}

#[test]
fn quantities_and_durations() {
    let f = one("the 900-metre bridge");
    assert_eq!((f.kind, f.unit.as_deref()), (FigureKind::Quantity, Some("metre")));
    let f = one("flew 30,000 miles");
    assert_eq!(f.unit.as_deref(), Some("mile"));
    let f = one("temperatures of 35°C");
    assert_eq!(f.unit.as_deref(), Some("degree Celsius"));
    let f = one("for 15 years");
    assert_eq!((f.kind, f.unit.as_deref()), (FigureKind::Duration, Some("year")));
}
