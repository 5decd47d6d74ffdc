//! The grammar of English numerals over tokens: digits with separators and
//! scale words or suffixes ("1,000", "2.5 million", "3k", "$2bn"), cardinals
//! in words of any size ("one hundred and twenty-three", "a dozen", "two
//! dozen", "half a million"), vague plurals ("hundreds of", "tens of
//! thousands") and simple fractions ("three-quarters", "1/3").

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use crate::text::{Token, TokenKind};

/// A numeral recognised at a token position.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Numeral {
    pub value: f64,
    /// Token range `[start, end)` covered by the numeral (scale words included).
    pub start: usize,
    pub end: usize,
    /// Written in words ("two dozen") rather than digits.
    pub in_words: bool,
    /// Vague plurals ("hundreds of") give only bounds: `(min, max)`.
    pub vague: Option<(f64, Option<f64>)>,
    /// The digits had a decimal part.
    pub decimal: bool,
    /// The digits had thousands separators ("1,000").
    pub grouped: bool,
    /// A fraction ("three-quarters", "1/3").
    pub fraction: bool,
}

/// Defines a word table as `fn $name(w: &str) -> Option<f64>`, a `match` on
/// lower-case words, and `const $words: &[&str]` listing every word it takes,
/// from which the filter [`opens_word_figure`] is built exactly.
macro_rules! word_values {
    ($(#[$attr:meta])* $vis:vis fn $name:ident, $words:ident { $($($w:literal)|+ => $v:expr,)* }) => {
        $(#[$attr])*
        $vis fn $name(w: &str) -> Option<f64> {
            Some(match w {
                $($($w)|+ => $v,)*
                _ => return None,
            })
        }
        const $words: &[&str] = &[$($($w),+),*];
    };
}

word_values! {
    pub fn unit_word, UNIT_WORDS {
        "zero" | "nil" | "none" => 0.0,
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
    }
}

word_values! {
    pub fn tens_word, TENS_WORDS {
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" | "fourty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
    }
}

/// Scale words and their plural "vague" use ("thousands of").
pub fn scale_word(w: &str) -> Option<f64> {
    Some(match w {
        "hundred" => 1e2,
        "thousand" => 1e3,
        "million" => 1e6,
        "billion" => 1e9,
        "trillion" => 1e12,
        // The wire's abbreviations after a numeral in words: "eight mln dlrs".
        "mln" => 1e6,
        "bln" | "bn" => 1e9,
        "lakh" | "lakhs" | "lac" => 1e5,
        "crore" | "crores" => 1e7,
        _ => return None,
    })
}

/// Abbreviated scales written after digits: "3k", "1.5m", "$2bn", "2.5 mln".
pub fn scale_suffix(w: &str) -> Option<f64> {
    Some(match w {
        "k" | "K" | "thou" => 1e3,
        "m" | "M" | "mn" | "mln" | "mil" | "mill" => 1e6,
        "b" | "B" | "bn" | "bln" | "billion" => 1e9,
        "tn" | "trn" | "T" | "tr" => 1e12,
        _ => return None,
    })
}

fn fraction_word(w: &str) -> Option<f64> {
    Some(match w {
        "half" | "halves" => 2.0,
        "third" | "thirds" => 3.0,
        "quarter" | "quarters" | "fourth" | "fourths" => 4.0,
        "fifth" | "fifths" => 5.0,
        "sixth" | "sixths" => 6.0,
        "eighth" | "eighths" => 8.0,
        "tenth" | "tenths" => 10.0,
        _ => return None,
    })
}

/// Parses digits with `,` thousands separators and `.` decimals.
/// Returns `None` for things that are not one number ("1.2.3").
pub fn parse_digits(s: &str) -> Option<(f64, bool, bool)> {
    let dots = s.matches('.').count();
    if dots > 1 {
        return None;
    }
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    let grouped = int.contains(',');
    if grouped {
        // Thousands groups must be three digits: "1,000", not "1,00".
        let mut parts = int.split(',');
        let first = parts.next()?;
        if first.is_empty() || first.len() > 3 || parts.any(|p| p.len() != 3) {
            return None;
        }
    }
    // Accumulate the digits without allocating; mantissa / 10^k is correctly
    // rounded, like parsing the decimal text.
    let mut mantissa: u128 = 0;
    let mut any = false;
    for b in int.bytes().chain(frac.bytes()) {
        match b {
            b'0'..=b'9' => {
                mantissa = mantissa.checked_mul(10)?.checked_add(u128::from(b - b'0'))?;
                any = true;
            }
            b',' => {}
            _ => return None,
        }
    }
    if !any || frac.contains(',') {
        return None;
    }
    let v = if frac.is_empty() {
        mantissa as f64
    } else {
        mantissa as f64 / 10f64.powi(frac.len() as i32)
    };
    Some((v, !frac.is_empty(), grouped))
}

/// Lower-cased word text of token `i`, or "" for non-words.
pub fn word_at<'a>(tokens: &[Token], text: &'a str, i: usize) -> &'a str {
    match tokens.get(i) {
        Some(t) if t.kind == TokenKind::Word => t.text(text),
        _ => "",
    }
}

