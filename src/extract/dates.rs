//! Dates in news text: "July 7", "7 July 2023", "June 7, 2023", "2023-09-26",
//! "09/26/2023", "September 2023", weekdays ("on Monday"), relative
//! expressions ("yesterday", "last month", "two weeks ago", "next year") and
//! common holidays, resolved against the article's date where there is one.

use std::borrow::Cow;
use std::sync::LazyLock;

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::figures::SentenceContext;
use super::numbers::parse_numeral;
use super::{FigureKind, Grain};
use crate::text::{TokenKind, WordSet};

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DateMatch {
    pub start: usize,
    pub end: usize,
    pub kind: FigureKind,
    pub value: Option<f64>,
    pub date: Option<NaiveDate>,
    pub grain: Grain,
}

const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

/// Words before a bare month that make it a date: "in September", "last March".
const MONTH_PREPOSITIONS: &[&str] = &[
    "in", "since", "until", "by", "early", "late", "mid", "last", "next", "this", "of", "through", "during",
];

/// Weekday names.
const WEEKDAYS: [(&str, Weekday); 7] = [
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
];

/// Abbreviated weekdays, read (capitalised) before a date: "Wed., Sept. 27".
const WEEKDAY_ABBREVIATIONS: &[&str] = &["mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"];

/// Ordinal words that open a quarter: "the third quarter", "final-quarter".
const QUARTER_WORDS: &[(&str, u32)] = &[
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("final", 4),
    ("last", 4),
];

/// The words (lower case) at which [`relative`] and [`quarter`] start a date,
/// numerals aside ("a year ago" and "two weeks from now" are left to
/// `may_open_date`): keep in step with them. The quarter's ordinals come from
/// [`QUARTER_WORDS`].
const RELATIVE_OPENERS: &[&str] = &[
    // "this morning", "last night", "last week", "next year", "this quarter".
    "this",
    "last",
    "next",
    // "the third of March", "on the 5th", "the day before yesterday".
    "the",
    // "in two weeks", "in a month".
    "in",
    "today",
    "tonight",
    "yesterday",
    "tomorrow",
    // "Q3", "q1 2024".
    "q",
];

/// Words that every date phrase in words contains one of: month and weekday
/// names and abbreviations, and the last word of every holiday (with `’`
/// for `'`, as [`same_word`] allows). For the sentence filter of
/// `figures::may_hold_figure`.
pub(super) fn calendar_words() -> impl Iterator<Item = Cow<'static, str>> {
    let names = MONTHS
        .iter()
        .map(|&(w, _)| w)
        .chain(WEEKDAYS.iter().map(|&(w, _)| w))
        .chain(WEEKDAY_ABBREVIATIONS.iter().copied())
        .map(Cow::Borrowed);
    let holidays = HOLIDAYS.iter().filter_map(|(words, _)| words.last()).flat_map(|&w| {
        let curly = w.contains('\'').then(|| Cow::Owned(w.replace('\'', "’")));
        std::iter::once(Cow::Borrowed(w)).chain(curly)
    });
    names.chain(holidays)
}

/// Every lower-case word at which a date can start on a word token, but the
/// numerals of "two weeks ago": month names and abbreviations, weekdays and
/// their abbreviations, the openers of relative dates and quarters, and the
/// first word of every holiday (with `’` for `'`, as [`same_word`] allows).
static DATE_OPENERS: LazyLock<WordSet> = LazyLock::new(|| {
    let mut set: Vec<Cow<'static, str>> = Vec::new();
    set.extend(MONTHS.iter().map(|&(w, _)| Cow::Borrowed(w)));
    set.extend(WEEKDAYS.iter().map(|&(w, _)| Cow::Borrowed(w)));
    set.extend(WEEKDAY_ABBREVIATIONS.iter().map(|&w| Cow::Borrowed(w)));
    set.extend(QUARTER_WORDS.iter().map(|&(w, _)| Cow::Borrowed(w)));
    set.extend(RELATIVE_OPENERS.iter().map(|&w| Cow::Borrowed(w)));
    for (words, _) in HOLIDAYS {
        let w = words[0];
        set.push(Cow::Borrowed(w));
        // `same_word` lets one curly apostrophe stand for a straight one.
        for (at, _) in w.match_indices('\'') {
            set.push(Cow::Owned(format!("{}’{}", &w[..at], &w[at + 1..])));
        }
    }
    WordSet::new(set)
});

/// Whether a date may start at word token `i`: a cheap superset test (one
/// hash lookup) that spares most words the full grammar of [`match_date`].
/// The numeral of "three days ago" / "two weeks from now" is tried only in a
/// sentence that has "ago" or "from" (`counts_from`), as in [`relative`].
fn may_open_date(ctx: &SentenceContext, i: usize) -> bool {
    let w = ctx.lw(i);
    DATE_OPENERS.contains(w) || (ctx.counts_from && super::numbers::opens_word_numeral(w))
}

