//! The block classifier for plain text. Each paragraph (a line of a scraped
//! page) is judged from what its text shows, in the spirit of jusText and
//! boilerpipe but without markup:
//!
//! 1. **Strong marks.** A rules pattern (built-in or the project's) matches
//!    it; a `section` pattern ("Recommended Stories", "Sources") runs over the
//!    list that follows. Lines recurring across the corpus, author bios after
//!    the article, and lines made only of share/menu words are marked too,
//!    and so are short labels the page itself repeats, live-blog entry
//!    stamps and captions cut from their credit.
//! 2. **Good blocks.** Sentence-like paragraphs: enough words, a normal share
//!    of function words, end punctuation. The title is an anchor.
//! 3. **Context.** The article body runs from the first good block to the
//!    last. Inside it a short block is content unless both its neighbours
//!    (seen past the labels the page repeats, which only separate) are
//!    boilerplate; outside it (the page header and footer) a short block is
//!    boilerplate when it sits between boilerplate blocks, or when it looks
//!    like furniture (a name, a Title Case label, a number) next to one.

use std::cell::OnceCell;
use std::sync::OnceLock;

use regex::Regex;

use super::memory::{CorpusMemory, MIN_ARTICLES};
use crate::checks::Block;
use crate::corpus::Article;
use crate::rules::{BoilerplatePattern, RuleSet};
use crate::text::{Span, WordSet};

/// What a paragraph's text shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Features {
    pub words: usize,
    /// Words of the closed classes (the, of, was, said…).
    pub function: usize,
    /// Alphabetic words that are not function words, and how many of them are capitalized.
    pub lexical: usize,
    pub capitalized: usize,
    pub ends_sentence: bool,
    /// Starts with a bullet or a list number ("•", "-", "1.").
    pub item: bool,
    /// The line is indented in the original text.
    pub indent: bool,
    pub has_letters: bool,
    ends_with_period: bool,
}

const FUNCTION_WORDS: &[&str] = &[
    "a", "about", "after", "all", "also", "an", "and", "are", "as", "at", "be", "been", "before", "being", "but", "by",
    "can", "could", "did", "do", "does", "for", "from", "had", "has", "have", "he", "her", "him", "his", "i", "if",
    "in", "into", "is", "it", "its", "may", "me", "might", "more", "most", "my", "no", "not", "of", "on", "one", "or",
    "our", "out", "over", "said", "says", "she", "should", "so", "than", "that", "the", "their", "them", "then",
    "there", "these", "they", "this", "those", "to", "under", "up", "us", "was", "we", "were", "what", "when", "where",
    "which", "while", "who", "whom", "whose", "will", "with", "would", "you", "your",
];

/// Whether `word`, in any case, is a function word.
fn is_function_word(word: &str) -> bool {
    static SET: std::sync::LazyLock<WordSet> = std::sync::LazyLock::new(|| WordSet::new(FUNCTION_WORDS));
    // Function words are short and ASCII: only those are looked up.
    word.len() <= 6 && word.is_ascii() && SET.contains_ascii_any_case(word)
}

/// Calls `f` with the alphanumeric core of each whitespace-separated word of
/// `text` and whether the core has a letter: the same as `split_whitespace`,
/// then `trim_matches(|c: char| !c.is_alphanumeric())` and
/// `chars().any(char::is_alphabetic)`, in one pass over an ASCII word's
/// bytes. A word with other characters takes the char-by-char way.
fn for_each_word_core<'a>(text: &'a str, mut f: impl FnMut(&'a str, bool)) {
    // One table lookup per byte instead of a chain of range tests.
    const SPACE: u8 = 1;
    const ALNUM: u8 = 2;
    const ALPHA: u8 = 4;
    const WIDE: u8 = 8;
    static CLASS: [u8; 256] = {
        let mut t = [0u8; 256];
        let mut i = 0;
        while i < 256 {
            let b = i as u8;
            t[i] = if !b.is_ascii() {
                WIDE
            } else if matches!(b, b' ' | b'\t'..=b'\r') {
                SPACE
            } else if b.is_ascii_alphabetic() {
                ALNUM | ALPHA
            } else if b.is_ascii_digit() {
                ALNUM
            } else {
                0
            };
            i += 1;
        }
        t
    };
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if CLASS[usize::from(b[i])] == SPACE {
            i += 1;
            continue;
        }
        let start = i;
        // The first and last alphanumeric bytes, while the word is ASCII.
        let (mut first, mut end, mut letters, mut ascii) = (usize::MAX, start, false, true);
        while i < b.len() {
            let class = CLASS[usize::from(b[i])];
            if class & (SPACE | WIDE) == 0 {
                if class & ALNUM != 0 {
                    first = first.min(i);
                    end = i + 1;
                    letters |= class & ALPHA != 0;
                }
                i += 1;
            } else if class == SPACE {
                break;
            } else {
                let c = text[i..].chars().next().unwrap_or(' ');
                if c.is_whitespace() {
                    break;
                }
                ascii = false;
                i += c.len_utf8();
            }
        }
        if i == start {
            // A non-ASCII whitespace character.
            i += text[i..].chars().next().map_or(1, char::len_utf8);
        } else if ascii {
            f(if first <= end { &text[first..end] } else { "" }, letters);
        } else {
            let core = text[start..i].trim_matches(|c: char| !c.is_alphanumeric());
            f(core, core.chars().any(char::is_alphabetic));
        }
    }
}

impl Features {
    pub fn of(text: &str, indent: bool) -> Features {
        let t = text.trim();
        let mut f = Features {
            indent,
            ..Features::default()
        };
        let mut chars = t.chars();
        let first = chars.next();
        let second = chars.next();
        f.item = matches!(first, Some('•' | '-' | '*' | '–' | '▪' | '◦' | '►' | '·'))
            && second.is_some_and(char::is_whitespace)
            || {
                // "1. ", "12) ": the marker is within the first four bytes.
                let head = &t.as_bytes()[..t.len().min(4)];
                head.iter().position(|&b| b == b'.' || b == b')').is_some_and(|p| {
                    p >= 1 && head[..p].iter().all(u8::is_ascii_digit) && t.as_bytes().get(p + 1) == Some(&b' ')
                })
            };
        for_each_word_core(t, |core, letters| {
            if core.is_empty() {
                return;
            }
            f.words += 1;
            if !letters {
                return;
            }
            f.has_letters = true;
            if is_function_word(core) {
                f.function += 1;
            } else {
                f.lexical += 1;
                if core.chars().next().is_some_and(char::is_uppercase) {
                    f.capitalized += 1;
                }
            }
        });
        let end = t.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»', ' ']);
        f.ends_sentence = end.ends_with(['.', '!', '?', '…']);
        f.ends_with_period = end.ends_with('.');
        f
    }

