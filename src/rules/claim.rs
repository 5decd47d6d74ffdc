//! The claim language: `SUBJECT MEASURE OP VALUE`, e.g. `Kenya pledge = 1,000`,
//! `Haiti displaced >= 165,000`, `Kenya pledge ~ 1,000`,
//! `Belize pledge in 50..100`, `United States funding = $100 million`.

use crate::extract::numbers::parse_numeral;
use crate::text::{Span, TokenKind, tokenize};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Eq,
    Approx,
    Lt,
    Le,
    Gt,
    Ge,
    Range,
}

impl Op {
    pub fn parse(s: &str) -> Option<Op> {
        Some(match s {
            "=" | "==" | "eq" => Op::Eq,
            "~" | "≈" | "approx" | "about" => Op::Approx,
            "<" | "lt" => Op::Lt,
            "<=" | "≤" | "le" => Op::Le,
            ">" | "gt" => Op::Gt,
            ">=" | "≥" | "ge" => Op::Ge,
            "in" | "range" | "between" => Op::Range,
            _ => return None,
        })
    }
    pub fn symbol(self) -> &'static str {
        match self {
            Op::Eq => "=",
            Op::Approx => "~",
            Op::Lt => "<",
            Op::Le => "<=",
            Op::Gt => ">",
            Op::Ge => ">=",
            Op::Range => "in",
        }
    }
}

/// What a claimed value counts: a plain count, a percentage or money.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    Count,
    Percent,
    Money,
    /// A length of time, in [`ClaimValue::unit`]: "21 years", "18 months".
    Duration,
}

/// Days in a unit of time, for comparing durations written in different units.
pub fn time_unit_days(unit: &str) -> Option<f64> {
    Some(match unit.trim_end_matches('s') {
        "year" | "yr" => 365.25,
        "decade" => 3652.5,
        "month" => 365.25 / 12.0,
        "week" => 7.0,
        "day" => 1.0,
        "hour" => 1.0 / 24.0,
        "minute" => 1.0 / 1440.0,
        _ => return None,
    })
}

fn time_unit(word: &str) -> Option<&'static str> {
    Some(match word.trim_end_matches('s') {
        "year" | "yr" => "year",
        "decade" => "decade",
        "month" => "month",
        "week" => "week",
        "day" => "day",
        "hour" => "hour",
        "minute" => "minute",
        _ => return None,
    })
}

#[derive(Debug, Clone, PartialEq)]
pub struct ClaimValue {
    pub kind: ValueKind,
    pub value: f64,
    /// Upper end of a range claim.
    pub upper: Option<f64>,
    /// ISO 4217 code for money.
    pub currency: Option<&'static str>,
    /// Written as a bare `$` or "dollars": the rules' default currency
    /// (`currency:`) applies when there is one.
    pub local: bool,
    /// The unit of time of a duration, or the physical unit of a count
    /// ("1,500 miles": "mile"), as the extractor names it.
    pub unit: Option<&'static str>,
}

const OPS: &[&str] = &["<=", ">=", "==", "=", "~", "≈", "<", ">", "≤", "≥", " in "];

/// Parses the compact form. The measure is the word before the operator;
/// the subject is everything before it, so multi-word subjects work.
pub fn parse_compact(s: &str) -> Result<super::ClaimSpec, String> {
    let text = s.trim();
    let (pos, op) = OPS
        .iter()
        .filter_map(|op| text.find(op).map(|p| (p, *op)))
        // " in " is the range operator only before a range: "clubs
        // touring in the spring = 12" has the measure's own "in".
        .filter(|&(p, op)| op != " in " || text[p..].contains(".."))
        .min_by_key(|&(p, op)| (p, usize::MAX - op.len()))
        .ok_or_else(|| {
            format!("claim `{text}` has no operator; write it as `SUBJECT MEASURE = VALUE` (or ~, <, <=, >, >=, in)")
        })?;
    let left = text[..pos].trim();
    let right = text[pos + op.len()..].trim();
    let (subject, measure) = left
        .rsplit_once(char::is_whitespace)
        .map(|(a, b)| (a.trim(), b.trim()))
        .filter(|(a, _)| !a.is_empty())
        .ok_or_else(|| {
            format!(
                "claim `{text}` needs a subject and a measure before `{}`, e.g. `Kenya pledge = 1,000`",
                op.trim()
            )
        })?;
    let op = Op::parse(op.trim()).unwrap_or(Op::Eq);
    let value = if op == Op::Range {
        let (lo, hi) = right
            .split_once("..")
            .ok_or_else(|| format!("range claim `{text}` needs `MIN..MAX`, e.g. `in 50..100`"))?;
        let lo = parse_value(lo)?;
        let hi = parse_value(hi)?;
        if hi.value < lo.value {
            return Err(format!("range claim `{text}` has its bounds the wrong way round"));
        }
        ClaimValue {
            upper: Some(hi.value),
            ..lo
        }
    } else {
        parse_value(right)?
    };
    Ok(super::ClaimSpec {
        subject: subject.to_string(),
        measure: measure.to_string(),
        op,
        value,
        tolerance: None,
        as_of: None,
        severity: None,
        note: None,
        source: None,
        text: text.to_string(),
    })
}