/// The month a name or abbreviation stands for, in any case.
pub fn month(w: &str) -> Option<u32> {
    if !(3..=9).contains(&w.len()) {
        return None;
    }
    let first = w.as_bytes()[0].to_ascii_lowercase();
    MONTHS
        .iter()
        .find(|(n, _)| n.as_bytes()[0] == first && n.len() == w.len() && n.eq_ignore_ascii_case(w))
        .map(|&(_, m)| m)
}

/// The weekday a name stands for, in any case.
pub fn weekday(w: &str) -> Option<Weekday> {
    if !(6..=9).contains(&w.len()) {
        return None;
    }
    let first = w.as_bytes()[0].to_ascii_lowercase();
    WEEKDAYS
        .iter()
        .find(|(n, _)| n.as_bytes()[0] == first && n.len() == w.len() && n.eq_ignore_ascii_case(w))
        .map(|&(_, d)| d)
}

fn is_capitalised(ctx: &SentenceContext, i: usize) -> bool {
    ctx.word(i).chars().next().is_some_and(char::is_uppercase)
}

/// A month name in lower case is a month only beside a day or a year ("march
/// 3rd", "3 june 2021"); "may" and "march" stay verbs unless the day has an
/// ordinal suffix or a year follows.
fn month_in_lower_case(ctx: &SentenceContext, i: usize, next_is_day: bool) -> bool {
    if is_capitalised(ctx, i) {
        return true;
    }
    let w = ctx.lw(i);
    if matches!(w, "may" | "march" | "mar" | "jan" | "sat" | "sun" | "dec") {
        // "march 3rd", "may 5th", "may 2021"
        let k = if ctx.word(i + 1) == "." { i + 2 } else { i + 1 };
        return year_at(ctx, k).is_some()
            || (small_int(ctx, k, 31).is_some()
                && ((matches!(ctx.lw(k + 1), "st" | "nd" | "rd" | "th") && ctx.glued(k + 1))
                    || year_at(ctx, k + 1).is_some()
                    || (ctx.word(k + 1) == "," && year_at(ctx, k + 2).is_some())
                    || ctx.tokens.len() == k + 1));
    }
    next_is_day
}

fn small_int(ctx: &SentenceContext, i: usize, max: u32) -> Option<u32> {
    if ctx.kind(i) != Some(TokenKind::Number) {
        return None;
    }
    let w = ctx.word(i);
    if w.len() > 2 || !w.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let v: u32 = w.parse().ok()?;
    (1..=max).contains(&v).then_some(v)
}

fn year_at(ctx: &SentenceContext, i: usize) -> Option<i32> {
    if ctx.kind(i) != Some(TokenKind::Number) {
        return None;
    }
    let w = ctx.word(i);
    if w.len() != 4 || !w.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i32 = w.parse().ok()?;
    (1000..=2200).contains(&y).then_some(y)
}

/// Skips a glued ordinal suffix ("7th") and an optional period after an abbreviated month.
fn after_day(ctx: &SentenceContext, i: usize) -> usize {
    let w = ctx.lw(i);
    if matches!(w, "st" | "nd" | "rd" | "th") && ctx.tokens.get(i).is_some_and(|t| t.glued) {
        i + 1
    } else {
        i
    }
}

fn day(kind_year: Option<i32>, m: u32, d: u32, reference: Option<NaiveDate>) -> Option<NaiveDate> {
    let y = kind_year.or_else(|| reference.map(|r| r.year()))?;
    NaiveDate::from_ymd_opt(y, m, d)
}

fn m(start: usize, end: usize, date: Option<NaiveDate>, grain: Grain) -> Option<DateMatch> {
    Some(DateMatch {
        start,
        end,
        kind: FigureKind::Date,
        value: None,
        date,
        grain,
    })
}

/// Matches a date expression starting at token `i`.
pub fn match_date(ctx: &SentenceContext, i: usize) -> Option<DateMatch> {
    if ctx.kind(i) == Some(TokenKind::Word) && !may_open_date(ctx, i) {
        debug_assert!(
            match_date_full(ctx, i).is_none(),
            "a date starts at {:?}, which is missing from the date openers",
            ctx.word(i)
        );
        return None;
    }
    match_date_full(ctx, i)
}