    fn function_ratio(&self) -> f64 {
        self.function as f64 / self.words.max(1) as f64
    }

    /// A sentence-like paragraph: the article's own text.
    pub fn is_good(&self) -> bool {
        self.words >= 8 && self.function_ratio() >= 0.2 && (self.ends_sentence || self.words >= 25)
    }

    /// A headline in a list of stories: short, not closed by a full stop.
    fn is_headline(&self, text: &str) -> bool {
        self.has_letters && self.words <= 20 && !text.trim_end().ends_with('.')
    }

    /// Looks like page furniture when it stands next to furniture: a number,
    /// a name, a short Title Case label.
    fn furniture_like(&self) -> bool {
        !self.ends_sentence
            && self.words <= 5
            && (!self.has_letters || (self.lexical > 0 && self.capitalized * 4 >= self.lexical * 3))
    }

    /// "Jane Doe", "Jean-Pierre de la Cruz": two to four capitalized words.
    fn name_like(&self) -> bool {
        (2..=4).contains(&self.words) && self.function == 0 && self.capitalized == self.lexical && !self.ends_sentence
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Class {
    Short,
    Good,
    Bad { kind: String, pattern: Option<String> },
}

impl Class {
    fn bad(kind: &str) -> Class {
        Class::Bad {
            kind: kind.to_string(),
            pattern: None,
        }
    }
    fn is_bad(&self) -> bool {
        matches!(self, Class::Bad { .. })
    }
}

fn is_kind(class: &Class, want: &str) -> bool {
    matches!(class, Class::Bad { kind, .. } if kind == want)
}

fn indented(article: &Article, span: Span) -> bool {
    let line_start = article.text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    span.start > line_start
}

/// Capitalised words that open a sentence about a thing or a body, never
/// an author's bio, which opens with the author's name: "The White House
/// has…", "The U.S. is supporting…".
const NOT_NAMES: &[&str] = &[
    "The", "A", "An", "This", "That", "These", "Those", "It", "Its", "Our", "Their", "His", "Her", "Your", "My",
];

fn opens_with_a_name(text: &str) -> bool {
    text.split_whitespace().next().is_some_and(|w| !NOT_NAMES.contains(&w))
}

struct Regexes {
    bio_start: Regex,
    bio_vocab: Regex,
}

fn regexes() -> &'static Regexes {
    static R: OnceLock<Regexes> = OnceLock::new();
    R.get_or_init(|| Regexes {
        bio_start: Regex::new(r"^[A-Z][\w'’.-]+(\s+[A-Z][\w'’.-]+){1,3},?\s+(is|was|has been|has|had|covers|writes|reports|joined|previously|served)(?-u:\b)")
            .expect("valid regex"),
        bio_vocab: Regex::new(r"(?i)(?-u:\b)(correspondent|reporter|journalist|editor|columnist|staff writer|bureau chief|contributor|contributing writer|reported (on|from|for)|has covered|covers(?-u:\b)|reporting (on|for)|freelance|pulitzer|newsroom|fellow at)").expect("valid regex"),
    })
}

const SOCIAL: &[&str] = &[
    "bluesky",
    "copy",
    "e-mail",
    "email",
    "facebook",
    "flipboard",
    "instagram",
    "linkedin",
    "mail",
    "messenger",
    "pinterest",
    "print",
    "reddit",
    "rss",
    "share",
    "sms",
    "telegram",
    "threads",
    "tiktok",
    "tweet",
    "twitter",
    "whatsapp",
    "youtube",
];
const UI: &[&str] = &[
    "account",
    "bookmark",
    "close",
    "comment",
    "comments",
    "follow",
    "home",
    "listen",
    "login",
    "logout",
    "menu",
    "newsletter",
    "newsletters",
    "save",
    "search",
    "sign",
    "subscribe",
    "subscriber",
];
const UI_GLUE: &[&str] = &[
    "a", "article", "in", "link", "more", "on", "or", "our", "out", "page", "post", "read", "story", "the", "this",
    "to", "up", "url", "us", "via", "x", "and",
];
const NAV: &[&str] = &[
    "africa",
    "americas",
    "arts",
    "asia",
    "autos",
    "books",
    "business",
    "climate",
    "crime",
    "culture",
    "deals",
    "economy",
    "education",
    "entertainment",
    "environment",
    "europe",
    "fashion",
    "food",
    "games",
    "health",
    "home",
    "international",
    "jobs",
    "latest",
    "lifestyle",
    "live",
    "local",
    "magazine",
    "markets",
    "money",
    "movies",
    "music",
    "national",
    "news",
    "obituaries",
    "opinion",
    "photos",
    "podcasts",
    "politics",
    "science",
    "shopping",
    "sport",
    "sports",
    "style",
    "tech",
    "technology",
    "travel",
    "tv",
    "u.s",
    "uk",
    "us",
    "video",
    "videos",
    "weather",
    "world",
];

/// Month names and their short forms, lower case.
const MONTHS: &[&str] = &[
    "jan",
    "january",
    "feb",
    "february",
    "mar",
    "march",
    "apr",
    "april",
    "may",
    "jun",
    "june",
    "jul",
    "july",
    "aug",
    "august",
    "sep",
    "sept",
    "september",
    "oct",
    "october",
    "nov",
    "november",
    "dec",
    "december",
];

/// A dateline: a month name followed by a day ("Chicago, Aug. 9", "May 3").
fn has_month_day(text: &str) -> bool {
    let mut month = false;
    for w in text.split_whitespace() {
        if month && w.starts_with(|c: char| c.is_ascii_digit()) {
            return true;
        }
        let core = w.trim_matches(|c: char| !c.is_ascii_alphabetic());
        month = core.len() >= 3 && core.len() <= 9 && MONTHS.iter().any(|m| m.eq_ignore_ascii_case(core));
    }
    false
}

/// The longest line page repetition may take (half of it when seen twice).
const MAX_REPEATED_WORDS: usize = 12;

/// A live blog's entry stamp: a clock time opening a short line that is not a
/// sentence ("14:05", "9.30 Jane Doe", "14:05KEY EVENT").
fn is_time_stamp(text: &str, f: &Features) -> bool {
    if f.words > 8 || f.ends_sentence {
        return false;
    }
    let b = text.trim_start_matches(|c: char| !c.is_alphanumeric()).as_bytes();
    let hour = b.iter().take_while(|c| c.is_ascii_digit()).count();
    (1..=2).contains(&hour)
        && b.get(hour) == Some(&b':')
        && b.get(hour + 1).is_some_and(u8::is_ascii_digit)
        && b.get(hour + 2).is_some_and(u8::is_ascii_digit)
        && !b.get(hour + 3).is_some_and(u8::is_ascii_digit)
}

/// A caption cut from its credit, or the credit cut from its caption: the
/// line ends on an opening parenthesis, or closes one it never opened
/// ("Crowds gather in the square (" / "Jane Doe/Agency)").
fn is_split_caption(text: &str) -> bool {
    let t = text.trim_end();
    t.len() > 1 && (t.ends_with('(') || (t.ends_with(')') && !t.contains('(')))
}

/// A line made only of share buttons, menu words or section names.
fn interface_kind(text: &str, f: &Features) -> Option<&'static str> {
    if f.words < 2 || f.words > 12 || f.ends_sentence {
        return None;
    }
    static SETS: std::sync::LazyLock<[WordSet; 4]> =
        std::sync::LazyLock::new(|| [SOCIAL, UI, NAV, UI_GLUE].map(WordSet::new));
    let [social_words, ui_words, nav_words, glue_words] = &*SETS;
    // Words of other kinds leave only a breadcrumb possible: at most two, in at most eight words.
    let most_other = if f.words <= 8 { 2 } else { 0 };
    let (mut social, mut ui, mut nav, mut other) = (0, 0, 0, 0);
    let mut lower = String::new();
    let mut too_many_other = false;
    for_each_word_core(text, |core, _| {
        if core.is_empty() || too_many_other {
            return;
        }
        // ASCII words are looked up in any case as they are; others lower-cased.
        let ascii = core.is_ascii();
        if !ascii {
            lower.clear();
            lower.extend(core.chars().flat_map(char::to_lowercase));
        }
        let listed = |set: &WordSet| {
            if ascii {
                set.contains_ascii_any_case(core)
            } else {
                set.contains(&lower)
            }
        };
        if listed(social_words) {
            social += 1;
        } else if listed(ui_words) {
            ui += 1;
        } else if listed(nav_words) {
            nav += 1;
        } else if !listed(glue_words) {
            other += 1;
            too_many_other = other > most_other;
        }
    });
    if too_many_other {
        return None;
    }
    let separators = text.matches(['|', '›', '»', '>', '•', '·', '/']).count();
    if other > 0 {
        // A breadcrumb: "Home › World › Haiti".
        return (separators >= 2 && f.words <= 8 && nav >= 1 && other <= 2 && f.capitalized * 4 >= f.lexical * 3)
            .then_some("navigation");
    }
    if social >= 2 || (social >= 1 && ui >= 1) {
        Some("share")
    } else if social + ui >= 2 {
        Some("ui")
    } else if nav >= 4 || (nav >= 2 && separators >= 1) {
        Some("navigation")
    } else {
        None
    }
}