/// The word at token `i` in the ASCII-lower-cased text the numeral grammar
/// reads (see [`parse_numeral`]), or "" for non-words.
pub(crate) fn lw<'a>(tokens: &[Token], text: &'a str, i: usize) -> &'a str {
    word_at(tokens, text, i)
}

/// Multiplies by a scale and removes binary noise: 1.2 × 10⁹ is 1,200,000,000,
/// 99 × 0.01 is 0.99 (the result is rounded to 12 significant digits).
pub fn scaled(v: f64, s: f64) -> f64 {
    if s == 1.0 || v == 0.0 || !v.is_finite() {
        return v * s;
    }
    let r = v * s;
    let digits = 12 - (r.abs().log10().ceil() as i32);
    let rounded = if digits >= 0 {
        let m = 10f64.powi(digits);
        (r * m).round() / m
    } else {
        let m = 10f64.powi(-digits);
        (r / m).round() * m
    };
    if rounded.is_finite() { rounded } else { r }
}

fn is_hyphen(tokens: &[Token], text: &str, i: usize) -> bool {
    tokens
        .get(i)
        .is_some_and(|t| t.kind == TokenKind::Punct && matches!(t.text(text), "-" | "‑"))
}

/// Recognises a numeral starting at token `i`. `text` is the ASCII-lower-cased
/// text (`str::to_ascii_lowercase` keeps every byte offset), so that words are
/// compared without a per-token allocation.
pub fn parse_numeral(tokens: &[Token], text: &str, i: usize) -> Option<Numeral> {
    let tok = tokens.get(i)?;
    match tok.kind {
        TokenKind::Number => parse_digit_numeral(tokens, text, i).map(|n| and_a_half(tokens, text, n)),
        TokenKind::Word => parse_word_numeral(tokens, text, i).map(|n| and_a_half(tokens, text, n)),
        TokenKind::Punct => leading_point(tokens, text, i).or_else(|| {
            vulgar_fraction(tok.text(text)).map(|v| {
                let mut n = words(v, i, i + 1);
                n.in_words = false;
                n.fraction = true;
                n
            })
        }),
    }
}

/// ".75": a decimal without its leading zero (the point not glued to a word).
fn leading_point(tokens: &[Token], text: &str, i: usize) -> Option<Numeral> {
    let (dot, digits) = (tokens.get(i)?, tokens.get(i + 1)?);
    if dot.text(text) != "." || dot.glued || !digits.glued || digits.kind != TokenKind::Number {
        return None;
    }
    let d = digits.text(text);
    if !d.bytes().all(|b| b.is_ascii_digit()) || d.len() > 15 {
        return None;
    }
    let (v, _, _) = parse_digits(d)?;
    let mut n = words(v / 10f64.powi(d.len() as i32), i, i + 2);
    n.in_words = false;
    n.decimal = true;
    Some(n)
}

/// "½", "¾", "⅓": fractions written as one character.
pub fn vulgar_fraction(w: &str) -> Option<f64> {
    Some(match w {
        "½" => 0.5,
        "¼" => 0.25,
        "¾" => 0.75,
        "⅓" => 1.0 / 3.0,
        "⅔" => 2.0 / 3.0,
        "⅕" => 0.2,
        "⅛" => 0.125,
        "⅜" => 0.375,
        "⅝" => 0.625,
        "⅞" => 0.875,
        _ => return None,
    })
}

/// "three and a half", "two and a half million", "a million and a half".
fn and_a_half(tokens: &[Token], text: &str, n: Numeral) -> Numeral {
    let e = n.end;
    if n.vague.is_some()
        || n.fraction
        || lw(tokens, text, e) != "and"
        || lw(tokens, text, e + 1) != "a"
        || lw(tokens, text, e + 2) != "half"
    {
        return n;
    }
    let mut out = n;
    out.end = e + 3;
    let largest = [1e12, 1e9, 1e6, 1e3, 1e2]
        .into_iter()
        .find(|&s| n.value >= s && n.value % s == 0.0 && n.value / s < 1000.0);
    match (largest, scale_word(lw(tokens, text, e + 3))) {
        (_, Some(s)) if n.value < 1000.0 => {
            out.value = scaled(n.value + 0.5, s);
            out.end = e + 4;
        }
        (Some(s), None) if n.value >= 1000.0 => out.value = n.value + 0.5 * s,
        (_, None) if n.value < 100.0 => out.value = n.value + 0.5,
        _ => return n,
    }
    out.decimal = true;
    out
}