/// [`match_date`] without the prefilter: the grammar itself.
fn match_date_full(ctx: &SentenceContext, i: usize) -> Option<DateMatch> {
    let w = ctx.word(i);
    let kind = ctx.kind(i)?;
    let reference = ctx.reference;
    if kind == TokenKind::Word {
        // Month-first: "July 7", "June 7, 2023", "September 2023", "Sept. 5".
        if let Some(mo) = month(w)
            && month_in_lower_case(
                ctx,
                i,
                small_int(ctx, i + 1, 31).is_some()
                    || year_at(ctx, i + 1).is_some()
                    || (i > 0 && MONTH_PREPOSITIONS.contains(&ctx.lw(i - 1))),
            )
        {
            let mut k = i + 1;
            if ctx.word(k) == "." && w.len() <= 4 {
                k += 1;
            }
            // "March the 3rd"
            if ctx.is_word(k, "the") && small_int(ctx, k + 1, 31).is_some() && after_day(ctx, k + 2) > k + 2 {
                k += 1;
            }
            if let Some(d) = small_int(ctx, k, 31)
                && !(ctx.word(k + 1) == ":" && ctx.glued(k + 1))
            {
                let mut end = after_day(ctx, k + 1);
                // "May 5-7": the span of days starts on the first.
                if matches!(ctx.word(end), "-" | "–")
                    && let Some(d2) = small_int(ctx, end + 1, 31)
                    && d2 > d
                {
                    end = after_day(ctx, end + 2);
                }
                let mut year = None;
                if ctx.word(end) == "," && year_at(ctx, end + 1).is_some() {
                    year = year_at(ctx, end + 1);
                    end += 2;
                } else if year_at(ctx, end).is_some() {
                    year = year_at(ctx, end);
                    end += 1;
                }
                return m(i, end, day(year, mo, d, reference), Grain::Day);
            }
            if let Some(y) = year_at(ctx, k) {
                return m(i, k + 1, NaiveDate::from_ymd_opt(y, mo, 1), Grain::Month);
            }
            // "July of 2023"
            if ctx.is_word(k, "of")
                && let Some(y) = year_at(ctx, k + 1)
            {
                return m(i, k + 2, NaiveDate::from_ymd_opt(y, mo, 1), Grain::Month);
            }
            // A bare month after a preposition: "in September", "last March".
            let mut prev = if i > 0 { ctx.lw(i - 1) } else { "" };
            // "mid-March", "early-May"
            if prev == "-" && i > 1 && ctx.glued(i) && matches!(ctx.lw(i - 2), "mid" | "early" | "late") {
                prev = ctx.lw(i - 2);
            }
            if matches!(
                prev,
                "in" | "since"
                    | "until"
                    | "by"
                    | "early"
                    | "late"
                    | "mid"
                    | "last"
                    | "next"
                    | "this"
                    | "of"
                    | "through"
                    | "during"
            ) && (mo != 5 || prev == "in")
            {
                let date = reference.and_then(|r| {
                    let y = match prev {
                        "last" => {
                            if mo >= r.month() {
                                r.year() - 1
                            } else {
                                r.year()
                            }
                        }
                        "next" => {
                            if mo <= r.month() {
                                r.year() + 1
                            } else {
                                r.year()
                            }
                        }
                        _ => r.year(),
                    };
                    NaiveDate::from_ymd_opt(y, mo, 1)
                });
                let start = if matches!(prev, "last" | "next" | "this") {
                    i - 1
                } else {
                    i
                };
                return m(start, i + 1, date, Grain::Month);
            }
            // A capitalised month on its own: "December was the coldest month".
            // Not "May" or "March" (verbs), nor a given name ("April Ryan").
            if is_capitalised(ctx, i)
                && !matches!(mo, 3 | 5)
                && w.len() > 3
                && !(ctx.kind(i + 1) == Some(TokenKind::Word) && is_capitalised(ctx, i + 1))
            {
                let date = reference.and_then(|r| NaiveDate::from_ymd_opt(r.year(), mo, 1));
                return m(i, i + 1, date, Grain::Month);
            }
            return None;
        }
        // Weekdays: "on Monday", "last Friday", "next Tuesday"; "Monday, July 8, 2024".
        // "Wed., Sept. 27", "Thu 5 October": an abbreviated weekday before a date.
        if is_capitalised(ctx, i) && WEEKDAY_ABBREVIATIONS.contains(&ctx.lw(i)) {
            let mut after = i + 1;
            if ctx.word(after) == "." {
                after += 1;
            }
            if ctx.word(after) == "," {
                after += 1;
            }
            if (month(ctx.word(after)).is_some() || ctx.kind(after) == Some(TokenKind::Number))
                && let Some(d) = match_date(ctx, after)
                && d.grain == Grain::Day
            {
                return m(i, d.end, d.date, Grain::Day);
            }
        }
        if let Some(wd) = weekday(w) {
            let after = if ctx.word(i + 1) == "," { i + 2 } else { i + 1 };
            if ctx.kind(after) == Some(TokenKind::Word)
                && month(ctx.word(after)).is_some()
                && let Some(d) = match_date(ctx, after)
                && d.grain == Grain::Day
            {
                return m(i, d.end, d.date, Grain::Day);
            }
            if let Some(d) = match_date(ctx, after).filter(|_| ctx.kind(after) == Some(TokenKind::Number))
                && d.grain == Grain::Day
            {
                return m(i, d.end, d.date, Grain::Day);
            }
            let prev = if i > 0 { ctx.lw(i - 1) } else { "" };
            let start = if matches!(prev, "last" | "next" | "this") {
                i - 1
            } else {
                i
            };
            let date = reference.map(|r| {
                let diff = (r.weekday().num_days_from_monday() as i64 - wd.num_days_from_monday() as i64).rem_euclid(7);
                match prev {
                    "next" => r + Duration::days(if diff == 0 { 7 } else { 7 - diff }),
                    "last" => r - Duration::days(if diff == 0 { 7 } else { diff }),
                    // "this Friday": the one of the current week, from today on.
                    "this" => r + Duration::days((7 - diff).rem_euclid(7)),
                    _ => r - Duration::days(diff),
                }
            });
            return m(start, i + 1, date, Grain::Day);
        }
        return relative(ctx, i, reference)
            .or_else(|| quarter(ctx, i, reference))
            .or_else(|| holiday(ctx, i, reference));
    }
    // Digits first.
    // ISO "2023-09-26".
    if let Some(y) = year_at(ctx, i)
        && ctx.word(i + 1) == "-"
        && let Some(mo) = small_int(ctx, i + 2, 12)
        && ctx.word(i + 3) == "-"
        && let Some(d) = small_int(ctx, i + 4, 31)
        && ctx.word(i + 2).len() == 2
        && (1..=4).all(|k| ctx.tokens[i + k].glued)
    {
        return m(i, i + 5, NaiveDate::from_ymd_opt(y, mo, d), Grain::Day);
    }
    // US numeric "09/26/2023" (month first, as in US-English news).
    if let Some(a) = small_int(ctx, i, 31)
        && ctx.word(i + 1) == "/"
        && let Some(b) = small_int(ctx, i + 2, 31)
        && ctx.word(i + 3) == "/"
        && (1..=4).all(|k| ctx.tokens.get(i + k).is_some_and(|t| t.glued))
        && ctx.kind(i + 4) == Some(TokenKind::Number)
    {
        let yw = ctx.word(i + 4);
        let y: i32 = yw.parse().ok()?;
        let y = match yw.len() {
            2 if y < 50 => 2000 + y,
            2 => 1900 + y,
            4 => y,
            _ => return None,
        };
        let (mo, d) = if a > 12 { (b, a) } else { (a, b) };
        return m(i, i + 5, NaiveDate::from_ymd_opt(y, mo, d), Grain::Day);
    }
    // "2023/09/26"
    if let Some(y) = year_at(ctx, i)
        && ctx.word(i + 1) == "/"
        && let Some(mo) = small_int(ctx, i + 2, 12)
        && ctx.word(i + 3) == "/"
        && let Some(d) = small_int(ctx, i + 4, 31)
        && (1..=4).all(|k| ctx.glued(i + k))
    {
        return m(i, i + 5, NaiveDate::from_ymd_opt(y, mo, d), Grain::Day);
    }
    // European dotted "26.09.2023" (one number token for the tokenizer).
    if ctx.kind(i) == Some(TokenKind::Number) {
        let mut parts = w.split('.');
        if let (Some(a), Some(b), Some(c), None) = (parts.next(), parts.next(), parts.next(), parts.next())
            && a.len() <= 2
            && b.len() <= 2
            && c.len() == 4
            && let (Ok(d), Ok(mo), Ok(y)) = (a.parse::<u32>(), b.parse::<u32>(), c.parse::<i32>())
        {
            return m(i, i + 1, NaiveDate::from_ymd_opt(y, mo, d), Grain::Day);
        }
    }
    // "on 3/15": month and day after "on".
    if i > 0
        && ctx.is_word(i - 1, "on")
        && let Some(mo) = small_int(ctx, i, 12)
        && ctx.word(i + 1) == "/"
        && let Some(d) = small_int(ctx, i + 2, 31)
        && ctx.glued(i + 1)
        && ctx.glued(i + 2)
        && ctx.word(i + 3) != "/"
    {
        return m(i, i + 3, day(None, mo, d, reference), Grain::Day);
    }
    // Day-first: "7 July 2023", "7th of July", "5-7 May".
    if let Some(d) = small_int(ctx, i, 31) {
        let mut k = after_day(ctx, i + 1);
        if matches!(ctx.word(k), "-" | "–")
            && small_int(ctx, k + 1, 31).is_some_and(|d2| d2 > d)
            && month(ctx.word(after_day(ctx, k + 2))).is_some()
        {
            k = after_day(ctx, k + 2);
        }
        if ctx.is_word(k, "of") && month(ctx.word(k + 1)).is_some() {
            k += 1;
        }
        if let Some(mo) = month(ctx.word(k))
            && (is_capitalised(ctx, k)
                || (ctx.lw(k) != "may" && ctx.lw(k) != "march")
                || ctx.is_word(k - 1, "of")
                || k > i + 1
                || year_at(ctx, k + 1).is_some()
                || ctx.tokens.len() == k + 1)
        {
            let mut end = k + 1;
            if ctx.word(end) == "." {
                end += 1;
            }
            let year = year_at(ctx, end);
            if year.is_some() {
                end += 1;
            }
            return m(i, end, day(year, mo, d, reference), Grain::Day);
        }
    }
    // "two weeks ago" with digits: "3 days ago".
    relative(ctx, i, reference)
}

