//! Finds the figures of one sentence: numerals, with the qualifiers, ranges,
//! currencies, percent signs and units around them, classified by kind. What
//! is not a count (years, dates, times, list numbers, codes, read-times) is
//! recognised here so that it never reaches the claim checks.

use chrono::NaiveDate;

use super::numbers::{Numeral, parse_numeral};
use super::{Figure, FigureKind, Grain, currency_prefix, currency_word, dates, looks_plural, singular};
use crate::text::{Span, Token, TokenKind, is_stopword};

pub struct SentenceContext<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    pub sentence: Span,
    pub paragraph: usize,
    pub opens_paragraph: bool,
    pub reference: Option<NaiveDate>,
}

impl SentenceContext<'_> {
    pub fn word(&self, i: usize) -> &str {
        match self.tokens.get(i) {
            Some(t) => t.text(self.text),
            None => "",
        }
    }
    pub fn is_word(&self, i: usize, w: &str) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Word && t.text(self.text).eq_ignore_ascii_case(w))
    }
    pub fn kind(&self, i: usize) -> Option<TokenKind> {
        self.tokens.get(i).map(|t| t.kind)
    }
    fn glued(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.glued)
    }
    pub fn span(&self, from: usize, to: usize) -> Span {
        Span::new(self.tokens[from].span.start, self.tokens[to - 1].span.end)
    }
}

/// Relative width of an approximate figure ("about 380" → 370.5..389.5).
pub const APPROX_TOLERANCE: f64 = 0.025;