/// A row of a data table in a market or company report: a short line whose
/// cells are mostly figures ("Shr 12 cts vs 15 cts", "Wheat 2.55 2.40 --"),
/// with a word or two of label.
fn is_data_row(text: &str) -> bool {
    let t = text.trim();
    if t.contains(['|', '›', '»', '•', '·', '@', '#']) || t.contains("://") {
        return false;
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    // The row opens with its label; a date, a clock time or a page counter
    // ("3 min read", "12 views") is the page's furniture, not a table.
    if !(2..=24).contains(&words.len())
        || !words[0].starts_with(|c: char| c.is_alphabetic())
        || t.contains(" / ")
        || t.as_bytes()
            .windows(3)
            .any(|w| w[0].is_ascii_digit() && w[1] == b':' && w[2].is_ascii_digit())
    {
        return false;
    }
    // Month names (`MONTHS`) head the columns of commodity tables
    // ("Soybean May 20.0"): only with a year are they a date.
    const DATE_OR_COUNTER: &[&str] = &[
        "mon",
        "monday",
        "tue",
        "tuesday",
        "wed",
        "wednesday",
        "thu",
        "thursday",
        "fri",
        "friday",
        "sat",
        "saturday",
        "sun",
        "sunday",
        "ago",
        "views",
        "comments",
        "min",
        "mins",
        "minute",
        "minutes",
        "read",
        "updated",
        "published",
        "page",
        "issue",
        "posted",
    ];
    let cores: Vec<String> = words
        .iter()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_ascii_lowercase())
        .collect();
    let year = cores
        .iter()
        .any(|w| w.len() == 4 && (w.starts_with("19") || w.starts_with("20")) && w.bytes().all(|b| b.is_ascii_digit()));
    if cores
        .iter()
        .any(|w| DATE_OR_COUNTER.contains(&w.as_str()) || (year && MONTHS.contains(&w.as_str())))
    {
        return false;
    }
    let is_cell = |w: &str| {
        let w = w.trim_matches(|c: char| matches!(c, ',' | ';' | '(' | ')' | '.'));
        w.chars().any(|c| c.is_ascii_digit()) && !w.contains(':')
            || matches!(
                w.to_ascii_lowercase().as_str(),
                "--" | "-" | "nil" | "n.a" | "na" | "nc"
            )
    };
    let cells = words.iter().filter(|w| is_cell(w)).count();
    let label = words.iter().any(|w| w.chars().any(char::is_alphabetic) && !is_cell(w));
    label && cells >= 2 && cells * 3 >= words.len()
}