/// "Q3 2023", "Q1", "the third quarter of 2023", "third-quarter".
fn quarter(ctx: &SentenceContext, i: usize, reference: Option<NaiveDate>) -> Option<DateMatch> {
    let w = ctx.word(i);
    let (q, mut end) = if (w == "Q" || w == "q") && ctx.glued(i + 1) {
        (small_int(ctx, i + 1, 4)?, i + 2)
    } else {
        let w = ctx.lw(i);
        let &(_, q) = QUARTER_WORDS.iter().find(|&&(n, _)| n == w)?;
        let k = if ctx.word(i + 1) == "-" && ctx.glued(i + 1) {
            i + 2
        } else {
            i + 1
        };
        if !ctx.is_word(k, "quarter") {
            return None;
        }
        (q, k + 1)
    };
    let year = if ctx.is_word(end, "of") && year_at(ctx, end + 1).is_some() {
        end += 2;
        year_at(ctx, end - 1)
    } else if year_at(ctx, end).is_some() {
        end += 1;
        year_at(ctx, end - 1)
    } else {
        reference.map(|r| r.year())
    };
    let start = if i > 0 && ctx.is_word(i - 1, "the") { i - 1 } else { i };
    m(
        start,
        end,
        year.and_then(|y| NaiveDate::from_ymd_opt(y, 3 * q - 2, 1)),
        Grain::Quarter,
    )
}