/// Parses a claimed value: `1,000`, `2.5 million`, `80%`, `$100 million`, `€3bn`, `1.5m`.
pub fn parse_value(s: &str) -> Result<ClaimValue, String> {
    let t = s.trim();
    let toks = tokenize(t, Span::new(0, t.len()));
    let bad = || format!("`{t}` is not a value; write a number such as 1,000, 2.5 million, 80% or $100 million");
    let mut i = 0;
    let mut currency = None;
    let mut negative = false;
    while let Some(tok) = toks.get(i) {
        let w = tok.text(t);
        if tok.kind == TokenKind::Number {
            break;
        }
        if w == "-" || w == "−" {
            negative = true;
        } else if let Some(code) = crate::extract::currency_prefix(w).or_else(|| crate::extract::iso_4217(w)) {
            currency = Some(code);
        } else if tok.kind == TokenKind::Word && crate::extract::numbers::unit_word(&w.to_lowercase()).is_some() {
            break;
        } else if !(w == "U" || w == "S" || w == ".") {
            return Err(bad());
        }
        i += 1;
    }
    let lower = t.to_ascii_lowercase();
    let n = parse_numeral(&toks, &lower, i).ok_or_else(bad)?;
    let mut kind = if currency.is_some() {
        ValueKind::Money
    } else {
        ValueKind::Count
    };
    let mut j = n.end;
    let mut unit = None;
    while let Some(tok) = toks.get(j) {
        let w = tok.text(t).to_lowercase();
        if w == "%" || w == "percent" || w == "per" || w == "cent" {
            kind = ValueKind::Percent;
        } else if let Some(code) = crate::extract::currency_word(&w) {
            currency = Some(code);
            kind = ValueKind::Money;
        } else if let Some(u) = time_unit(&w).filter(|_| kind == ValueKind::Count && unit.is_none()) {
            unit = Some(u);
            kind = ValueKind::Duration;
        } else if let Some(u) = crate::extract::physical_unit_name(&w)
            .filter(|u| kind == ValueKind::Count && unit.is_none() && crate::extract::keys::dimension(u).is_some())
        {
            unit = Some(u);
        } else {
            return Err(bad());
        }
        j += 1;
    }
    let value = if negative { -n.value } else { n.value };
    let local = currency == Some("USD") && !t.contains("US") && !t.contains("U.S") && !lower.contains("usd");
    Ok(ClaimValue {
        kind,
        value,
        upper: None,
        currency,
        local,
        unit,
    })
}

pub fn parse_tolerance(s: &str) -> Result<super::Tolerance, String> {
    let v = parse_value(s)?;
    if v.value < 0.0 {
        return Err("a tolerance cannot be negative".into());
    }
    Ok(match v.kind {
        ValueKind::Percent => super::Tolerance::Relative(v.value / 100.0),
        _ => super::Tolerance::Absolute(v.value),
    })
}

/// Formats a number the way a newsroom writes it: 1,000; 2.5; 165,000.
pub fn fmt_number(v: f64) -> String {
    if v.is_infinite() {
        return if v > 0.0 { "∞".into() } else { "-∞".into() };
    }
    if (v.fract()).abs() > 1e-9 {
        let s = format!("{:.2}", v);
        return s.trim_end_matches('0').trim_end_matches('.').to_string();
    }
    let neg = v < 0.0;
    let digits = format!("{}", v.abs().round() as u64);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if neg { format!("-{out}") } else { out }
}