fn parse_digit_numeral(tokens: &[Token], text: &str, i: usize) -> Option<Numeral> {
    let (mut value, decimal, grouped) = parse_digits(tokens[i].text(text))?;
    let mut end = i + 1;
    let mut fraction = false;
    // "1/3": a simple fraction (dates such as 09/26/2023 are taken earlier).
    if let (Some(slash), Some(den)) = (tokens.get(i + 1), tokens.get(i + 2))
        && slash.glued
        && den.glued
        && slash.text(text) == "/"
        && den.kind == TokenKind::Number
        && tokens.get(i + 3).is_none_or(|t| t.text(text) != "/")
        && !decimal
        && !grouped
        && let Some((d, false, false)) = parse_digits(den.text(text))
        && d > 1.0
        && d <= 10.0
        && value < d
    {
        value /= d;
        end = i + 3;
        fraction = true;
    }
    // "2½"
    if !decimal
        && let Some(t) = tokens.get(i + 1)
        && t.glued
        && let Some(f) = vulgar_fraction(t.text(text))
    {
        value += f;
        end = i + 2;
        fraction = true;
    }
    // "2 1/2": a whole number and a fraction.
    if !fraction
        && !decimal
        && !grouped
        && let (Some(a), Some(slash), Some(b)) = (tokens.get(i + 1), tokens.get(i + 2), tokens.get(i + 3))
        && a.kind == TokenKind::Number
        && !a.glued
        && slash.glued
        && b.glued
        && slash.text(text) == "/"
        && tokens.get(i + 4).is_none_or(|t| t.text(text) != "/")
        && let (Some((n, false, false)), Some((d, false, false))) =
            (parse_digits(a.text(text)), parse_digits(b.text(text)))
        && d > 1.0
        && d <= 16.0
        && n < d
    {
        value += n / d;
        end = i + 4;
        fraction = true;
    }
    // "72-5/8": a price in eighths, the wire's way with share prices.
    if !fraction
        && !decimal
        && !grouped
        && is_hyphen(tokens, text, i + 1)
        && let (Some(h), Some(a), Some(slash), Some(b)) = (
            tokens.get(i + 1),
            tokens.get(i + 2),
            tokens.get(i + 3),
            tokens.get(i + 4),
        )
        && h.glued
        && a.glued
        && slash.glued
        && b.glued
        && a.kind == TokenKind::Number
        && slash.text(text) == "/"
        && tokens
            .get(i + 5)
            .is_none_or(|t| !t.glued || t.kind == TokenKind::Punct && t.text(text) != "/")
        && let (Some((n, false, false)), Some((d, false, false))) =
            (parse_digits(a.text(text)), parse_digits(b.text(text)))
        && matches!(d as u32, 2 | 4 | 8 | 16 | 32 | 64)
        && n >= 1.0
        && n < d
    {
        value += n / d;
        end = i + 5;
        fraction = true;
    }
    // "a 5-million-dollar deal": the scale hyphenated to the digits.
    if !fraction
        && is_hyphen(tokens, text, end)
        && tokens.get(end).is_some_and(|t| t.glued)
        && let Some(s) = tokens
            .get(end + 1)
            .filter(|t| t.glued)
            .and_then(|t| scale_word(t.text(text)))
    {
        value = scaled(value, s);
        end += 2;
    } else if !fraction {
        // Glued suffix ("3k", "$2bn") or a scale word ("2.5 million").
        if let Some(next) = tokens.get(end) {
            let w = next.text(text);
            if next.kind == TokenKind::Word {
                if next.glued {
                    if let Some(s) = scale_suffix(w) {
                        value = scaled(value, s);
                        end += 1;
                    }
                } else if w.eq_ignore_ascii_case("dozen") && !decimal {
                    // "2 dozen"
                    value *= 12.0;
                    end += 1;
                } else if let Some(s) = scale_word(w) {
                    value = scaled(value, s);
                    end += 1;
                    // "1.5 million" may go on with a bigger scale ("2 hundred thousand").
                    if let Some(s2) = scale_word(lw(tokens, text, end))
                        && s2 > s
                    {
                        value = scaled(value, s2);
                        end += 1;
                    }
                } else if matches!(w, "mn" | "mln" | "bn" | "bln" | "tn" | "trn") {
                    value = scaled(value, scale_suffix(w).unwrap_or(1.0));
                    end += 1;
                } else if let Some(s) = w.strip_suffix('s').and_then(scale_word).filter(|&s| s >= 1e6)
                    && lw(tokens, text, end + 1) != "of"
                {
                    // "$3 millions": an old plural of the scale, still a single amount
                    // ("millions of" after digits is not English).
                    value = scaled(value, s);
                    end += 1;
                }
            }
        }
    }
    Some(Numeral {
        value,
        start: i,
        end,
        in_words: false,
        vague: None,
        decimal,
        grouped,
        fraction,
    })
}

