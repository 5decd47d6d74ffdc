//! Frames: what a figure is a figure *of*, read from the words around it, for
//! comparing the figures of one article with each other.
//!
//! A figure's frame is its class (kind and unit: a count of cases, dollars a
//! share, a percentage change, a length, a person's age, a rank, the date of
//! an event), its *head* (the noun it counts or modifies: "nine cases" →
//! case, "a 200-foot tower" → tower, "at their April 28 meeting" → meeting;
//! else the content word that governs it: "valued at", "of record"), the
//! content words near it, the proper names near it (its holder), the content
//! words of its sentence, the periods its sentence names, and its modality.
//! Two figures of one class in different sentences are one quantity when
//! they share a specific head (or two specific near words), their sentences
//! share enough content words, and nothing distinguishes them.

use std::collections::{BTreeMap, BTreeSet};

use crate::checks::Analysis;
use crate::extract::keys::{date_interval, dimension, scaled};
use crate::extract::{Figure, FigureKind, singular};
use crate::text::{Span, Token, TokenKind, WordSet, is_stopword, stem, tokens_within};

/// Whether a figure is stated as fact or as an expectation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Modality {
    Actual,
    Forecast,
}

/// What a figure is a figure of.
#[derive(Debug, Clone)]
pub(super) struct Frame {
    /// Kind and unit ("count:case", "money:USD/share", "pct:change", "length", "age", "rank", "when");
    /// `None`: the figure is never compared by frame.
    pub class: Option<String>,
    /// The values it allows, in the class's base unit (days for dates).
    pub interval: (f64, f64),
    /// The noun it counts or modifies, else the (up to two) words that govern it, stemmed.
    pub heads: Vec<String>,
    /// Words that govern it: the content words just before it, and a participle after its noun.
    pub govs: Vec<String>,
    /// The places its clause names: a figure for one place is a part of one for none.
    pub places: Vec<String>,
    /// For a date, what the event happened to ("a mill founded in 1790" → mill).
    pub subject: Vec<String>,
    /// For a percentage, the whole it is a share of ("80% of the capital" → capital).
    pub whole: Option<String>,
    /// The name its clause opens with, when the figure is that name's ("Colorado has a 2% tax").
    pub holder: Vec<String>,
    /// For a rank, the name it is given to ("the Dreadnought, Britain's second submarine").
    pub named: Vec<String>,
    /// For a rank, whose it is ("britain"; "PRONOUN" for "its", "their").
    pub possessor: Option<String>,
    /// For a date, whether its year is written (else it was inferred from the article's date).
    pub year_written: bool,
    /// For a date to the day, its month and day.
    pub month_day: Option<(u32, u32)>,
    /// Modifiers between the number and its counted noun ("three new elementary schools").
    pub mods: Vec<String>,
    /// Proper names around it (lower case): whose figure it is.
    pub names: Vec<String>,
    /// Its own phrase's tokens in its sentence (the rest of the sentence's
    /// content words are read, by [`sentence_words`], only for figures that may be linked).
    pub own: (usize, usize),
    /// Periods its sentence names besides the figure (years, months, quarters).
    pub periods: Vec<String>,
    pub modality: Modality,
    /// Why the figure is not a plain statement of a quantity, if it is not
    /// (an earlier value, a comparison, a condition, an option, a list or table member).
    pub blocked: Option<&'static str>,
    pub sentence: Span,
}

impl Frame {
    /// The unit a price is stated per ("/share" for "8 dlrs a share"), which a total never equals.
    pub fn per_unit(&self) -> &str {
        let c = self.class.as_deref().unwrap_or("");
        c.find('/').map_or("", |i| c[i..].split(':').next().unwrap_or(""))
    }
    /// Whether the figure states a change ("by 5 pct") rather than a level.
    pub fn change(&self) -> bool {
        self.class.as_deref().is_some_and(|c| c.ends_with(":change"))
    }

    /// Whether something in the two frames says they are different quantities
    /// (used for any two figures of one article).
    pub fn distinct(&self, other: &Frame) -> bool {
        if self.blocked.is_some() || other.blocked.is_some() || self.modality != other.modality {
            return true;
        }
        // Different periods: "in 1985 … in 1986", "in January … in February".
        if !self.periods.is_empty() && !other.periods.is_empty() && self.periods != other.periods {
            return true;
        }
        // A figure for one place and one for another, or for none.
        if self.places.is_empty() != other.places.is_empty()
            || (!self.places.is_empty() && !shares(&self.places, &other.places))
        {
            return true;
        }
        // Shares of different wholes: "80% of the capital", "60% of the country".
        if let (Some(x), Some(y)) = (&self.whole, &other.whole)
            && !same_word(x, y)
        {
            return true;
        }
        // The dates of what happened to two things: "a mill founded in 1790", "the club was founded in 1888".
        if !self.subject.is_empty() && !other.subject.is_empty() && common(&self.subject, &other.subject).is_empty() {
            return true;
        }
        // Two holders: "Colorado has a 2% sales tax", "Denver collects a 1% sales tax".
        if !self.holder.is_empty() && !other.holder.is_empty() && !nested(&self.holder, &other.holder) {
            return true;
        }
        // The dates of two holders' events ("Hinckley began in 1925", "Gordin began in 1953").
        self.class.as_deref() == Some("when")
            && !self.names.is_empty()
            && !other.names.is_empty()
            && !nested(&self.names, &other.names)
    }
}

/// Words that name no quantity in particular (too common in news to tie two figures).
const GENERIC: &[&str] = &[
    "said",
    "say",
    "told",
    "report",
    "company",
    "compani",
    "inc",
    "corp",
    "year",
    "month",
    "week",
    "day",
    "mln",
    "billion",
    "million",
    "dlr",
    "dlrs",
    "pct",
    "percent",
    "cent",
    "share",
    "total",
    "new",
    "also",
    "would",
    "will",
    "per",
    "time",
    "last",
    "next",
    "about",
    "more",
    "less",
    "than",
    "some",
    "number",
    "figure",
    "u.s",
    "mr",
    "mrs",
    "miss",
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "ago",
    "made",
    "make",
    "take",
    "took",
    "get",
    "got",
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
    "rise",
    "rose",
    "fall",
    "fell",
    "up",
    "down",
    "expect",
    "expected",
    "estimat",
    "around",
    "nearly",
    "almost",
    "least",
    "amount",
    "sum",
    "aggregat",
    "balanc",
    "there",
    "be",
    "pay",
    "paid",
    "receiv",
    "includ",
    "keep",
    "kept",
    "hold",
    "held",
    "giv",
    "given",
    "gave",
];

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Words that make a figure an expectation rather than a fact.
const FORECAST: &[&str] = &[
    "expect",
    "expected",
    "expects",
    "expecting",
    "forecast",
    "forecasts",
    "projected",
    "projects",
    "predicted",
    "predicts",
    "plan",
    "plans",
    "planned",
    "target",
    "targets",
    "goal",
    "aim",
    "aims",
    "hope",
    "hopes",
    "proposes",
    "seek",
    "seeks",
    "anticipated",
    "anticipates",
];

