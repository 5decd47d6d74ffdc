#![doc = include_str!("docs/metadata.md")]

use std::sync::{LazyLock, OnceLock};

use chrono::{Datelike, NaiveDate};
use regex::Regex;

use super::{Analysis, RuleInfo};
use crate::diagnostic::{Diagnostic, Severity};
use crate::text::Span;

pub const ID: &str = "metadata";
pub const RULE: RuleInfo = RuleInfo {
    id: ID,
    severity: Severity::Warning,
    summary: "no title or date, or a date that cannot be right",
    doc: include_str!("docs/metadata.md"),
};

/// The date of the run: `CLAIMLINT_TODAY` (YYYY-MM-DD) if set, else the
/// local date. Read once per run.
pub fn today() -> NaiveDate {
    static TODAY: OnceLock<NaiveDate> = OnceLock::new();
    *TODAY.get_or_init(|| {
        std::env::var("CLAIMLINT_TODAY")
            .ok()
            .and_then(|s| NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok())
            .unwrap_or_else(|| chrono::Local::now().date_naive())
    })
}

/// A year after a word that places an event in it: "in 2024", "since 2021",
/// "of 2023", "July 7, 2021", "March 2024".
static YEAR_EVENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i-u)\b(?:in|since|of|during|early|late|mid|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?:\s+[0-9]{1,2},?)?)\s+((?:19|20)[0-9][0-9])\b",
    )
    .expect("regex")
});

/// Words that make a sentence look ahead (or hedge), so that a later year in
/// it is not an event already reported.
static FUTURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i-u)\b(?:will|would|shall|could|may|might|should|must|plans?|planned|planning|scheduled|schedule|expects?|expected|aims?|aimed|targets?|goal|due|next|upcoming|forecasts?|projected|projection|until|through|by|before|ahead|hopes?|intends?|proposed|proposes|deadline|set\s+to|slated|going\s+to|is\s+to|are\s+to|term|mandate|budget|fiscal|season)\b|'ll|’ll",
    )
    .expect("regex")
});

/// Past-tense cues: an auxiliary or a verb in -ed.
static PAST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:was|were|had|did|held|took|won|lost|began|died|said|[a-z]{3,}ed)(?-u:\b)").expect("regex")
});

pub fn check(analysis: &Analysis, today: NaiveDate, out: &mut Vec<Diagnostic>) {
    let article = &analysis.article;
    let start_span = article
        .title
        .or_else(|| article.paragraphs.first().map(|p| p.span))
        .unwrap_or(Span::new(0, article.text.len().min(1)));
    let push = |out: &mut Vec<Diagnostic>, d: Diagnostic| out.push(d.finish());

    // Title.
    let title_ok = article.title.is_some_and(|t| {
        let s = article.slice(t);
        let words = s.split_whitespace().count();
        s.chars().next().is_some_and(|c| !c.is_lowercase()) && words <= 30 && !analysis.is_excluded(t)
    });
    if !title_ok {
        push(
            out,
            Diagnostic::new(
                ID,
                RULE.severity,
                article,
                start_span,
                "the article has no recognisable title",
            )
            .label("not a headline")
            .help(if article.markdown {
                "add front matter at the top: `---`, `title: \"…\"`, `date: YYYY-MM-DD`, `---`"
            } else {
                "put the headline on the first line (e.g. `date YYYY-MM-DD Headline of the article`)"
            }),
        );
    }

    // Date.
    let Some(date) = article.date else {
        push(
            out,
            Diagnostic::new(ID, RULE.severity, article, start_span, "the article has no date")
                .label("no date before the title")
                .help(if article.markdown {
                    "add the publication date from the source in front matter: `date: YYYY-MM-DD`"
                } else {
                    "add the publication date from the source before the title: `date YYYY-MM-DD Headline`"
                }),
        );
        return;
    };
    let date_span = article.date_span.unwrap_or(start_span);
    if date > today {
        push(
            out,
            Diagnostic::new(
                ID,
                RULE.severity,
                article,
                date_span,
                format!("the article is dated {date}, after today ({today})"),
            )
            .label("a date in the future")
            .help("correct the date from the source (a typo in the year or the month is the usual cause)"),
        );
        return;
    }
    if let Some((year, span)) = latest_reported_year(analysis, date.year()) {
        push(
            out,
            Diagnostic::new(
                ID,
                RULE.severity,
                article,
                date_span,
                format!("the article is dated {date} but reports events of {year}"),
            )
            .label("too early for the text")
            .help(format!(
                "correct the date from the source: the article cannot have been published before {year}"
            ))
            .related(article, span, format!("an event of {year}")),
        );
    }
}

/// Whether `text` has four digits "19xx" or "20xx" making a year after
/// `year`: a byte scan that rules out most sentences before the regexes run.
fn may_name_year_after(text: &str, year: i32) -> bool {
    let b = text.as_bytes();
    memchr::memchr2_iter(b'1', b'2', b).any(|i| {
        let Some(w) = b.get(i..i + 4) else { return false };
        matches!(&w[..2], b"19" | b"20")
            && w[2].is_ascii_digit()
            && w[3].is_ascii_digit()
            && w.iter().fold(0i32, |n, d| n * 10 + i32::from(d - b'0')) > year
    })
}