/// Every word of the unit, tens, plural-scale and ordinal tables.
pub(super) fn table_words() -> impl Iterator<Item = &'static str> {
    [UNIT_WORDS, TENS_WORDS, PLURAL_SCALES, ORDINAL_WORDS]
        .into_iter()
        .flatten()
        .copied()
}

/// The words other than units, tens and plural scales at which
/// [`parse_word_numeral`] starts a numeral: "a dozen", "a third of",
/// "half a million", "several thousand", "tens of thousands". A scale,
/// "dozen" or "point" never comes first. Keep in step with the grammar.
const NUMERAL_OPENERS: &[&str] = &["a", "an", "half", "several", "tens"];

/// Likewise for [`parse_word_ordinal`], besides ordinals, units and tens: "a
/// hundred and first".
const ORDINAL_OPENERS: &[&str] = &["a"];

const OPENS_NUMERAL: u8 = 1;
const OPENS_ORDINAL: u8 = 2;

/// Every lower-case word at which a numeral or an ordinal in words can start,
/// with what it opens.
static WORD_OPENERS: LazyLock<FxHashMap<&'static str, u8>> = LazyLock::new(|| {
    let mut map: FxHashMap<&'static str, u8> = FxHashMap::default();
    let numeral = [NUMERAL_OPENERS, UNIT_WORDS, TENS_WORDS, PLURAL_SCALES];
    let ordinal = [ORDINAL_OPENERS, ORDINAL_WORDS, UNIT_WORDS, TENS_WORDS];
    for (flag, lists) in [(OPENS_NUMERAL, numeral), (OPENS_ORDINAL, ordinal)] {
        for &w in lists.iter().copied().flatten() {
            *map.entry(w).or_default() |= flag;
        }
    }
    map
});

/// Whether [`parse_numeral`] can find a numeral at a word token whose
/// lower-case text is `w`: a cheap filter (one hash lookup) that rejects no
/// word the grammar takes.
pub fn opens_word_numeral(w: &str) -> bool {
    WORD_OPENERS.get(w).is_some_and(|&f| f & OPENS_NUMERAL != 0)
}

/// Whether a numeral ([`parse_numeral`]) or an ordinal
/// ([`parse_word_ordinal`]) in words can start at a word token whose
/// lower-case text is `w`; one hash lookup.
pub fn opens_word_figure(w: &str) -> bool {
    WORD_OPENERS.contains_key(w)
}

fn parse_word_numeral(tokens: &[Token], text: &str, i: usize) -> Option<Numeral> {
    let w0 = lw(tokens, text, i);
    // "a dozen", "a thousand", "a couple of", "a half", "an estimated" (not here).
    if w0 == "a" || w0 == "an" {
        let w1 = lw(tokens, text, i + 1);
        if matches!(w1, "couple" | "pair") && lw(tokens, text, i + 2) == "of" {
            return Some(words(2.0, i, i + 3));
        }
        // "a third of", "a quarter of the budget": a fraction of something.
        if let Some(den) = fraction_word(w1)
            && !w1.ends_with('s')
            && lw(tokens, text, i + 2) == "of"
        {
            let mut n = words(1.0 / den, i, i + 2);
            n.fraction = true;
            return Some(n);
        }
        if w1 == "few" {
            // "a few hundred", "a few thousand": an unstated multiple.
            return few_of_scale(tokens, text, i, i + 2);
        }
        if w1 == "dozen" || scale_word(w1).is_some() {
            let mut n = parse_word_numeral_core(tokens, text, i + 1, 1.0)?;
            n.start = i;
            return Some(n);
        }
        if w1 == "half" && (scale_word(lw(tokens, text, i + 2)).is_some() || lw(tokens, text, i + 2) == "dozen") {
            let s = scale_word(lw(tokens, text, i + 2)).unwrap_or(12.0);
            return Some(words(0.5 * s, i, i + 3));
        }
        if w1 == "half" && !matches!(lw(tokens, text, i + 2), "of" | "the") {
            let mut n = words(0.5, i, i + 2);
            n.fraction = true;
            return Some(n);
        }
        return None;
    }
    // "half of the population", "half the budget".
    if w0 == "half" && matches!(lw(tokens, text, i + 1), "of" | "the") {
        let mut n = words(0.5, i, i + 1);
        n.fraction = true;
        return Some(n);
    }
    // "half a million", "half a dozen".
    if w0 == "half" && matches!(lw(tokens, text, i + 1), "a" | "an") {
        let w2 = lw(tokens, text, i + 2);
        let s = if w2 == "dozen" { Some(12.0) } else { scale_word(w2) };
        if let Some(s) = s {
            return Some(words(0.5 * s, i, i + 3));
        }
        // "half an hour", "half a mile"
        let mut n = words(0.5, i, i + 2);
        n.fraction = true;
        return Some(n);
    }
    // Vague plurals: "dozens of", "hundreds of", "tens of thousands of".
    if let Some(v) = vague_plural(tokens, text, i) {
        return Some(v);
    }
    parse_word_numeral_core(tokens, text, i, 0.0)
}

