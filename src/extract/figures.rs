//! Finds the figures of one sentence: numerals, with the qualifiers, ranges,
//! currencies, percent signs and units around them, classified by kind. What
//! is not a count (years, dates, times, list numbers, codes, read-times) is
//! recognised here so that it never reaches the claim checks.

use chrono::{Datelike, NaiveDate};

use super::numbers::{Numeral, parse_digits, parse_numeral, scaled};
use super::{Figure, FigureKind, Grain, Mention, currency_prefix, currency_word, dates, looks_plural, singular};
use crate::text::{Span, Token, TokenKind, is_stopword};

pub struct SentenceContext<'a> {
    pub text: &'a str,
    /// The same text, ASCII-lower-cased once per article (same byte offsets).
    pub lower: &'a str,
    pub tokens: &'a [Token],
    pub sentence: Span,
    pub paragraph: usize,
    pub opens_paragraph: bool,
    pub reference: Option<NaiveDate>,
    /// Whether the sentence has the word "ago" or "from", without which no
    /// date is counted from a number ("three days ago", "a week from now").
    pub counts_from: bool,
}

impl SentenceContext<'_> {
    pub fn word(&self, i: usize) -> &str {
        match self.tokens.get(i) {
            Some(t) => t.text(self.text),
            None => "",
        }
    }
    /// The ASCII-lower-cased text of token `i`, or "".
    pub fn lw(&self, i: usize) -> &str {
        match self.tokens.get(i) {
            Some(t) => t.text(self.lower),
            None => "",
        }
    }
    /// The index of the token that holds (or follows) byte `offset`.
    pub fn token_at(&self, offset: usize) -> usize {
        self.tokens.partition_point(|t| t.span.end <= offset)
    }
    /// Whether token `i` is a word with a capital first letter.
    pub fn capitalised(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Word) && self.word(i).chars().next().is_some_and(char::is_uppercase)
    }
    pub fn is_word(&self, i: usize, w: &str) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Word && t.text(self.text).eq_ignore_ascii_case(w))
    }
    pub fn kind(&self, i: usize) -> Option<TokenKind> {
        self.tokens.get(i).map(|t| t.kind)
    }
    pub fn glued(&self, i: usize) -> bool {
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
    if v.abs() < 2.0 { v.abs() * 0.1 } else { t }
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
    (&["less", "than", "or", "equal", "to"], Qualifier::AtMost),
    (&["fewer", "than", "or", "equal", "to"], Qualifier::AtMost),
    (&["more", "than", "or", "equal", "to"], Qualifier::AtLeast),
    (&["greater", "than", "or", "equal", "to"], Qualifier::AtLeast),
    (&["up", "to", "and", "including"], Qualifier::AtMost),
    (&["a", "max", "of"], Qualifier::AtMost),
    (&["a", "min", "of"], Qualifier::AtLeast),
    (&["not", "less", "than"], Qualifier::AtLeast),
    (&["not", "fewer", "than"], Qualifier::AtLeast),
    (&["a", "little", "under"], Qualifier::Nearly),
    (&["a", "little", "less", "than"], Qualifier::Nearly),
    (&["slightly", "more", "than"], Qualifier::JustOver),
    (&["slightly", "less", "than"], Qualifier::Nearly),
    (&["slightly", "over"], Qualifier::JustOver),
    (&["slightly", "under"], Qualifier::Nearly),
    (&["just", "more", "than"], Qualifier::JustOver),
    (&["just", "less", "than"], Qualifier::Nearly),
    (&["just", "below"], Qualifier::Nearly),
    (&["just", "above"], Qualifier::JustOver),
    (&["higher", "than"], Qualifier::AtLeast),
    (&["larger", "than"], Qualifier::AtLeast),
    (&["bigger", "than"], Qualifier::AtLeast),
    (&["lower", "than"], Qualifier::AtMost),
    (&["smaller", "than"], Qualifier::AtMost),
    (&["well", "over"], Qualifier::AtLeast),
    (&["well", "above"], Qualifier::AtLeast),
    (&["well", "under"], Qualifier::AtMost),
    (&["well", "below"], Qualifier::AtMost),
    (&["an", "estimated"], Qualifier::About),
    (&["on", "the", "order", "of"], Qualifier::About),
    (&["somewhere", "around"], Qualifier::About),
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
    (&["approaching"], Qualifier::Nearly),
    (&["beyond"], Qualifier::AtLeast),
    (&["upward", "of"], Qualifier::AtLeast),
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
    ("pound", "pound"),
    ("pounds", "pound"),
    ("yd", "yard"),
    ("millimetre", "millimetre"),
    ("millimeter", "millimetre"),
    ("milligram", "milligram"),
    ("milligrams", "milligram"),
    ("mg", "milligram"),
    ("ounce", "ounce"),
    ("millilitre", "millilitre"),
    ("millilitres", "millilitre"),
    ("milliliter", "millilitre"),
    ("milliliters", "millilitre"),
    ("kilowatt", "kilowatt"),
    ("kilowatts", "kilowatt"),
    ("gigawatt", "gigawatt"),
    ("gigawatts", "gigawatt"),
    ("mph", "mile per hour"),
    ("kmh", "kilometre per hour"),
    ("kmph", "kilometre per hour"),
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
    ("bpd", "barrel per day"),
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
    ("C", "degree Celsius"),
    ("F", "degree Fahrenheit"),
    ("degree", "degree"),
];