fn approx_amount(v: f64) -> f64 {
    let t = (v.abs() * APPROX_TOLERANCE).max(if v.abs() < 100.0 { 1.0 } else { 0.0 });
    if v.abs() < 1.0 { v.abs() * 0.1 } else { t }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Qualifier {
    /// up to, at most, no more than, as many as
    AtMost,
    /// at least, more than, over, upwards of
    AtLeast,
    /// about, around, approximately, roughly, some, an estimated
    About,
    /// nearly, almost, just under
    Nearly,
    /// just over, a little more than
    JustOver,
}

/// Qualifier phrases, longest first; matched backwards from the numeral.
const QUALIFIERS: &[(&[&str], Qualifier)] = &[
    (&["no", "more", "than"], Qualifier::AtMost),
    (&["not", "more", "than"], Qualifier::AtMost),
    (&["no", "fewer", "than"], Qualifier::AtLeast),
    (&["no", "less", "than"], Qualifier::AtLeast),
    (&["a", "maximum", "of"], Qualifier::AtMost),
    (&["a", "minimum", "of"], Qualifier::AtLeast),
    (&["as", "many", "as"], Qualifier::AtMost),
    (&["as", "much", "as"], Qualifier::AtMost),
    (&["in", "excess", "of"], Qualifier::AtLeast),
    (&["a", "little", "over"], Qualifier::JustOver),
    (&["just", "over"], Qualifier::JustOver),
    (&["just", "under"], Qualifier::Nearly),
    (&["just", "shy", "of"], Qualifier::Nearly),
    (&["close", "to"], Qualifier::Nearly),
    (&["up", "to"], Qualifier::AtMost),
    (&["at", "most"], Qualifier::AtMost),
    (&["at", "least"], Qualifier::AtLeast),
    (&["more", "than"], Qualifier::AtLeast),
    (&["greater", "than"], Qualifier::AtLeast),
    (&["fewer", "than"], Qualifier::AtMost),
    (&["less", "than"], Qualifier::AtMost),
    (&["upwards", "of"], Qualifier::AtLeast),
    (&["an", "estimated"], Qualifier::About),
    (&["more", "or", "less"], Qualifier::About),
    (&["in", "the", "region", "of"], Qualifier::About),
    (&["some"], Qualifier::About),
    (&["about"], Qualifier::About),
    (&["around"], Qualifier::About),
    (&["approximately"], Qualifier::About),
    (&["approx"], Qualifier::About),
    (&["roughly"], Qualifier::About),
    (&["estimated"], Qualifier::About),
    (&["circa"], Qualifier::About),
    (&["nearly"], Qualifier::Nearly),
    (&["almost"], Qualifier::Nearly),
    (&["over"], Qualifier::AtLeast),
    (&["above"], Qualifier::AtLeast),
    (&["exceeding"], Qualifier::AtLeast),
    (&["under"], Qualifier::AtMost),
    (&["below"], Qualifier::AtMost),
    (&["maximum"], Qualifier::AtMost),
    (&["minimum"], Qualifier::AtLeast),
];

fn qualifier_before(ctx: &SentenceContext, at: usize, floor: usize) -> Option<(Qualifier, usize)> {
    for (words, q) in QUALIFIERS {
        let n = words.len();
        if at < n + floor {
            continue;
        }
        let start = at - n;
        if words.iter().enumerate().all(|(k, w)| ctx.is_word(start + k, w)) {
            return Some((*q, start));
        }
    }
    // "~400"
    if at > floor && ctx.word(at - 1) == "~" {
        return Some((Qualifier::About, at - 1));
    }
    None
}

const TIME_UNITS: &[(&str, &str)] = &[
    ("second", "second"),
    ("seconds", "second"),
    ("secs", "second"),
    ("minute", "minute"),
    ("minutes", "minute"),
    ("min", "minute"),
    ("mins", "minute"),
    ("hour", "hour"),
    ("hours", "hour"),
    ("hrs", "hour"),
    ("day", "day"),
    ("days", "day"),
    ("week", "week"),
    ("weeks", "week"),
    ("fortnight", "fortnight"),
    ("month", "month"),
    ("months", "month"),
    ("year", "year"),
    ("years", "year"),
    ("decade", "decade"),
    ("decades", "decade"),
    ("century", "century"),
    ("centuries", "century"),
];

/// Physical units: surface form → singular canonical unit.
const PHYSICAL_UNITS: &[(&str, &str)] = &[
    ("km", "kilometre"),
    ("kms", "kilometre"),
    ("kilometre", "kilometre"),
    ("kilometres", "kilometre"),
    ("kilometer", "kilometre"),
    ("kilometers", "kilometre"),
    ("m", "metre"),
    ("metre", "metre"),
    ("metres", "metre"),
    ("meter", "metre"),
    ("meters", "metre"),
    ("cm", "centimetre"),
    ("centimetres", "centimetre"),
    ("centimeters", "centimetre"),
    ("centimetre", "centimetre"),
    ("centimeter", "centimetre"),
    ("mm", "millimetre"),
    ("millimetres", "millimetre"),
    ("millimeters", "millimetre"),
    ("mile", "mile"),
    ("miles", "mile"),
    ("mi", "mile"),
    ("ft", "foot"),
    ("foot", "foot"),
    ("feet", "foot"),
    ("inch", "inch"),
    ("inches", "inch"),
    ("in", "inch"),
    ("yard", "yard"),
    ("yards", "yard"),
    ("kg", "kilogram"),
    ("kgs", "kilogram"),
    ("kilogram", "kilogram"),
    ("kilograms", "kilogram"),
    ("kilo", "kilogram"),
    ("kilos", "kilogram"),
    ("g", "gram"),
    ("gram", "gram"),
    ("grams", "gram"),
    ("mg", "milligram"),
    ("lb", "pound"),
    ("lbs", "pound"),
    ("ounce", "ounce"),
    ("ounces", "ounce"),
    ("oz", "ounce"),
    ("tonne", "tonne"),
    ("tonnes", "tonne"),
    ("ton", "ton"),
    ("tons", "ton"),
    ("t", "tonne"),
    ("litre", "litre"),
    ("litres", "litre"),
    ("liter", "litre"),
    ("liters", "litre"),
    ("l", "litre"),
    ("ml", "millilitre"),
    ("gallon", "gallon"),
    ("gallons", "gallon"),
    ("barrel", "barrel"),
    ("barrels", "barrel"),
    ("acre", "acre"),
    ("acres", "acre"),
    ("hectare", "hectare"),
    ("hectares", "hectare"),
    ("ha", "hectare"),
    ("sq", "square"),
    ("mph", "mile per hour"),
    ("kph", "kilometre per hour"),
    ("km/h", "kilometre per hour"),
    ("knots", "knot"),
    ("knot", "knot"),
    ("mw", "megawatt"),
    ("megawatts", "megawatt"),
    ("megawatt", "megawatt"),
    ("gw", "gigawatt"),
    ("kw", "kilowatt"),
    ("kwh", "kilowatt hour"),
    ("degrees", "degree"),
    ("degree", "degree"),
];

fn lookup<'a>(table: &'a [(&str, &'a str)], w: &str) -> Option<&'a str> {
    table.iter().find(|(k, _)| k.eq_ignore_ascii_case(w)).map(|(_, v)| *v)
}

/// Scans one sentence, appending its figures.
pub fn scan(ctx: &SentenceContext, out: &mut Vec<Figure>) {
    let mut i = 0;
    let n = ctx.tokens.len();
    // Tokens consumed by a previous figure (qualifiers may not reach back past it).
    let mut floor = 0;
    while i < n {
        if let Some(d) = dates::match_date(ctx, i) {
            let span = ctx.span(d.start, d.end);
            out.push(Figure {
                span,
                kind: d.kind,
                value: d.value,
                min: d.value,
                max: d.value,
                approximate: false,
                unit: None,
                date: d.date,
                grain: Some(d.grain),
                entity: None,
                measure: None,
                paragraph: ctx.paragraph,
                sentence: ctx.sentence,
                noun: None,
                cue: None,
            });
            i = d.end;
            floor = i;
            continue;
        }
        let Some(num) = parse_numeral(ctx.tokens, ctx.text, i) else {
            i += 1;
            continue;
        };
        match classify(ctx, num, floor) {
            Some((fig, end)) => {
                out.push(fig);
                i = end;
                floor = end;
            }
            None => {
                // Skip the rest of a rejected token chain ("10:30", "555-0100", "1.2.3").
                let mut k = num.end.max(i + 1);
                while k + 1 < n
                    && ctx.glued(k)
                    && ctx.glued(k + 1)
                    && matches!(ctx.word(k), ":" | "-" | "/" | ".")
                    && ctx.kind(k + 1) == Some(TokenKind::Number)
                {
                    k += 2;
                }
                i = k;
            }
        }
    }
}

/// Whether a numeral is an identifier, list number, time, code or rank rather
/// than a figure.
fn is_not_a_figure(ctx: &SentenceContext, num: &Numeral) -> bool {
    let first = &ctx.tokens[num.start];
    if first.kind != TokenKind::Number {
        // "one" alone as a pronoun: "one of the", "no one", "the one".
        let w = ctx.word(num.start);
        if w.eq_ignore_ascii_case("one") && num.end == num.start + 1 {
            let prev = if num.start > 0 { ctx.word(num.start - 1) } else { "" };
            let next = ctx.word(num.end);
            if next.eq_ignore_ascii_case("of")
                || next.eq_ignore_ascii_case("another")
                || prev.eq_ignore_ascii_case("no")
                || prev.eq_ignore_ascii_case("the")
                || prev.eq_ignore_ascii_case("any")
                || prev.eq_ignore_ascii_case("every")
                || next.is_empty()
                || ctx.kind(num.end) == Some(TokenKind::Punct)
            {
                return true;
            }
        }
        return false;
    }
    let digits = first.text(ctx.text);
    // Glued to a preceding word: model numbers and scraped counters ("AD310", "views0").
    if first.glued && num.start > 0 && ctx.kind(num.start - 1) == Some(TokenKind::Word) {
        return true;
    }
    // Codes with leading zeros ("007").
    if digits.len() > 1 && digits.starts_with('0') && !digits.starts_with("0.") {
        return true;
    }
    // Version numbers "1.2.3" fail to parse; "v2" is glued. Glued unknown suffix: "3D", "4x4".
    if let Some(next) = ctx.tokens.get(num.end)
        && next.glued
        && next.kind == TokenKind::Word
    {
        let w = next.text(ctx.text);
        let known = lookup(PHYSICAL_UNITS, w).is_some()
            || lookup(TIME_UNITS, w).is_some()
            || matches!(
                w.to_ascii_lowercase().as_str(),
                "st" | "nd" | "rd" | "th" | "am" | "pm" | "s"
            )
            || currency_word(&w.to_lowercase()).is_some();
        if !known {
            return true;
        }
    }
    // A list number opening a paragraph ("1. WATCH", "2) …").
    if num.start == 0 && ctx.opens_paragraph && matches!(ctx.word(num.end), "." | ")") {
        return true;
    }
    // Times of day: "10:30", "7 p.m.", "7pm".
    if ctx.word(num.end) == ":" && ctx.kind(num.end + 1) == Some(TokenKind::Number) && ctx.glued(num.end + 1) {
        return true;
    }
    let next = ctx.word(num.end).to_ascii_lowercase();
    if matches!(
        next.as_str(),
        "am" | "pm" | "a.m" | "p.m" | "gmt" | "utc" | "est" | "edt" | "pst" | "o’clock" | "o'clock"
    ) || (matches!(next.as_str(), "a" | "p") && ctx.word(num.end + 1) == "." && ctx.is_word(num.end + 2, "m"))
    {
        return true;
    }
    // Ranks and numbered things: "No. 118", "#1", "number 5", "page 3", "article 7".
    if num.start > 0 {
        let prev = ctx.word(num.start - 1);
        let prev2 = if num.start > 1 { ctx.word(num.start - 2) } else { "" };
        if prev == "#"
            || (prev == "." && matches!(prev2, "No" | "no" | "Nos" | "Art" | "Sec" | "p" | "pp" | "Vol"))
            || matches!(
                prev.to_ascii_lowercase().as_str(),
                "number"
                    | "page"
                    | "article"
                    | "section"
                    | "chapter"
                    | "version"
                    | "route"
                    | "highway"
                    | "flight"
                    | "room"
                    | "episode"
                    | "season"
                    | "volume"
                    | "resolution"
                    | "no"
            )
        {
            return true;
        }
    }
    // Phone numbers: 555-123-4567, (305) 555-0100.
    if ctx.word(num.end) == "-"
        && ctx.kind(num.end + 1) == Some(TokenKind::Number)
        && ctx.word(num.end + 2) == "-"
        && ctx.kind(num.end + 3) == Some(TokenKind::Number)
    {
        return true;
    }
    false
}

/// Classifies a numeral in context. Returns the figure and the token index after it.
fn classify(ctx: &SentenceContext, num: Numeral, floor: usize) -> Option<(Figure, usize)> {
    if is_not_a_figure(ctx, &num) {
        return None;
    }
    let mut start = num.start;
    let mut end = num.end;
    let mut kind = FigureKind::Count;
    let mut unit: Option<String> = None;
    let mut negative = false;

    // Currency before the number: "$", "US$", "€", "USD".
    if start > floor {
        let prev = ctx.word(start - 1);
        let mut code = currency_prefix(prev);
        let mut cstart = start - 1;
        if prev == "$"
            && start >= 2 + floor
            && matches!(
                ctx.word(start - 2),
                "US" | "A" | "C" | "NZ" | "HK" | "MX" | "R" | "CA" | "AU"
            )
            && ctx.glued(start - 1)
        {
            code = currency_prefix(&format!("{}$", ctx.word(start - 2)));
            cstart = start - 2;
        }
        if let Some(c) = code {
            kind = FigureKind::Money;
            unit = Some(c.to_string());
            start = cstart;
        }
    }
    // A minus sign glued to the number.
    if start > floor
        && matches!(ctx.word(start - 1), "-" | "−")
        && ctx.glued(start)
        && (start == 1 || !ctx.glued(start - 1))
    {
        negative = true;
        start -= 1;
    }
    let value = if negative { -num.value } else { num.value };

    // Years: four digits, no separators, in a plausible range.
    let first_text = ctx.word(num.start);
    if kind == FigureKind::Count
        && !num.in_words
        && !num.decimal
        && !num.grouped
        && num.end == num.start + 1
        && first_text.len() == 4
        && (1500.0..=2100.0).contains(&num.value)
    {
        let next = ctx.word(num.end);
        let counted = looks_plural(next)
            && next.chars().next().is_some_and(char::is_lowercase)
            && !is_stopword(&next.to_lowercase());
        if !counted {
            // "2023-24": a season spans two years.
            let mut yend = num.end;
            if ctx.word(yend) == "-"
                && ctx.glued(yend)
                && ctx.kind(yend + 1) == Some(TokenKind::Number)
                && ctx.glued(yend + 1)
                && ctx.word(yend + 1).len() == 2
            {
                yend += 2;
            }
            let year = num.value as i32;
            let fig = Figure {
                span: ctx.span(start, yend),
                kind: FigureKind::Year,
                value: Some(num.value),
                min: Some(num.value),
                max: Some(num.value),
                approximate: false,
                unit: None,
                date: NaiveDate::from_ymd_opt(year, 1, 1),
                grain: Some(Grain::Year),
                ..blank(ctx)
            };
            return Some((fig, yend));
        }
    }

    // Ordinals: "1st", "21st", "3rd".
    if let Some(next) = ctx.tokens.get(end)
        && next.glued
        && matches!(ctx.word(end).to_ascii_lowercase().as_str(), "st" | "nd" | "rd" | "th")
    {
        let fig = Figure {
            span: ctx.span(start, end + 1),
            kind: FigureKind::Ordinal,
            value: Some(value),
            min: Some(value),
            max: Some(value),
            ..blank(ctx)
        };
        return Some((fig, end + 1));
    }

    // A range: "2,000-2,500", "2,000 to 2,500", "between X and Y", "from X to Y".
    let joiner = ctx.word(end);
    let between = start > floor && ctx.is_word(start - 1, "between");
    let from = start > floor && ctx.is_word(start - 1, "from");
    let range_joiner = matches!(joiner, "-" | "–" | "—")
        || (joiner.eq_ignore_ascii_case("to") && !between)
        || (joiner.eq_ignore_ascii_case("and") && between);
    if range_joiner {
        let mut k = end + 1;
        // "$2-$3 million"
        if kind == FigureKind::Money && currency_prefix(ctx.word(k)).is_some() {
            k += 1;
        }
        if let Some(hi) = parse_numeral(ctx.tokens, ctx.text, k)
            && hi.in_words == num.in_words
            && !is_not_a_figure(ctx, &hi)
        {
            let mut lo = value;
            // "2-3 million": the scale of the upper bound applies to both.
            if !num.in_words
                && num.end == num.start + 1
                && let Some((digits, _, _)) = crate::extract::numbers::parse_digits(ctx.word(hi.start))
                && digits > 0.0
                && hi.value / digits > 1.0
            {
                lo *= hi.value / digits;
            }
            if hi.value > lo {
                return Some(finish_range(
                    ctx,
                    start,
                    hi.end,
                    lo,
                    hi.value,
                    kind,
                    unit,
                    between || from,
                ));
            }
            if matches!(joiner, "-" | "–") && !num.in_words {
                return None; // a score or a code such as "3-1"
            }
        }
    }

    // Percent, currency words, units and durations after the number.
    let next = ctx.word(end);
    let next_l = next.to_ascii_lowercase();
    if next == "%" || next_l == "percent" || next_l == "pct" {
        kind = FigureKind::Percent;
        unit = Some("%".into());
        end += 1;
    } else if next_l == "per" && ctx.is_word(end + 1, "cent") {
        kind = FigureKind::Percent;
        unit = Some("%".into());
        end += 2;
    } else if next_l == "percentage" && ctx.is_word(end + 1, "points") {
        kind = FigureKind::Percent;
        unit = Some("percentage point".into());
        end += 2;
    } else if kind != FigureKind::Money
        && currency_word(&next.to_lowercase()).is_some()
        && !(next_l == "pounds" && ctx.is_word(end + 1, "of"))
        && (next_l != "won" || ctx.glued(end))
    {
        kind = FigureKind::Money;
        unit = currency_word(&next.to_lowercase()).map(str::to_string);
        end += 1;
    } else if kind == FigureKind::Money && currency_word(&next.to_lowercase()).is_some() {
        end += 1;
    } else if kind != FigureKind::Money {
        // A hyphenated unit ("900-metre") or a unit word ("30,000 miles", "20km").
        let (k, hyph) = if next == "-" && ctx.glued(end) && ctx.glued(end + 1) {
            (end + 1, true)
        } else {
            (end, false)
        };
        let w = ctx.word(k);
        if w.eq_ignore_ascii_case("min") && ctx.is_word(k + 1, "read") {
            return None; // page furniture: "7 min read"
        }
        let w_ok = ctx.kind(k) == Some(TokenKind::Word);
        if w_ok && let Some(u) = lookup(TIME_UNITS, w) {
            // "61-year-old": an age, not a duration.
            if hyph && ctx.word(k + 1) == "-" && ctx.is_word(k + 2, "old") {
                let fig = Figure {
                    span: ctx.span(start, k + 3),
                    kind: FigureKind::Quantity,
                    value: Some(value),
                    min: Some(value),
                    max: Some(value),
                    unit: Some("year of age".into()),
                    ..blank(ctx)
                };
                return Some((fig, k + 3));
            }
            if ctx.is_word(k + 1, "old") || (ctx.is_word(k + 1, "of") && ctx.is_word(k + 2, "age")) {
                let e = if ctx.is_word(k + 1, "old") { k + 2 } else { k + 3 };
                let fig = Figure {
                    span: ctx.span(start, e),
                    kind: FigureKind::Quantity,
                    value: Some(value),
                    min: Some(value),
                    max: Some(value),
                    unit: Some("year of age".into()),
                    ..blank(ctx)
                };
                return Some((fig, e));
            }
            // "two weeks ago" is a date (handled by the date matcher); here a duration.
            kind = FigureKind::Duration;
            unit = Some(u.to_string());
            end = k + 1;
        } else if w_ok && let Some(u) = physical_unit(ctx, k, num.in_words) {
            kind = FigureKind::Quantity;
            unit = Some(u.0);
            end = u.1;
        } else if w == "°" || w == "º" {
            let scale = ctx.word(k + 1);
            let (u, e) = match scale {
                "C" => ("degree Celsius", k + 2),
                "F" => ("degree Fahrenheit", k + 2),
                _ => ("degree", k + 1),
            };
            kind = FigureKind::Quantity;
            unit = Some(u.into());
            end = e;
        }
    }

    let mut fig = Figure {
        span: ctx.span(start, end),
        kind,
        value: Some(value),
        min: Some(value),
        max: Some(value),
        unit,
        ..blank(ctx)
    };
    if let Some((lo, hi)) = num.vague {
        fig.value = None;
        fig.min = Some(lo);
        fig.max = hi;
        fig.approximate = true;
    }
    if fig.kind == FigureKind::Count {
        let (noun, nend) = counted_noun(ctx, end, value);
        if let Some(noun_span) = noun {
            fig.unit = Some(singular(&ctx.text[noun_span.start..noun_span.end]));
            fig.noun = Some(noun_span);
        }
        let _ = nend;
    }
    // Qualifiers before (and after the currency symbol: "about $300").
    let qual = qualifier_before(ctx, start, floor).or_else(|| {
        if start != num.start {
            qualifier_before(ctx, num.start, floor)
        } else {
            None
        }
    });
    if let Some((q, qstart)) = qual {
        apply_qualifier(&mut fig, q, value);
        fig.span = Span::new(ctx.tokens[qstart.min(start)].span.start, fig.span.end);
    }
    Some((fig, end))
}

#[allow(clippy::too_many_arguments)]
fn finish_range(
    ctx: &SentenceContext,
    start: usize,
    end: usize,
    lo: f64,
    hi: f64,
    kind: FigureKind,
    unit: Option<String>,
    worded: bool,
) -> (Figure, usize) {
    let mut start = start;
    if worded {
        start -= 1; // include "between"/"from"
    }
    let mut end = end;
    let mut kind = kind;
    let mut unit = unit;
    let next = ctx.word(end);
    if next == "%" || next.eq_ignore_ascii_case("percent") {
        kind = FigureKind::Percent;
        unit = Some("%".into());
        end += 1;
    } else if let Some(c) = currency_word(&next.to_lowercase()) {
        kind = FigureKind::Money;
        unit = Some(c.into());
        end += 1;
    } else if kind == FigureKind::Count
        && let Some(u) = lookup(TIME_UNITS, next)
    {
        kind = FigureKind::Duration;
        unit = Some(u.into());
        end += 1;
    } else if kind == FigureKind::Count
        && let Some(u) = physical_unit(ctx, end, false)
    {
        kind = FigureKind::Quantity;
        unit = Some(u.0);
        end = u.1;
    }
    let mut fig = Figure {
        span: ctx.span(start, end),
        kind,
        value: None,
        min: Some(lo),
        max: Some(hi),
        unit,
        ..blank(ctx)
    };
    if kind == FigureKind::Count {
        let (noun, _) = counted_noun(ctx, end, hi);
        if let Some(s) = noun {
            fig.unit = Some(singular(&ctx.text[s.start..s.end]));
            fig.noun = Some(s);
        }
    }
    if start > 0
        && let Some((q, qs)) = qualifier_before(ctx, start, 0)
        && q == Qualifier::About
    {
        fig.approximate = true;
        fig.min = Some(lo - approx_amount(lo));
        fig.max = Some(hi + approx_amount(hi));
        fig.span = Span::new(ctx.tokens[qs].span.start, fig.span.end);
    }
    (fig, end)
}

fn physical_unit(ctx: &SentenceContext, k: usize, in_words: bool) -> Option<(String, usize)> {
    let w = ctx.word(k);
    let u = lookup(PHYSICAL_UNITS, w)?;
    // One-letter and ambiguous abbreviations only when glued to digits ("5m", "20t", "3in").
    let short = w.len() <= 2 || matches!(w, "in" | "sq");
    if short && (in_words || !ctx.glued(k)) {
        return None;
    }
    // "1.5m people": m is a scale, handled by the numeral parser already.
    if w.eq_ignore_ascii_case("sq") {
        let next = ctx.word(k + 1);
        let base = lookup(PHYSICAL_UNITS, next)?;
        return Some((format!("square {base}"), k + 2));
    }
    if matches!(w.to_ascii_lowercase().as_str(), "square") {
        return None;
    }
    // "5 foot 6": keep the first unit only.
    Some((u.to_string(), k + 1))
}

/// The noun a count counts: the head of the noun phrase after the number
/// ("1,000 police officers and troops" → officers; "400 Kenyan police" → police).
pub fn counted_noun(ctx: &SentenceContext, from: usize, value: f64) -> (Option<Span>, usize) {
    let mut run: Vec<usize> = Vec::new();
    let mut k = from;
    // "1,000 members of its police force": the head is the first noun.
    while k < ctx.tokens.len() && run.len() < 4 {
        let t = &ctx.tokens[k];
        if t.kind != TokenKind::Word {
            // "U.N.-backed", "well-armed": hyphenated modifiers continue the phrase.
            if t.text(ctx.text) == "-" && t.glued && run.is_empty() {
                k += 1;
                continue;
            }
            break;
        }
        let w = t.text(ctx.text);
        let lower = w.to_lowercase();
        if is_stopword(&lower)
            || matches!(
                lower.as_str(),
                "have" | "has" | "had" | "are" | "were" | "was" | "is" | "be" | "been" | "being" | "will"
            )
        {
            break;
        }
        if let Some(&last) = run.last() {
            let lw = ctx.word(last);
            let cap = w.chars().next().is_some_and(char::is_uppercase);
            if looks_plural(lw) && (lower.ends_with("ed") || lower.ends_with("ing") || cap) {
                break;
            }
        }
        run.push(k);
        k += 1;
        if looks_plural(w) && !looks_plural(ctx.word(k)) {
            break;
        }
    }
    let head = run
        .iter()
        .rev()
        .find(|&&i| looks_plural(ctx.word(i)))
        .or_else(|| {
            if value.abs() <= 1.0 {
                run.iter()
                    .find(|&&i| ctx.word(i).chars().next().is_some_and(char::is_lowercase))
            } else {
                None
            }
        })
        .copied();
    (head.map(|i| ctx.tokens[i].span), k)
}

fn apply_qualifier(fig: &mut Figure, q: Qualifier, v: f64) {
    if fig.value.is_none() {
        // Vague plurals and ranges keep their own bounds ("some hundreds of").
        if q == Qualifier::About {
            fig.approximate = true;
        }
        return;
    }
    let tol = approx_amount(v);
    match q {
        Qualifier::AtMost => {
            fig.value = None;
            fig.min = None;
            fig.max = Some(v);
        }
        Qualifier::AtLeast => {
            fig.value = None;
            fig.min = Some(v);
            fig.max = None;
        }
        Qualifier::About => {
            fig.approximate = true;
            fig.min = Some(v - tol);
            fig.max = Some(v + tol);
        }
        Qualifier::Nearly => {
            fig.approximate = true;
            fig.min = Some(v - tol);
            fig.max = Some(v);
        }
        Qualifier::JustOver => {
            fig.approximate = true;
            fig.min = Some(v);
            fig.max = Some(v + tol);
        }
    }
}

fn blank(ctx: &SentenceContext) -> Figure {
    Figure {
        span: Span::default(),
        kind: FigureKind::Count,
        value: None,
        min: None,
        max: None,
        approximate: false,
        unit: None,
        date: None,
        grain: None,
        entity: None,
        measure: None,
        paragraph: ctx.paragraph,
        sentence: ctx.sentence,
        noun: None,
        cue: None,
    }
}
