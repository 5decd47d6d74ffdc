#![doc = include_str!("docs/encoding.md")]

use std::sync::LazyLock;

use regex::Regex;

use super::{Analysis, RuleInfo};
use crate::diagnostic::{Diagnostic, Severity};
use crate::text::Span;

pub const ID: &str = "encoding";
pub const RULE: RuleInfo = RuleInfo {
    id: ID,
    severity: Severity::Warning,
    summary: "mojibake, replacement or control characters, zero-width characters, BOM, mixed line endings",
    doc: include_str!("docs/encoding.md"),
};

/// The characters Windows-1252 puts at bytes 0x80..=0x9F (undefined bytes
/// map to the C1 control of the same value, as most decoders leave them).
const CP1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}', '\u{90}', '‘', '’',
    '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
];

/// A UTF-8 lead byte read as Windows-1252, followed by one or two
/// continuation bytes (0x80..=0xBF) read the same way; or the "â€" of a
/// three-byte punctuation mark whose last byte a converter dropped. The lead
/// bytes are those of the text news carries: Latin-1 and Latin Extended-A
/// letters (0xC2..=0xC5: "Ã©", "Å‚"), Greek and Cyrillic (0xCE..=0xD1) and
/// general punctuation (0xE2: "â€™"), so that a legitimate "Ç»" is left alone.
static MOJIBAKE: LazyLock<Regex> = LazyLock::new(|| {
    let cont: String = CP1252_HIGH.iter().collect::<String>() + "\\u{A0}-\\u{BF}";
    Regex::new(&format!(
        "(?:[\\u{{C2}}-\\u{{C5}}\\u{{CE}}-\\u{{D1}}][{cont}]|\\u{{E2}}[{cont}]{{2}})+|â€"
    ))
    .expect("mojibake regex")
});

/// The byte a Windows-1252 decoder read as `c`, if any.
fn cp1252_byte(c: char) -> Option<u8> {
    let u = c as u32;
    if u < 0x80 || (0xA0..=0xFF).contains(&u) {
        return Some(u as u8);
    }
    CP1252_HIGH.iter().position(|&h| h == c).map(|i| 0x80 + i as u8)
}

/// Undoes one round of UTF-8-as-Windows-1252, if the result is valid UTF-8.
pub fn repair(s: &str) -> Option<String> {
    let bytes: Option<Vec<u8>> = s.chars().map(cp1252_byte).collect();
    String::from_utf8(bytes?).ok()
}

fn is_zero_width(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

fn is_latin_letter(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphabetic() && (c as u32) < 0x250)
}

pub fn check(analysis: &Analysis, out: &mut Vec<Diagnostic>) {
    let article = &analysis.article;
    let text = &article.text;
    let diag = |span: Span, msg: String, label: &'static str, help: String| {
        Diagnostic::new(ID, RULE.severity, article, span, msg)
            .label(label)
            .help(help)
            .finish()
    };
    let mut runs: Vec<Span> = Vec::new();
    for m in MOJIBAKE.find_iter(text) {
        let span = Span::new(m.start(), m.end());
        let (msg, help) = match repair(m.as_str()) {
            Some(fixed) if fixed.chars().all(plausible) => (
                format!(
                    "mojibake: “{}” is {} decoded with the wrong encoding",
                    m.as_str(),
                    describe(&fixed)
                ),
                format!(
                    "replace “{}” with {}; if the file has many, convert it back (`iconv -f UTF-8 -t WINDOWS-1252`)",
                    m.as_str(),
                    describe(&fixed)
                ),
            ),
            _ if m.as_str() == "â€" => (
                "mojibake: “â€” is a quotation mark or dash decoded with the wrong encoding".to_string(),
                "replace “â€” with the mark the source has (often a closing quotation mark ”)".to_string(),
            ),
            _ => continue,
        };
        runs.push(span);
        out.push(diag(span, msg, "mojibake", help));
    }
    // Only non-ASCII and control characters can be findings: printable
    // ASCII is skipped byte by byte.
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if (0x20..0x7F).contains(&b) || matches!(b, b'\n' | b'\r' | b'\t') {
            i += 1;
            continue;
        }
        let Some(c) = text[i..].chars().next() else { break };
        let prev = text[..i].chars().next_back();
        let next = text[i + c.len_utf8()..].chars().next();
        let span = Span::new(i, i + c.len_utf8());
        i += c.len_utf8();
        if c == '\u{FEFF}' && span.start == 0 {
            out.push(diag(
                span,
                "the file starts with a byte-order mark".into(),
                "byte-order mark",
                "save the file as UTF-8 without a BOM".into(),
            ));
        } else if is_zero_width(c) {
            if is_latin_letter(prev) && is_latin_letter(next) {
                out.push(diag(
                    span,
                    format!("an invisible zero-width character (U+{:04X}) inside a word", c as u32),
                    "zero-width character",
                    "delete the invisible character; it stops the word matching names and search".into(),
                ));
            }
        } else if c == '\u{FFFD}' {
            out.push(diag(
                span,
                "a replacement character (U+FFFD): a character was lost in a conversion".into(),
                "lost character",
                "restore the original character from the source of the article".into(),
            ));
        } else if c.is_control() && !matches!(c, '\n' | '\r' | '\t') && !runs.iter().any(|r| r.contains(span)) {
            out.push(diag(
                span,
                format!("a control character (U+{:04X}) in the text", c as u32),
                "control character",
                "delete it (or replace it with the character the source meant)".into(),
            ));
        }
    }
    line_endings(analysis, out);
}

