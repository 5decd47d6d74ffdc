#![doc = include_str!("docs/spacing.md")]

use std::ops::Range;
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

// BEFORE_PUNCT, GLUED_CASE and GLUED_SENTENCE almost never match prose, but
// over a whole body the regex engine still walks every byte (and, for
// GLUED_SENTENCE, searches backwards from every full stop). The scanners
// below find the few places where a match could be with a cheap byte scan
// and run the regex only on a small window around each, one that holds
// every match the place can take part in. The regexes stay the definition
// of a match: each scanner yields exactly the matches (and groups) that
// `find_iter` or `captures_iter` over the whole text would, which a test
// checks on random text.

const LL: u8 = 1;
const LU: u8 = 2;

/// [`LL`] or [`LU`] for every character up to the last cased one: the
/// classes `\p{Ll}` and `\p{Lu}` as the regexes see them (the tables come
/// from the regex-syntax crate the regexes are compiled with).
static CASES: LazyLock<Vec<u8>> = LazyLock::new(|| {
    let mut cases = Vec::new();
    for (class, case) in [(r"\p{Ll}", LL), (r"\p{Lu}", LU)] {
        let regex_syntax::hir::HirKind::Class(regex_syntax::hir::Class::Unicode(ranges)) =
            regex_syntax::parse(class).expect("class").into_kind()
        else {
            unreachable!("{class} is a class");
        };
        for r in ranges.ranges() {
            let (start, end) = (r.start() as usize, r.end() as usize);
            if cases.len() <= end {
                cases.resize(end + 1, 0);
            }
            cases[start..=end].fill(case);
        }
    }
    cases
});

fn case(c: char) -> u8 {
    CASES.get(c as usize).map_or(0, |&case| case)
}

/// Whether `c` is `\p{Ll}`.
fn lower(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_lowercase()
    } else {
        case(c) == LL
    }
}

/// Whether `c` is `\p{Lu}`.
fn upper(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_uppercase()
    } else {
        case(c) == LU
    }
}

/// Whether `c` is `\p{Ll}` or `\p{Lu}`.
fn cased(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        case(c) != 0
    }
}

/// The start of the run of characters satisfying `pred` that ends at `at`,
/// not before `floor`.
fn run_start(hay: &str, floor: usize, at: usize, pred: impl Fn(char) -> bool) -> usize {
    floor + crate::text::after_last(&hay[floor..at], |c| !pred(c))
}

/// The end of the run of characters satisfying `pred` that starts at `at`.
fn run_end(hay: &str, at: usize, pred: impl Fn(char) -> bool) -> usize {
    hay[at..]
        .char_indices()
        .find(|&(_, c)| !pred(c))
        .map_or(hay.len(), |(i, _)| at + i)
}

/// The two groups of a match of [`GLUED_CASE`] or [`GLUED_SENTENCE`], which
/// make up the whole match.
type Glued = [Range<usize>; 2];

/// The two groups of a match found in `hay[at..]`, as offsets in `hay`.
fn groups(c: &regex::Captures, at: usize) -> Glued {
    let group = |i| {
        let g = c.get(i).expect("group");
        at + g.start()..at + g.end()
    };
    [group(1), group(2)]
}