fn relative(ctx: &SentenceContext, i: usize, reference: Option<NaiveDate>) -> Option<DateMatch> {
    let w = ctx.lw(i);
    let r = reference;
    // "this morning", "last night".
    if matches!(w, "this" | "last")
        && matches!(ctx.lw(i + 1), "morning" | "afternoon" | "evening" | "night")
        && !(w == "this" && ctx.lw(i + 1) == "night")
    {
        let back = if w == "last" { 1 } else { 0 };
        return m(i, i + 2, r.map(|d| d - Duration::days(back)), Grain::Day);
    }
    // "the third of March", "the 5th of May"
    if w == "the"
        && let Some((d, k)) = day_ordinal(ctx, i + 1)
        && ctx.is_word(k, "of")
        && let Some(mo) = month(ctx.word(k + 1))
    {
        let mut end = k + 2;
        let year = year_at(ctx, end);
        if year.is_some() {
            end += 1;
        } else if ctx.word(end) == "," && year_at(ctx, end + 1).is_some() {
            end += 2;
            return m(i, end, day(year_at(ctx, end - 1), mo, d, r), Grain::Day);
        }
        return m(i, end, day(year, mo, d, r), Grain::Day);
    }
    // "on the 5th": a day of the reference month.
    if w == "the"
        && i > 0
        && ctx.is_word(i - 1, "on")
        && let Some((d, k)) = day_ordinal(ctx, i + 1)
        && (ctx.kind(k) != Some(TokenKind::Word))
    {
        return m(
            i,
            k,
            r.and_then(|x| NaiveDate::from_ymd_opt(x.year(), x.month(), d)),
            Grain::Day,
        );
    }
    // "the day before yesterday", "the day after tomorrow".
    if w == "the" && ctx.is_word(i + 1, "day") {
        if ctx.is_word(i + 2, "before") && ctx.is_word(i + 3, "yesterday") {
            return m(i, i + 4, r.map(|d| d - Duration::days(2)), Grain::Day);
        }
        if ctx.is_word(i + 2, "after") && ctx.is_word(i + 3, "tomorrow") {
            return m(i, i + 4, r.map(|d| d + Duration::days(2)), Grain::Day);
        }
    }
    // "in two weeks", "in three days", "within a month" is a duration instead.
    if w == "in" {
        let num = if ctx.is_word(i + 1, "a") || ctx.is_word(i + 1, "an") {
            Some((1.0, i + 2))
        } else {
            parse_numeral(ctx.tokens, ctx.lower, i + 1).map(|n| (n.value, n.end))
        };
        if let Some((n, k)) = num
            && n.fract() == 0.0
            && n > 0.0
            && !ctx.is_word(k + 1, "of")
            && !ctx.is_word(k + 1, "old")
            && ctx.word(k + 1) != "-"
        {
            return shifted(i, k, ctx, r, n as i64);
        }
        return None;
    }
    match w {
        "today" | "tonight" => return m(i, i + 1, r, Grain::Day),
        "yesterday" => return m(i, i + 1, r.map(|d| d - Duration::days(1)), Grain::Day),
        "tomorrow" => return m(i, i + 1, r.map(|d| d + Duration::days(1)), Grain::Day),
        "last" | "next" | "this" => {
            let sign = match w {
                "last" => -1,
                "next" => 1,
                _ => 0,
            };
            let (grain, date) = match ctx.lw(i + 1) {
                "week" => (
                    Grain::Week,
                    r.map(|d| {
                        let monday = d - Duration::days(d.weekday().num_days_from_monday() as i64);
                        monday + Duration::weeks(sign)
                    }),
                ),
                "month" => (Grain::Month, r.and_then(|d| shift_months(first_of_month(d), sign))),
                "year" => (
                    Grain::Year,
                    r.and_then(|d| NaiveDate::from_ymd_opt(d.year() + sign as i32, 1, 1)),
                ),
                "quarter" => (
                    Grain::Quarter,
                    r.and_then(|d| shift_months(first_of_quarter(d), 3 * sign)),
                ),
                _ => return None,
            };
            return m(i, i + 2, date, grain);
        }
        _ => {}
    }
    // "two weeks ago", "3 days ago", "a year ago".
    if !ctx.counts_from {
        return None;
    }
    let num = parse_numeral(ctx.tokens, ctx.lower, i)
        .map(|n| (n.value, n.end))
        .or_else(|| matches!(w, "a" | "an").then_some((1.0, i + 1)));
    if let Some((n, k)) = num
        && n.fract() == 0.0
        && (ctx.is_word(k + 1, "ago")
            || (ctx.is_word(k + 1, "from") && (ctx.is_word(k + 2, "now") || ctx.is_word(k + 2, "today"))))
    {
        let ago = ctx.is_word(k + 1, "ago");
        let d = shifted(i, k, ctx, r, if ago { -(n as i64) } else { n as i64 })?;
        return m(i, if ago { k + 2 } else { k + 3 }, d.date, d.grain);
    }
    None
}