/// Words that make a figure one side of a comparison or an earlier value.
const COMPARISON: &[&str] = &[
    "previous",
    "previously",
    "prior",
    "compared",
    "comparison",
    "versus",
    "vs",
    "earlier",
    "originally",
    "initially",
    "formerly",
    "ago",
    "year-ago",
    "old",
];

/// Words that make a percentage a change rather than a level.
const CHANGE: &[&str] = &[
    "cut",
    "cuts",
    "rise",
    "rose",
    "risen",
    "rises",
    "increase",
    "increased",
    "increases",
    "gain",
    "gains",
    "gained",
    "jump",
    "jumped",
    "fall",
    "fell",
    "fallen",
    "falls",
    "drop",
    "dropped",
    "decline",
    "declined",
    "reduce",
    "reduced",
    "reduction",
    "raise",
    "raised",
    "lower",
    "lowered",
    "up",
    "down",
    "grew",
    "grow",
    "growth",
    "climb",
    "climbed",
    "advance",
    "advanced",
    "boost",
    "boosted",
    "by",
];

/// Nouns for people, whose weight or age a figure beside them gives.
const PERSON_NOUNS: &[&str] = &[
    "man",
    "woman",
    "boy",
    "girl",
    "senior",
    "junior",
    "sophomore",
    "freshman",
    "player",
    "guard",
    "tackle",
    "end",
    "back",
    "halfback",
    "fullback",
    "quarterback",
    "center",
    "fighter",
    "boxer",
    "wrestler",
    "lineman",
    "rookie",
    "veteran",
    "athlete",
    "kicker",
    "pitcher",
    "catcher",
    "shortstop",
];

/// Words before a figure that make it a part, an increment or a rank of items, not the whole.
const PARTS: &[&str] = &[
    "additional",
    "another",
    "further",
    "extra",
    "more",
    "other",
    "remaining",
    "first",
    "last",
    "latest",
    "final",
    "next",
    "every",
    "each",
    "per",
    "only",
    "top",
    "previous",
    "earlier",
    "recent",
    "past",
    "some",
];

/// Content-word window on each side of a figure.
const NEAR: usize = 5;
/// Figures of one class in one paragraph from which it is a list or a table.
const PARAGRAPH_LIST: usize = 4;
/// Number tokens in one sentence from which it is a table.
const TABLE: usize = 8;
/// Sentence content words two figures must share to be one quantity.
const MIN_SHARED_WORDS: usize = 2;
/// A near word in more figures of one class than this ties nothing.
const MAX_POSTING: usize = 48;

fn shares(a: &[String], b: &[String]) -> bool {
    a.iter().any(|w| b.binary_search(w).is_ok())
}

/// The words of `a` that `b` has too, in one derivation or another
/// ("acquisition" ~ "acquired") or as the end of a compound ("shareholder" ~ "holder").
fn common<'a, A: AsRef<str>, B: AsRef<str>>(a: &'a [A], b: &[B]) -> Vec<&'a str> {
    a.iter()
        .map(AsRef::as_ref)
        .filter(|&w| {
            b.binary_search_by(|v| v.as_ref().cmp(w)).is_ok()
                || b.iter()
                    .map(AsRef::as_ref)
                    .any(|v| same_word(w, v) || (w.len().min(v.len()) >= 5 && (w.ends_with(v) || v.ends_with(w))))
        })
        .collect()
}

/// Whether one run of names holds the other ("nolex" in "nolex development inc").
fn nested(a: &[String], b: &[String]) -> bool {
    a.iter().all(|w| b.binary_search(w).is_ok()) || b.iter().all(|w| a.binary_search(w).is_ok())
}

fn generic(w: &str) -> bool {
    // Asked for most content words of every framed sentence: one hash lookup, not three scans.
    static WORDS: std::sync::LazyLock<WordSet> =
        std::sync::LazyLock::new(|| WordSet::new(GENERIC.iter().chain(MONTHS).chain(WEEKDAYS)));
    WORDS.contains(w)
}

/// A stem, shared by every frame that holds it.
pub(super) type Stem = std::sync::Arc<str>;

/// Most distinct words a thread's stem cache holds before it starts afresh.
const STEM_CACHE_LIMIT: usize = 1 << 16;

/// The stem of a lower-case content word as the frames compare it (possessive
/// and plural dropped, then stemmed; "" for ""). News repeats its words: each thread
/// keeps the stems it has made, so a repeated word costs one hash lookup and
/// no allocation.
fn content_stem(lower: &str) -> Stem {
    thread_local! {
        static CACHE: std::cell::RefCell<std::collections::HashMap<Box<str>, Stem>> = Default::default();
    }
    CACHE.with_borrow_mut(|cache| {
        if let Some(s) = cache.get(lower) {
            return s.clone();
        }
        if cache.len() >= STEM_CACHE_LIMIT {
            cache.clear();
        }
        let bare = lower
            .trim_end_matches("'s")
            .trim_end_matches("’s")
            .trim_end_matches(['\'', '’']);
        let s: Stem = stem(&singular(bare)).into();
        cache.insert(lower.into(), s.clone());
        s
    })
}

/// One sentence's tokens, each word's lower case and stem.
struct Sentence<'t> {
    text: &'t str,
    /// The article's tokens within the sentence.
    tokens: &'t [Token],
    /// The sentence in ASCII lower case (byte offsets unchanged), from `start`.
    lower: String,
    start: usize,
    span: Span,
    /// Whether each token is a content word: a word of two letters or more, not a stop word.
    is_content: Vec<bool>,
    /// Periods the whole sentence names.
    periods: Vec<String>,
    /// Whether each token names a period ([`Sentence::names_period`]), read once.
    is_period: Vec<bool>,
}