/// Calls `f`, in order, with each `i` in `1..bytes.len()` for which `hit`
/// holds on the bytes at `i - 3 ..= i + 2` (0 past either end), skipping
/// those before the position `f` last returned (which must be past its
/// `i`). `hit` must not branch: it is tested on 32 positions at a time,
/// which compiles to vector code, and hits are rare in prose. (The bytes
/// are passed one by one: as an array or a struct, they no longer
/// vectorise.)
fn scan(bytes: &[u8], hit: impl Fn(u8, u8, u8, u8, u8, u8) -> bool, mut f: impl FnMut(usize) -> usize) {
    const N: usize = 32;
    let byte = |i: usize, k: usize| bytes.get((i + k).wrapping_sub(3)).map_or(0, |&b| b);
    let one = |i: usize| hit(byte(i, 0), byte(i, 1), byte(i, 2), byte(i, 3), byte(i, 4), byte(i, 5));
    let mut from = 1;
    let mut visit = |i: usize, from: &mut usize| {
        if i >= *from {
            *from = f(i);
            debug_assert!(*from > i);
        }
    };
    let mut i = 1;
    while i < 3 && i < bytes.len() {
        if one(i) {
            visit(i, &mut from);
        }
        i += 1;
    }
    i = i.max(from);
    while i + N + 2 <= bytes.len() {
        let block = &bytes[i - 3..i + N + 2];
        let s: [&[u8; N]; 6] = std::array::from_fn(|k| block[k..k + N].try_into().expect("length"));
        let hits: [u8; N] =
            std::array::from_fn(|j| u8::from(hit(s[0][j], s[1][j], s[2][j], s[3][j], s[4][j], s[5][j])));
        for (k, eight) in hits.chunks_exact(8).enumerate() {
            let mut eight = u64::from_le_bytes(eight.try_into().expect("length"));
            while eight != 0 {
                visit(i + 8 * k + eight.trailing_zeros() as usize / 8, &mut from);
                eight &= eight - 1;
            }
        }
        i = (i + N).max(from);
    }
    while i < bytes.len() {
        if one(i) {
            visit(i, &mut from);
        }
        i += 1;
    }
}

/// Whether the character that ends with byte `p` (after `p3`, `p2`) may be
/// `\p{Ll}`: an ASCII small letter, or a non-ASCII character other than
/// U+2000–U+203F (`E2 80 xx`: spaces, dashes, curly quotes, none of them a
/// letter, which a test checks against the regex).
fn may_end_lower(p3: u8, p2: u8, p: u8) -> bool {
    p.is_ascii_lowercase() | ((p >= 0x80) & !((p3 == 0xE2) & (p2 == 0x80)))
}

/// Whether the character starting with byte `b` (then `n`) may be `\p{Lu}`:
/// an ASCII capital, or a non-ASCII character other than U+2000–U+203F.
fn may_start_upper(b: u8, n: u8) -> bool {
    b.is_ascii_uppercase() | ((b >= 0xC0) & !((b == 0xE2) & (n == 0x80)))
}

/// The matches of [`BEFORE_PUNCT`] in `hay`, as `find_iter` yields them.
///
/// A match has one of `.,;:!?` right after a space or a tab, and that mark
/// decides it: it starts at the character before the spaces and ends after
/// the mark or the character after it. So the window for each such mark
/// runs from the character before the spaces (or the end of the previous
/// match) through the character after the mark, which also settles `$`.
fn before_punct(hay: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut done = 0;
    let hit = |_, _, p, b, _, _| ((p == b' ') | (p == b'\t')) & matches!(b, b'.' | b',' | b';' | b':' | b'!' | b'?');
    scan(hay.as_bytes(), hit, |i| {
        let word = hay[..i].trim_end_matches([' ', '\t']).len();
        let start = hay[..word].char_indices().next_back().map_or(0, |(p, _)| p).max(done);
        let end = hay[i + 1..].chars().next().map_or(hay.len(), |c| i + 1 + c.len_utf8());
        if start < i
            && let Some(m) = BEFORE_PUNCT.find(&hay[start..end])
        {
            found.push(start + m.start()..start + m.end());
            done = start + m.end();
        }
        done.max(i + 1)
    });
    found
}

/// The matches of [`GLUED_CASE`] in `hay` (its two groups), as
/// `captures_iter` yields them.
///
/// A match is letters only and has a lower-case letter right before an
/// upper-case one, so it lies in a run of letters with such a pair in it;
/// the regex runs on those runs alone.
fn glued_case(hay: &str) -> Vec<Glued> {
    let mut found = Vec::new();
    let mut done = 0;
    scan(
        hay.as_bytes(),
        |p3, p2, p, b, n, _| may_end_lower(p3, p2, p) & may_start_upper(b, n),
        |i| {
            let c = hay[i..].chars().next().expect("a character starts at i");
            if !upper(c) || !hay[..i].chars().next_back().is_some_and(lower) {
                return i + 1;
            }
            let start = run_start(hay, done, i, cased);
            done = run_end(hay, i, cased);
            found.extend(GLUED_CASE.captures_iter(&hay[start..done]).map(|c| groups(&c, start)));
            done
        },
    );
    found
}