/// `n` units (the word at `k`) after the reference (before it when negative),
/// at the unit's grain; the match runs from `i` to the unit.
fn shifted(i: usize, k: usize, ctx: &SentenceContext, r: Option<NaiveDate>, n: i64) -> Option<DateMatch> {
    let unit = ctx.lw(k);
    let (grain, date) = match unit.trim_end_matches('s') {
        // "2 hours ago": within the day at this grain.
        "hour" | "minute" | "min" | "hr" => (Grain::Day, r),
        "day" => (Grain::Day, r.map(|d| d + Duration::days(n))),
        "week" => (
            Grain::Week,
            r.map(|d| {
                let d = d + Duration::weeks(n);
                d - Duration::days(d.weekday().num_days_from_monday() as i64)
            }),
        ),
        "month" => (Grain::Month, r.and_then(|d| shift_months(first_of_month(d), n))),
        "year" => (
            Grain::Year,
            r.and_then(|d| NaiveDate::from_ymd_opt(d.year() + n as i32, 1, 1)),
        ),
        "decade" => (
            Grain::Year,
            r.and_then(|d| NaiveDate::from_ymd_opt(d.year() + 10 * n as i32, 1, 1)),
        ),
        "fortnight" => (
            Grain::Week,
            r.map(|d| {
                let d = d + Duration::weeks(2 * n);
                d - Duration::days(d.weekday().num_days_from_monday() as i64)
            }),
        ),
        _ => return None,
    };
    m(i, k + 1, date, grain)
}

/// How a holiday falls in a given year.
#[derive(Clone, Copy)]
enum Rule {
    /// A fixed month and day.
    Fixed(u32, u32),
    /// The nth weekday of a month (n = 5: the last one).
    Nth(u32, Weekday, u8),
    /// Days after Easter Sunday.
    Easter(i64),
    /// Days after the fourth Thursday of November.
    Thanksgiving(i64),
}