/// A repaired run as a message shows it: quoted, or named when invisible.
fn describe(fixed: &str) -> String {
    match fixed {
        "\u{A0}" => "a no-break space (U+00A0)".to_string(),
        "\u{AD}" => "a soft hyphen (U+00AD)".to_string(),
        _ if fixed.chars().all(char::is_whitespace) => format!("white space ({} characters)", fixed.chars().count()),
        _ => format!("“{fixed}”"),
    }
}

/// Characters a repaired mojibake run may plausibly stand for: letters,
/// Latin-1 symbols, general punctuation, currency and letter-like symbols.
fn plausible(c: char) -> bool {
    let u = c as u32;
    (0xA0..=0x24F).contains(&u) || (0x2000..=0x214F).contains(&u) || (c.is_alphabetic() && u < 0x530)
}

fn line_endings(analysis: &Analysis, out: &mut Vec<Diagnostic>) {
    let article = &analysis.article;
    let b = article.text.as_bytes();
    let (mut crlf, mut lf) = (0usize, 0usize);
    let (mut first_crlf, mut first_lf) = (None, None);
    for (i, &c) in b.iter().enumerate() {
        if c == b'\n' {
            if i > 0 && b[i - 1] == b'\r' {
                crlf += 1;
                first_crlf.get_or_insert(i - 1);
            } else {
                lf += 1;
                first_lf.get_or_insert(i);
            }
        }
    }
    if crlf == 0 || lf == 0 {
        return;
    }
    let (minority, at, majority_name, minority_name, n) = if crlf < lf {
        (crlf, first_crlf.unwrap_or(0), "LF", "CRLF", lf)
    } else {
        (lf, first_lf.unwrap_or(0), "CRLF", "LF", crlf)
    };
    // Point at the line whose ending is in the minority.
    let line_start = article.text[..at].rfind('\n').map_or(0, |p| p + 1);
    let end = if at > line_start { at } else { (at + 1).min(b.len()) };
    let span = Span::new(line_start, end.max(line_start));
    let d = Diagnostic::new(
        ID,
        RULE.severity,
        article,
        span,
        format!("mixed line endings: {minority} line(s) end in {minority_name}, {n} in {majority_name}"),
    )
    .label(format!("first line ending in {minority_name}"))
    .help(format!(
        "convert the file to one line ending (e.g. `dos2unix` for LF); this line ends in {minority_name}"
    ));
    out.push(d.finish());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::quality_testutil::{CLEAN, run};

    #[test]
    fn mojibake_is_found_and_repaired() {
        let found = run("Haitiâ€™s police and the CafÃ© du Port.\n", check);
        assert_eq!(found, ["â€™", "Ã©"]);
        let found = run("Lech WaÅ‚Ä™sa flew to ÐœÐ¾Ñ\u{81}ÐºÐ²Ð° today.\n", check);
        assert_eq!(found, ["Å‚Ä™", "ÐœÐ¾Ñ\u{81}ÐºÐ²Ð°"]);
        assert_eq!(repair("â€™").as_deref(), Some("’"));
        assert_eq!(repair("Ã©").as_deref(), Some("é"));
        assert_eq!(repair("Ã¯").as_deref(), Some("ï"));
        let a = crate::checks::quality_testutil::analyse("t.txt", "Jovenel MoÃ¯se was killed.\n");
        let mut out = Vec::new();
        check(&a, &mut out);
        assert!(
            out[0].help.as_deref().unwrap().contains("with “ï”"),
            "{:?}",
            out[0].help
        );
    }

    #[test]
    fn a_lost_closing_quote_byte_is_mojibake_too() {
        assert_eq!(run("â€œWe will stay,â€ he said.\n", check), ["â€œ", "â€"]);
    }

    #[test]
    fn accented_text_is_not_mojibake() {
        for t in [
            "São Paulo, Zürich, Besançon, Ærø and Hélène’s café…\n",
            "Le château à Orléans — « Très bien », a-t-il dit.\n",
            "ÀÉÎÕÜ and naïve coöperation cost €12 or £10.\n",
            "«Ç» and «È» are letters; ESPAÑA… was the headline.\n",
        ] {
            assert!(run(t, check).is_empty(), "{t}");
        }
    }

    #[test]
    fn replacement_control_zero_width_and_bom() {
        assert_eq!(run("The minister\u{FFFD}s plan.\n", check), ["\u{FFFD}"]);
        assert_eq!(run("A bell\u{7} rang.\n", check), ["\u{7}"]);
        assert_eq!(run("Port-au-Pr\u{200B}ince was calm.\n", check), ["\u{200B}"]);
        assert_eq!(run("\u{FEFF}Title of the piece\n", check), ["\u{FEFF}"]);
        // Between words or beside an emoji, a zero-width joiner is not a defect.
        assert!(run("Family: 👩\u{200D}👧 and words\u{200B} apart.\n", check).is_empty());
        assert!(run("Tab\tseparated\tvalues are fine.\r\n", check).is_empty());
    }

    #[test]
    fn mixed_line_endings() {
        let found = run("One line.\r\nTwo line.\r\nThree line.\nFour.\r\n", check);
        assert_eq!(found, ["Three line."]);
        assert!(run("One.\r\nTwo.\r\n", check).is_empty());
        assert!(run("One.\nTwo.\n", check).is_empty());
    }

    #[test]
    fn clean_articles_have_no_findings() {
        for t in CLEAN {
            assert!(run(t, check).is_empty(), "{t}");
        }
    }
}