/// The matches of [`GLUED_SENTENCE`] in `hay` (its two groups), as
/// `captures_iter` yields them.
///
/// A match has one of `.!?` between a lower-case and an upper-case letter,
/// and no other mark: the window for each such mark is the run of
/// lower-case letters before it (from the end of the previous match at the
/// earliest), the mark, and the capital with the run of lower-case letters
/// after it.
fn glued_sentence(hay: &str) -> Vec<Glued> {
    let mut found = Vec::new();
    let mut done = 0;
    let hit = |p3, p2, p, b, n, n2| may_end_lower(p3, p2, p) & matches!(b, b'.' | b'!' | b'?') & may_start_upper(n, n2);
    scan(hay.as_bytes(), hit, |i| {
        let next = hay[i + 1..].chars().next().expect("a character follows");
        if !upper(next) {
            return i + 1;
        }
        let start = run_start(hay, done, i, lower);
        let end = run_end(hay, i + 1 + next.len_utf8(), lower);
        if start < i
            && let Some(c) = GLUED_SENTENCE.captures(&hay[start..end])
        {
            let [end, next] = groups(&c, start);
            done = next.end;
            found.push([end, next]);
        }
        done.max(i + 1)
    });
    found
}

pub fn check(analysis: &Analysis, out: &mut Vec<Diagnostic>) {
    let article = &analysis.article;
    let text = &article.text;
    let from = article.header_end;
    let body = &text[from..];
    let mut push = |span: Span, msg: String, label: &'static str, help: String| {
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
    for m in before_punct(body) {
        let s = &body[m.clone()];
        let mark_at = s.trim_end().len() - 1;
        let mark = &s[mark_at..mark_at + 1];
        let abs_mark = from + m.start + mark_at;
        // A spaced ellipsis (". . .") is not an error of this kind.
        let after = &text[abs_mark + 1..];
        let word_end = from + m.start + s[..mark_at].trim_end().len();
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
    for [low, cap] in glued_case(body) {
        let span = Span::new(from + low.start, from + cap.end);
        let (low, cap) = (&body[low], &body[cap]);
        if starts_mid_word(text, span.start) || in_address(text, span.start) || BRAND_PREFIXES.contains(&low) {
            continue;
        }
        push(
            span,
            format!("“{low}” and “{cap}” are glued together"),
            "missing space",
            format!("insert a space or line break between “{low}” and “{cap}”"),
        );
    }
    for [end, next] in glued_sentence(body) {
        let span = Span::new(from + end.start, from + next.end);
        let (end, next) = (&body[end], &body[next]);
        if starts_mid_word(text, span.start) || in_address(text, span.start) {
            continue;
        }
        push(
            span,
            format!("no space after “{end}”"),
            "missing space",
            format!("insert a space between “{end}” and “{next}”"),
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

    type Matches = (Vec<Range<usize>>, Vec<Glued>, Vec<Glued>);

    /// What the scanners must agree with: the plain regex iterations.
    fn regex_matches(hay: &str) -> Matches {
        let glued = |re: &Regex| -> Vec<Glued> {
            re.captures_iter(hay)
                .map(|c| {
                    let g = groups(&c, 0);
                    // The check takes the match to be its two groups.
                    assert_eq!(c.get(0).expect("match").range(), g[0].start..g[1].end);
                    g
                })
                .collect()
        };
        (
            BEFORE_PUNCT.find_iter(hay).map(|m| m.range()).collect(),
            glued(&GLUED_CASE),
            glued(&GLUED_SENTENCE),
        )
    }

    fn scanner_matches(hay: &str) -> Matches {
        (before_punct(hay), glued_case(hay), glued_sentence(hay))
    }

    /// The classes the scanners use are the regex's, and U+2000 to U+203F
    /// (`E2 80 xx`, which the byte scan skips) has no cased letter.
    #[test]
    fn unicode_classes() {
        let all: String = ('\0'..=char::MAX).collect();
        for (class, is) in [(r"\p{Ll}", lower as fn(char) -> bool), (r"\p{Lu}", upper)] {
            let want: Vec<char> = Regex::new(class)
                .expect("regex")
                .find_iter(&all)
                .map(|m| m.as_str().chars().next().expect("char"))
                .collect();
            let got: Vec<char> = all.chars().filter(|&c| is(c)).collect();
            assert_eq!(got, want, "{class}");
        }
        let punctuation: String = ('\u{2000}'..='\u{203F}').collect();
        assert!(punctuation.as_bytes().chunks(3).all(|c| c[..2] == [0xE2, 0x80]));
        assert!(!punctuation.chars().any(cased));
    }

    #[test]
    fn scanners_edge_cases() {
        for t in [
            "",
            "a",
            "a .",
            "a .\n",
            "a .\r\n",
            "a .x",
            "a . . b ,\tc ;",
            "a  \t ! ?",
            "é ,",
            "’ : ” ; ) !",
            "abcDef",
            "abcDefghIjkLmnOpq",
            "éßσΣας xyzÉé",
            "Canada’sNew",
            "ab.Cd.Ef!Gh?Ij",
            "said.”The",
            "said.The",
            "U.S.A.Then",
            "ßß.Éé",
        ] {
            assert_eq!(scanner_matches(t), regex_matches(t), "{t:?}");
        }
    }

    #[test]
    fn scanners_agree_with_the_regexes() {
        // Letters of every kind (Lt "ǅ", Lm "ʰ" and "ⁱ", Lo "ª" and "中", Nd
        // "٣", Nl "Ⅻ"; "µ" and four-byte "𝐚", "𝐀"; "ʕ", which the regex
        // takes for \p{Ll} and `char::is_lowercase` does not), the marks,
        // spaces and line ends, General Punctuation.
        const CHARS: &[char] = &[
            'a', 'b', 'z', 'A', 'B', 'Z', '0', '7', ' ', ' ', ' ', '\t', '\n', '\r', '.', ',', ';', ':', '!', '?', '%',
            '$', '’', '”', ')', '(', '\'', '-', 'é', 'É', 'ß', 'Σ', 'σ', 'ς', 'ǅ', 'ʰ', 'ⁱ', 'ª', 'ʕ', 'µ', '𝐚', '𝐀',
            '中', '٣', 'Ⅻ', '—', '…', '\u{A0}', '\u{2028}',
        ];
        // Pieces that make matches likely.
        const PIECES: &[&str] = &[
            "abc", "said", "The", "Éco", "ßσς", "Σας", "xY", "aB", " .", " ,", "\t;", " :", " !", " ?", ".T", "!É",
            "?Σσ", "é.É", ". ", ".\n", "  ", "’ ", "” ", ") ", "9 ", "ab", "Ab", "AB", "ab.Cd", "xyzAb",
        ];
        use crate::testutil::below;
        let mut seed = 0x9E37_79B9_7F4A_7C15;
        let mut counts = [0; 3];
        for _ in 0..30_000 {
            let mut t = String::new();
            let pieces = below(&mut seed, 4); // 0: characters only
            for _ in 0..below(&mut seed, 100) {
                if below(&mut seed, 4) < pieces {
                    t.push_str(PIECES[below(&mut seed, PIECES.len())]);
                } else {
                    t.push(CHARS[below(&mut seed, CHARS.len())]);
                }
            }
            let want = regex_matches(&t);
            counts[0] += want.0.len();
            counts[1] += want.1.len();
            counts[2] += want.2.len();
            assert_eq!(scanner_matches(&t), want, "{t:?}");
        }
        // The texts must exercise every pattern.
        assert!(counts.iter().all(|&n| n > 3_000), "{counts:?}");
    }
}