fn lookup<'a>(table: &'a [(&str, &'a str)], w: &str) -> Option<&'a str> {
    table.iter().find(|(k, _)| k.eq_ignore_ascii_case(w)).map(|(_, v)| *v)
}

/// Scans one sentence, appending its figures.
/// Words without which a sentence states no figure in words: every
/// numeral, ordinal, fraction, month, weekday, relative-date, time-unit,
/// currency and holiday phrase the scanner reads contains one of them. They
/// are the numeral and ordinal tables (`numbers::table_words`), the calendar
/// (`dates::calendar_words`), `TIME_UNITS` and these. A sentence with none
/// of them and no digit is not scanned at all (most sentences of a news
/// story); debug builds scan it anyway and assert that nothing is found, so
/// every test checks the list.
const FIGURE_WORDS: &[&str] = &[
    // Scales, and the words of "a couple of", "a dozen".
    "hundred",
    "thousand",
    "million",
    "billion",
    "trillion",
    "lakh",
    "lakhs",
    "lac",
    "crore",
    "crores",
    "dozen",
    "couple",
    "pair",
    // Fractions ("a third of", "three-quarters").
    "half",
    "halves",
    "thirds",
    "quarter",
    "quarters",
    "fourths",
    "fifths",
    "sixths",
    "eighths",
    "tenths",
    // Relative dates ("yesterday", "last night", "two weeks ago").
    "today",
    "tonight",
    "yesterday",
    "tomorrow",
    "morning",
    "afternoon",
    "evening",
    "night",
    "ago",
    // One unit of money ("a dollar").
    "dollar",
    "euro",
    "buck",
];

/// Whether the sentence may state a figure: it has a digit, a vulgar
/// fraction or one of [`FIGURE_WORDS`].
pub fn may_hold_figure(ctx: &SentenceContext) -> bool {
    static WORDS: std::sync::LazyLock<crate::text::WordSet> = std::sync::LazyLock::new(|| {
        let words = FIGURE_WORDS.iter().copied().chain(super::numbers::table_words());
        let units = TIME_UNITS.iter().map(|&(w, _)| w);
        crate::text::WordSet::new(
            words
                .chain(units)
                .map(std::borrow::Cow::Borrowed)
                .chain(super::dates::calendar_words()),
        )
    });
    ctx.tokens.iter().enumerate().any(|(i, t)| match t.kind {
        TokenKind::Number => true,
        TokenKind::Punct => super::numbers::vulgar_fraction(ctx.word(i)).is_some(),
        TokenKind::Word => WORDS.contains(ctx.lw(i)),
    })
}

/// A day number listed after a full date: `and 19`, `, 5` or `or 9` at
/// token `i`, with the token after it. Only a plain day of the same month
/// (1 to 31, a real date) followed by punctuation, the end or a small word
/// ("for", "at") qualifies: "on March 3 and 5 people died" is a count.
fn listed_day(ctx: &SentenceContext, i: usize, first: NaiveDate) -> Option<(NaiveDate, usize)> {
    if !matches!(ctx.lw(i), "and" | "or" | "," | "&") {
        return None;
    }
    let k = i + 1;
    if ctx.kind(k) != Some(TokenKind::Number) || ctx.glued(k + 1) && ctx.kind(k + 1) != Some(TokenKind::Punct) {
        return None;
    }
    let day: u32 = ctx.word(k).parse().ok().filter(|d| (1..=31).contains(d))?;
    let next_ok = match ctx.kind(k + 1) {
        None | Some(TokenKind::Punct) => true,
        Some(TokenKind::Word) => is_stopword(ctx.lw(k + 1)),
        Some(TokenKind::Number) => false,
    };
    if !next_ok || day <= first.day() {
        return None;
    }
    Some((first.with_day(day)?, k + 1))
}

/// The currency of a name several countries use, in the country the story is
/// about: riyals are Qatari in a story about Qatar, Saudi otherwise.
fn country_currency(country: &str, name: &str) -> Option<&'static str> {
    let base = match name.trim_end_matches('s') {
        "krona" | "kronor" | "krone" | "kroner" => "crown",
        b => b,
    };
    Some(match (base, country) {
        ("riyal", "Qatar") => "QAR",
        ("riyal", "Saudi Arabia") => "SAR",
        ("rial" | "riyal", "Oman") => "OMR",
        ("rial", "Iran") => "IRR",
        ("rial" | "riyal", "Yemen") => "YER",
        ("dinar", "Kuwait") => "KWD",
        ("dinar", "Bahrain") => "BHD",
        ("dinar", "Iraq") => "IQD",
        ("dinar", "Jordan") => "JOD",
        ("dinar", "Tunisia") => "TND",
        ("dinar", "Algeria") => "DZD",
        ("dinar", "Libya") => "LYD",
        ("peso", "Mexico") => "MXN",
        ("peso", "Argentina") => "ARS",
        ("peso", "Chile") => "CLP",
        ("peso", "Colombia") => "COP",
        ("peso", "Philippines") => "PHP",
        ("peso", "Cuba") => "CUP",
        ("peso", "Uruguay") => "UYU",
        ("crown", "Sweden") => "SEK",
        ("crown", "Norway") => "NOK",
        ("crown", "Denmark") => "DKK",
        ("crown", "Iceland") => "ISK",
        ("crown", "Czech Republic") => "CZK",
        ("franc", "France") => "FRF",
        ("franc", "Belgium") => "BEF",
        ("franc", "Luxembourg") => "LUF",
        ("franc", "Switzerland") => "CHF",
        ("rupee", "India") => "INR",
        ("rupee", "Pakistan") => "PKR",
        ("rupee", "Sri Lanka") => "LKR",
        ("rupee", "Nepal") => "NPR",
        _ => return None,
    })
}

/// Money written with a currency name that several countries use and no
/// national adjective ("2.8 billion riyals") takes the currency of the
/// country named last before it (the headline included) among those that use
/// the name; with none, the name's usual reading stays.
pub fn resolve_shared_currency(
    ctx: &SentenceContext,
    mentions: &[Mention],
    entities: &[String],
    figures: &mut [Figure],
) {
    for fig in figures.iter_mut().filter(|f| f.kind == FigureKind::Money) {
        let last = ctx.token_at(fig.span.end.saturating_sub(1));
        let name = ctx.lw(last);
        if ctx.kind(last) != Some(TokenKind::Word) || last == 0 || ctx.capitalised(last - 1) {
            continue;
        }
        let before = mentions.partition_point(|m| m.span.end <= fig.span.start);
        if let Some(code) = mentions[..before]
            .iter()
            .rev()
            .find_map(|m| country_currency(entities.get(m.entity)?, name))
        {
            fig.unit = Some(code.to_string());
        }
    }
}

/// "a turnover of 54.86 mln dlrs and pre-tax profits of 1.72 mln": a bare
/// scaled amount after money in one sentence is money in that currency (the
/// wire writes the currency once). Only amounts with a scale word and no
/// counted noun, and only within the clause list the money opened.
pub fn carry_currency(ctx: &SentenceContext, figures: &mut [Figure]) {
    let mut currency: Option<String> = None;
    for fig in figures.iter_mut() {
        match fig.kind {
            FigureKind::Money if fig.value.is_some_and(|v| v >= 1e5) => currency = fig.unit.clone(),
            FigureKind::Count
                if fig.noun.is_none()
                    && fig.unit.is_none()
                    && fig.value.is_some_and(|v| v >= 1e5)
                    && is_scale(ctx.lw(ctx.token_at(fig.span.end.saturating_sub(1)))) =>
            {
                if let Some(c) = &currency {
                    fig.kind = FigureKind::Money;
                    fig.unit = Some(c.clone());
                }
            }
            _ => {}
        }
    }
}

/// "closed on the exchange at 72-5/8, up 4-1/8": a US share price in
/// eighths, the wire's way until 2001. A whole number with a fraction in
/// halves to sixty-fourths is dollars when its sentence is about trading
/// (closed, traded, shares, stock, exchange) and a price word leads to it
/// (at, to, from, up, down, off).
pub fn stock_quotes(ctx: &SentenceContext, figures: &mut [Figure]) {
    const TRADING: &[&str] = &[
        "closed", "traded", "trading", "shares", "share", "stock", "exchange", "nyse", "nasdaq",
    ];
    let mut about_trading = None;
    for fig in figures
        .iter_mut()
        .filter(|f| f.kind == FigureKind::Count && f.unit.is_none() && f.noun.is_none())
    {
        let text = &ctx.text[fig.span.start..fig.span.end];
        let Some((whole, frac)) = text.split_once(['-', ' ']) else {
            continue;
        };
        let Some((num, den)) = frac.split_once('/') else {
            continue;
        };
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if !(digits(whole) && digits(num) && matches!(den, "2" | "4" | "8" | "16" | "32" | "64")) {
            continue;
        }
        let k = ctx.token_at(fig.span.start);
        if k == 0 || !matches!(ctx.lw(k - 1), "at" | "to" | "from" | "up" | "down" | "off") {
            continue;
        }
        let trading = *about_trading.get_or_insert_with(|| {
            (0..ctx.tokens.len()).any(|j| ctx.kind(j) == Some(TokenKind::Word) && TRADING.contains(&ctx.lw(j)))
        });
        if trading {
            fig.kind = FigureKind::Money;
            fig.unit = Some("USD".into());
        }
    }
}

/// In a corpus or article whose currency is not the US dollar, a bare `$`
/// and a bare "dollars"/"dlrs" are its currency: an Australian story's "$5
/// million" is AUD. "US$", "U.S. dollars" and "American dollars" stay USD.
pub fn local_dollars(ctx: &SentenceContext, figures: &mut [Figure], code: &'static str) {
    for fig in figures
        .iter_mut()
        .filter(|f| f.kind == FigureKind::Money && f.unit.as_deref() == Some("USD"))
    {
        let text = &ctx.text[fig.span.start..fig.span.end];
        let lower = text.to_ascii_lowercase();
        let explicit = lower
            .split(|c: char| !c.is_ascii_alphanumeric() && c != '.')
            .any(|w| matches!(w.trim_end_matches('.'), "us" | "u.s" | "american" | "usd"));
        let before = ctx.text[..fig.span.start].trim_end();
        let named_before = before.ends_with("US") || before.ends_with("U.S.") || before.ends_with("American");
        let bare_symbol = text
            .find('$')
            .is_some_and(|i| !text[..i].ends_with(|c: char| c.is_ascii_alphabetic()));
        let bare_word = ["dollar", "dlr", "buck"].iter().any(|w| lower.contains(w));
        if !explicit && !named_before && (bare_symbol || bare_word) {
            fig.unit = Some(code.to_string());
        }
    }
}

fn is_scale(w: &str) -> bool {
    super::numbers::scale_word(w).is_some() || super::numbers::scale_suffix(w).is_some()
}

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
                entity_by_discourse: false,
                other_holder: false,
                measure: None,
                paragraph: ctx.paragraph,
                sentence: ctx.sentence,
                noun: None,
                cue: None,
            });
            i = d.end;
            // "on Feb 17 and 19", "March 3, 5 and 9": the later days of a
            // list are dates of the same month, not counts.
            if d.grain == Grain::Day
                && let Some(first) = d.date
            {
                while let Some((date, end)) = listed_day(ctx, i, first) {
                    out.push(Figure {
                        span: ctx.span(end - 1, end),
                        value: None,
                        min: None,
                        max: None,
                        date: Some(date),
                        ..out[out.len() - 1].clone()
                    });
                    i = end;
                }
            }
            floor = i;
            continue;
        }
        // A word that opens no numeral ("two", "a dozen") and no ordinal
        // ("third") starts no figure: "a dollar", "one euro" and "an hour"
        // (`one_unit_of_money`, `one_unit_of_time`) open with a numeral's word.
        if ctx.kind(i) == Some(TokenKind::Word) && !super::numbers::opens_word_figure(ctx.lw(i)) {
            debug_assert!(
                word_ordinal(ctx, i).is_none()
                    && one_unit_of_money(ctx, i).is_none()
                    && one_unit_of_time(ctx, i, floor).is_none()
                    && parse_numeral(ctx.tokens, ctx.lower, i).is_none(),
                "a figure starts at {:?}, which opens_word_figure rejects",
                ctx.word(i)
            );
            i += 1;
            continue;
        }
        if ctx.kind(i) == Some(TokenKind::Word)
            && let Some((v, end)) = word_ordinal(ctx, i)
        {
            out.push(Figure {
                span: ctx.span(i, end),
                kind: FigureKind::Ordinal,
                value: Some(v),
                min: Some(v),
                max: Some(v),
                ..blank(ctx)
            });
            i = end;
            floor = i;
            continue;
        }
        if let Some(fig) = one_unit_of_money(ctx, i).or_else(|| one_unit_of_time(ctx, i, floor)) {
            i = ctx.tokens.partition_point(|t| t.span.end <= fig.span.end);
            floor = i;
            out.push(fig);
            continue;
        }
        let Some(num) = parse_numeral(ctx.tokens, ctx.lower, i) else {
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

/// "a dollar", "a euro", "a buck": one unit of money.
fn one_unit_of_money(ctx: &SentenceContext, i: usize) -> Option<Figure> {
    if !matches!(ctx.lw(i), "a" | "an" | "one") || !matches!(ctx.lw(i + 1), "dollar" | "euro" | "buck") {
        return None;
    }
    let code = currency_word(ctx.lw(i + 1))?;
    Some(Figure {
        span: ctx.span(i, i + 2),
        kind: FigureKind::Money,
        value: Some(1.0),
        min: Some(1.0),
        max: Some(1.0),
        unit: Some(code.to_string()),
        ..blank(ctx)
    })
}

/// "an hour", "for a year", "nearly a decade": one unit of time. Not a rate
/// ("$5 a day", "twice a week", "per year").
fn one_unit_of_time(ctx: &SentenceContext, i: usize, floor: usize) -> Option<Figure> {
    if !matches!(ctx.lw(i), "a" | "an") {
        return None;
    }
    let unit = match ctx.lw(i + 1) {
        "second" | "minute" | "hour" | "day" | "week" | "fortnight" | "month" | "year" | "decade" | "century" => {
            lookup(TIME_UNITS, ctx.lw(i + 1))?
        }
        _ => return None,
    };
    if i > 0 {
        let prev = ctx.lw(i - 1);
        let after_figure = floor == i && i > 0;
        if after_figure
            || ctx.kind(i - 1) == Some(TokenKind::Number)
            || matches!(
                prev,
                "once" | "twice" | "thrice" | "times" | "per" | "every" | "each" | "day" | "night"
            )
        {
            return None;
        }
    }
    // "a day of mourning", "a month's salary" read as well; "a year-old" is an age.
    if ctx.word(i + 2) == "-" && ctx.is_word(i + 3, "old") {
        return None;
    }
    let mut fig = Figure {
        span: ctx.span(i, i + 2),
        kind: FigureKind::Duration,
        value: Some(1.0),
        min: Some(1.0),
        max: Some(1.0),
        unit: Some(unit.to_string()),
        ..blank(ctx)
    };
    if let Some((q, qstart)) = qualifier_before(ctx, i, floor) {
        apply_qualifier(&mut fig, q, 1.0);
        fig.span = Span::new(ctx.tokens[qstart].span.start, fig.span.end);
    }
    Some(fig)
}

/// An ordinal in words ("the first round", "twenty-first century"), but not a
/// fraction ("one fifth", "two thirds") nor "second" as a unit of time.
fn word_ordinal(ctx: &SentenceContext, i: usize) -> Option<(f64, usize)> {
    let (v, end) = super::numbers::parse_word_ordinal(ctx.tokens, ctx.lower, i)?;
    let last = ctx.word(end - 1);
    if last.eq_ignore_ascii_case("second") {
        // "a second", "one second", "per second", "seconds": time, not rank.
        let prev = if i > 0 { ctx.lw(i - 1) } else { "" };
        if end == i + 1 && matches!(prev, "a" | "one" | "per" | "split" | "every" | "each") {
            return None;
        }
    }
    // "a third of", "a quarter": fractions are read by the numeral grammar.
    if end == i + 1 && i > 0 && ctx.is_word(i - 1, "a") && ctx.is_word(end, "of") {
        return None;
    }
    Some((v, end))
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
    if first.glued
        && num.start > 0
        && ctx.kind(num.start - 1) == Some(TokenKind::Word)
        && currency_prefix(ctx.word(num.start - 1)).is_none()
    {
        return true;
    }
    // Codes with a hyphen after a capitalised word: "COVID-19", "F-16", "MQ-9".
    if num.start >= 2
        && first.glued
        && matches!(ctx.word(num.start - 1), "-" | "‑")
        && ctx.glued(num.start - 1)
        && ctx.kind(num.start - 2) == Some(TokenKind::Word)
        && ctx.word(num.start - 2).chars().next().is_some_and(char::is_uppercase)
    {
        return true;
    }
    // Decades and ages: "the 1990s" (a year span, read in `classify`), "in his 60s".
    if ctx.glued(num.end) && ctx.word(num.end) == "s" && num.end == num.start + 1 && !is_decade(ctx, num) {
        return true;
    }
    // "9/11", "24/7", "3/4/2020" not read as a date: identifiers, not amounts.
    if ctx.word(num.end) == "/" && ctx.glued(num.end) && ctx.glued(num.end + 1) {
        return true;
    }
    if num.start > 0 && ctx.word(num.start - 1) == "/" && first.glued && ctx.glued(num.start - 1) {
        return true;
    }
    // Phone numbers: "555-0100", "(305) 555-0100", "+1 305".
    if digits.len() == 3
        && ctx.word(num.end) == "-"
        && ctx.glued(num.end)
        && ctx.glued(num.end + 1)
        && ctx.word(num.end + 1).len() == 4
        && ctx.kind(num.end + 1) == Some(TokenKind::Number)
    {
        return true;
    }
    if digits.len() == 3
        && num.start > 0
        && ctx.word(num.start - 1) == "("
        && ctx.word(num.end) == ")"
        && ctx.kind(num.end + 1) == Some(TokenKind::Number)
    {
        return true;
    }
    if num.start > 0 && ctx.word(num.start - 1) == "+" && first.glued {
        return true;
    }
    // Product and model names: "Windows 11", "Boeing 737", "iOS 17" — a bare
    // integer right after a capitalised name inside the sentence.
    if num.start > 1
        && num.end == num.start + 1
        && !digits.contains([',', '.'])
        && ctx.kind(num.start - 1) == Some(TokenKind::Word)
        && !first.glued
    {
        let prev = ctx.word(num.start - 1);
        let l = ctx.lw(num.start - 1);
        let possessive = prev.ends_with("’s") || prev.ends_with("'s");
        let named = !possessive
            && prev.chars().any(char::is_uppercase)
            && super::dates::month(prev).is_none()
            && super::dates::weekday(prev).is_none()
            && super::currency_prefix(prev).is_none()
            && !matches!(
                l,
                "about" | "around" | "some" | "nearly" | "almost" | "over" | "under" | "only" | "just" | "roughly"
            );
        if named && !(digits.len() == 4 && ctx.word(num.end) != "-") {
            return true;
        }
    }
    // A bare number alone on a line inside an article: a scraped counter.
    if num.start == 0
        && num.end == ctx.tokens.len()
        && ctx.opens_paragraph
        && ctx.sentence.start > 0
        && !num.decimal
        && !num.grouped
    {
        return true;
    }
    // "Page 1 of 3", "photo 2 of 12": the total of a numbering.
    if num.start >= 3
        && ctx.is_word(num.start - 1, "of")
        && ctx.kind(num.start - 2) == Some(TokenKind::Number)
        && matches!(
            ctx.lw(num.start - 3),
            "page"
                | "slide"
                | "photo"
                | "image"
                | "picture"
                | "part"
                | "step"
                | "item"
                | "question"
                | "episode"
                | "chapter"
        )
    {
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
                ctx.lw(num.end),
                "st" | "nd" | "rd" | "th" | "am" | "pm" | "s" | "bp" | "bps"
            )
            || currency_word(ctx.lw(num.end)).is_some();
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
    let next = ctx.lw(num.end);
    if matches!(
        next,
        "am" | "pm" | "a.m" | "p.m" | "gmt" | "utc" | "est" | "edt" | "pst" | "o’clock" | "o'clock"
    ) || (matches!(next, "a" | "p") && ctx.word(num.end + 1) == "." && ctx.is_word(num.end + 2, "m"))
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
                ctx.lw(num.start - 1),
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
                    | "photo"
                    | "slide"
                    | "image"
                    | "picture"
                    | "part"
                    | "step"
                    | "item"
                    | "question"
                    | "stage"
                    | "phase"
                    | "level"
                    | "gate"
                    | "platform"
                    | "exit"
                    | "terminal"
                    | "figure"
                    | "table"
                    | "act"
                    | "scene"
                    | "amendment"
                    | "ward"
                    | "district"
                    | "precinct"
                    | "interstate"
                    | "lot"
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

/// "1990s", "2000s": a decade written as a plural year.
fn is_decade(ctx: &SentenceContext, num: &Numeral) -> bool {
    let w = ctx.word(num.start);
    w.len() == 4
        && !num.decimal
        && !num.grouped
        && (1000.0..=2100.0).contains(&num.value)
        && num.value % 10.0 == 0.0
        && ctx.word(num.end) == "s"
        && ctx.glued(num.end)
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
        // "Rs. 2,500", "US$ 5"
        if code.is_none() && prev == "." && start >= 2 + floor && ctx.glued(start - 1) {
            code = currency_prefix(ctx.word(start - 2)).filter(|_| ctx.word(start - 2).len() > 1);
            cstart = start - 2;
        }
        if prev == "$"
            && start >= 2 + floor
            && matches!(
                ctx.word(start - 2),
                "US" | "A" | "C" | "NZ" | "HK" | "MX" | "R" | "CA" | "AU" | "S" | "NT"
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
    // "minus 12", "negative 3".
    if start > floor && (ctx.is_word(start - 1, "minus") || ctx.is_word(start - 1, "negative")) && start == num.start {
        negative = true;
        start -= 1;
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

    if is_decade(ctx, &num) {
        let fig = Figure {
            span: ctx.span(start, num.end + 1),
            kind: FigureKind::Year,
            value: None,
            min: Some(num.value),
            max: Some(num.value + 9.0),
            date: NaiveDate::from_ymd_opt(num.value as i32, 1, 1),
            grain: Some(Grain::Year),
            ..blank(ctx)
        };
        return Some((fig, num.end + 1));
    }
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
        let counted =
            looks_plural(next) && next.chars().next().is_some_and(char::is_lowercase) && !is_stopword(ctx.lw(num.end));
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
            // "2010-2015", "2010–15": a span of years.
            let mut full = None;
            let mut ystart = start;
            // "between 1990 and 2000", "from 2010 to 2015"
            let worded = start > floor
                && ((ctx.is_word(start - 1, "between") && ctx.is_word(yend, "and"))
                    || (ctx.is_word(start - 1, "from") && ctx.is_word(yend, "to")));
            if worded
                && ctx.kind(yend + 1) == Some(TokenKind::Number)
                && ctx.word(yend + 1).len() == 4
                && let Ok(y2) = ctx.word(yend + 1).parse::<f64>()
                && y2 > num.value
                && y2 <= 2100.0
            {
                full = Some(y2);
                yend += 2;
                ystart = start - 1;
            }
            if yend == num.end
                && matches!(ctx.word(yend), "-" | "–")
                && ctx.kind(yend + 1) == Some(TokenKind::Number)
                && ctx.word(yend + 1).len() == 4
                && let Ok(y2) = ctx.word(yend + 1).parse::<f64>()
                && y2 > num.value
                && y2 <= 2100.0
            {
                full = Some(y2);
                yend += 2;
            }
            let year = num.value as i32;
            // A season's second year: "2023-24" → 2024, "1999-00" → 2000.
            let last = if let Some(y2) = full {
                y2
            } else if yend > num.end {
                let yy: f64 = ctx.word(yend - 1).parse().unwrap_or(0.0);
                let century = (num.value / 100.0).floor() * 100.0;
                let mut y2 = century + yy;
                if y2 < num.value {
                    y2 += 100.0;
                }
                y2
            } else {
                num.value
            };
            let fig = Figure {
                span: ctx.span(ystart, yend),
                kind: FigureKind::Year,
                value: (last == num.value).then_some(num.value),
                min: Some(num.value),
                max: Some(last),
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
        && matches!(ctx.lw(end), "st" | "nd" | "rd" | "th")
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

    // "61-year-old", "aged 30 years old": an age, not a duration.
    if let Some((fig, e)) = age(ctx, start, end, value) {
        return Some((fig, e));
    }
    if ctx.is_word(end, "min") && ctx.is_word(end + 1, "read") {
        return None; // page furniture: "7 min read"
    }
    let suffix = unit_after(ctx, end, &num, kind == FigureKind::Money);

    // A range: "2,000-2,500", "2,000 to 2,500", "between X and Y", "from X to Y",
    // "5% to 7%", "$5 to $10".
    let joined_at = match &suffix {
        Some(sx) if matches!(sx.kind, FigureKind::Percent | FigureKind::Money | FigureKind::Quantity) => sx.end,
        _ => end,
    };
    let joiner = ctx.word(joined_at);
    let between = start > floor && ctx.is_word(start - 1, "between");
    let from = start > floor && ctx.is_word(start - 1, "from");
    // "cut by 1.25 dlrs to 17.40 dlrs": a change with its own unit, then the
    // level it leads to ("rose by 5 to 10 pct" is a range).
    let by = start > floor && ctx.is_word(start - 1, "by") && joined_at != end;
    let range_joiner = matches!(joiner, "-" | "–" | "—")
        || (joiner.eq_ignore_ascii_case("to") && !between && !by)
        || (joiner.eq_ignore_ascii_case("and") && between);
    // "lost 17-21", "a 2-3 defeat": scores whatever their order.
    if matches!(joiner, "-" | "–") && suffix.is_none() && !num.in_words && is_score(ctx, start, joined_at + 1) {
        return None;
    }
    if range_joiner {
        let mut k = joined_at + 1;
        // "$2-$3 million", "€5 to €10"
        let mut hi_money = None;
        if let Some(c) = currency_prefix(ctx.word(k)) {
            hi_money = Some(c);
            k += 1;
        }
        if let Some(hi) = parse_numeral(ctx.tokens, ctx.lower, k)
            && hi.in_words == num.in_words
            && hi.vague.is_none()
            && num.vague.is_none()
            && !is_not_a_figure(ctx, &hi)
            && (hi_money.is_none() || kind == FigureKind::Money)
        {
            let mut lo = value;
            // "2-3 million": the scale of the upper bound applies to both.
            if !num.in_words
                && num.end == num.start + 1
                && joined_at == end
                && let Some((digits, _, _)) = parse_digits(ctx.word(hi.start))
                && digits > 0.0
                && hi.value / digits > 1.0
            {
                lo = scaled(lo, hi.value / digits);
            }
            let hi_suffix = unit_after(ctx, hi.end, &hi, kind == FigureKind::Money);
            let compatible = match (&suffix, &hi_suffix) {
                (Some(a), Some(b)) => a.kind == b.kind && a.unit == b.unit,
                _ => true,
            };
            let mult = hi_suffix.as_ref().or(suffix.as_ref()).map_or(1.0, |x| x.mult);
            let hi_v = scaled(hi.value, mult);
            let lo = scaled(lo, mult);
            if compatible && hi_v > lo {
                let (rkind, runit, rend) = match hi_suffix.as_ref().or(suffix.as_ref()) {
                    Some(sx) => (
                        sx.kind,
                        sx.unit.clone().or(unit.clone()),
                        hi_suffix.as_ref().map_or(hi.end, |x| x.end),
                    ),
                    None => (kind, unit.clone(), hi.end),
                };
                return Some(finish_range(ctx, start, rend, lo, hi_v, rkind, runit, between || from));
            }
            if matches!(joiner, "-" | "–") && !num.in_words && suffix.is_none() {
                return None; // a score or a code such as "3-1"
            }
        }
    }

    let mut value = value;
    if let Some(sx) = suffix {
        kind = sx.kind;
        if sx.unit.is_some() {
            unit = sx.unit;
        }
        end = sx.end;
        value = scaled(value, sx.mult);
        // "two dollars and fifty cents", "£3 and 20p"
        if kind == FigureKind::Money
            && sx.mult == 1.0
            && ctx.is_word(end, "and")
            && let Some(c) = parse_numeral(ctx.tokens, ctx.lower, end + 1)
            && c.value < 100.0
            // "40 mln stg and 12 cts" are two amounts: a subunit only
            // completes a sum of whole units.
            && value < 1e6
            && let Some((_, e, m)) = currency_at(ctx, c.end)
            && m < 1.0
        {
            value += c.value * m;
            end = e;
        } else if kind == FigureKind::Money
            && sx.mult == 1.0
            && value.fract() == 0.0
            && ctx.kind(end) == Some(TokenKind::Number)
            && ctx.word(end).len() == 2
            && ctx.kind(end + 1) != Some(TokenKind::Word)
            && let Ok(c) = ctx.word(end).parse::<f64>()
        {
            // "seven dollars fifty", "2 euros 50"
            value += c / 100.0;
            end += 1;
        } else if kind == FigureKind::Money
            && sx.mult == 1.0
            && value.fract() == 0.0
            && let Some(c) = parse_numeral(ctx.tokens, ctx.lower, end)
            && c.in_words
            && c.value < 100.0
            && c.value >= 1.0
            && ctx.kind(c.end) != Some(TokenKind::Word)
        {
            value += c.value / 100.0;
            end = c.end;
        }
    }

    // Qualifiers after the number: "20 or more", "40-odd", "100+", "a dozen or so".
    let post = post_qualifier(ctx, end);
    if let Some((_, e)) = post {
        end = e;
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
        let (noun, _) = counted_noun(ctx, end, value);
        if let Some(noun_span) = noun {
            fig.unit = Some(singular(&ctx.text[noun_span.start..noun_span.end]));
            fig.noun = Some(noun_span);
        }
    }
    // Qualifiers before (and after the currency symbol: "about $300").
    let qual = qualifier_before(ctx, start, floor).or_else(|| {
        if start != num.start {
            qualifier_before(ctx, num.start, floor)
        } else {
            None
        }
    });
    if let Some((q, _)) = post {
        apply_qualifier(&mut fig, q, value);
    }
    if let Some((q, qstart)) = qual {
        if post.is_none() {
            apply_qualifier(&mut fig, q, value);
        }
        fig.span = Span::new(ctx.tokens[qstart.min(start)].span.start, fig.span.end);
    }
    Some((fig, end))
}

/// A qualifier after the number (and its unit): "or more", "or fewer", "or so",
/// "and up", "-odd", a glued "+". Returns it and the token after it.
fn post_qualifier(ctx: &SentenceContext, end: usize) -> Option<(Qualifier, usize)> {
    let w = ctx.lw(end);
    if w == "+" && ctx.glued(end) {
        return Some((Qualifier::AtLeast, end + 1));
    }
    if w == "-" && ctx.glued(end) && ctx.is_word(end + 1, "odd") {
        return Some((Qualifier::About, end + 2));
    }
    let next = ctx.lw(end + 1);
    let q = match (w, next) {
        ("or", "more" | "over" | "above" | "greater") | ("and", "up" | "above" | "upwards") => Qualifier::AtLeast,
        ("or", "less" | "fewer" | "under" | "below") | ("and", "under" | "below") => Qualifier::AtMost,
        ("or", "so") => Qualifier::About,
        _ => return None,
    };
    Some((q, end + 2))
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

/// Two small whole numbers joined by a dash in the language of games:
/// "won 3-1", "lost 17-21", "a 2-2 draw", "the score was 1-0".
fn is_score(ctx: &SentenceContext, start: usize, hi: usize) -> bool {
    const SCORE_WORDS: &[&str] = &[
        "won",
        "win",
        "wins",
        "lost",
        "lose",
        "loses",
        "beat",
        "beats",
        "defeated",
        "defeat",
        "victory",
        "score",
        "scored",
        "scores",
        "draw",
        "drew",
        "tie",
        "tied",
        "led",
        "lead",
        "trailed",
        "trailing",
        "loss",
        "final",
        "scoreline",
        "thrashing",
        "rout",
        "edged",
        "clinched",
    ];
    let small = |i: usize| {
        ctx.kind(i) == Some(TokenKind::Number) && ctx.word(i).len() <= 3 && !ctx.word(i).contains(['.', ','])
    };
    if !small(start) || !small(hi) {
        return false;
    }
    let from = start.saturating_sub(4);
    (from..start)
        .chain(hi + 1..(hi + 3).min(ctx.tokens.len()))
        .any(|k| SCORE_WORDS.contains(&ctx.lw(k)))
}

/// What follows a number and gives it its kind: a percent sign, a currency,
/// a unit of time, a physical unit.
struct Suffix {
    kind: FigureKind,
    unit: Option<String>,
    /// Token index after the suffix.
    end: usize,
    /// "5 cents" is 0.05 dollars.
    mult: f64,
}

fn suffix(kind: FigureKind, unit: &str, end: usize) -> Option<Suffix> {
    Some(Suffix {
        kind,
        unit: Some(unit.to_string()),
        end,
        mult: 1.0,
    })
}

/// The currency of a national adjective and a currency name:
/// "Canadian dollars" → CAD, "Swiss francs" → CHF.
fn national_currency(adj: &str, name: &str) -> Option<&'static str> {
    let base = match name.trim_end_matches('s') {
        "dlr" => "dollar",
        "krona" | "kronor" | "krone" | "kroner" => "crown",
        "lire" => "lira",
        b => b,
    };
    Some(match (adj, base) {
        ("US" | "U.S" | "American", "dollar") => "USD",
        ("Canadian", "dollar") => "CAD",
        ("Australian", "dollar") => "AUD",
        ("Singapore", "dollar") => "SGD",
        ("Jamaican", "dollar") => "JMD",
        ("Taiwan" | "Taiwanese", "dollar") => "TWD",
        ("Zimbabwean", "dollar") => "ZWL",
        ("Mexican", "peso") => "MXN",
        ("Argentine" | "Argentinian", "peso") => "ARS",
        ("Colombian", "peso") => "COP",
        ("Chilean", "peso") => "CLP",
        ("Philippine", "peso") => "PHP",
        ("Dominican", "peso") => "DOP",
        ("Cuban", "peso") => "CUP",
        ("Indian", "rupee") => "INR",
        ("Pakistani", "rupee") => "PKR",
        ("Nepalese" | "Nepali", "rupee") => "NPR",
        ("Swiss", "franc") => "CHF",
        ("Kenyan", "shilling") => "KES",
        ("Ugandan", "shilling") => "UGX",
        ("Tanzanian", "shilling") => "TZS",
        ("Somali", "shilling") => "SOS",
        ("British", "pound") => "GBP",
        ("Egyptian", "pound") => "EGP",
        ("Lebanese", "pound") => "LBP",
        ("Syrian", "pound") => "SYP",
        ("Sudanese", "pound") => "SDG",
        ("Haitian", "gourde") => "HTG",
        ("Japanese", "yen") => "JPY",
        ("Chinese", "yuan") => "CNY",
        ("Russian", "ruble" | "rouble") => "RUB",
        ("Turkish", "lira") => "TRY",
        ("Brazilian", "real") => "BRL",
        ("South African", "rand") => "ZAR",
        ("Nigerian", "naira") => "NGN",
        ("Jordanian", "dinar") => "JOD",
        ("Kuwaiti", "dinar") => "KWD",
        ("Iraqi", "dinar") => "IQD",
        ("Saudi", "riyal") => "SAR",
        ("Qatari", "riyal") => "QAR",
        ("Emirati" | "UAE", "dirham") => "AED",
        ("Moroccan", "dirham") => "MAD",
        ("Swedish", "crown") => "SEK",
        ("Norwegian", "crown") => "NOK",
        ("Danish", "crown") => "DKK",
        ("Czech" | "Czechoslovak", "crown") => "CZK",
        ("Icelandic", "crown") => "ISK",
        ("French", "franc") => "FRF",
        ("Belgian", "franc") => "BEF",
        ("Luxembourg", "franc") => "LUF",
        ("CFA", "franc") => "XOF",
        ("German" | "West German" | "Deutsche" | "Deutsch", "mark") => "DEM",
        ("East German", "mark") => "DDM",
        ("Finnish", "mark" | "markka") => "FIM",
        ("Italian", "lira") => "ITL",
        ("Dutch", "guilder") => "NLG",
        ("Spanish", "peseta") => "ESP",
        ("Portuguese", "escudo") => "PTE",
        ("Greek", "drachma") => "GRD",
        ("Austrian", "schilling") => "ATS",
        ("Irish", "pound" | "punt") => "IEP",
        ("Bahraini", "dinar") => "BHD",
        ("Omani", "rial") => "OMR",
        ("Iranian", "rial") => "IRR",
        ("Yemeni", "rial") => "YER",
        ("Indonesian", "rupiah") => "IDR",
        ("Malaysian", "ringgit") => "MYR",
        ("South Korean" | "Korean", "won") => "KRW",
        ("Thai", "baht") => "THB",
        ("Polish", "zloty") => "PLN",
        ("Hungarian", "forint") => "HUF",
        ("Venezuelan", "bolivar") => "VEB",
        ("Peruvian", "sol" | "inti") => "PEN",
        ("Israeli", "shekel") => "ILS",
        ("Ghanaian", "cedi") => "GHS",
        ("Hong Kong", "dollar") => "HKD",
        ("New Zealand", "dollar") => "NZD",
        ("Sri Lankan", "rupee") => "LKR",
        _ => return None,
    })
}

/// The currency named at token `k` (after a number), with the token after it
/// and a multiplier for subunits ("cents", "pence").
fn currency_at(ctx: &SentenceContext, k: usize) -> Option<(&'static str, usize, f64)> {
    let w = ctx.word(k);
    if ctx.kind(k) != Some(TokenKind::Word) {
        return None;
    }
    let l = ctx.lw(k);
    match l {
        // "cts": the wire's cents.
        "cents" | "cent" | "cts" => return Some(("USD", k + 1, 0.01)),
        // A bare "marks" is money only after a scale word ("50 mln marks"):
        // "marks" alone after a number is as often a score.
        "marks"
            if k > 0
                && (super::numbers::scale_word(ctx.lw(k - 1)).is_some()
                    || super::numbers::scale_suffix(ctx.lw(k - 1)).is_some()) =>
        {
            return Some(("DEM", k + 1, 1.0));
        }
        "pence" | "pennies" => return Some(("GBP", k + 1, 0.01)),
        "pounds" | "pound"
            if ctx.is_word(k + 1, "of")
                || ctx.is_word(k + 1, "per")
                || (k.saturating_sub(5)..k).any(|j| ctx.lw(j).starts_with("weigh")) =>
        {
            return None;
        }
        "won" if !ctx.glued(k) => return None,
        _ => {}
    }
    if let Some(c) = currency_word(l) {
        let mut end = k + 1;
        if matches!(l, "pound" | "pounds") && ctx.is_word(end, "sterling") {
            end += 1;
        }
        return Some((c, end, 1.0));
    }
    // A national adjective before the name: "Haitian gourdes", "Hong Kong dollars".
    if w.chars().next().is_some_and(char::is_uppercase) {
        let two = ctx.tokens.get(k + 1).map(|_| {
            let a = ctx.tokens[k].span.start;
            let b = ctx.tokens[k + 1].span.end;
            &ctx.text[a..b]
        });
        for (adj, name_at) in [(Some(w), k + 1), (two, k + 2)] {
            let Some(adj) = adj else { continue };
            let adj = adj.trim_end_matches('.');
            let name = ctx.lw(name_at);
            if let Some(c) = national_currency(adj, name) {
                return Some((c, name_at + 1, 1.0));
            }
            if let Some(c) = currency_word(name)
                && matches!(adj, "US" | "U.S" | "American")
            {
                return Some((c, name_at + 1, 1.0));
            }
        }
    }
    None
}

fn unit_after(ctx: &SentenceContext, end: usize, num: &Numeral, money: bool) -> Option<Suffix> {
    let next = ctx.word(end);
    let nl = ctx.lw(end);
    // "a 50-dlr fee", "a five-million-dollar deal"
    if nl == "-"
        && ctx.glued(end)
        && ctx.glued(end + 1)
        && let Some(code) = currency_word(ctx.lw(end + 1))
    {
        return Some(Suffix {
            kind: FigureKind::Money,
            unit: if money { None } else { Some(code.to_string()) },
            end: end + 2,
            mult: 1.0,
        });
    }
    match nl {
        "%" | "percent" | "pct" | "percentage"
            if !(nl == "percentage" && !ctx.is_word(end + 1, "points") && !ctx.is_word(end + 1, "point")) =>
        {
            if nl == "percentage" {
                return suffix(FigureKind::Percent, "percentage point", end + 2);
            }
            return suffix(FigureKind::Percent, "%", end + 1);
        }
        "per" if ctx.is_word(end + 1, "cent") => return suffix(FigureKind::Percent, "%", end + 2),
        // "a quarter of a percentage point", "half a point"
        "of" if num.fraction
            && ctx.is_word(end + 1, "a")
            && ctx.is_word(end + 2, "percentage")
            && matches!(ctx.lw(end + 3), "point" | "points") =>
        {
            return suffix(FigureKind::Percent, "percentage point", end + 4);
        }
        // "a 5-percent rise", "a 2-percentage-point cut"
        "-" if ctx.glued(end) && ctx.glued(end + 1) && matches!(ctx.lw(end + 1), "percent" | "per") => {
            if ctx.lw(end + 1) == "per" && ctx.word(end + 2) == "-" && ctx.is_word(end + 3, "cent") {
                return suffix(FigureKind::Percent, "%", end + 4);
            }
            if ctx.lw(end + 1) == "percent" {
                return suffix(FigureKind::Percent, "%", end + 2);
            }
        }
        // "0.5 of a per cent", "a fraction of a percent"
        "of" if ctx.is_word(end + 1, "a")
            && (ctx.is_word(end + 2, "percent") || ctx.is_word(end + 2, "per") && ctx.is_word(end + 3, "cent")) =>
        {
            let e = if ctx.is_word(end + 2, "percent") {
                end + 3
            } else {
                end + 4
            };
            return suffix(FigureKind::Percent, "%", e);
        }
        "-" if ctx.glued(end)
            && ctx.is_word(end + 1, "percentage")
            && ctx.word(end + 2) == "-"
            && ctx.is_word(end + 3, "point") =>
        {
            return suffix(FigureKind::Percent, "percentage point", end + 4);
        }
        _ => {}
    }
    // A currency symbol after the number: "20$", "50 €".
    if let Some(c) = currency_prefix(next).filter(|_| !next.chars().all(|c| c.is_ascii_alphabetic()))
        && ctx.kind(end + 1) != Some(TokenKind::Number)
    {
        return Some(Suffix {
            kind: FigureKind::Money,
            unit: if money { None } else { Some(c.to_string()) },
            end: end + 1,
            mult: 1.0,
        });
    }
    // "25 basis points": hundredths of a percentage point.
    if (nl == "basis" && matches!(ctx.lw(end + 1), "points" | "point")) || matches!(nl, "bps" | "bp") {
        return Some(Suffix {
            kind: FigureKind::Percent,
            unit: Some("percentage point".into()),
            end: if nl == "basis" { end + 2 } else { end + 1 },
            mult: 0.01,
        });
    }
    // "3 grand": thousands of dollars.
    if nl == "grand" && !money && !matches!(ctx.lw(end + 1), "prix" | "slam" | "jury" | "total" | "final" | "tour") {
        return Some(Suffix {
            kind: FigureKind::Money,
            unit: Some("USD".into()),
            end: end + 1,
            mult: 1000.0,
        });
    }
    // "millions of dollars"
    let cur_at = if num.vague.is_some() && nl == "of" {
        end + 1
    } else {
        end
    };
    if let Some((code, e, mult)) = currency_at(ctx, cur_at) {
        return Some(Suffix {
            kind: FigureKind::Money,
            unit: if money { None } else { Some(code.to_string()) },
            end: e,
            mult,
        });
    }
    if money || num.vague.is_some() {
        return None;
    }
    // A hyphenated unit ("900-metre", "five-year") or a unit word ("30,000 miles", "20km").
    let k = if next == "-" && ctx.glued(end) && ctx.glued(end + 1) {
        end + 1
    } else {
        end
    };
    let w = ctx.word(k);
    let w_ok = ctx.kind(k) == Some(TokenKind::Word);
    if w_ok && let Some(u) = lookup(TIME_UNITS, w) {
        return suffix(FigureKind::Duration, u, k + 1);
    }
    if w_ok && let Some((u, e)) = physical_unit(ctx, k, num.in_words) {
        return Some(Suffix {
            kind: FigureKind::Quantity,
            unit: Some(u),
            end: e,
            mult: 1.0,
        });
    }
    if w == "°" || w == "º" {
        let (u, e) = match ctx.word(k + 1) {
            "C" => ("degree Celsius", k + 2),
            "F" => ("degree Fahrenheit", k + 2),
            _ => ("degree", k + 1),
        };
        return suffix(FigureKind::Quantity, u, e);
    }
    None
}

/// "61-year-old", "30 years old", "aged 5 years of age": an age.
fn age(ctx: &SentenceContext, start: usize, end: usize, value: f64) -> Option<(Figure, usize)> {
    let hyph = ctx.word(end) == "-" && ctx.glued(end) && ctx.glued(end + 1);
    let k = if hyph { end + 1 } else { end };
    let w = ctx.lw(k);
    if !matches!(w, "year" | "years" | "month" | "months" | "week" | "weeks") {
        return None;
    }
    let e = if hyph && ctx.word(k + 1) == "-" && ctx.is_word(k + 2, "old") {
        k + 3
    } else if ctx.is_word(k + 1, "old") {
        k + 2
    } else if ctx.is_word(k + 1, "of") && ctx.is_word(k + 2, "age") {
        k + 3
    } else {
        return None;
    };
    let unit = if w.starts_with("year") {
        "year of age"
    } else if w.starts_with("month") {
        "month of age"
    } else {
        "week of age"
    };
    let fig = Figure {
        span: ctx.span(start, e),
        kind: FigureKind::Quantity,
        value: Some(value),
        min: Some(value),
        max: Some(value),
        unit: Some(unit.into()),
        ..blank(ctx)
    };
    Some((fig, e))
}

/// Abbreviations too ambiguous to read unless glued to the digits ("5m", "20t", "3in").
fn ambiguous_abbreviation(w: &str) -> bool {
    matches!(
        w,
        "m" | "M" | "g" | "t" | "T" | "l" | "L" | "in" | "ha" | "mi" | "ton" | "st" | "yd" | "C" | "F"
    )
}

fn physical_unit(ctx: &SentenceContext, k: usize, in_words: bool) -> Option<(String, usize)> {
    let w = ctx.word(k);
    let l = ctx.lw(k);
    // "30 square kilometres", "12 sq km", "5 cubic metres".
    if matches!(l, "square" | "sq" | "cubic" | "cu") {
        let mut j = k + 1;
        if ctx.word(j) == "." {
            j += 1;
        }
        let base = lookup(PHYSICAL_UNITS, ctx.word(j))?;
        let prefix = if l.starts_with("cu") { "cubic" } else { "square" };
        return Some((format!("{prefix} {base}"), j + 1));
    }
    // "35 degrees Celsius", "90 degrees F".
    if matches!(l, "degree" | "degrees") {
        return Some(match ctx.lw(k + 1) {
            "celsius" | "centigrade" | "c" => ("degree Celsius".into(), k + 2),
            "fahrenheit" | "f" => ("degree Fahrenheit".into(), k + 2),
            _ => ("degree".into(), k + 1),
        });
    }
    // "5 metric tons"
    if l == "metric" && matches!(ctx.lw(k + 1), "ton" | "tons" | "tonne" | "tonnes") {
        return Some(("tonne".into(), k + 2));
    }
    let u = lookup(PHYSICAL_UNITS, w)?;
    if ambiguous_abbreviation(w) && (in_words || !ctx.glued(k)) {
        return None;
    }
    let e = k + 1;
    // "km2", "m²"
    if ctx.glued(e) && matches!(ctx.word(e), "2" | "²") {
        return Some((format!("square {u}"), e + 1));
    }
    if let Some((d, end)) = rate_after(ctx, e) {
        return Some((format!("{u} per {d}"), end));
    }
    // "900,000 barrels of oil a day", "2 mln tonnes of grain a year",
    // "948,000 barrels of crude daily": a rate whose stuff is named first.
    if ctx.is_word(e, "of") {
        for stuff in 1..=2 {
            let at = e + 1 + stuff;
            if (e + 1..at).all(|j| ctx.kind(j) == Some(TokenKind::Word) && !is_stopword(ctx.lw(j)))
                && let Some((d, end)) = rate_after(ctx, at)
            {
                return Some((format!("{u} per {d}"), end));
            }
        }
    }
    Some((u.to_string(), e))
}

/// A time rate at token `k`: "per hour", "/h", "a day", "an hour", "daily",
/// "a year", "annually"; the period and the token after it.
fn rate_after(ctx: &SentenceContext, k: usize) -> Option<(&'static str, usize)> {
    match ctx.lw(k) {
        "daily" => return Some(("day", k + 1)),
        "weekly" => return Some(("week", k + 1)),
        "monthly" => return Some(("month", k + 1)),
        "annually" | "yearly" => return Some(("year", k + 1)),
        _ => {}
    }
    let per = (ctx.word(k) == "/" && ctx.glued(k)) || matches!(ctx.lw(k), "per" | "an" | "a");
    if !per {
        return None;
    }
    let p = k + 1;
    let period = match ctx.lw(p) {
        "h" | "hr" | "hour" => "hour",
        "s" | "sec" | "second" => "second",
        "min" | "minute" => "minute",
        "d" | "day" => "day",
        "week" | "wk" => "week",
        "month" => "month",
        "year" | "yr" | "annum" => "year",
        _ => return None,
    };
    // "/d" and "/s" only glued: "barrels / day" is rare, "per d" is not English.
    if period.len() > 1 && ctx.lw(p).len() == 1 && !ctx.glued(p) {
        return None;
    }
    Some((period, p + 1))
}

/// A unit as the rules write it, in the figures' form: "barrels per day" →
/// "barrel per day", "km" → "kilometre", "officers" → "officer".
/// The canonical name of a physical unit written as `word` ("km",
/// "miles", "tonnes"), if it is one.
pub fn physical_unit_name(word: &str) -> Option<&'static str> {
    lookup(PHYSICAL_UNITS, word)
}

pub fn unit_name(unit: &str) -> String {
    let one = |w: &str| lookup(PHYSICAL_UNITS, w).map_or_else(|| singular(w), str::to_string);
    let lower = unit.trim().to_lowercase();
    if let Some(u) = lookup(PHYSICAL_UNITS, &lower) {
        return u.to_string();
    }
    match lower.split_once(" per ").or_else(|| lower.split_once('/')) {
        Some((a, b)) => format!("{} per {}", one(a.trim()), singular(b.trim())),
        None => one(&lower),
    }
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
        let lower = ctx.lw(k);
        let adjective = matches!(lower, "new" | "more" | "other" | "additional" | "further" | "extra");
        if (is_stopword(lower) && !adjective)
            || matches!(
                lower,
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
        entity_by_discourse: false,
        other_holder: false,
        measure: None,
        paragraph: ctx.paragraph,
        sentence: ctx.sentence,
        noun: None,
        cue: None,
    }
}