impl<'t> Sentence<'t> {
    /// `all`: the article's tokens.
    fn new(text: &'t str, span: Span, all: &'t [Token]) -> Sentence<'t> {
        let tokens = tokens_within(all, span);
        // One lower-cased copy of the sentence, not a string per token.
        let lower = text[span.start..span.end].to_ascii_lowercase();
        // Stems are made when a frame asks for one, not for every word.
        let is_content = tokens
            .iter()
            .map(|t| {
                let l = &lower[t.span.start - span.start..t.span.end - span.start];
                t.kind == TokenKind::Word && l.len() > 1 && !is_stopword(l)
            })
            .collect();
        let mut sentence = Sentence {
            text,
            tokens,
            lower,
            start: span.start,
            span,
            is_content,
            periods: Vec::new(),
            is_period: Vec::new(),
        };
        sentence.is_period = (0..sentence.tokens.len()).map(|i| sentence.names_period(i)).collect();
        sentence.periods = sentence.periods_outside(0, 0);
        sentence
    }
    /// Whether token `i` names a period: a year, a month, a quarter, a fiscal
    /// year, a count of months ("the first ten months", "a six-month period").
    fn period(&self, i: usize) -> bool {
        self.is_period.get(i).copied().unwrap_or(false)
    }

    fn names_period(&self, i: usize) -> bool {
        let w = self.lw(i);
        if self.is_number(i) {
            return w.len() == 4 && (w.starts_with("19") || w.starts_with("20"));
        }
        MONTHS[..12].contains(&w)
            || matches!(w, "quarter" | "fiscal" | "now" | "currently" | "presently")
            || (w == "year"
                && i > 0
                && matches!(
                    self.lw(i - 1),
                    "the" | "this" | "last" | "that" | "previous" | "preceding"
                ))
            || (matches!(w, "month" | "months")
                && i > 0
                && (self.is_number(i - 1)
                    || matches!(
                        self.lw(i - 1),
                        "-" | "two"
                            | "three"
                            | "four"
                            | "five"
                            | "six"
                            | "seven"
                            | "eight"
                            | "nine"
                            | "ten"
                            | "eleven"
                            | "twelve"
                    )))
    }
    /// The periods of the sentence outside tokens `a..b`.
    fn periods_outside(&self, a: usize, b: usize) -> Vec<String> {
        self.periods_in(0, self.tokens.len(), a, b)
    }

    /// The periods named by tokens `lo..hi` outside `a..b`, sorted, once each.
    fn periods_in(&self, lo: usize, hi: usize, a: usize, b: usize) -> Vec<String> {
        let mut p: Vec<String> = (lo..hi)
            .filter(|&i| (i < a || i >= b) && self.period(i))
            .map(|i| {
                if self.lw(i) == "months" {
                    "month".to_string()
                } else {
                    self.lw(i).to_string()
                }
            })
            .collect();
        p.sort();
        p.dedup();
        p
    }
    fn lw(&self, i: usize) -> &str {
        self.tokens
            .get(i)
            .map_or("", |t| &self.lower[t.span.start - self.start..t.span.end - self.start])
    }
    fn is_number(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Number)
    }
    fn is_word(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word)
    }
    fn content(&self, i: usize) -> bool {
        self.is_content.get(i).copied().unwrap_or(false)
    }
    /// The stem of token `i` if it is a content word, else "".
    fn stem(&self, i: usize) -> Stem {
        content_stem(if self.content(i) { self.lw(i) } else { "" })
    }
    fn capitalised(&self, i: usize) -> bool {
        self.is_word(i)
            && self.tokens[i]
                .text(self.text)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    }
    /// A capitalised word that names someone or something (not a sentence opener, month or weekday).
    fn name(&self, i: usize) -> bool {
        i > 0
            && self.capitalised(i)
            && !MONTHS.contains(&self.lw(i))
            && !WEEKDAYS.contains(&self.lw(i))
            && !is_stopword(self.lw(i))
            && self.lw(i).len() > 1
    }
    /// A name, or a capitalised word that opens the sentence before a comma
    /// or another name ("Player, the 27-year-old …", "Gary Player won").
    fn opening_name(&self, i: usize) -> bool {
        self.name(i)
            || (i == 0 && self.capitalised(0) && !is_stopword(self.lw(0)) && (self.lw(1) == "," || self.name(1)))
    }
    /// The run of names around token `i` ("gary", "player"), lower case, sorted.
    fn name_run(&self, i: usize) -> Vec<String> {
        let (mut lo, mut hi) = (i, i + 1);
        while lo > 0 && self.opening_name(lo - 1) {
            lo -= 1;
        }
        while self.name(hi) {
            hi += 1;
        }
        let mut v: Vec<String> = (lo..hi)
            .map(|k| self.lw(k).trim_end_matches("'s").to_string())
            .collect();
        v.sort();
        v
    }
    /// A token that ends the clause a window may run through.
    fn boundary(&self, i: usize) -> bool {
        match self.lw(i) {
            ";" | ":" | "(" | ")" | "—" | "–" | "\"" | "“" | "”" => true,
            // "--"
            "-" => self.lw(i + 1) == "-" || (i > 0 && self.lw(i - 1) == "-"),
            _ => false,
        }
    }
    fn index(&self, offset: usize) -> usize {
        self.tokens.partition_point(|t| t.span.end <= offset)
    }
}

/// The frames of an article's figures (`frames[i]` is `figures[i]`'s); `None`
/// for figures in excluded blocks or the header. `all` are the article's tokens.
pub(super) fn frames_of(a: &Analysis, all: &[Token]) -> Vec<Option<Frame>> {
    let text = &a.article.text;
    let figures = &a.facts.figures;
    let mut out: Vec<Option<Frame>> = Vec::with_capacity(figures.len());
    let mut current: Option<Sentence> = None;
    let mut previous_periods: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    for (fi, fig) in figures.iter().enumerate() {
        if fig.span.start < a.article.header_end || a.is_excluded(fig.span) || fig.sentence.is_empty() {
            out.push(None);
            continue;
        }
        if current.as_ref().is_none_or(|s| s.span != fig.sentence) {
            current = Some(Sentence::new(text, fig.sentence, all));
        }
        let s = current.as_ref().expect("sentence just set");
        let mut f = frame(s, fig);
        // The places its clause names, as the key read them ("in Port Avery").
        if let Some(Some(k)) = a.facts.keys.get(fi) {
            f.places = k.context.clone();
        }
        // A sentence that names no period speaks of the one its paragraph last named.
        if f.periods.is_empty() && f.class.as_deref().is_some_and(|c| c != "when") {
            let sentences = &a.article.sentences;
            let mut at = sentences.partition_point(|x| x.start < fig.sentence.start);
            // A paragraph that opens in lower case goes on with the sentence of the one before
            // ("… up 22 per cent;" / "residential at $278,877,000 …"): look back through it too.
            let mut first = fig.paragraph;
            while first > 0
                && a.article.paragraphs.get(first).is_some_and(|p| {
                    text[p.span.start..p.span.end]
                        .trim_start()
                        .chars()
                        .next()
                        .is_some_and(char::is_lowercase)
                })
            {
                first -= 1;
            }
            let paragraph = a.article.paragraphs.get(fig.paragraph).map(|p| {
                let from = a.article.paragraphs.get(first).map_or(p.span.start, |q| q.span.start);
                Span::new(from, p.span.end)
            });
            while at > 0 && paragraph.is_some_and(|p| p.contains(sentences[at - 1])) {
                let prev = sentences[at - 1];
                let p = previous_periods
                    .entry(prev.start)
                    .or_insert_with(|| Sentence::new(text, prev, all).periods);
                if !p.is_empty() {
                    f.periods = p.clone();
                    break;
                }
                at -= 1;
            }
        }
        // Whose figure it is, when no name stands near it: what its event happened to
        // ("Nolex completed the acquisition in 1984"), else the name written last before it.
        if f.names.is_empty() && f.class.as_deref() == Some("when") && !f.subject.is_empty() {
            f.names = f.subject.clone();
        } else if f.names.is_empty() && f.class.is_some() {
            let from = fig
                .sentence
                .start
                .saturating_sub(HOLDER_REACH)
                .max(a.article.header_end)
                .max(a.article.title.map_or(0, |t| t.end));
            f.names = last_names(text, all, from.min(fig.span.start), fig.span.start);
        }
        out.push(Some(f));
    }
    // Figures of one class and head with different values in one sentence are
    // items of a list or a contrast ("6.1 mln bags against the old crop and 1.1
    // mln against the new"); a paragraph with many figures of one class is a table.
    let mut per_paragraph: BTreeMap<(usize, &str), usize> = BTreeMap::new();
    for (f, fig) in out.iter().zip(figures) {
        if let Some(f) = f
            && let Some(c) = &f.class
            && f.blocked.is_none()
        {
            *per_paragraph.entry((fig.paragraph, c.as_str())).or_default() += 1;
        }
    }
    let tables: BTreeSet<(usize, String)> = per_paragraph
        .into_iter()
        .filter(|(_, n)| *n >= PARAGRAPH_LIST)
        .map(|((p, c), _)| (p, c.to_string()))
        .collect();
    let mut listed: Vec<usize> = Vec::new();
    let mut start = 0;
    while start < out.len() {
        let sentence = figures[start].sentence;
        let end = (start..out.len())
            .find(|&i| figures[i].sentence != sentence)
            .unwrap_or(out.len());
        for i in start..end {
            let Some(x) = &out[i] else { continue };
            if x.class.is_none() || x.blocked.is_some() {
                continue;
            }
            let contrast = (start..end).any(|j| {
                j != i
                    && out[j].as_ref().is_some_and(|y| {
                        y.class == x.class
                            && y.blocked.is_none()
                            && x.heads.iter().any(|h| y.heads.iter().any(|g| same_word(h, g)))
                            && !agrees(x, y)
                    })
            });
            if contrast {
                listed.push(i);
            }
        }
        start = end;
    }
    for i in listed {
        if let Some(f) = &mut out[i] {
            f.blocked = Some("list");
        }
    }
    for (f, fig) in out.iter_mut().zip(figures) {
        if let Some(f) = f
            && let Some(c) = &f.class
            && f.blocked.is_none()
            && tables.contains(&(fig.paragraph, c.clone()))
        {
            f.blocked = Some("table");
        }
    }
    out
}