/// The content stems of the units before a point, grown as the point moves on.
///
/// The pattern pass opens sections at increasing units, so keeping one set and
/// adding the units since the last section stems each unit at most once;
/// rebuilding it for every section was quadratic in an article of many sections.
#[derive(Default)]
struct StemsBefore {
    /// The units `..upto` are in `stems`.
    upto: usize,
    stems: rustc_hash::FxHashSet<u64>,
}

#[cfg(test)]
thread_local! {
    /// How many units `StemsBefore` has stemmed on this thread (the tests' work counter).
    static UNITS_STEMMED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

impl StemsBefore {
    /// The content stems of `units[..end]`.
    fn up_to(&mut self, article: &Article, units: &Units, end: usize) -> &rustc_hash::FxHashSet<u64> {
        if end < self.upto {
            // Never asked by `classify` (its sections only move forward); kept correct anyway.
            *self = StemsBefore::default();
        }
        for &u in &units.spans[self.upto..end] {
            self.stems.extend(crate::text::content_stems(article.slice(u)));
        }
        #[cfg(test)]
        UNITS_STEMMED.with(|c| c.set(c.get() + (end - self.upto)));
        self.upto = end;
        &self.stems
    }
}

/// A sentence-like paragraph that is not a list's item nor indented under one.
fn plain_paragraph(f: &Features) -> bool {
    f.is_good() && !f.item && !f.indent
}

/// The last paragraph of a `section` (a list of links or sources) opened at
/// `start`: bullet and numbered items, headlines and the teasers under them.
/// `before` holds the stems of the text before earlier sections, and is grown to `start`.
fn section_end(article: &Article, units: &Units, feats: &[Features], start: usize, before: &mut StemsBefore) -> usize {
    // A plain teaser must be about something else than the article before the
    // section; text about the article's own subject means the article resumed.
    let mut about_article = |text: &str| {
        let before = before.up_to(article, units, start);
        let stems = crate::text::content_stems(text);
        let shared = stems.iter().filter(|s| before.contains(*s)).count();
        shared * 5 >= stems.len() && shared >= 1
    };
    let mut end = start;
    let mut after_item = false;
    for (k, f) in feats.iter().enumerate().skip(start + 1) {
        let text = article.slice(units.spans[k]);
        if f.item || f.is_headline(text) {
            after_item = true;
        } else if plain_paragraph(f) && feats.get(k + 1).is_some_and(plain_paragraph) && units.pattern(k).is_none() {
            // Two sentence-like paragraphs in a row, neither a list's item
            // nor set in under one: the article has begun.
            break;
        } else if f.indent || (after_item && f.words <= 45 && !about_article(text)) || units.pattern(k).is_some() {
            after_item = false;
        } else {
            break;
        }
        end = k;
    }
    // A headline just before the article resumes is the article's own heading.
    while end > start && !feats[end].item && !feats[end].indent && end + 1 < feats.len() {
        let text = article.slice(units.spans[end]);
        if feats[end].is_headline(text) && about_article(text) {
            end -= 1;
        } else {
            break;
        }
    }
    end
}

/// The units judged: the article's paragraphs, except that a paragraph of
/// several lines is judged line by line when one of its lines is marked by a
/// pattern on its own ("84 views0 comments" wrapped onto "bottom of page").
struct Units<'a> {
    spans: Vec<Span>,
    article: &'a Article,
    rules: &'a RuleSet,
    /// Each unit's first matching boilerplate pattern, looked for once, when
    /// first asked (the passes and `section_end` ask again).
    patterns: Vec<OnceCell<Option<&'a BoilerplatePattern>>>,
}

impl<'a> Units<'a> {
    fn of(article: &'a Article, rules: &'a RuleSet) -> Units<'a> {
        let mut units = Units {
            spans: Vec::with_capacity(article.paragraphs.len()),
            article,
            rules,
            patterns: Vec::with_capacity(article.paragraphs.len()),
        };
        let mut lines = Vec::new();
        for p in &article.paragraphs {
            let text = article.slice(p.span);
            if !text.contains('\n') {
                units.push(p.span, OnceCell::new());
                continue;
            }
            lines.clear();
            let mut offset = p.span.start;
            for line in text.split_inclusive('\n') {
                let content = line.trim_end_matches(['\n', '\r']);
                let trimmed = content.trim();
                if !trimmed.is_empty() {
                    let lead = content.len() - content.trim_start().len();
                    lines.push(Span::new(offset + lead, offset + lead + trimmed.len()));
                }
                offset += line.len();
            }
            // What the lines up to the first match gave is kept for the passes.
            let mut looked: Vec<OnceCell<Option<&BoilerplatePattern>>> = Vec::with_capacity(lines.len());
            let mut marked = false;
            for &l in &lines {
                let found = rules.boilerplate_match(article.slice(l));
                looked.push(OnceCell::from(found));
                if found.is_some() {
                    marked = true;
                    break;
                }
            }
            if marked {
                looked.resize_with(lines.len(), OnceCell::new);
                for (&l, m) in lines.iter().zip(looked) {
                    units.push(l, m);
                }
            } else {
                units.push(p.span, OnceCell::new());
            }
        }
        units
    }

    fn push(&mut self, span: Span, pattern: OnceCell<Option<&'a BoilerplatePattern>>) {
        self.spans.push(span);
        self.patterns.push(pattern);
    }

    /// The first boilerplate pattern that matches unit `i`.
    fn pattern(&self, i: usize) -> Option<&'a BoilerplatePattern> {
        *self.patterns[i].get_or_init(|| self.rules.boilerplate_match(self.article.slice(self.spans[i])))
    }
}