/// The latest year after `year` that a sentence of the article's own text
/// reports in the past tense, with its span (first occurrence).
fn latest_reported_year(analysis: &Analysis, year: i32) -> Option<(i32, Span)> {
    let article = &analysis.article;
    let mut best: Option<(i32, Span)> = None;
    for p in &article.paragraphs {
        if analysis.is_excluded(p.span) || Some(p.span) == article.title {
            continue;
        }
        for &s in article.sentences_of(p) {
            let text = article.slice(s);
            if !may_name_year_after(text, year) {
                continue;
            }
            let mut years = YEAR_EVENT
                .captures_iter(text)
                .filter_map(|c| c.get(1))
                .filter_map(|m| Some((m.as_str().parse::<i32>().ok()?, m)))
                .filter(|(y, _)| *y > year)
                .peekable();
            if years.peek().is_none() || FUTURE.is_match(text) || !PAST.is_match(text) {
                continue;
            }
            for (y, m) in years {
                if best.is_none_or(|(b, _)| y > b) {
                    best = Some((y, Span::new(s.start + m.start(), s.start + m.end())));
                }
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::quality_testutil::{CLEAN, analyse};

    #[test]
    fn the_year_prefilter_keeps_every_later_year_the_regex_finds() {
        let texts = [
            "In 2024 the bridge was opened.",
            "It was built in 1998 and rebuilt in 2019.",
            "Since 2031, nothing; 12024 people; 2019-2020 was hard; x2025.",
            "Numbers only: 1,999 and 20,25 and 2 0 2 5.",
            "in 2023",
            "",
        ];
        for text in texts {
            for year in [1990, 2018, 2020, 2023, 2024, 2030] {
                let found = YEAR_EVENT
                    .captures_iter(text)
                    .filter_map(|c| c[1].parse::<i32>().ok())
                    .any(|y| y > year);
                assert!(!found || may_name_year_after(text, year), "{text:?} after {year}");
            }
        }
        assert!(!may_name_year_after("In 2019 it was opened.", 2020));
        assert!(may_name_year_after("In 2021 it was opened.", 2020));
    }

    fn run_at(path: &str, text: &str, today: &str) -> Vec<String> {
        let a = analyse(path, text);
        let mut out = Vec::new();
        check(&a, NaiveDate::parse_from_str(today, "%Y-%m-%d").unwrap(), &mut out);
        out.iter().map(|d| d.message.clone()).collect()
    }

    #[test]
    fn missing_date() {
        let found = run_at(
            "a.txt",
            "Kenyan police arrive in Haiti\n\nThe first 400 officers landed on Tuesday.\n",
            "2025-01-01",
        );
        assert_eq!(found, ["the article has no date"]);
    }

    #[test]
    fn missing_title() {
        let found = run_at(
            "a.md",
            "---\ndate: 2024-06-25\n---\nthe first 400 officers landed on Tuesday, officials said.\n",
            "2025-01-01",
        );
        assert_eq!(found, ["the article has no recognisable title"]);
    }

    #[test]
    fn a_date_in_the_future() {
        let found = run_at(
            "a.txt",
            "date 2031-06-25 Kenyan police arrive in Haiti\n\nThey landed.\n",
            "2025-01-01",
        );
        assert_eq!(found, ["the article is dated 2031-06-25, after today (2025-01-01)"]);
    }

    #[test]
    fn a_date_before_the_events_reported() {
        let t = "date 2023-03-01 Kenyan police arrive in Haiti\n\nThe first officers arrived in June 2024, a year after the request.\n";
        let found = run_at("a.txt", t, "2025-01-01");
        assert_eq!(found, ["the article is dated 2023-03-01 but reports events of 2024"]);
    }

    #[test]
    fn looking_ahead_is_not_an_event() {
        for s in [
            "Elections are scheduled for 2026.",
            "The mission was extended and will run until 2026.",
            "The government said it expected the mission to end in 2025.",
            "The board approved a plan that could be finished by 2027.",
        ] {
            let t = format!("date 2024-03-01 Mission to Haiti goes on\n\n{s}\n");
            assert!(run_at("a.txt", &t, "2025-01-01").is_empty(), "{s}");
        }
    }

    #[test]
    fn clean_articles_have_no_findings() {
        for t in CLEAN {
            assert!(run_at("a.txt", t, "2025-01-01").is_empty(), "{t}");
        }
        // Markdown front matter carries both.
        let t =
            "---\ntitle: \"Aid arrives in Gonaïves\"\ndate: 2024-01-02\n---\nThe first trucks arrived on Tuesday.\n";
        assert!(run_at("a.md", t, "2025-01-01").is_empty());
    }
}