fn word_at_punct<'a>(tokens: &[Token], text: &'a str, i: usize) -> &'a str {
    match tokens.get(i) {
        Some(t) if t.kind == TokenKind::Punct => t.text(text),
        _ => "",
    }
}

/// Whether the words at `i` start a numeral smaller than the scale group before
/// it ("…million, two hundred thousand"), so that a comma joins them.
fn continues_below(tokens: &[Token], text: &str, i: usize, total: f64) -> bool {
    let w = lw(tokens, text, i);
    if unit_word(w).is_none_or(|u| u == 0.0) && tens_word(w).is_none() {
        return false;
    }
    // The lowest scale already used bounds what may follow.
    let mut lowest = 1e15;
    for s in [1e12, 1e9, 1e6, 1e3] {
        if total % s == 0.0 && total >= s {
            lowest = s;
            break;
        }
    }
    parse_word_numeral_core(tokens, text, i, 0.0).is_some_and(|n| n.value < lowest && n.end > i + 1)
}

word_values! {
    /// Ordinal words: "first" … "nineteenth", "twentieth" … "ninetieth", and the
    /// ordinal scales "hundredth", "thousandth", "millionth", "billionth".
    pub fn ordinal_word, ORDINAL_WORDS {
        "first" => 1.0,
        "second" => 2.0,
        "third" => 3.0,
        "fourth" => 4.0,
        "fifth" => 5.0,
        "sixth" => 6.0,
        "seventh" => 7.0,
        "eighth" => 8.0,
        "ninth" => 9.0,
        "tenth" => 10.0,
        "eleventh" => 11.0,
        "twelfth" => 12.0,
        "thirteenth" => 13.0,
        "fourteenth" => 14.0,
        "fifteenth" => 15.0,
        "sixteenth" => 16.0,
        "seventeenth" => 17.0,
        "eighteenth" => 18.0,
        "nineteenth" => 19.0,
        "twentieth" => 20.0,
        "thirtieth" => 30.0,
        "fortieth" => 40.0,
        "fiftieth" => 50.0,
        "sixtieth" => 60.0,
        "seventieth" => 70.0,
        "eightieth" => 80.0,
        "ninetieth" => 90.0,
        "hundredth" => 1e2,
        "thousandth" => 1e3,
        "millionth" => 1e6,
        "billionth" => 1e9,
    }
}

/// An ordinal in words at token `i`: "first", "twenty-first", "one hundred
/// and first", "two hundredth". Returns the value and the end token.
pub fn parse_word_ordinal(tokens: &[Token], text: &str, i: usize) -> Option<(f64, usize)> {
    let w = lw(tokens, text, i);
    if let Some(v) = ordinal_word(w) {
        return Some((v, i + 1));
    }
    let n = if w == "a" && lw(tokens, text, i + 1) == "hundred" {
        // "a hundred and twelfth"
        parse_word_numeral_core(tokens, text, i + 1, 1.0)?
    } else if unit_word(w).is_none() && tens_word(w).is_none() {
        return None;
    } else {
        parse_word_numeral_core(tokens, text, i, 0.0)?
    };
    if n.fraction {
        return None;
    }
    let mut k = n.end;
    if is_hyphen(tokens, text, k) || lw(tokens, text, k) == "and" {
        k += 1;
    }
    let o = ordinal_word(lw(tokens, text, k))?;
    let v = n.value;
    let value = if o >= 100.0 && k == n.end {
        // "two hundredth", "three thousandth"
        v * o
    } else if o < 100.0 && v >= 20.0 && (v % 10.0 == 0.0) && (o < 10.0 || v % 100.0 == 0.0) && v % 100.0 + o < 100.0 {
        v + o
    } else {
        return None;
    };
    Some((value, k + 1))
}

fn words(value: f64, start: usize, end: usize) -> Numeral {
    Numeral {
        value,
        start,
        end,
        in_words: true,
        vague: None,
        decimal: false,
        grouped: false,
        fraction: false,
    }
}