/// Bytes before a sentence searched for the name a figure belongs to.
const HOLDER_REACH: usize = 400;

/// The last run of proper names in `text[from..to]` ("Champion Products Inc"), lower case.
fn last_names(text: &str, all: &[Token], from: usize, to: usize) -> Vec<String> {
    let toks = tokens_within(all, Span::new(from, to));
    let name = |i: usize| -> bool {
        let t = &toks[i];
        let w = t.text(text);
        let l = w.to_ascii_lowercase();
        t.kind == TokenKind::Word
            && w.chars().next().is_some_and(char::is_uppercase)
            && w.len() > 1
            && i > 0
            && !matches!(toks[i - 1].text(text), "." | "\"" | "“" | "?" | "!")
            && !MONTHS.contains(&l.as_str())
            && !WEEKDAYS.contains(&l.as_str())
            && !is_stopword(&l)
    };
    let Some(last) = (0..toks.len()).rev().find(|&i| name(i)) else {
        return Vec::new();
    };
    let mut first = last;
    while first > 0 && name(first - 1) {
        first -= 1;
    }
    let mut out: Vec<String> = (first..=last)
        .map(|i| {
            toks[i]
                .text(text)
                .to_lowercase()
                .trim_end_matches("'s")
                .trim_end_matches("’s")
                .to_string()
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

fn frame(s: &Sentence, fig: &Figure) -> Frame {
    let phrase = fig.phrase();
    let a = s.index(phrase.start);
    let b = (s.index(phrase.end.saturating_sub(1)) + 1).max(a + 1);
    let surface = &s.text[fig.span.start..fig.span.end];
    let after = s.lw(b);
    let before = if a > 0 { s.lw(a - 1) } else { "" };

    // The words around the figure, within its clause, up to NEAR content words each side.
    let mut near_idx: Vec<usize> = Vec::new();
    let mut k = a;
    let mut n = 0;
    while k > 0 && n < NEAR {
        k -= 1;
        if s.boundary(k) || s.is_number(k) {
            break;
        }
        if s.content(k) {
            near_idx.push(k);
            n += 1;
        }
    }
    let left_end = k;
    let (mut k, mut n) = (b, 0);
    while k < s.tokens.len() && n < NEAR {
        if s.boundary(k) || s.is_number(k) {
            break;
        }
        if s.content(k) {
            near_idx.push(k);
            n += 1;
        }
        k += 1;
    }
    let mut names: Vec<String> = near_idx
        .iter()
        .filter(|&&i| s.name(i))
        .map(|&i| s.lw(i).trim_end_matches("'s").trim_end_matches("’s").to_string())
        .collect();
    names.sort();
    names.dedup();

    // The periods named nearest the figure: in its clause, else its sentence
    // (else, in `frames_of`, the sentences before it in its paragraph).
    let mut periods = {
        let lo = (a.saturating_sub(8)..a)
            .rev()
            .find(|&i| s.boundary(i))
            .map_or(a.saturating_sub(8), |i| i + 1);
        let hi = (b..(b + 8).min(s.tokens.len()))
            .find(|&i| s.boundary(i))
            .unwrap_or((b + 8).min(s.tokens.len()));
        let p = s.periods_in(lo, hi, a, b);
        if p.is_empty() { s.periods_outside(a, b) } else { p }
    };

    // The clause before the figure: its modality and constructions.
    let clause: Vec<&str> = (left_end..a).map(|i| s.lw(i)).collect();
    // A modal of what ought to or might be, anywhere before it ("should increase the
    // reserve to"), is not what is. ("Would" and "will" are left out: reported speech
    // states a deal's terms with them, "would be valued at 9.50 dlrs a share".)
    let modal = !matches!(fig.kind, FigureKind::Date | FigureKind::Year)
        && (0..a).any(|i| matches!(s.lw(i), "should" | "could" | "might") || (s.lw(i) == "may" && !s.capitalised(i)));
    let modality = if modal || near_idx.iter().any(|&i| i < a && FORECAST.contains(&s.lw(i))) {
        Modality::Forecast
    } else {
        Modality::Actual
    };
    let definite = matches!(before, "the" | "their" | "its" | "his" | "her" | "our") || before.ends_with("'s");
    let mut blocked = None;
    if before == "from" || (a >= 2 && s.lw(a - 2) == "from" && s.lw(a - 1) == "$") {
        blocked = Some("earlier value");
    } else if clause
        .iter()
        .chain(near_idx.iter().map(|&i| s.lw(i)).collect::<Vec<_>>().iter())
        .any(|w| COMPARISON.contains(w))
        || (after == "a" && s.lw(b + 1) == "year" && matches!(s.lw(b + 2), "earlier" | "ago" | "before"))
    {
        blocked = Some("comparison");
    } else if clause.iter().any(|w| matches!(*w, "if" | "unless" | "whether")) && !definite {
        blocked = Some("condition");
    } else if after == "or" || before == "or" || (before == "and" && a >= 2 && s.lw(a - 2) == "between") {
        blocked = Some("option");
    } else if (0..s.tokens.len()).filter(|&i| s.is_number(i)).count() >= TABLE {
        blocked = Some("table");
    } else if before == "at" && fig.unit.is_none() && s.name(b) && {
        // "will live at 2705 Fitzhugh after …": a street number, not a count.
        let mut k = b;
        while s.name(k) {
            k += 1;
        }
        !s.content(k) || s.capitalised(k)
    } {
        blocked = Some("address");
    } else if PARTS.contains(&before)
        || (matches!(before, "the" | "a" | "an") && a >= 2 && PARTS.contains(&s.lw(a - 2)))
    {
        // "the last 10 cases", "another 200", "the first 50": a part, an increment or a rank of items.
        blocked = Some("part");
    }

    // The noun the figure modifies ("a 200-foot tower", "the 5.25 pct cut", "Britain's second atomic submarine").
    let attributive = || -> Option<(usize, String)> {
        let mut k = b;
        let mut head = None;
        while k < s.tokens.len() && k < b + 4 && s.is_word(k) && !s.capitalised(k) && s.content(k) {
            head = Some((k, s.stem(k).to_string()));
            if k > b && s.lw(k).ends_with("ing") && s.lw(k).len() >= 7 {
                head = Some((k - 1, s.stem(k - 1).to_string()));
                break;
            }
            k += 1;
        }
        head
    };
    // With what it is of: "the 5.25 pct cut in the ceiling" → cut, ceiling.
    let attributive_heads = || -> Option<Vec<String>> {
        let (k, h) = attributive()?;
        let mut v = vec![h];
        if matches!(s.lw(k + 1), "in" | "of" | "on") {
            let j = if matches!(s.lw(k + 2), "the" | "its" | "their" | "a") {
                k + 3
            } else {
                k + 2
            };
            if s.content(j) && !s.capitalised(j) {
                v.push(s.stem(j).to_string());
            }
        }
        Some(v)
    };
    // The words that govern it: the first two content words before it, past
    // prepositions, articles, weekdays and auxiliaries ("meeting on March 31",
    // "the value of the preferred offered at"); for a figure that opens its
    // clause ("On May 2, 1986, the company acquired"), the verb after it.
    let governor = || -> Vec<String> {
        let mut out = Vec::new();
        let mut k = a;
        while k > left_end && out.len() < 2 {
            k -= 1;
            if s.content(k) && !WEEKDAYS.contains(&s.lw(k)) && !s.capitalised(k) && !generic(&s.stem(k)) {
                out.push(s.stem(k).to_string());
            } else if s.name(k) || s.lw(k) == "," {
                break;
            }
        }
        // "there will be 4,000 shares": an existential states a total that nothing governs.
        if (0..a).any(|i| s.lw(i) == "there" && matches!(s.lw(i + 1), "is" | "are" | "was" | "were" | "will" | "would"))
        {
            out.clear();
        }
        if out.is_empty()
            && matches!(s.lw(b), ",")
            && let Some(v) = (b + 1..(b + 9).min(s.tokens.len()))
                .find(|&i| s.content(i) && !s.capitalised(i) && s.lw(i).ends_with("ed"))
        {
            out.push(s.stem(v).to_string());
        }
        out
    };
    let person_after = || {
        // "the 185-pound Moritz", "a 208-pound, 6-foot 1-inch senior"
        let mut k = b;
        while k < s.tokens.len()
            && k < b + 8
            && (s.is_number(k) || matches!(s.lw(k), "," | "-") || s.lw(k).ends_with("inch") || s.lw(k) == "foot")
        {
            k += 1;
        }
        (s.name(k) || PERSON_NOUNS.contains(&s.lw(k))).then_some(k)
    };

    let mut class: Option<String> = None;
    let mut heads: Vec<String> = Vec::new();
    let mut mods: Vec<String> = Vec::new();
    let mut subject: Vec<String> = Vec::new();
    let mut named: Vec<String> = Vec::new();
    let mut whole: Option<String> = None;
    let mut possessor: Option<String> = None;
    let mut year_written = false;
    let mut month_day = None;
    let (mut lo, mut hi) = fig.interval();
    let numeric = fig.value.is_some() || fig.min.is_some() || fig.max.is_some();
    match fig.kind {
        // "one post" is a post, rarely a count anyone restates.
        FigureKind::Count if numeric && fig.value != Some(1.0) => {
            if let Some(u) = &fig.unit {
                let u = singular(u);
                heads.push(stem(&u));
                class = Some(format!("count:{u}"));
                let noun = fig.noun.map_or(b, |n| s.index(n.start));
                mods = (s.index(fig.span.end.saturating_sub(1)) + 1..noun)
                    .filter(|&i| s.content(i))
                    .map(|i| s.stem(i).to_string())
                    .collect();
                mods.sort();
            }
        }
        FigureKind::Money if numeric => {
            let currency = fig.unit.clone().unwrap_or_default();
            if currency == "GBP"
                && surface.ends_with("-pound")
                && let Some(p) = person_after()
            {
                // "the 185-pound Moritz": a person's weight, not money.
                class = Some("mass".into());
                lo *= 0.453_592;
                hi *= 0.453_592;
                // The person: the name itself, or the name an appositive gives the noun
                // ("a 208-pound senior from Stamford, Moritz"), not a place after "from".
                let who = if s.name(p) {
                    Some(p)
                } else {
                    (p + 1..(p + 8).min(s.tokens.len()))
                        .find(|&i| s.name(i) && !matches!(s.lw(i - 1), "from" | "of" | "in" | "at"))
                };
                if let Some(w) = who {
                    heads = s.name_run(w);
                    names = heads.clone();
                }
            } else {
                // "8 dlrs a share", "to 8.50 dlrs from 8.00 dlrs a share"
                let mut k = b;
                while k < s.tokens.len()
                    && k < b + 6
                    && (s.is_number(k) || matches!(s.lw(k), "from" | "to" | "dlrs" | "dlr" | "cts" | "$" | "and"))
                {
                    k += 1;
                }
                // "8 dlrs a share", "16.85 dlrs a bbl": a price per unit.
                if s.lw(k) == "for" && s.lw(k + 1) == "each" {
                    k += 1;
                }
                let per = if matches!(s.lw(k), "a" | "per" | "an" | "each") && s.is_word(k + 1) {
                    let u = singular(s.lw(k + 1));
                    format!("/{}", if u == "bbl" { "barrel".to_string() } else { u })
                } else {
                    String::new()
                };
                let change = changes(s, a, left_end, before);
                class = Some(format!("money:{currency}{per}{}", if change { ":change" } else { "" }));
                heads = attributive_heads().unwrap_or_else(governor);
            }
        }
        FigureKind::Percent if numeric => {
            let change = CHANGE.contains(&after) || changes(s, a, left_end, before);
            if after == "of" {
                let j = if matches!(s.lw(b + 1), "the" | "its" | "their" | "a") {
                    b + 2
                } else {
                    b + 1
                };
                whole = s.content(j).then(|| s.stem(j).to_string());
            }
            class = Some(if change { "pct:change".into() } else { "pct".into() });
            heads = attributive_heads().unwrap_or_else(governor);
        }
        FigureKind::Quantity if numeric => match fig.unit.as_deref() {
            Some("year of age") => class = Some("age".into()),
            Some(u) => {
                if let Some((dim, f)) = dimension(u) {
                    class = Some(dim.to_string());
                    lo *= f;
                    hi *= f;
                    heads = if surface.contains('-') {
                        attributive().map(|(_, h)| vec![h]).unwrap_or_default()
                    } else {
                        let mut h = governor();
                        // What rises or measures it: "the tower rises 150 feet", "the tower, which rises 150 feet".
                        if a >= 2 && s.content(a - 1) && !s.capitalised(a - 1) {
                            let mut k = a - 1;
                            if k >= 2 && matches!(s.lw(k - 1), "which" | "that") && s.lw(k - 2) == "," {
                                k -= 2;
                            }
                            if k >= 1 && s.content(k - 1) && !s.capitalised(k - 1) && !generic(&s.stem(k - 1)) {
                                h.push(s.stem(k - 1).to_string());
                            }
                        }
                        h
                    };
                }
            }
            None => {}
        },
        // "in all his 25 years": the possessor's age.
        FigureKind::Duration
            if numeric
                && fig.unit.as_deref() == Some("year")
                && matches!(before, "his" | "her")
                && !matches!(after, "of" | "as" | "in" | "at" | "with") =>
        {
            class = Some("age".into());
        }
        FigureKind::Ordinal if numeric => {
            // Only a rank that belongs to someone: "Britain's second atomic submarine",
            // "their sixth straight defeat"; "the 5th article" numbers items.
            possessor = if before.ends_with("'s") || before.ends_with("’s") {
                Some(before.trim_end_matches("'s").trim_end_matches("’s").to_string())
            } else if matches!(before, "'" | "’") && a >= 2 && s.is_word(a - 2) {
                Some(s.lw(a - 2).to_string())
            } else if matches!(before, "its" | "their" | "his" | "her" | "our") {
                Some("PRONOUN".to_string())
            } else {
                None
            };
            if let Some((k, h)) = attributive()
                .filter(|(_, h)| !generic(h) && !matches!(h.as_str(), "time" | "half" | "quarter" | "round" | "place"))
                && possessor.is_some()
            {
                heads.push(h);
                // The name the rank is given to: "the Dreadnought, Britain's second …", "… submarine, the Dreadnought".
                let pos = if before.ends_with("'s") || before.ends_with("’s") {
                    a - 1
                } else if matches!(before, "'" | "’") {
                    a - 2
                } else {
                    a
                };
                if pos >= 2 && s.lw(pos - 1) == "," && s.name(pos - 2) {
                    named = s.name_run(pos - 2);
                } else if s.lw(k + 1) == "," {
                    let j = if s.lw(k + 2) == "the" { k + 3 } else { k + 2 };
                    if s.name(j) {
                        named = s.name_run(j);
                    }
                }
                // "the sixth straight loss", "the seventh defeat in a row": a streak.
                let streak = (b..k + 1).any(|i| matches!(s.lw(i), "straight" | "consecutive" | "successive"))
                    || (s.lw(k + 1) == "in" && s.lw(k + 2) == "a" && s.lw(k + 3) == "row");
                if streak {
                    heads.push("streak".to_string());
                }
                class = Some("rank".into());
            }
        }
        FigureKind::Year | FigureKind::Date if surface.bytes().any(|c| c.is_ascii_digit()) => {
            if let Some((x, y)) = date_interval(fig) {
                lo = x;
                hi = y;
                class = Some("when".into());
                heads = attributive_heads().unwrap_or_else(governor);
                year_written = surface.as_bytes().windows(4).any(|w| w.iter().all(u8::is_ascii_digit));
                if fig.grain == Some(crate::extract::Grain::Day) {
                    month_day = fig.date.map(|d| {
                        use chrono::Datelike;
                        (d.month(), d.day())
                    });
                }
                subject = event_subject(s, a, left_end);
                // "the quarter ended March 31": the end of a reporting period, not an event.
                if blocked.is_none() && heads.iter().any(|h| matches!(h.as_str(), "end" | "ended" | "ending")) {
                    blocked = Some("period");
                }
                // "the act of March 3, 1893", "a treaty dated 1795", "approved May 2": a date that names a document.
                if blocked.is_none()
                    && ((before == "of" && !(a >= 2 && s.lw(a - 2) == "as"))
                        || matches!(before, "dated" | "approved")
                        || (before == "the" && a >= 2 && s.lw(a - 2) == "of"))
                {
                    blocked = Some("name");
                }
                periods.clear();
            }
        }
        _ => {}
    }
    if class.as_deref() == Some("age") {
        // Whose age: the name before ("Player, the 27-year-old …", "Lopez, 54,"), or for
        // "his 25 years" the name the sentence opens with.
        // "his 36-year-old wife, Mary": the relative the noun names, not the possessor.
        let appositive = a >= 2 && matches!(before, "the" | "a" | ",") && (s.lw(a - 1) == "," || s.lw(a - 2) == ",");
        let relative = matches!(before, "his" | "her" | "their") && s.content(b) && !s.capitalised(b);
        let holder = if relative {
            (b + 1..(b + 4).min(s.tokens.len())).find(|&i| s.name(i) && s.lw(i - 1) == ",")
        } else if matches!(before, "his" | "her") {
            (0..a).find(|&i| s.opening_name(i))
        } else if appositive || !s.name(b) {
            (0..a)
                .rev()
                .find(|&i| s.opening_name(i))
                .or_else(|| (b..s.tokens.len()).find(|&i| s.name(i)))
        } else {
            Some(b)
        };
        names = holder.map(|i| s.name_run(i)).unwrap_or_default();
        if relative && names.is_empty() {
            names = vec![s.stem(b).to_string()];
        }
        heads = names.clone();
    }
    // Rounding: "1.5 million" stands for 1.45–1.55 million.
    if matches!(fig.kind, FigureKind::Money | FigureKind::Count)
        && !fig.approximate
        && fig.min == fig.value
        && fig.max == fig.value
        && let Some(v) = fig.value
        && scaled(s.text, fig.span)
    {
        let half = super::half_last_digit(v);
        lo -= half;
        hi += half;
    }
    heads.retain(|h| !generic(h));
    // "four other counties", "two more cases": a part or an increment, not the whole.
    let increment = |w: &str| {
        matches!(
            w,
            "other" | "more" | "additional" | "another" | "remaining" | "extra" | "further" | "new"
        )
    };
    let number_end = s.index(fig.span.end.saturating_sub(1)) + 1;
    let noun = fig.noun.map_or(number_end, |n| s.index(n.start));
    if blocked.is_none() && (increment(before) || (number_end..noun).any(|i| increment(s.lw(i)))) {
        blocked = Some("part");
    }
    Frame {
        class,
        interval: (lo, hi),
        govs: governs(s, &governor, fig, b),
        places: clause_places(s, a, b),
        holder: clause_holder(s, a),
        named,
        subject,
        whole,
        heads,
        mods,
        possessor,
        year_written,
        month_day,
        names,
        own: (a, b),
        periods,
        modality,
        blocked,
        sentence: fig.sentence,
    }
}

/// The words that govern a figure: those before it, and a participle after it
/// or its noun ("the nine cases scheduled for trial", "400 police were deployed").
fn governs(s: &Sentence, governor: &dyn Fn() -> Vec<String>, fig: &Figure, b: usize) -> Vec<String> {
    let _ = fig;
    let mut out = governor();
    let mut k = b;
    while matches!(
        s.lw(k),
        "were" | "was" | "are" | "is" | "have" | "has" | "had" | "been" | "be" | "being"
    ) {
        k += 1;
    }
    if s.content(k) && !s.capitalised(k) && s.lw(k).ends_with("ed") {
        out.push(s.stem(k).to_string());
    }
    out.retain(|g| !generic(g));
    out
}

/// What a dated event happened to: the noun before its verb ("the club was
/// founded in 1888" → club; "a mill founded in 1790" → mill; "Nolex completed
/// the acquisition in 1984" → nolex).
fn event_subject(s: &Sentence, a: usize, left_end: usize) -> Vec<String> {
    // The verb: the nearest word before the date ending in -ed.
    let Some(v) = (left_end..a)
        .rev()
        .find(|&i| s.content(i) && !s.capitalised(i) && s.lw(i).ends_with("ed"))
    else {
        return Vec::new();
    };
    let mut k = v;
    while k > 0
        && matches!(
            s.lw(k - 1),
            "was" | "were" | "is" | "are" | "been" | "has" | "have" | "had" | "be" | "being"
        )
    {
        k -= 1;
    }
    if k == 0 {
        return Vec::new();
    }
    let mut n = k - 1;
    // "A second bridge, 300 metres long, opened": the noun before the parenthetical.
    if s.lw(n) == ","
        && let Some(c) = (left_end.saturating_sub(12)..n).rev().find(|&i| s.lw(i) == ",")
        && c > 0
    {
        n = c - 1;
    }
    if s.opening_name(n) {
        s.name_run(n)
    } else if s.content(n) && !generic(&s.stem(n)) {
        vec![s.stem(n).to_string()]
    } else {
        Vec::new()
    }
}

/// The places a figure's clause names after a locative preposition ("a $500
/// reward was offered by the local in Kansas City" → kansas, city), lower case, sorted.
fn clause_places(s: &Sentence, a: usize, b: usize) -> Vec<String> {
    let ends = |i: usize| s.boundary(i) || s.lw(i) == ",";
    let lo = (0..a).rev().find(|&i| ends(i)).map_or(0, |i| i + 1);
    let hi = (b..s.tokens.len()).find(|&i| ends(i)).unwrap_or(s.tokens.len());
    let mut out = Vec::new();
    for i in lo..hi {
        if !matches!(s.lw(i), "in" | "at" | "near" | "inside" | "outside") {
            continue;
        }
        let mut k = i + 1;
        if s.lw(k) == "the" {
            k += 1;
        }
        while k < hi && s.name(k) {
            out.push(s.lw(k).to_string());
            k += 1;
        }
    }
    out.sort();
    out.dedup();
    out
}

/// The name a figure's clause opens with when the figure is its object:
/// "Colorado has a 2% sales tax", "Denver itself collects a 1% tax".
fn clause_holder(s: &Sentence, a: usize) -> Vec<String> {
    let mut k = a;
    while k > 0 && matches!(s.lw(k - 1), "a" | "an" | "the") {
        k -= 1;
    }
    // One verb, then at most two auxiliaries or reflexives, then the name.
    if k == 0
        || !s.is_word(k - 1)
        || s.capitalised(k - 1)
        || is_stopword(s.lw(k - 1)) && !matches!(s.lw(k - 1), "has" | "have" | "had")
    {
        return Vec::new();
    }
    k -= 1;
    for _ in 0..2 {
        if k > 0
            && matches!(
                s.lw(k - 1),
                "itself" | "also" | "now" | "will" | "would" | "has" | "had" | "already" | "still"
            )
        {
            k -= 1;
        }
    }
    // "Rovers scored 84 goals": a capitalised word that opens the sentence before its verb is a name too.
    let opener = k == 1 && s.capitalised(0) && !is_stopword(s.lw(0));
    if k > 0 && (s.opening_name(k - 1) || opener) {
        s.name_run(k - 1)
    } else {
        Vec::new()
    }
}

/// Whether a figure states a change rather than a level: "raised by 1.50 dlrs",
/// "by 1.50 dlrs a share and 1.50 dlrs in securities", "reduced its price one dlr"
/// (but "reduced to 16.85 dlrs" is the new level, "from 18 dlrs" the old).
fn changes(s: &Sentence, a: usize, left_end: usize, before: &str) -> bool {
    if before == "by" {
        return true;
    }
    if matches!(before, "to" | "at" | "from" | "of") {
        return false;
    }
    let _ = left_end;
    let lo = (a.saturating_sub(16)..a)
        .rev()
        .find(|&i| s.boundary(i))
        .map_or(a.saturating_sub(16), |i| i + 1);
    // "by 1.50 dlrs a share cash and 1.50 dlrs": coordinated with a change.
    if let Some(by) = (lo..a).rev().find(|&i| s.lw(i) == "by")
        && (by..a).any(|i| s.is_number(i))
        && matches!(before, "and" | ",")
    {
        return true;
    }
    (lo..a).any(|i| CHANGE.contains(&s.lw(i)) && !matches!(s.lw(i), "by" | "up" | "down"))
}

/// Whether two figures of one frame allow a common value. A date with no
/// year written is compared by month and day only with one whose year is written.
fn agrees(x: &Frame, y: &Frame) -> bool {
    if x.class.as_deref() == Some("when") && x.year_written != y.year_written {
        let (Some(a), Some(b)) = (x.month_day, y.month_day) else {
            return true;
        };
        return a == b;
    }
    super::overlaps_with_slack(x.interval, y.interval)
}

/// The stems of the content words of a figure's sentence outside its own
/// phrase (names included, generic words not), sorted, once each.
fn sentence_words(text: &str, all: &[Token], f: &Frame) -> Vec<Stem> {
    let s = Sentence::new(text, f.sentence, all);
    let (a, b) = f.own;
    let mut words: Vec<Stem> = (0..s.tokens.len())
        .filter(|&i| (i < a || i >= b) && s.content(i))
        .map(|i| s.stem(i))
        .filter(|w| !generic(w))
        .collect();
    words.sort();
    words.dedup();
    words
}

/// Whether two stemmed heads name one thing: equal, or one word in two
/// derivations ("acquisition", "acquired").
fn same_word(x: &str, y: &str) -> bool {
    x == y || (x.len() >= 6 && y.len() >= 6 && x.as_bytes()[..5] == y.as_bytes()[..5])
}

/// The key a head is bucketed under: its first five letters (see [`same_word`]).
fn bucket(h: &str) -> &str {
    let mut end = h.len().min(5);
    while !h.is_char_boundary(end) {
        end -= 1;
    }
    &h[..end]
}

/// Why two figures of one article are one quantity, in words; `None` when they are not.
/// `words` gives the two figures' sentence words ([`sentence_words`]), asked
/// for only when everything else ties them.
pub(super) fn link(x: &Frame, y: &Frame, words: impl FnOnce() -> (Vec<Stem>, Vec<Stem>)) -> Option<(usize, String)> {
    if x.class.is_none() || x.class != y.class || x.sentence == y.sentence || x.distinct(y) {
        return None;
    }
    // Different modifiers of one counted noun: "three elementary schools", "two junior high schools".
    if !x.mods.is_empty() && !y.mods.is_empty() && !shares(&x.mods, &y.mods) {
        return None;
    }
    // Two people's tallies ("Player … 12 pars", "Palmer … 13 pars"); the key
    // path, which knows its subject, does not need this.
    if x.class.as_deref().is_some_and(|c| c.starts_with("count:"))
        && !x.names.is_empty()
        && !y.names.is_empty()
        && !nested(&x.names, &y.names)
    {
        return None;
    }
    let head = x.heads.iter().find(|h| y.heads.iter().any(|g| same_word(h, g)))?;
    let what = x.class.as_deref().unwrap_or("");
    if matches!(what, "age" | "mass") {
        // A person has one age and one weight.
        let w = if what == "age" { "age" } else { "weight" };
        return Some((1, format!("both give the {w} of “{head}”")));
    }
    // A count is tied by what is done to the things counted too: "the nine cases scheduled", "scheduled to hear seven cases".
    if what.starts_with("count:") && !x.govs.iter().any(|g| y.govs.iter().any(|h| same_word(g, h))) {
        return None;
    }
    // A rank belongs to its holder: "Britain's second submarine", "the world's first".
    if what == "rank" {
        match (&x.possessor, &y.possessor) {
            (Some(p), Some(q)) if p == q || p == "PRONOUN" || q == "PRONOUN" => {}
            _ => return None,
        }
        // "her second straight victory" and "their sixth straight defeat" are two
        // holders' streaks when the names before them differ.
        let pronoun = x.possessor.as_deref() == Some("PRONOUN") || y.possessor.as_deref() == Some("PRONOUN");
        if pronoun && !x.names.is_empty() && !y.names.is_empty() && !nested(&x.names, &y.names) {
            return None;
        }
        // "his second shot" and "his first shot" are two shots: a rank is one
        // thing's only when both give it to one name, or both are a current streak.
        let streak = x.heads.iter().any(|h| h == "streak") && y.heads.iter().any(|h| h == "streak");
        if !streak && (x.named.is_empty() || y.named.is_empty() || !nested(&x.named, &y.named)) {
            return None;
        }
    }
    let (xw, yw) = words();
    let shared: Vec<&str> = common(&xw, &yw).into_iter().filter(|w| !same_word(w, head)).collect();
    if shared.len() + 1 < MIN_SHARED_WORDS {
        return None;
    }
    Some((
        shared.len(),
        format!(
            "both are figures of “{head}” and their sentences share “{}”",
            shared.iter().take(4).copied().collect::<Vec<_>>().join("”, “")
        ),
    ))
}

/// The figures of one article that contradict another figure of the same
/// frame: (flagged, counterpart, why), each figure flagged once.
/// `text` and `all` are the article's text and tokens.
pub(super) fn conflicts(frames: &[Option<Frame>], text: &str, all: &[Token]) -> Vec<(usize, usize, String)> {
    // Bucketed by class and head: only figures that share one are compared.
    let mut postings: BTreeMap<(&str, &str), Vec<usize>> = BTreeMap::new();
    for (i, f) in frames.iter().enumerate() {
        let Some(f) = f else { continue };
        let Some(c) = f.class.as_deref() else { continue };
        if f.blocked.is_some() {
            continue;
        }
        for h in &f.heads {
            let list = postings.entry((c, bucket(h))).or_default();
            if list.last() != Some(&i) {
                list.push(i);
            }
        }
    }
    let mut pairs: BTreeSet<(usize, usize)> = BTreeSet::new();
    for list in postings.values().filter(|l| l.len() <= MAX_POSTING) {
        for (p, &i) in list.iter().enumerate() {
            for &j in &list[p + 1..] {
                pairs.insert((i, j));
            }
        }
    }
    let frame = |i: usize| frames[i].as_ref().expect("posted frames exist");
    let mut words: BTreeMap<usize, Vec<Stem>> = BTreeMap::new();
    let mut words_of = |i: usize| {
        words
            .entry(i)
            .or_insert_with(|| sentence_words(text, all, frame(i)))
            .clone()
    };
    let mut links: Vec<(usize, usize, bool, usize, String)> = Vec::new();
    for (i, j) in pairs {
        let (x, y) = (frame(i), frame(j));
        if let Some((score, why)) = link(x, y, || (words_of(i), words_of(j))) {
            let agree = agrees(x, y);
            links.push((i, j, agree, score, why));
        }
    }
    // Support: a figure and the linked figures that agree with it.
    let mut support: BTreeMap<usize, usize> = BTreeMap::new();
    for &(i, j, agree, _, _) in &links {
        let inc = usize::from(agree);
        *support.entry(i).or_insert(1) += inc;
        *support.entry(j).or_insert(1) += inc;
    }
    // Each figure in doubt, against the figure it is most closely tied to.
    let mut flagged: BTreeMap<usize, (usize, usize, String)> = BTreeMap::new();
    for (i, j, agree, score, why) in links {
        if agree {
            continue;
        }
        // The figure with less support is the one in doubt; on a tie, the later one.
        let (si, sj) = (support[&i], support[&j]);
        let (bad, good) = if si < sj { (i, j) } else { (j, i) };
        let e = flagged.entry(bad).or_insert((good, score, why.clone()));
        if score > e.1 {
            *e = (good, score, why);
        }
    }
    // A figure that is itself the counterpart of a flagged one is not flagged too.
    let counterparts: BTreeSet<usize> = flagged.values().map(|(g, _, _)| *g).collect();
    flagged
        .into_iter()
        .filter(|(bad, (good, _, _))| !counterparts.contains(bad) || bad > good)
        .map(|(bad, (good, _, why))| (bad, good, why))
        .collect()
}