/// Classifies every paragraph of the article and returns its boilerplate
/// blocks, sorted by start.
pub fn classify(article: &Article, rules: &RuleSet, memory: &CorpusMemory) -> Vec<Block> {
    let units = Units::of(article, rules);
    let paras = &units.spans;
    let n = paras.len();
    if n == 0 {
        return Vec::new();
    }
    let feats: Vec<Features> = paras
        .iter()
        .map(|&p| Features::of(article.slice(p), indented(article, p)))
        .collect();
    let corpus_title = article.title.and_then(|t| {
        paras
            .iter()
            .position(|p| p.start <= t.start && t.start < p.end.max(p.start + 1))
    });
    let mut class = vec![Class::Short; n];
    // Multi-paragraph blocks found by `to_end` and `section` patterns.
    let mut runs: Vec<(usize, usize)> = Vec::new();

    // 1. Strong marks: patterns first.
    let mut stems_before = StemsBefore::default();
    let mut i = 0;
    while i < n {
        if let Some(p) = units.pattern(i) {
            let end = if p.to_end {
                n - 1
            } else if p.section {
                section_end(article, &units, &feats, i, &mut stems_before)
            } else {
                i
            };
            let c = Class::Bad {
                kind: p.kind.clone().unwrap_or_else(|| p.name.clone()),
                pattern: Some(p.name.clone()),
            };
            for slot in &mut class[i..=end] {
                *slot = c.clone();
            }
            if end > i {
                runs.push((i, end));
            }
            i = end + 1;
        } else {
            i += 1;
        }
    }
    let r = regexes();
    for i in 0..n {
        if class[i] != Class::Short {
            continue;
        }
        let text = article.slice(paras[i]);
        let f = &feats[i];
        if let Some(kind) = interface_kind(text, f) {
            class[i] = Class::bad(kind);
        } else if is_time_stamp(text, f) {
            class[i] = Class::bad("dateline");
        } else if is_split_caption(text) {
            class[i] = Class::bad("caption");
        } else if i * 10 >= n * 6 && opens_with_a_name(text) && r.bio_start.is_match(text) && r.bio_vocab.is_match(text)
        {
            class[i] = Class::bad("bio");
        }
    }

    // Corpus memory: a line recurring across articles, unless it is the
    // page's first headline (a story republished under its title), a
    // sentence (a quote several stories repeat) or the article's own date
    // line ("date 2023-11-11", the same in every story of that day).
    let first_headline = (0..n.min(12))
        .find(|&i| class[i] == Class::Short && (3..=30).contains(&feats[i].words) && !feats[i].ends_with_period);
    for i in 0..n {
        let f = &feats[i];
        if class[i] == Class::Short
            && Some(i) != first_headline
            && !(f.ends_sentence && f.words >= 4)
            && !article.is_date_line(paras[i])
            && memory.articles_with(article.slice(paras[i])) >= MIN_ARTICLES
        {
            class[i] = Class::bad("site-furniture");
        }
    }

    // Page repetition: a short label the page itself repeats between its
    // blocks ("Advertisement", a section label under every teaser, a
    // player's error text) is its furniture. A sentence is never taken (a
    // refrain, a quote shown twice), nor the first headline or the date line.
    let mut repeats: rustc_hash::FxHashMap<u64, u32> = rustc_hash::FxHashMap::default();
    let hashes: Vec<Option<u64>> = (0..n)
        .map(|i| {
            let f = &feats[i];
            (f.words <= MAX_REPEATED_WORDS && !f.ends_sentence)
                .then(|| super::memory::hash_line(article.slice(paras[i])))
                .flatten()
        })
        .collect();
    for h in hashes.iter().flatten() {
        *repeats.entry(*h).or_default() += 1;
    }
    for i in 0..n {
        let Some(h) = hashes[i] else { continue };
        let times = repeats.get(&h).copied().unwrap_or(0);
        // Seen only twice or thrice, a line over a paragraph may be a subhead
        // that a table of contents or a teaser repeats.
        let over_paragraph = feats.get(i + 1).is_some_and(Features::is_good);
        // What opens each item of a story made of several (a letter's
        // salutation, a dispatch's dateline) introduces the paragraph under it.
        let text = article.slice(paras[i]).trim_end();
        // A table's header repeated over each of its parts is the table's.
        let opener = over_paragraph && (text.ends_with(':') || has_month_day(text))
            || paras.get(i + 1).is_some_and(|&p| is_data_row(article.slice(p)));
        if class[i] == Class::Short
            && Some(i) != first_headline
            && Some(i) != corpus_title
            && !opener
            && (times >= 4
                || (times == 3 && !over_paragraph)
                || (times == 2 && !over_paragraph && feats[i].words <= MAX_REPEATED_WORDS / 2))
            && !article.is_date_line(paras[i])
        {
            class[i] = Class::bad("repeated");
        }
    }

    // The title anchors the header: the article's, unless that line is
    // furniture (a breadcrumb taken for the title), else the first headline.
    let headline = |i: usize| {
        class[i] == Class::Short
            && !feats[i].item
            && !is_data_row(article.slice(paras[i]))
            && (article.slice(paras[i]).starts_with("# ")
                || ((3..=30).contains(&feats[i].words) && !feats[i].ends_with_period))
    };
    // The headline nearest above the lede (a site name may open the page).
    let lede = (0..n).find(|&i| class[i] == Class::Short && feats[i].is_good());
    let markdown_heading = (0..n.min(12)).find(|&i| headline(i) && article.slice(paras[i]).starts_with("# "));
    let title = markdown_heading
        .or_else(|| {
            let lede = lede.filter(|&l| l <= 12)?;
            (0..lede).rev().find(|&i| headline(i) && feats[i].words >= 4)
        })
        .or_else(|| (0..lede.unwrap_or(n).min(12)).find(|&i| headline(i)))
        .or(corpus_title.filter(|&t| !class[t].is_bad() && lede.is_none_or(|l| t <= l)));

    // 2. Good blocks; the title anchors the header. A row of a data table
    // after the story has begun ("Net 1.2 mln vs 900,000") is the story's
    // own figures.
    let story_begun = |i: usize| lede.or(title).is_some_and(|l| l < i) || title.is_some_and(|t| t < i);
    for i in 0..n {
        if class[i] == Class::Short
            && (feats[i].is_good() || Some(i) == title || (story_begun(i) && is_data_row(article.slice(paras[i]))))
        {
            class[i] = Class::Good;
        }
    }

    // 3. Context for the short blocks left.
    let body_good = |i: usize| class[i] == Class::Good && Some(i) != title;
    if let (Some(first), Some(last)) = ((0..n).find(|&i| body_good(i)), (0..n).rev().find(|&i| body_good(i))) {
        let mut decided: Vec<(usize, String)> = Vec::new();
        for i in 0..n {
            if class[i] != Class::Short {
                continue;
            }
            let prev = (0..i).rev().find(|&k| class[k] != Class::Short);
            let next = (i + 1..n).find(|&k| class[k] != Class::Short);
            let bad_or_edge = |k: Option<usize>| k.is_none_or(|k| class[k].is_bad());
            let f = &feats[i];
            let flag = if first < i && i < last {
                // A line the page repeats is a separator, and says nothing
                // of the lines beside it: a subhead between two of them,
                // over its paragraph, is the story's.
                let separator = |k: usize| class[k] == Class::Short || is_kind(&class[k], "repeated");
                let prev = (0..i).rev().find(|&k| !separator(k));
                let next = (i + 1..n).find(|&k| !separator(k));
                prev.is_some_and(|k| class[k].is_bad()) && next.is_some_and(|k| class[k].is_bad())
            } else {
                (bad_or_edge(prev) && bad_or_edge(next))
                    || (f.furniture_like() && (bad_or_edge(prev) || bad_or_edge(next)))
            };
            if !flag {
                continue;
            }
            let kind = if !f.has_letters {
                "counter".to_string()
            } else if title.is_some_and(|t| i < t) && f.words <= 5 {
                "navigation".to_string()
            } else if f.name_like() && next.is_some_and(|k| class[k].is_bad()) {
                "byline".to_string()
            } else if i < first && next.is_some_and(|k| class[k] == Class::Good) && f.furniture_like() {
                "caption".to_string()
            } else if f.name_like() {
                "byline".to_string()
            } else {
                match prev.or(next).map(|k| &class[k]) {
                    Some(Class::Bad { kind, .. }) if kind != "related-links" && kind != "sources" => kind.clone(),
                    _ => "ui".to_string(),
                }
            };
            decided.push((i, kind));
        }
        // After the article: a run of three or more headlines is a list of
        // other stories, even with no header over it.
        let mut k = last + 1;
        while k < n {
            let run = (k..n)
                .take_while(|&j| {
                    class[j] == Class::Short && feats[j].words >= 4 && feats[j].is_headline(article.slice(paras[j]))
                })
                .count();
            if run >= 3 {
                decided.extend((k..k + run).map(|j| (j, "related-links".to_string())));
            }
            k += run.max(1);
        }
        decided.sort_by_key(|d| d.0);
        decided.dedup_by_key(|d| d.0);
        for (i, kind) in decided {
            class[i] = Class::Bad { kind, pattern: None };
        }
    }

    // An agency's sign-off closing the story ("… the bank said. REUTER"):
    // a credit line, alone on its line or after the last sentence.
    let mut signoff = None;
    if let Some(k) = (0..n).rev().find(|&k| !class[k].is_bad() || k == n - 1) {
        let text = article.slice(paras[k]);
        if let Some(at) = crate::text::wire_signoff(text) {
            if text[..at].trim().is_empty() {
                class[k] = Class::bad("credit");
            } else {
                signoff = Some(Span::new(paras[k].start + at, paras[k].start + text.trim_end().len()));
            }
        }
    }

    // Blocks: a run found by a pattern is one block; other paragraphs one each.
    let mut blocks = Vec::new();
    let mut i = 0;
    while i < n {
        if let Class::Bad { kind, pattern } = &class[i] {
            let end = runs.iter().find(|r| r.0 == i).map_or(i, |r| r.1);
            blocks.push(Block {
                span: Span::new(paras[i].start, paras[end].end),
                kind: kind.clone(),
                pattern: pattern.clone(),
            });
            i = end + 1;
        } else {
            i += 1;
        }
    }
    if let Some(span) = signoff {
        blocks.push(Block {
            span,
            kind: "credit".to_string(),
            pattern: None,
        });
        blocks.sort_by_key(|b| b.span.start);
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flagged(text: &str) -> Vec<(String, String)> {
        let rules = crate::rules::load(&[]).unwrap();
        let a = Article::from_text("t.txt", text.to_string());
        classify(&a, &rules, &CorpusMemory::default())
            .into_iter()
            .map(|b| (a.slice(b.span).lines().next().unwrap().trim().to_string(), b.kind))
            .collect()
    }

    #[test]
    fn sections_stem_the_text_before_them_once_in_all() {
        // Issue 25: each section rebuilt the stems of everything before it, quadratic
        // in an article of many sections. Each unit is now stemmed at most once.
        let mut text = String::new();
        let sections = 60;
        for k in 0..sections {
            text.push_str(&format!(
                "Police officers in Haiti deployed {k} armored vehicles on Monday, the ministry said in a statement.\n\n\
                 Related stories\n\n\
                 • Peru votes in a tight runoff\n\n\
                 Chile's copper exporters brace for tariffs on shipments\n\n"
            ));
        }
        UNITS_STEMMED.with(|c| c.set(0));
        let flags = flagged(&text);
        let stemmed = UNITS_STEMMED.with(|c| c.get());
        assert_eq!(
            flags.iter().filter(|(_, kind)| kind == "related-links").count(),
            sections,
            "{flags:?}"
        );
        assert!(
            stemmed > 0,
            "the teasers are compared with the text before their section"
        );
        assert!(
            stemmed <= sections * 4,
            "{stemmed} units stemmed for {} units",
            sections * 4
        );
    }

    #[test]
    fn function_words_are_sorted_for_binary_search() {
        assert!(FUNCTION_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn word_cores_are_split_and_trimmed_as_by_chars() {
        let texts = [
            "",
            "  ",
            "The council voted, 7-2, on Monday.",
            "“Kenya’s” (police) —deployed— 1,000 officers… ‘again’",
            "a\u{a0}b\u{2028}c \u{3000} d\u{1680}e\u{85}f\u{b}g\u{c}h\ri\tj\nk",
            "\u{a0}\u{a0} -- ... 42 4a a4 _x_ ſtuff \u{212a}elvin ÉCOLE école",
            "• item · 12) ▪ ◦ ►",
        ];
        for t in texts {
            let mut got = Vec::new();
            for_each_word_core(t, |core, letters| got.push((core, letters)));
            let want: Vec<(&str, bool)> = t
                .split_whitespace()
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
                .map(|core| (core, core.chars().any(char::is_alphabetic)))
                .collect();
            assert_eq!(got, want, "{t:?}");
        }
        assert!(is_function_word("The") && is_function_word("WHOSE") && !is_function_word("Theirs"));
    }

    #[test]
    fn features_of_a_sentence_and_a_label() {
        let s = Features::of("The council voted on Monday to delay the plan until spring.", false);
        assert!(s.is_good());
        let l = Features::of("Harbor Patrol Unit", false);
        assert!(!l.is_good() && l.furniture_like() && !l.item);
        assert!(Features::of("  • Label everything", true).item);
        assert!(Features::of("2. Second item", false).item);
    }

    #[test]
    fn header_furniture_around_a_byline_is_flagged() {
        let text = "Port strike enters second week\n\nDaniel Okafor\n·5 min read\n12\nPort Authority\n\nTalks between the union and the port operators broke down again on Thursday, extending the strike.\n\nThe union is seeking a raise of 14% over three years, according to people familiar with the talks.\n";
        let got = flagged(text);
        let kinds: Vec<&str> = got.iter().map(|(_, k)| k.as_str()).collect();
        assert_eq!(kinds, ["byline", "ui", "counter", "caption"], "{got:?}");
    }

    #[test]
    fn a_heading_inside_the_body_is_content() {
        let text = "Night trains return\n\nSleeper trains are running again between two capitals, and tickets sold out in days.\n\nWhat it costs\n\nA bed in a shared compartment starts at 49 euros, and a private one costs more.\n\nAdvertisement\n\nWhy now?\n\nDemand has grown every year since 2021, the operator said in a statement.\n";
        let got = flagged(text);
        assert_eq!(got, [("Advertisement".to_string(), "advertisement".to_string())]);
    }

    #[test]
    fn a_short_line_between_two_furniture_lines_is_flagged() {
        let text = "Budget approved for library\n\nThe council approved $12 million for a new library branch on Wednesday, ending a long debate.\n\nThe vote was 7-2, and construction is expected to start next year.\n\nShare this article\nMore options here\nAdvertisement\n";
        let got = flagged(text);
        assert!(got.iter().any(|(l, _)| l == "More options here"), "{got:?}");
    }

    #[test]
    fn section_runs_over_headlines_and_teasers_but_stops_at_the_article() {
        let text = "Bridge reopens after repairs\n\nThe bridge reopened to traffic on Monday after eight months of repairs costing $4 million.\n\nRelated Stories\n\nCity names new parks director\n\nHarbour festival returns in June\n\nOfficials said the bridge repairs were finished ahead of schedule, and the bridge will be inspected again in the spring.\n";
        let got = flagged(text);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1, "related-links");
        let a = Article::from_text("t.txt", text.to_string());
        let rules = crate::rules::load(&[]).unwrap();
        let b = &classify(&a, &rules, &CorpusMemory::default())[0];
        assert!(a.slice(b.span).ends_with("Harbour festival returns in June"));
    }

    #[test]
    fn headlines_after_the_article_are_a_list_of_stories() {
        let body = "The council approved the budget on Wednesday after a long debate over where to build.";
        let text = format!(
            "Budget approved\n\n{body}\n\n{body}\n\nCity names new parks director after long search\nHarbour festival returns in June with new stages\nWhy the bus fare is going up again this spring\n"
        );
        let got = flagged(&text);
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(got.iter().all(|(_, k)| k == "related-links"));
        // Two headlines are not enough to call a list.
        let two = format!(
            "Budget approved\n\n{body}\n\n{body}\n\nCity names new parks director after long search\nWhy the bus fare is going up again this spring\n"
        );
        assert!(flagged(&two).is_empty());
    }

    #[test]
    fn rows_of_a_data_table_are_the_story() {
        let t = "Harbour Mills Corp quarterly results\n\nHarbour Mills Corp said on Tuesday its results for the quarter were as follows.\n\nShr 14 cts vs 11 cts\n\nNet 2.3 mln vs 1.8 mln\n\nRevs 51.6 mln vs 47.0 mln\n\nThe company said it expected sales to grow in the current quarter as well.\n";
        assert!(flagged(t).is_empty(), "{:?}", flagged(t));
        assert!(is_data_row("Barley 2.65 -- 1.40"));
        assert!(!is_data_row("12 views 3 comments"));
        assert!(!is_data_row("Updated 14:05, 3 June 2024"));
    }

    #[test]
    fn an_agency_sign_off_is_a_credit() {
        let t = "Harbour Mills Corp quarterly results\n\nHarbour Mills Corp said on Tuesday that its sales rose by a tenth in the quarter. REUTER\n";
        assert_eq!(flagged(t), [("REUTER".to_string(), "credit".to_string())]);
    }

    #[test]
    fn interface_lines() {
        let f = |t: &str| interface_kind(t, &Features::of(t, false));
        assert_eq!(f("Facebook Twitter Email"), Some("share"));
        assert_eq!(f("Home › News › Local"), Some("navigation"));
        assert_eq!(f("Police arrive in the capital"), None);
        assert_eq!(f("World News and Politics"), None);
        assert_eq!(f("FACEBOOK twitter"), Some("share"));
        assert_eq!(f("Home › World › Haiti"), Some("navigation"));
        assert_eq!(f("Home › World › Haiti › Kenya › Police"), None);
        assert_eq!(f("Share on Facebook, Twitter or Email via our partners"), None);
        assert_eq!(f("Home | World | Sport | Politics | Business"), Some("navigation"));
    }

    #[test]
    fn a_bio_is_only_flagged_after_the_article() {
        let bio = "Priya Nair is a staff reporter covering city hall and local government.";
        let body = "The council approved the budget on Wednesday after a long debate over where to build.";
        let late = format!("Budget approved\n\n{body}\n\n{body}\n\n{body}\n\n{bio}\n");
        assert_eq!(flagged(&late).last().map(|(_, k)| k.as_str()), Some("bio"));
        let early = format!("Budget approved\n\n{bio}\n\n{body}\n\n{body}\n\n{body}\n");
        assert!(flagged(&early).is_empty());
    }

    #[test]
    fn a_late_paragraph_about_a_body_is_not_a_bio() {
        // Regression: "The United States has" passed for a name and a verb,
        // and "told reporters" for a bio's vocabulary.
        let body = "The council approved the budget on Wednesday after a long debate over where to build.";
        let late =
            "The United States has said it will support the mission, the minister told reporters ahead of the trip.";
        for text in [
            format!("Budget approved\n\n{body}\n\n{body}\n\n{body}\n\n{late}\n"),
            format!("Budget approved\n\n{body}\n\n{body}\n\n{late}\n\n{body}\n"),
        ] {
            assert!(flagged(&text).is_empty(), "{text}");
        }
        // A bio opening with the author's name still is one.
        let bio = "Priya Nair has covered city hall for the paper since 2019 and told reporters' stories for years.";
        let text = format!("Budget approved\n\n{body}\n\n{body}\n\n{body}\n\n{bio}\n");
        assert_eq!(flagged(&text).last().map(|(_, k)| k.as_str()), Some("bio"));
    }

    const BODY: &str = "The council approved the budget on Wednesday after a long debate over where to build.";

    #[test]
    fn a_label_the_page_repeats_between_paragraphs_is_furniture() {
        let mut text = String::from("Budget approved for library\n\n");
        for k in 0..4 {
            text.push_str(&format!("Story goes on\n\n{BODY} Item {k} was passed too.\n\n"));
        }
        let got = flagged(&text);
        assert_eq!(got.len(), 4, "{got:?}");
        assert!(got.iter().all(|(l, k)| l == "Story goes on" && k == "repeated"));
    }

    #[test]
    fn a_subhead_between_repeated_labels_is_content() {
        let mut text = format!("Budget approved for library\n\n{BODY}\n\n");
        for k in 0..4 {
            text.push_str(&format!(
                "Story goes on\n\nWhat the vote means {k}\n\nStory goes on\n\n{BODY}\n\n"
            ));
        }
        let got = flagged(&text);
        assert!(got.iter().all(|(l, _)| l == "Story goes on"), "{got:?}");
    }

    #[test]
    fn a_subhead_a_table_of_contents_repeats_is_content() {
        let text = format!(
            "Budget approved for library\n\nWhere the money goes\n\nWhat happens next\n\n{BODY}\n\n\
             Where the money goes\n\n{BODY}\n\nWhat happens next\n\n{BODY}\n"
        );
        let got = flagged(&text);
        // The contents' entries may go; the headings over their paragraphs stay.
        let a = Article::from_text("t.txt", text.clone());
        for (line, _) in &got {
            let at = a.text.find(line.as_str()).unwrap();
            assert!(at < a.text.find(BODY).unwrap(), "{line:?} in the body: {got:?}");
        }
    }

    #[test]
    fn openers_a_story_repeats_are_content() {
        // Letters to the editor, each under its salutation; dispatches under their dateline.
        let letters = format!(
            "Letters from our readers this week\n\nTo the editor:\n\n{BODY}\n\nTo the editor:\n\n{BODY}\n\nTo the editor:\n\n{BODY}\n"
        );
        assert!(flagged(&letters).is_empty(), "{:?}", flagged(&letters));
        let dispatches = format!(
            "Dispatches from the coast this week\n\nHarbour City, Oct. 4\n\n{BODY}\n\nHarbour City, Oct. 4\n\n{BODY}\n\nHarbour City, Oct. 4\n\n{BODY}\n"
        );
        assert!(flagged(&dispatches).is_empty(), "{:?}", flagged(&dispatches));
    }

    #[test]
    fn a_refrain_sentence_the_story_repeats_is_content() {
        let text = format!(
            "Budget approved\n\n{BODY}\n\nWe will build it.\n\n{BODY}\n\nWe will build it.\n\n{BODY}\n\nWe will build it.\n\n{BODY}\n"
        );
        assert!(flagged(&text).is_empty(), "{:?}", flagged(&text));
    }

    #[test]
    fn a_live_blog_entry_stamp_is_a_dateline() {
        let text = format!("Storm live updates\n\n{BODY}\n\n14:05Jane Doe\n\n{BODY}\n\n9:30 Key update\n\n{BODY}\n");
        let got = flagged(&text);
        assert_eq!(
            got,
            [
                ("14:05Jane Doe".to_string(), "dateline".to_string()),
                ("9:30 Key update".to_string(), "dateline".to_string())
            ]
        );
        let f = |t: &str| is_time_stamp(t, &Features::of(t, false));
        assert!(!f("14:05 is when the doors open, the organisers said."));
        assert!(!f("2024 budget"));
        assert!(!f("12:345 units"));
    }

    #[test]
    fn a_caption_cut_from_its_credit_is_flagged() {
        let text = format!(
            "Storm hits coast\n\n{BODY}\n\nWaves break over the sea wall on Monday (\n\nJane Doe/Agency)\n\n{BODY}\n"
        );
        let got = flagged(&text);
        let kinds: Vec<&str> = got.iter().map(|(_, k)| k.as_str()).collect();
        assert_eq!(kinds, ["caption", "caption"], "{got:?}");
        assert!(!is_split_caption("The vote (7-2) passed."));
        assert!(!is_split_caption("Results (in millions)"));
    }

    #[test]
    fn a_caption_with_its_credit_after_it_is_flagged() {
        for caption in [
            "Waves break over the sea wall on Monday. Credit: Jane Doe/Agency",
            "Waves break over the sea wall on Monday. (Harbour Agency)",
        ] {
            let text = format!("Storm hits coast\n\n{BODY}\n\n{caption}\n\n{BODY}\n");
            assert_eq!(flagged(&text), [(caption.to_string(), "caption".to_string())]);
        }
        // A closing aside or a citation in parentheses is the story's.
        for line in [
            "The mayor said the wall held. (She was right.)",
            "The wall was raised in 2019, the council said (see below).",
        ] {
            let text = format!("Storm hits coast\n\n{BODY}\n\n{line}\n\n{BODY}\n");
            assert!(flagged(&text).is_empty(), "{line}");
        }
    }

    #[test]
    fn a_numbered_advertisement_slot_is_flagged() {
        let text = format!("Storm hits coast\n\n{BODY}\n\nAdvertisement 3\n\n{BODY}\n");
        assert_eq!(
            flagged(&text),
            [("Advertisement 3".to_string(), "advertisement".to_string())]
        );
    }

    #[test]
    fn a_list_of_stories_in_the_header_stops_at_the_article() {
        let text = format!(
            "Top Stories\n\nCity names new parks director\n\nHarbour festival returns in June\n\n\
             Budget approved for library\n\n{BODY}\n\n{BODY}\n\n{BODY}\n"
        );
        let got = flagged(&text);
        assert!(got.iter().all(|(l, _)| !l.starts_with("The council")), "{got:?}");
    }
}