word_values! {
    fn plural_scale, PLURAL_SCALES {
        "dozens" => 12.0,
        "scores" => 20.0,
        "hundreds" => 1e2,
        "thousands" => 1e3,
        "millions" => 1e6,
        "billions" => 1e9,
    }
}

/// "a few hundred", "several thousand", "a few dozen": from two to nine of the scale.
fn few_of_scale(tokens: &[Token], text: &str, start: usize, at: usize) -> Option<Numeral> {
    let w = lw(tokens, text, at);
    let mut scale = if w == "dozen" { 12.0 } else { scale_word(w)? };
    // "a few hundred thousand", "several hundred million": the scales multiply.
    let mut end = at + 1;
    while w != "dozen"
        && let Some(s2) = scale_word(lw(tokens, text, end))
        && s2 > scale
    {
        scale *= s2;
        end += 1;
    }
    let (min, max) = (2.0 * scale, if w == "dozen" { 143.0 } else { scale * 10.0 - 1.0 });
    Some(Numeral {
        value: min,
        start,
        end,
        in_words: true,
        vague: Some((min, Some(max))),
        decimal: false,
        grouped: false,
        fraction: false,
    })
}

fn vague_plural(tokens: &[Token], text: &str, i: usize) -> Option<Numeral> {
    let w0 = lw(tokens, text, i);
    if w0 == "several" {
        return few_of_scale(tokens, text, i, i + 1);
    }
    let (mut scale, mut end) = if w0 == "tens" {
        (10.0, i + 1)
    } else {
        (plural_scale(w0)?, i + 1)
    };
    // "tens of thousands", "hundreds of millions": multiply the scales.
    if lw(tokens, text, end) == "of"
        && let Some(s2) = plural_scale(lw(tokens, text, end + 1))
        && s2 > scale
    {
        scale *= s2;
        end += 2;
    } else if w0 == "tens" {
        return None;
    }
    // "thousands" means at least two thousand and fewer than ten thousand.
    let min = 2.0 * scale;
    let max = if w0 == "dozens" { 143.0 } else { scale * 10.0 - 1.0 };
    let max = Some(max);
    Some(Numeral {
        value: min,
        start: i,
        end,
        in_words: true,
        vague: Some((min, max)),
        decimal: false,
        grouped: false,
        fraction: false,
    })
}