/// Holidays: their words (lower case; `'` also matches `’`) and their rule.
const HOLIDAYS: &[(&[&str], Rule)] = &[
    (&["christmas", "eve"], Rule::Fixed(12, 24)),
    (&["christmas", "day"], Rule::Fixed(12, 25)),
    (&["christmas"], Rule::Fixed(12, 25)),
    (&["xmas"], Rule::Fixed(12, 25)),
    (&["boxing", "day"], Rule::Fixed(12, 26)),
    (&["new", "year's", "eve"], Rule::Fixed(12, 31)),
    (&["new", "years", "eve"], Rule::Fixed(12, 31)),
    (&["new", "year's", "day"], Rule::Fixed(1, 1)),
    (&["new", "years", "day"], Rule::Fixed(1, 1)),
    (&["new", "year's"], Rule::Fixed(1, 1)),
    (&["valentine's", "day"], Rule::Fixed(2, 14)),
    (&["valentines", "day"], Rule::Fixed(2, 14)),
    (&["groundhog", "day"], Rule::Fixed(2, 2)),
    (&["st", "patrick's", "day"], Rule::Fixed(3, 17)),
    (&["st", ".", "patrick's", "day"], Rule::Fixed(3, 17)),
    (&["saint", "patrick's", "day"], Rule::Fixed(3, 17)),
    (&["april", "fools", "day"], Rule::Fixed(4, 1)),
    (&["april", "fools", "'", "day"], Rule::Fixed(4, 1)),
    (&["april", "fool's", "day"], Rule::Fixed(4, 1)),
    (&["earth", "day"], Rule::Fixed(4, 22)),
    (&["may", "day"], Rule::Fixed(5, 1)),
    (&["juneteenth"], Rule::Fixed(6, 19)),
    (&["canada", "day"], Rule::Fixed(7, 1)),
    (&["independence", "day"], Rule::Fixed(7, 4)),
    (&["bastille", "day"], Rule::Fixed(7, 14)),
    (&["halloween"], Rule::Fixed(10, 31)),
    (&["all", "saints", "day"], Rule::Fixed(11, 1)),
    (&["all", "saints'", "day"], Rule::Fixed(11, 1)),
    (&["veterans", "day"], Rule::Fixed(11, 11)),
    (&["veterans'", "day"], Rule::Fixed(11, 11)),
    (&["armistice", "day"], Rule::Fixed(11, 11)),
    (&["remembrance", "day"], Rule::Fixed(11, 11)),
    (&["australia", "day"], Rule::Fixed(1, 26)),
    (
        &["martin", "luther", "king", "jr", ".", "day"],
        Rule::Nth(1, Weekday::Mon, 3),
    ),
    (
        &["martin", "luther", "king", "jr", "day"],
        Rule::Nth(1, Weekday::Mon, 3),
    ),
    (&["martin", "luther", "king", "day"], Rule::Nth(1, Weekday::Mon, 3)),
    (&["mlk", "day"], Rule::Nth(1, Weekday::Mon, 3)),
    (&["presidents", "day"], Rule::Nth(2, Weekday::Mon, 3)),
    (&["presidents'", "day"], Rule::Nth(2, Weekday::Mon, 3)),
    (&["president's", "day"], Rule::Nth(2, Weekday::Mon, 3)),
    (&["mother's", "day"], Rule::Nth(5, Weekday::Sun, 2)),
    (&["mothers", "day"], Rule::Nth(5, Weekday::Sun, 2)),
    (&["memorial", "day"], Rule::Nth(5, Weekday::Mon, 5)),
    (&["father's", "day"], Rule::Nth(6, Weekday::Sun, 3)),
    (&["fathers", "day"], Rule::Nth(6, Weekday::Sun, 3)),
    (&["labor", "day"], Rule::Nth(9, Weekday::Mon, 1)),
    (&["labour", "day"], Rule::Nth(9, Weekday::Mon, 1)),
    (&["columbus", "day"], Rule::Nth(10, Weekday::Mon, 2)),
    (&["indigenous", "peoples", "day"], Rule::Nth(10, Weekday::Mon, 2)),
    (&["indigenous", "peoples'", "day"], Rule::Nth(10, Weekday::Mon, 2)),
    (&["thanksgiving", "day"], Rule::Thanksgiving(0)),
    (&["thanksgiving"], Rule::Thanksgiving(0)),
    (&["black", "friday"], Rule::Thanksgiving(1)),
    (&["cyber", "monday"], Rule::Thanksgiving(4)),
    (&["good", "friday"], Rule::Easter(-2)),
    (&["holy", "saturday"], Rule::Easter(-1)),
    (&["easter", "sunday"], Rule::Easter(0)),
    (&["easter", "monday"], Rule::Easter(1)),
    (&["easter"], Rule::Easter(0)),
    (&["palm", "sunday"], Rule::Easter(-7)),
    (&["ash", "wednesday"], Rule::Easter(-46)),
    (&["shrove", "tuesday"], Rule::Easter(-47)),
    (&["mardi", "gras"], Rule::Easter(-47)),
    (&["ascension", "day"], Rule::Easter(39)),
    (&["pentecost"], Rule::Easter(49)),
    (&["whit", "monday"], Rule::Easter(50)),
];

/// Easter Sunday (the anonymous Gregorian computus).
fn easter(y: i32) -> Option<NaiveDate> {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(y, month as u32, day as u32)
}

