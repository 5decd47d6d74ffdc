#![doc = include_str!("docs/spacing.md")]

use std::sync::LazyLock;

use regex::Regex;

use super::{Analysis, RuleInfo};
use crate::diagnostic::{Diagnostic, Severity};
use crate::text::Span;

pub const ID: &str = "spacing";
pub const RULE: RuleInfo = RuleInfo {
    id: ID,
    severity: Severity::Warning,
    summary: "a space inside a figure or before punctuation, or words glued together",
    doc: include_str!("docs/spacing.md"),
};

/// "$ 300", "€ 12": a currency sign, spaces, a digit.
static CURRENCY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[$€£¥][ \t\u{A0}]+[0-9]+(?:[.,][0-9]+)*").expect("regex"));
/// "12 %": a digit, spaces, a percent sign not followed by a word character.
static PERCENT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[0-9]+(?:[.,][0-9]+)*[ \t]+%").expect("regex"));
/// "region .", "Haiti , Kenya": a word, spaces, one mark, then space or end.
static BEFORE_PUNCT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?m)[\p{L}\p{N}’”)][ \t]+[.,;:!?](?:[ \t\r]|$)").expect("regex"));
/// "84 views0 comments": a count, its noun, and the next count glued to it.
static GLUED_COUNT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)[0-9][0-9,.]*[ \t]?([a-z]{3,})([0-9]+)(?-u:\b)").expect("regex"));
/// "pictureThe": three or more lower-case letters starting a word (checked
/// in code, which is cheaper than a Unicode `\b`), then a capitalised word.
static GLUED_CASE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(\p{Ll}{3,})(\p{Lu}\p{Ll}+)").expect("regex"));
/// "said.The": a lower-case word, a full stop, a capitalised word, no space.
static GLUED_SENTENCE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\p{Ll}{2,}[.!?])(\p{Lu}\p{Ll}+)").expect("regex"));

/// Whether the whitespace-delimited token around `at` is a web address, an
/// e-mail address, a handle, a hashtag or a path, where casing and dots are
/// not prose.
fn in_address(text: &str, at: usize) -> bool {
    let start = crate::text::after_last(&text[..at], char::is_whitespace);
    let end = text[at..].find(char::is_whitespace).map_or(text.len(), |p| at + p);
    let token = text[start..end].to_ascii_lowercase();
    token.contains("://")
        || token.contains("www.")
        || token.contains(['@', '#', '/', '\\', '_', '='])
        || [".com", ".org", ".net", ".gov", ".edu", ".io", ".co."]
            .iter()
            .any(|d| token.contains(d))
}

/// Lower-case prefixes brands are made of ("easyJet", "airBaltic",
/// "wikiHow"): a word glued to a capitalised one after them is a name.
const BRAND_PREFIXES: &[&str] = &[
    "easy", "air", "bio", "eco", "web", "net", "info", "geo", "tele", "micro", "nano", "smart", "open", "my", "go",
    "get", "wiki", "blue", "green", "play", "tech", "data", "cyber", "mobi", "face", "insta", "you", "max",
];

/// Whether a letter (or an apostrophe inside a word) comes right before `at`.
fn starts_mid_word(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || c == '\'' || c == '’')
}