/// The compositional core: units, tens (with hyphen), "hundred", scales,
/// "and", "dozen", and fractions ("three-quarters").
/// `seed` is an implicit leading "one" ("a thousand" → seed 1).
fn parse_word_numeral_core(tokens: &[Token], text: &str, i: usize, seed: f64) -> Option<Numeral> {
    let mut total = 0.0;
    let mut current = seed;
    let mut j = i;
    let mut last_end = i;
    let mut any = seed > 0.0;
    let mut last_was_scale = false;
    loop {
        if is_hyphen(tokens, text, j)
            && any
            && total == 0.0
            && current < 10.0
            && fraction_word(lw(tokens, text, j + 1)).is_some()
        {
            // "three-quarters", "two-thirds"
            let den = fraction_word(lw(tokens, text, j + 1)).unwrap_or(1.0);
            let mut n = words((total + current) / den, i, j + 2);
            n.fraction = true;
            return Some(n);
        }
        // "a two-billion-dollar plan": a hyphen joins the scale to its number.
        if is_hyphen(tokens, text, j)
            && any
            && tokens.get(j + 1).is_some_and(|t| t.glued)
            && tokens.get(j).is_some_and(|t| t.glued)
            && (scale_word(lw(tokens, text, j + 1)).is_some() || lw(tokens, text, j + 1) == "hundred")
        {
            j += 1;
        }
        let w = lw(tokens, text, j);
        if w.is_empty() && word_at_punct(tokens, text, j) != "," {
            break;
        }
        if let Some(u) = unit_word(w) {
            if any && !last_was_scale && current % 100.0 != 0.0 && current >= 10.0 && current % 10.0 != 0.0 {
                break; // "twenty-three four": stop
            }
            if any && !last_was_scale && current != 0.0 && current % 10.0 != 0.0 {
                break; // "three four" is not one number
            }
            if any && !last_was_scale && (10.0..20.0).contains(&current) {
                break;
            }
            current += u;
            any = true;
            last_was_scale = false;
            j += 1;
            last_end = j;
        } else if let Some(t) = tens_word(w) {
            if any && !last_was_scale && current % 100.0 != 0.0 {
                break;
            }
            current += t;
            any = true;
            last_was_scale = false;
            j += 1;
            last_end = j;
            // "twenty-three"
            if is_hyphen(tokens, text, j)
                && let Some(u) = unit_word(lw(tokens, text, j + 1))
                && u > 0.0
                && u < 10.0
            {
                current += u;
                j += 2;
                last_end = j;
            }
        } else if w == "hundred" {
            if current == 0.0 && !any {
                break;
            }
            current = current.max(1.0) * 100.0;
            any = true;
            last_was_scale = true;
            j += 1;
            last_end = j;
        } else if let Some(s) = scale_word(w) {
            if !any {
                break;
            }
            total += current.max(if total == 0.0 { 1.0 } else { 0.0 }) * s;
            if current == 0.0 && total > s {
                // "a million thousand" is not English; stop.
                break;
            }
            current = 0.0;
            any = true;
            last_was_scale = true;
            j += 1;
            last_end = j;
        } else if w == "dozen" && any {
            let n = if current == 0.0 { 1.0 } else { current };
            current = n * 12.0;
            any = true;
            last_was_scale = true;
            j += 1;
            last_end = j;
        } else if w == "point" && any && !last_was_scale && unit_word(lw(tokens, text, j + 1)).is_some_and(|u| u < 10.0)
        {
            // "three point five", "two point two five million"
            let mut k = j + 1;
            let mut frac = 0.0;
            let mut place = 0.1;
            while let Some(d) = unit_word(lw(tokens, text, k)).filter(|&u| u < 10.0) {
                frac += d * place;
                place /= 10.0;
                k += 1;
            }
            let mut value = current + frac;
            if let Some(s) = scale_word(lw(tokens, text, k)) {
                value = scaled(value, s);
                k += 1;
            }
            let mut n = words(total + value, i, k);
            n.decimal = true;
            return Some(n);
        } else if w.is_empty()
            && any
            && last_was_scale
            && current == 0.0
            && total >= 1000.0
            && word_at_punct(tokens, text, j) == ","
            && continues_below(tokens, text, j + 1, total)
        {
            // "one million, two hundred thousand": a comma between scale groups.
            j += 1;
        } else if w == "and" && any && last_was_scale {
            // "one hundred and twenty": only when a numeral follows.
            let next = lw(tokens, text, j + 1);
            if unit_word(next).is_some_and(|u| u > 0.0) || tens_word(next).is_some() {
                j += 1;
            } else {
                break;
            }
        } else if any
            && !last_was_scale
            && fraction_word(w).is_some()
            && current < 10.0
            && (w.ends_with('s') || (current == 1.0 && total == 0.0 && w != "second"))
        {
            // "three quarters", "two thirds"
            let den = fraction_word(w).unwrap_or(1.0);
            return Some(Numeral {
                value: current / den,
                start: i,
                end: j + 1,
                in_words: true,
                vague: None,
                decimal: false,
                grouped: false,
                fraction: true,
            });
        } else {
            break;
        }
    }
    if !any {
        return None;
    }
    Some(words(total + current, i, last_end))
}