pub fn fmt_value(v: &ClaimValue, n: f64) -> String {
    match v.kind {
        ValueKind::Percent => format!("{}%", fmt_number(n)),
        ValueKind::Money => format!("{} {}", v.currency.unwrap_or(""), fmt_number(n))
            .trim()
            .to_string(),
        ValueKind::Count => match v.unit {
            Some(unit) => format!("{} {}", fmt_number(n), unit_plural(unit, n)),
            None => fmt_number(n),
        },
        ValueKind::Duration => {
            let unit = v.unit.unwrap_or("day");
            format!(
                "{} {unit}{}",
                fmt_number(n),
                if (n - 1.0).abs() < 1e-9 { "" } else { "s" }
            )
        }
    }
}

/// A physical unit's name for `n` of it: "1 mile", "2 miles", "6 feet".
fn unit_plural(unit: &str, n: f64) -> String {
    if (n - 1.0).abs() < 1e-9 {
        return unit.to_string();
    }
    match unit {
        "foot" => "feet".into(),
        "square foot" => "square feet".into(),
        "inch" => "inches".into(),
        u if u.contains(" per ") => {
            let (a, b) = u.split_once(" per ").unwrap_or((u, ""));
            format!("{a}s per {b}")
        }
        u => format!("{u}s"),
    }
}

pub fn fmt_op_value(op: Op, v: &ClaimValue) -> String {
    match (op, v.upper) {
        (Op::Range, Some(hi)) => format!("in {}..{}", fmt_value(v, v.value), fmt_value(v, hi)),
        _ => format!("{} {}", op.symbol(), fmt_value(v, v.value)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values() {
        assert_eq!(parse_value("1,000").unwrap().value, 1000.0);
        assert_eq!(parse_value("80%").unwrap().kind, ValueKind::Percent);
        let m = parse_value("$100 million").unwrap();
        assert_eq!((m.kind, m.value, m.currency), (ValueKind::Money, 1e8, Some("USD")));
        assert_eq!(parse_value("€3bn").unwrap().currency, Some("EUR"));
        let d = parse_value("18 months").unwrap();
        assert_eq!((d.kind, d.value, d.unit), (ValueKind::Duration, 18.0, Some("month")));
        assert_eq!(fmt_value(&d, 18.0), "18 months");
        assert!(parse_value("5 parsecs").is_err());
        let q = parse_value("1,500 miles").unwrap();
        assert_eq!((q.kind, q.value, q.unit), (ValueKind::Count, 1500.0, Some("mile")));
        assert_eq!(fmt_value(&q, 1500.0), "1,500 miles");
        assert_eq!(fmt_value(&parse_value("6 feet").unwrap(), 6.0), "6 feet");
        assert_eq!(parse_value("two dozen").unwrap().value, 24.0);
        assert!(parse_value("lots").is_err());
        assert!(parse_value("1,000 frogs").is_err());
    }

    #[test]
    fn operators_and_multiword_subjects() {
        let c = parse_compact("United States funding >= $100 million").unwrap();
        assert_eq!(
            (c.subject.as_str(), c.measure.as_str(), c.op),
            ("United States", "funding", Op::Ge)
        );
        let c = parse_compact("Belize pledge in 50..100").unwrap();
        assert_eq!((c.op, c.value.value, c.value.upper), (Op::Range, 50.0, Some(100.0)));
        assert_eq!(parse_compact("Kenya pledge ~ 1,000").unwrap().op, Op::Approx);
        assert!(parse_compact("Kenya pledge 1,000").is_err());
        // A measure's own "in" is not the range operator.
        let c = parse_compact("Acme clubs touring in spring = 12").unwrap();
        assert_eq!((c.op, c.value.value), (Op::Eq, 12.0));
        assert!(parse_compact("pledge = 1,000").is_err());
    }

    #[test]
    fn formats_numbers() {
        assert_eq!(fmt_number(165000.0), "165,000");
        assert_eq!(fmt_number(2.5), "2.5");
        assert_eq!(fmt_number(-1200.0), "-1,200");
    }
}