impl Rule {
    fn date(self, y: i32) -> Option<NaiveDate> {
        match self {
            Rule::Fixed(mo, d) => NaiveDate::from_ymd_opt(y, mo, d),
            Rule::Nth(mo, wd, 5) => {
                let next = if mo == 12 {
                    NaiveDate::from_ymd_opt(y + 1, 1, 1)
                } else {
                    NaiveDate::from_ymd_opt(y, mo + 1, 1)
                }?;
                let last = next - Duration::days(1);
                let back =
                    (last.weekday().num_days_from_monday() as i64 - wd.num_days_from_monday() as i64).rem_euclid(7);
                Some(last - Duration::days(back))
            }
            Rule::Nth(mo, wd, n) => NaiveDate::from_weekday_of_month_opt(y, mo, wd, n),
            Rule::Easter(days) => easter(y).map(|e| e + Duration::days(days)),
            Rule::Thanksgiving(days) => {
                NaiveDate::from_weekday_of_month_opt(y, 11, Weekday::Thu, 4).map(|t| t + Duration::days(days))
            }
        }
    }
}

fn same_word(text: &str, pattern: &str) -> bool {
    if text.len() == pattern.len() {
        return text == pattern;
    }
    // A curly apostrophe is three bytes where the pattern has one.
    text.len() == pattern.len() + 2
        && text
            .chars()
            .map(|c| if c == '’' { '\'' } else { c })
            .eq(pattern.chars())
}

/// Whether a lower-case word can open a holiday's name (a cheap filter before the table).
fn opens_holiday(w: &str) -> bool {
    let w = w.split(['\'', '’']).next().unwrap_or(w);
    matches!(
        w,
        "christmas"
            | "xmas"
            | "boxing"
            | "new"
            | "valentine"
            | "valentines"
            | "groundhog"
            | "st"
            | "saint"
            | "april"
            | "earth"
            | "may"
            | "juneteenth"
            | "canada"
            | "independence"
            | "bastille"
            | "halloween"
            | "all"
            | "veterans"
            | "armistice"
            | "remembrance"
            | "australia"
            | "martin"
            | "mlk"
            | "presidents"
            | "president"
            | "mother"
            | "mothers"
            | "memorial"
            | "father"
            | "fathers"
            | "labor"
            | "labour"
            | "columbus"
            | "indigenous"
            | "thanksgiving"
            | "black"
            | "cyber"
            | "good"
            | "holy"
            | "easter"
            | "palm"
            | "ash"
            | "shrove"
            | "mardi"
            | "ascension"
            | "pentecost"
            | "whit"
    )
}

fn holiday(ctx: &SentenceContext, i: usize, reference: Option<NaiveDate>) -> Option<DateMatch> {
    let first = ctx.lw(i);
    if !opens_holiday(first) {
        return None;
    }
    let (words, rule) = HOLIDAYS.iter().find(|(words, _)| {
        same_word(first, words[0])
            && words
                .iter()
                .enumerate()
                .skip(1)
                .all(|(k, w)| same_word(ctx.lw(i + k), w))
    })?;
    // "may day" in lower case is too often "may" + "day"; holidays are proper nouns
    // except when every word is lower case and unambiguous.
    if first == "may" && !is_capitalised(ctx, i) {
        return None;
    }
    let end = i + words.len();
    let (year, end) = match year_at(ctx, end) {
        Some(y) => (Some(y), end + 1),
        None => (reference.map(|r| r.year()), end),
    };
    m(i, end, year.and_then(|y| rule.date(y)), Grain::Day)
}

/// A day of the month written as an ordinal: "5th", "third", "twenty-first".
fn day_ordinal(ctx: &SentenceContext, i: usize) -> Option<(u32, usize)> {
    if let Some(d) = small_int(ctx, i, 31) {
        let k = after_day(ctx, i + 1);
        return (k > i + 1).then_some((d, k));
    }
    let (v, k) = super::numbers::parse_word_ordinal(ctx.tokens, ctx.lower, i)?;
    (1.0..=31.0).contains(&v).then_some((v as u32, k))
}

fn first_of_month(d: NaiveDate) -> NaiveDate {
    d.with_day(1).unwrap_or(d)
}

fn first_of_quarter(d: NaiveDate) -> NaiveDate {
    let m = (d.month() - 1) / 3 * 3 + 1;
    NaiveDate::from_ymd_opt(d.year(), m, 1).unwrap_or(d)
}

fn shift_months(d: NaiveDate, by: i64) -> Option<NaiveDate> {
    let total = d.year() as i64 * 12 + (d.month() as i64 - 1) + by;
    NaiveDate::from_ymd_opt((total.div_euclid(12)) as i32, (total.rem_euclid(12) + 1) as u32, 1)
}