/// Writes a non-negative integer in English words, for tests and messages.
pub fn to_words(mut n: u64) -> String {
    const UNITS: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 10] = [
        "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    fn below_thousand(n: u64, out: &mut Vec<String>) {
        let h = n / 100;
        let r = n % 100;
        if h > 0 {
            out.push(format!("{} hundred", UNITS[h as usize]));
            if r > 0 {
                out.push("and".into());
            }
        }
        if r >= 20 {
            let t = TENS[(r / 10) as usize];
            if !r.is_multiple_of(10) {
                out.push(format!("{t}-{}", UNITS[(r % 10) as usize]));
            } else {
                out.push(t.into());
            }
        } else if r > 0 {
            out.push(UNITS[r as usize].into());
        }
    }
    if n == 0 {
        return "zero".into();
    }
    let mut parts = Vec::new();
    for (scale, name) in [
        (1_000_000_000_000u64, "trillion"),
        (1_000_000_000, "billion"),
        (1_000_000, "million"),
        (1000, "thousand"),
    ] {
        if n >= scale {
            below_thousand(n / scale, &mut parts);
            parts.push(name.into());
            n %= scale;
        }
    }
    if n > 0 {
        if !parts.is_empty() && n < 100 {
            parts.push("and".into());
        }
        below_thousand(n, &mut parts);
    }
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tests::grouped;
    use crate::testutil::lcg;
    use crate::text::{Span, tokenize};

    fn num(s: &str) -> Option<(f64, String)> {
        let toks = tokenize(s, Span::new(0, s.len()));
        let n = parse_numeral(&toks, s, 0)?;
        let covered = &s[toks[n.start].span.start..toks[n.end - 1].span.end];
        Some((n.value, covered.to_string()))
    }

    #[test]
    fn digits_and_scales() {
        for (s, v) in [
            ("1,000", 1000.0),
            ("1,234,567", 1234567.0),
            ("3.5", 3.5),
            ("2.5 million", 2.5e6),
            ("3k", 3000.0),
            ("1.5m", 1.5e6),
            ("2bn", 2e9),
            ("100 million", 1e8),
            ("1/3", 1.0 / 3.0),
        ] {
            assert_eq!(num(s).map(|n| n.0), Some(v), "{s}");
        }
        assert_eq!(parse_digits("1,00"), None);
        assert_eq!(parse_digits("1.2.3"), None);
    }

    #[test]
    fn words_of_any_size() {
        for (s, v) in [
            ("one hundred and twenty-three", 123.0),
            ("a dozen", 12.0),
            ("two dozen", 24.0),
            ("a thousand", 1000.0),
            ("half a million", 5e5),
            ("a couple of", 2.0),
            ("three-quarters", 0.75),
            ("two thirds", 2.0 / 3.0),
            ("forty-two thousand five hundred", 42500.0),
            ("seven million", 7e6),
        ] {
            assert_eq!(num(s).map(|n| n.0), Some(v), "{s}");
        }
    }

    #[test]
    fn separate_numbers_are_not_merged() {
        assert_eq!(num("three four").map(|n| n.1), Some("three".into()));
        assert_eq!(num("twenty-three four").map(|n| n.1), Some("twenty-three".into()));
        assert_eq!(num("a few"), None);
    }

    #[test]
    fn vague_plurals_give_bounds() {
        let s = "tens of thousands of Haitians";
        let toks = tokenize(s, Span::new(0, s.len()));
        let n = parse_numeral(&toks, s, 0).unwrap();
        assert_eq!(n.vague, Some((20000.0, Some(99999.0))));
        let s = "hundreds of people";
        let toks = tokenize(s, Span::new(0, s.len()));
        assert_eq!(parse_numeral(&toks, s, 0).unwrap().vague, Some((200.0, Some(999.0))));
    }

    #[test]
    fn every_integer_in_words_parses_back() {
        // A deterministic sweep across magnitudes up to 10^12.
        let mut n: u64 = 0;
        let mut step: u64 = 1;
        while n <= 1_000_000_000_000 {
            let w = to_words(n);
            let toks = tokenize(&w, Span::new(0, w.len()));
            let parsed = parse_numeral(&toks, &w, 0).map(|x| (x.value, x.end));
            assert_eq!(parsed, Some((n as f64, toks.len())), "{n}: {w}");
            n += step;
            if n > step * 50 {
                step = step * 7 + 3;
            }
        }
    }

    #[test]
    fn every_integer_with_separators_parses_back() {
        let mut n: u64 = 0;
        let mut step: u64 = 1;
        while n <= 1_000_000_000_000 {
            for s in [grouped(n), n.to_string()] {
                let toks = tokenize(&s, Span::new(0, s.len()));
                let parsed = parse_numeral(&toks, &s, 0).map(|x| (x.value, x.end));
                assert_eq!(parsed, Some((n as f64, toks.len())), "{s}");
            }
            n += step;
            if n > step * 50 {
                step = step * 7 + 3;
            }
        }
    }

    #[test]
    fn decimals_and_scales_parse_back() {
        let mut seed = 7;
        for _ in 0..2000 {
            let int = lcg(&mut seed) % 1000;
            let frac = lcg(&mut seed) % 100;
            let (scale, word, suffix) = [
                (1e3, "thousand", "k"),
                (1e6, "million", "m"),
                (1e9, "billion", "bn"),
                (1e12, "trillion", "tn"),
            ][(lcg(&mut seed) % 4) as usize];
            let expected = ((int * 100 + frac) as f64 / 100.0 * scale).round();
            for s in [format!("{int}.{frac:02} {word}"), format!("{int}.{frac:02}{suffix}")] {
                let toks = tokenize(&s, Span::new(0, s.len()));
                let n = parse_numeral(&toks, &s, 0).unwrap_or_else(|| panic!("{s}"));
                assert_eq!((n.value, n.end), (expected, toks.len()), "{s}");
            }
        }
    }

    #[test]
    fn words_with_scales_parse_back() {
        // "forty-two million three hundred and five thousand and six" etc.
        let mut seed = 11;
        for _ in 0..2000 {
            let n = lcg(&mut seed) % 1_000_000_000_000_000;
            let w = to_words(n);
            let toks = tokenize(&w, Span::new(0, w.len()));
            let parsed = parse_numeral(&toks, &w, 0).map(|x| (x.value, x.end));
            assert_eq!(parsed, Some((n as f64, toks.len())), "{n}: {w}");
        }
    }
}