pub fn check(analysis: &Analysis, out: &mut Vec<Diagnostic>) {
    let article = &analysis.article;
    let text = &article.text;
    let from = article.header_end;
    let body = &text[from..];
    let mut push = |span: Span, msg: String, label: &str, help: String| {
        out.push(
            Diagnostic::new(ID, RULE.severity, article, span, msg)
                .label(label)
                .help(help)
                .finish(),
        );
    };
    for m in CURRENCY.find_iter(body) {
        let s = m.as_str();
        let sign = s.chars().next().unwrap_or('$');
        let amount = s[sign.len_utf8()..].trim_start();
        let span = Span::new(from + m.start(), from + m.end());
        push(
            span,
            format!("a space between “{sign}” and its amount"),
            "space inside a figure",
            format!("write “{sign}{amount}” with no space"),
        );
    }
    for m in PERCENT.find_iter(body) {
        let span = Span::new(from + m.start(), from + m.end());
        let number = m.as_str().trim_end_matches('%').trim_end();
        push(
            span,
            "a space before a percent sign".into(),
            "space inside a figure",
            format!("write “{number}%” with no space"),
        );
    }
    for m in BEFORE_PUNCT.find_iter(body) {
        let s = m.as_str();
        let mark_at = s.trim_end().len() - 1;
        let mark = &s[mark_at..mark_at + 1];
        let abs_mark = from + m.start() + mark_at;
        // A spaced ellipsis (". . .") is not an error of this kind.
        let after = &text[abs_mark + 1..];
        let word_end = from + m.start() + s[..mark_at].trim_end().len();
        if after.trim_start_matches([' ', '\t']).starts_with(['.', '…']) || text[..abs_mark].ends_with(". ") {
            continue;
        }
        // A ratio or a score written with spaces: "3 : 1".
        let prev_char = text[..word_end].chars().next_back();
        if mark == ":"
            && prev_char.is_some_and(|c| c.is_ascii_digit())
            && after.trim_start().starts_with(|c: char| c.is_ascii_digit())
        {
            continue;
        }
        let span = Span::new(word_end, abs_mark + 1);
        push(
            span,
            format!("a space before “{mark}”"),
            "space before punctuation",
            format!("delete the space before “{mark}”"),
        );
    }
    for c in GLUED_COUNT.captures_iter(body) {
        let (word, digits) = (c.get(1).expect("group"), c.get(2).expect("group"));
        let span = Span::new(from + word.start(), from + digits.end());
        if in_address(text, span.start) {
            continue;
        }
        push(
            span,
            format!("“{}” and “{}” are glued together", word.as_str(), digits.as_str()),
            "missing space",
            format!(
                "insert a space or line break between “{}” and “{}” (scraped page furniture is often glued this way; remove it if it is not the article's)",
                word.as_str(),
                digits.as_str()
            ),
        );
    }
    for c in GLUED_CASE.captures_iter(body) {
        let (low, cap) = (c.get(1).expect("group"), c.get(2).expect("group"));
        let span = Span::new(from + low.start(), from + cap.end());
        if starts_mid_word(text, span.start) || in_address(text, span.start) || BRAND_PREFIXES.contains(&low.as_str()) {
            continue;
        }
        push(
            span,
            format!("“{}” and “{}” are glued together", low.as_str(), cap.as_str()),
            "missing space",
            format!(
                "insert a space or line break between “{}” and “{}”",
                low.as_str(),
                cap.as_str()
            ),
        );
    }
    for c in GLUED_SENTENCE.captures_iter(body) {
        let (end, next) = (c.get(1).expect("group"), c.get(2).expect("group"));
        let span = Span::new(from + end.start(), from + next.end());
        if starts_mid_word(text, span.start) || in_address(text, span.start) {
            continue;
        }
        push(
            span,
            format!("no space after “{}”", end.as_str()),
            "missing space",
            format!("insert a space between “{}” and “{}”", end.as_str(), next.as_str()),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::quality_testutil::{CLEAN, run};

    #[test]
    fn space_inside_a_figure() {
        assert_eq!(
            run("Aid of $ 300 million and € 12 million arrived.\n", check),
            ["$ 300", "€ 12"]
        );
        assert_eq!(run("Prices rose 12.5 % last year.\n", check), ["12.5 %"]);
    }

    #[test]
    fn space_before_punctuation() {
        assert_eq!(
            run(
                "Shockwaves went through the region .\nHaiti , Kenya and Jamaica ; all agreed\n",
                check
            ),
            [" .", " ,", " ;"]
        );
    }

    #[test]
    fn ellipses_and_dashes_are_not_punctuation_errors() {
        for t in [
            "He paused . . . and went on.\n",
            "He paused ... and went on.\n",
            "The plan – and its cost – were agreed.\n",
            "It is 10:30 and the score was 2-1.\n",
            "The council voted 7 : 2, a ratio of 3 : 1.\n",
        ] {
            assert!(run(t, check).is_empty(), "{t}");
        }
    }

    #[test]
    fn glued_tokens() {
        assert_eq!(run("84 views0 comments\n", check), ["views0"]);
        assert_eq!(
            run("  • Writer's pictureThe San Juan Daily Star\n", check),
            ["pictureThe"]
        );
        assert_eq!(
            run("The talks ended, he said.The next round is in May.\n", check),
            ["said.The"]
        );
    }

    #[test]
    fn brands_addresses_and_codes_are_not_glued() {
        for t in [
            "She bought an iPhone on eBay and watched YouTube on macOS.\n",
            "See www.miamiHerald.com/news or write to press@unitedNations.org today.\n",
            "Follow #haitiCrisis and @jacquelineCharles for updates.\n",
            "The COVID19 variant and the G20 summit in 2023 were discussed.\n",
            "McDonald's and PlayStation sales rose; LaGuardia was busy.\n",
            "Flights on easyJet and airBaltic were cancelled, wikiHow said.\n",
            "See Example.Com or Gov.UK for details.\n",
        ] {
            assert!(run(t, check).is_empty(), "{t}");
        }
    }

    #[test]
    fn clean_articles_have_no_findings() {
        for t in CLEAN {
            assert!(run(t, check).is_empty(), "{t}");
        }
    }
}
