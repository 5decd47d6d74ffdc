//! Text primitives shared by every stage: byte spans, line/column lookup,
//! tokens, sentence boundaries and a light English stemmer.
//!
//! Everything here works on byte offsets into the original article text, so a
//! span found anywhere in the pipeline can be quoted and located exactly.

use serde::Serialize;

/// A half-open byte range `[start, end)` into an article's original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
    pub fn shift(self, by: usize) -> Span {
        Span::new(self.start + by, self.end + by)
    }
}

/// Bytes between two character-count checkpoints of a `LineIndex`: a column
/// is counted from the nearest checkpoint, not from the line's start, so a
/// finding on a long line costs at most this much (counting from the line
/// start made every finding on a one-line megabyte linear, issue 25).
const CHECKPOINT: usize = 4096;

/// Maps byte offsets to 1-based line and character columns.
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// `chars_at[k]`: the characters in the text's first `k * CHECKPOINT` bytes.
    chars_at: Vec<usize>,
}

#[cfg(test)]
thread_local! {
    /// Bytes `LineIndex::chars_before` has looked at on this thread (the tests' work counter).
    static BYTES_COUNTED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// The characters in `bytes` (valid UTF-8 cut anywhere): the bytes that start one.
fn char_starts(bytes: &[u8]) -> usize {
    #[cfg(test)]
    BYTES_COUNTED.with(|c| c.set(c.get() + bytes.len()));
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr_newlines(text).map(|i| i + 1));
        let chars_at = std::iter::once(0)
            .chain(text.as_bytes().chunks(CHECKPOINT).scan(0, |n, chunk| {
                *n += char_starts(chunk);
                Some(*n)
            }))
            .collect();
        LineIndex { starts, chars_at }
    }

    /// The characters in `text[..offset]`, counted from the checkpoint before it.
    fn chars_before(&self, text: &str, offset: usize) -> usize {
        let k = (offset / CHECKPOINT).min(self.chars_at.len().saturating_sub(1));
        let base = self.chars_at.get(k).copied().unwrap_or(0);
        base + char_starts(&text.as_bytes()[k * CHECKPOINT..offset])
    }

    /// 0-based line (split on `\n`) that holds `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        }
    }

    /// Byte offset where 0-based `line` starts (the text's length past the last line).
    pub fn line_start(&self, line: usize) -> usize {
        self.starts[line]
    }

    /// 1-based line and 1-based column (in characters) of `offset`.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = self.line_of(offset);
        let start = self.starts[line];
        let offset = offset.min(text.len());
        debug_assert!(text.is_char_boundary(offset));
        // A short way into its line: count from the line's start (most findings);
        // far into a long line: from the checkpoints, never more than 2 × CHECKPOINT bytes.
        let chars = if offset - start <= CHECKPOINT {
            char_starts(&text.as_bytes()[start..offset])
        } else {
            self.chars_before(text, offset) - self.chars_before(text, start)
        };
        let col = chars + 1;
        (line + 1, col)
    }

    /// Byte span of 1-based `line` without its line terminator.
    pub fn line_span(&self, text: &str, line: usize) -> Option<Span> {
        let start = *self.starts.get(line.checked_sub(1)?)?;
        if start > text.len() || (start == text.len() && line > 1) {
            return None;
        }
        let mut end = self.starts.get(line).map_or(text.len(), |&s| s - 1);
        if end > start && text.as_bytes()[end - 1] == b'\r' {
            end -= 1;
        }
        Some(Span::new(start, end))
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }
}

fn memchr_newlines(text: &str) -> impl Iterator<Item = usize> + '_ {
    memchr::memchr_iter(b'\n', text.as_bytes())
}

/// The kinds of token the extractor reasons about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, with inner apostrophes, periods of acronyms ("U.S.") excluded.
    Word,
    /// Digits with inner `,` or `.` separators ("1,000", "3.5").
    Number,
    /// Any other single non-space character.
    Punct,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    pub span: Span,
    /// No whitespace between the previous token and this one.
    pub glued: bool,
}

impl Token {
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        &source[self.span.start..self.span.end]
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// The character at byte `i` of `s` and its length; ASCII without decoding.
#[inline]
fn char_at(s: &str, i: usize) -> (char, usize) {
    let b = s.as_bytes()[i];
    if b < 0x80 {
        (b as char, 1)
    } else {
        let c = s[i..].chars().next().unwrap_or('\u{fffd}');
        (c, c.len_utf8())
    }
}

/// Splits `text[span]` into tokens with absolute spans. One pass, no allocation
/// besides the output vector; ASCII is read byte by byte.
pub fn tokenize_into(text: &str, span: Span, out: &mut Vec<Token>) {
    let s = &text[span.start..span.end];
    let b = s.as_bytes();
    let mut i = 0;
    let mut prev_end: Option<usize> = None;
    while i < b.len() {
        let (c, clen) = char_at(s, i);
        if c.is_whitespace() {
            prev_end = None;
            i += clen;
            continue;
        }
        let start = i;
        let mut end = i + clen;
        let kind = if c.is_alphabetic() {
            while end < b.len() {
                if b[end].is_ascii_alphabetic() {
                    end += 1;
                    continue;
                }
                let (d, dlen) = char_at(s, end);
                if d.is_alphabetic() {
                    end += dlen;
                } else if is_apostrophe(d) && end + dlen < b.len() && char_at(s, end + dlen).0.is_alphabetic() {
                    // Keep "Kenya’s", "don't" as one word; a trailing quote is punctuation.
                    end += dlen;
                } else {
                    break;
                }
            }
            TokenKind::Word
        } else if c.is_ascii_digit() {
            while end < b.len() {
                let d = b[end];
                let separator = (d == b',' || d == b'.') && b.get(end + 1).is_some_and(u8::is_ascii_digit);
                if d.is_ascii_digit() || separator {
                    end += 1;
                } else {
                    break;
                }
            }
            TokenKind::Number
        } else {
            TokenKind::Punct
        };
        out.push(Token {
            kind,
            span: Span::new(span.start + start, span.start + end),
            glued: prev_end == Some(start),
        });
        prev_end = Some(end);
        i = end;
    }
}

pub fn tokenize(text: &str, span: Span) -> Vec<Token> {
    // English prose has a token every five or six bytes: one allocation, mostly.
    let mut v = Vec::with_capacity((span.end - span.start) / 5);
    tokenize_into(text, span, &mut v);
    v
}

/// The tokens of a whole-text tokenization that lie within `span`: the
/// tokens of a paragraph or a sentence without tokenizing it again. Spans
/// that start and end at whitespace or punctuation (paragraphs, sentences,
/// lines) give the same tokens as [`tokenize`], except that the first one
/// may be marked `glued` to what comes before the span.
pub fn tokens_within(tokens: &[Token], span: Span) -> &[Token] {
    let from = tokens.partition_point(|t| t.span.start < span.start);
    let len = tokens[from..].partition_point(|t| t.span.end <= span.end);
    &tokens[from..from + len]
}

/// Abbreviations after which a period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "cmdr", "adm", "maj",
    "st", "ste", "no", "nos", "vs", "etc", "inc", "corp", "ltd", "co", "jr", "sr", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "fig", "approx", "est", "dept", "univ", "ave", "blvd", "mt",
    "ft", "pres", "rev", "hon", "messrs", "e.g", "i.e", "a.m", "p.m", "al",
];

/// Words that, capitalised after a dotted acronym ("U.S."), do start a new sentence.
const SENTENCE_STARTERS: &[&str] = &[
    "The", "A", "An", "But", "And", "In", "It", "He", "She", "They", "We", "This", "That", "However", "Its", "His",
    "Her", "Their", "There", "On", "At", "For", "After", "I",
];

/// The byte offset just after the last character of `text` matching `pred`
/// (0 when none does): the start of the trailing run that does not match.
/// A news agency's sign-off closing a story ("… the bank said. REUTER", or
/// "REUTER" alone on the last line): a credit line, not a sentence. Returns
/// the byte offset in `text` where the sign-off starts.
pub fn wire_signoff(text: &str) -> Option<usize> {
    const AGENCIES: &[&str] = &["REUTER", "REUTERS", "Reuter", "Reuters", "AP", "AFP", "UPI"];
    let t = text.trim_end();
    let start = after_last(t, char::is_whitespace);
    let word = &t[start..];
    if !AGENCIES.contains(&word) {
        return None;
    }
    let before = t[..start].trim_end();
    (before.is_empty() || before.ends_with(['.', '!', '?', '"', '”', '’', ')'])).then_some(start)
}

pub fn after_last(text: &str, pred: impl Fn(char) -> bool) -> usize {
    text.char_indices()
        .rev()
        .find(|&(_, c)| pred(c))
        .map_or(0, |(p, c)| p + c.len_utf8())
}

/// Sentence spans within `text[span]`. Survives "U.S.", "Mr.", "No. 5", "3.5",
/// initials ("Lina M. Khan"), closing quotes and curly apostrophes.
pub fn split_sentences(text: &str, span: Span) -> Vec<Span> {
    let mut out = Vec::new();
    split_sentences_into(text, span, &mut out);
    out
}

/// [`split_sentences`], appending to `out` (an article's sentences in one vector).
pub fn split_sentences_into(text: &str, span: Span, out: &mut Vec<Span>) {
    let s = &text[span.start..span.end];
    let b = s.as_bytes();
    let mut start = 0usize;
    let mut i = 0usize;
    // Jumps from one terminator to the next: most bytes are not one.
    while let Some(at) = memchr::memchr3(b'.', b'!', b'?', &b[i..]) {
        i += at;
        let c = b[i];
        // Swallow runs of terminators ("...", "?!") and closing quotes/brackets.
        let mut end = i + 1;
        while end < b.len() && matches!(b[end], b'.' | b'!' | b'?') {
            end += 1;
        }
        loop {
            let rest = &s[end..];
            let closing = rest
                .chars()
                .next()
                .filter(|ch| matches!(ch, '"' | '\'' | '”' | '’' | ')' | ']'));
            match closing {
                Some(ch) => end += ch.len_utf8(),
                None => break,
            }
        }
        let rest = &s[end..];
        let ws = rest.len() - rest.trim_start().len();
        let next = rest.trim_start();
        if ws > 0 && !next.is_empty() && is_boundary(s, start, i, c, next) {
            push_trimmed(out, s, span.start, start, end);
            start = end + ws;
        }
        i = end;
    }
    push_trimmed(out, s, span.start, start, s.len());
}

fn push_trimmed(out: &mut Vec<Span>, s: &str, base: usize, start: usize, end: usize) {
    let piece = &s[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if start + lead < end - trail {
        out.push(Span::new(base + start + lead, base + end - trail));
    }
}

fn is_boundary(s: &str, sentence_start: usize, dot: usize, term: u8, next: &str) -> bool {
    let first = next.chars().next().unwrap_or(' ');
    let starts_ok = first.is_uppercase()
        || first.is_ascii_digit()
        || matches!(first, '"' | '“' | '‘' | '\'' | '(' | '[' | '—' | '–');
    if !starts_ok {
        return false;
    }
    if term != b'.' {
        return true;
    }
    // The word before the period.
    let before = &s[..dot];
    let word_start = before
        .rfind(|ch: char| ch.is_whitespace() || matches!(ch, '(' | '"' | '“'))
        .map_or(0, |p| p + before[p..].chars().next().map_or(1, |c| c.len_utf8()));
    let word = &before[word_start..];
    if word.is_empty() {
        return true;
    }
    // A list number opening the text ("1. WATCH: …") is not a sentence.
    if word_start <= sentence_start && word.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let lower = word.to_lowercase();
    let lower = lower.trim_start_matches(|c: char| !c.is_alphanumeric());
    // A single capital letter: an initial ("Lina M. Khan").
    if word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase()) {
        return false;
    }
    if lower == "no" || lower == "nos" {
        return !first.is_ascii_digit();
    }
    if ABBREVIATIONS.contains(&lower) {
        return false;
    }
    // Dotted acronyms ("U.S.", "U.N."): a boundary only before a typical sentence opener.
    if word.contains('.') && word.chars().filter(|c| c.is_alphabetic()).count() <= 4 {
        let next_word: String = next.chars().take_while(|c| c.is_alphabetic()).collect();
        return SENTENCE_STARTERS.contains(&next_word.as_str());
    }
    true
}

/// A light suffix-stripping stemmer so that cue words match their inflections:
/// deploy / deployed / deploying / deployment; offer / offered / offers.
pub fn stem(word: &str) -> String {
    let mut w = String::with_capacity(word.len());
    stem_into(word, &mut w);
    w
}

/// Writes the stem of `word` into `w` (cleared first), so hot loops can
/// reuse one buffer.
pub fn stem_into(word: &str, w: &mut String) {
    lower_into(word, w);
    stem_lowercase(w);
}

/// Writes `word` in lower case into `w` (cleared first).
pub fn lower_into(word: &str, w: &mut String) {
    w.clear();
    if word.is_ascii() {
        w.push_str(word);
        w.make_ascii_lowercase();
    } else {
        w.extend(word.chars().flat_map(char::to_lowercase));
    }
}

/// Stems, in place, a word already in lower case (see [`stem_into`]).
pub fn stem_lowercase(w: &mut String) {
    if w.ends_with("’s") || w.ends_with("'s") {
        let cut = if w.ends_with("’s") { 4 } else { 2 };
        w.truncate(w.len() - cut);
    }
    for suffix in ["ments", "ment", "ings", "ing", "ied", "ies", "ed", "es", "s", "al"] {
        if w.len() >= suffix.len() + 3 && ends_with_bytes(w.as_bytes(), suffix.as_bytes()) {
            let base_len = w.len() - suffix.len();
            if suffix == "s" && (w.ends_with("ss") || w.ends_with("us") || w.ends_with("is")) {
                continue;
            }
            w.truncate(base_len);
            if suffix == "ied" || suffix == "ies" {
                w.push('y');
            }
            break;
        }
    }
    if w.len() > 3 && w.ends_with('e') {
        w.pop();
    }
    // Undouble a final consonant left by -ed/-ing ("committed" → "commit").
    let bytes = w.as_bytes();
    if bytes.len() > 3 {
        let n = bytes.len();
        if bytes[n - 1] == bytes[n - 2] && !b"aeiouls".contains(&bytes[n - 1]) {
            w.pop();
        }
    }
}

/// `word.ends_with(suffix)` compared byte by byte from the end. In the
/// stemmer's loop over its suffixes `ends_with` calls memcmp every time;
/// this mostly stops at the last byte.
fn ends_with_bytes(word: &[u8], suffix: &[u8]) -> bool {
    word.len() >= suffix.len() && word.iter().rev().zip(suffix.iter().rev()).all(|(a, b)| a == b)
}

/// Common English function words; not "meaningful vocabulary".
pub const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "even",
    "ever",
    "every",
    "few",
    "first",
    "for",
    "from",
    "further",
    "get",
    "got",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "last",
    "like",
    "made",
    "make",
    "many",
    "may",
    "me",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "myself",
    "new",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "out",
    "over",
    "own",
    "per",
    "said",
    "same",
    "say",
    "says",
    "see",
    "she",
    "should",
    "since",
    "so",
    "some",
    "still",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "two",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "was",
    "we",
    "week",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "year",
    "years",
    "yet",
    "you",
    "your",
    "yours",
    "told",
    "according",
    "including",
    "among",
    "around",
    "across",
    "already",
    "another",
    "away",
    "back",
    "day",
    "days",
    "don’t",
    "it’s",
    "we’re",
    "they’re",
    "there’s",
    "that’s",
    "i’ve",
    "we’ve",
    "let",
    "well",
    "way",
    "take",
    "time",
    "put",
    "use",
    "used",
    "want",
    "wants",
    "look",
    "looks",
    "know",
    "think",
    "going",
    "come",
    "comes",
    "give",
    "next",
    "today",
    "tuesday",
    "monday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "month",
    "months",
    "set",
    "help",
    "work",
];

/// Whether a lower-case word is a stop word. O(1): sets built once.
pub fn is_stopword(lower: &str) -> bool {
    static SET: std::sync::OnceLock<WordSet> = std::sync::OnceLock::new();
    SET.get_or_init(|| WordSet::new(STOPWORDS)).contains(lower)
}

/// A fixed set of words for lookups in hot loops (stop words, function
/// words): a word of up to eight bytes is hashed and compared as one
/// integer, in the set of its length; the few longer ones are listed.
pub struct WordSet {
    by_length: [rustc_hash::FxHashSet<u64>; 9],
    longer: Vec<Box<str>>,
}

impl WordSet {
    pub fn new<S: AsRef<str>>(words: impl IntoIterator<Item = S>) -> WordSet {
        let mut set = WordSet {
            by_length: Default::default(),
            longer: Vec::new(),
        };
        for w in words {
            let w = w.as_ref();
            match set.by_length.get_mut(w.len()) {
                Some(short) => {
                    short.insert(pack_le(w.as_bytes()));
                }
                None => set.longer.push(w.into()),
            }
        }
        set
    }

    pub fn contains(&self, word: &str) -> bool {
        match self.by_length.get(word.len()) {
            Some(short) => short.contains(&pack_le(word.as_bytes())),
            None => self.longer.iter().any(|w| &**w == word),
        }
    }

    /// Whether the ASCII `word`, lower-cased, is in the set, without
    /// copying it: the packed integer is lower-cased instead.
    pub fn contains_ascii_any_case(&self, word: &str) -> bool {
        debug_assert!(word.is_ascii());
        match self.by_length.get(word.len()) {
            Some(short) => short.contains(&ascii_lowercase_packed(pack_le(word.as_bytes()))),
            None => self.longer.iter().any(|w| w.eq_ignore_ascii_case(word)),
        }
    }
}

/// A packed ASCII word (see [`pack_le`]) in lower case: 0x20 added to each
/// byte in `A..=Z`, all bytes at once.
fn ascii_lowercase_packed(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    // Every byte is below 0x80, so these sums never carry into the next byte;
    // a byte's top bit then tells whether it was at least `A`, or above `Z`.
    let at_least_a = x + ONES * u64::from(0x80 - b'A');
    let above_z = x + ONES * u64::from(0x80 - b'Z' - 1);
    let upper = at_least_a & !above_z & (ONES * 0x80);
    x | upper >> 2
}

/// Up to eight bytes as a little-endian integer, zero-padded: distinct for
/// distinct byte strings of one length. Two overlapping loads, no loop.
fn pack_le(b: &[u8]) -> u64 {
    let n = b.len();
    debug_assert!(n <= 8);
    let load = |at: usize, width: usize| b[at..at + width].iter().rev().fold(0u64, |v, &x| v << 8 | u64::from(x));
    if n >= 4 {
        load(0, 4) | load(n - 4, 4) << ((n - 4) * 8)
    } else if n >= 2 {
        load(0, 2) | load(n - 2, 2) << ((n - 2) * 8)
    } else {
        load(0, n)
    }
}

/// Calls `f` with the lower-case form of `word`, without allocating for
/// short ASCII words (the common case in hot loops).
pub fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 24];
    if word.len() <= buf.len() && word.is_ascii() {
        let b = &mut buf[..word.len()];
        b.copy_from_slice(word.as_bytes());
        b.make_ascii_lowercase();
        // ASCII lower-casing keeps the bytes valid UTF-8.
        f(std::str::from_utf8(b).unwrap_or(word))
    } else {
        f(&word.to_lowercase())
    }
}

/// Whether a word in any case is a stop word, without allocating.
pub fn is_stopword_any_case(word: &str) -> bool {
    with_lowercase(word, is_stopword)
}

/// Hashed stems of the content words of `text` (see [`content_stems_within`]).
pub fn content_stems(text: &str) -> Vec<u64> {
    let tokens = tokenize(text, Span::new(0, text.len()));
    let mut buf = String::new();
    content_stems_within(text, &tokens, &mut buf).collect()
}

/// The hashed stems of the content words among `tokens` (of `text`): words
/// of three characters or more that are not stop words. `buf` is scratch.
pub fn content_stems_within<'a>(
    text: &'a str,
    tokens: &'a [Token],
    buf: &'a mut String,
) -> impl Iterator<Item = u64> + 'a {
    use std::hash::BuildHasher;
    tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| t.text(text))
        .filter(|w| w.chars().nth(2).is_some())
        .filter_map(|w| {
            // Lower-cased once, for the stop-word test and the stem.
            lower_into(w, buf);
            if is_stopword(buf) {
                return None;
            }
            stem_lowercase(buf);
            Some(rustc_hash::FxBuildHasher.hash_one(buf.as_str()))
        })
}

/// `v` moved into a vector of exactly its length, for vectors kept to the
/// end of a run (an article's figures, mentions, findings). Grown by
/// doubling, a vector holds up to twice its length, and `shrink_to_fit`
/// may keep the block when the allocator judges the saving small; the
/// moved-from block is reused by the next article instead.
pub fn exact<T>(v: Vec<T>) -> Vec<T> {
    if v.len() == v.capacity() {
        return v;
    }
    let mut out = Vec::with_capacity(v.len());
    out.extend(v);
    out
}

/// Sorts `v[from..]` and removes its duplicates: a set kept as a sorted run,
/// several of which can share one buffer.
pub fn sort_dedup_from(v: &mut Vec<u64>, from: usize) {
    v[from..].sort_unstable();
    let mut kept = from;
    for i in from..v.len() {
        if kept == from || v[i] != v[kept - 1] {
            v[kept] = v[i];
            kept += 1;
        }
    }
    v.truncate(kept);
}

/// Small Levenshtein distance for did-you-mean suggestions and name variants.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// The closest candidate within a small edit distance, for "did you mean".
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (edit_distance(word, c), c))
        .filter(|&(d, c)| d <= (c.len().max(word.len()) / 3).max(1))
        .min_by_key(|&(d, c)| (d, c))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_keeps_the_elements_in_a_vector_of_their_length() {
        let mut v: Vec<String> = Vec::with_capacity(16);
        v.extend(["a", "b", "c"].map(String::from));
        let e = exact(v);
        assert_eq!(e, ["a", "b", "c"]);
        assert_eq!(e.capacity(), 3);
        assert!(exact(Vec::<u8>::new()).is_empty());
    }

    #[test]
    fn tokens_within_a_span_are_the_span_tokenized_alone() {
        let text = "Kenya’s 1,000 officers.\n\n“They left,” he said.It was 3.5 km.";
        let all = tokenize(text, Span::new(0, text.len()));
        for span in split_sentences(text, Span::new(0, text.len())) {
            let mut within = tokens_within(&all, span).to_vec();
            within[0].glued = false;
            assert_eq!(within, tokenize(text, span), "{:?}", &text[span.start..span.end]);
        }
        assert!(tokens_within(&all, Span::new(3, 3)).is_empty());
    }

    fn sentences(text: &str) -> Vec<&str> {
        split_sentences(text, Span::new(0, text.len()))
            .into_iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn splits_plain_sentences() {
        assert_eq!(
            sentences("One here. Two there! Three?"),
            ["One here.", "Two there!", "Three?"]
        );
    }

    #[test]
    fn keeps_abbreviations_and_decimals() {
        assert_eq!(
            sentences("Mr. Smith met the U.N. envoy on No. 5 street. Growth was 3.5 percent."),
            [
                "Mr. Smith met the U.N. envoy on No. 5 street.",
                "Growth was 3.5 percent."
            ]
        );
        assert_eq!(
            sentences("FTC Chair Lina M. Khan said so."),
            ["FTC Chair Lina M. Khan said so."]
        );
    }

    #[test]
    fn acronym_at_sentence_end_before_an_opener() {
        assert_eq!(
            sentences("Aid came from the U.S. The plan stalled."),
            ["Aid came from the U.S.", "The plan stalled."]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            sentences("“We are ready.” The official left. It’s Kenya’s turn."),
            ["“We are ready.”", "The official left.", "It’s Kenya’s turn."]
        );
    }

    #[test]
    fn tokens_keep_possessives_and_numbers() {
        let t = "Kenya’s 1,000 officers, 3.5% AD310";
        let toks: Vec<&str> = tokenize(t, Span::new(0, t.len())).iter().map(|k| k.text(t)).collect();
        assert_eq!(toks, ["Kenya’s", "1,000", "officers", ",", "3.5", "%", "AD", "310"]);
        let toks = tokenize(t, Span::new(0, t.len()));
        assert!(toks[7].glued && !toks[1].glued);
    }

    #[test]
    fn stems_inflections_together() {
        for (a, b) in [
            ("deploy", "deployed"),
            ("deployment", "deploying"),
            ("offer", "offers"),
            ("commit", "committed"),
            ("propose", "proposed"),
        ] {
            assert_eq!(stem(a), stem(b), "{a} vs {b}");
        }
        assert_ne!(stem("police"), stem("policy"));
    }

    #[test]
    fn each_suffix_rule_stems() {
        for (word, want) in [
            ("deployments", "deploy"),
            ("deployment", "deploy"),
            ("meetings", "meet"),
            ("committed", "commit"),
            ("running", "run"),
            ("carried", "carry"),
            ("parties", "party"),
            ("proposed", "propos"),
            ("churches", "church"),
            ("officers", "officer"),
            ("success", "success"),
            ("census", "census"),
            ("analysis", "analysis"),
            ("national", "nation"),
            ("kenya’s", "kenya"),
            ("haiti's", "haiti"),
            ("ties", "tie"),
            ("bed", "bed"),
            ("sing", "sing"),
            ("gas", "gas"),
            ("ed", "ed"),
            ("", ""),
            ("élites", "élit"),
        ] {
            assert_eq!(stem(word), want, "{word}");
        }
        assert!(ends_with_bytes(b"ments", b"ments") && ends_with_bytes(b"x", b""));
        assert!(!ends_with_bytes(b"s", b"es") && !ends_with_bytes(b"ing", b"ung"));
    }

    #[test]
    fn line_columns_count_characters() {
        let t = "ab\nMoïse x";
        let idx = LineIndex::new(t);
        let off = t.find('x').unwrap();
        assert_eq!(idx.line_col(t, off), (2, 7));
        assert_eq!(idx.line_span(t, 2), Some(Span::new(3, t.len())));
    }

    #[test]
    fn columns_on_a_long_line_are_counted_from_a_checkpoint() {
        // Issue 25: every column was counted from its line's start, so findings
        // on one long line cost the line's length each.
        let line: String = (0..20_000).map(|i| if i % 7 == 0 { "é " } else { "ab " }).collect();
        let t = format!("x\n{line}\nyé");
        let idx = LineIndex::new(&t);
        let offsets: Vec<usize> = (0..=t.len()).step_by(997).filter(|&o| t.is_char_boundary(o)).collect();
        BYTES_COUNTED.with(|c| c.set(0));
        for &o in &offsets {
            let line_start = t[..o].rfind('\n').map_or(0, |p| p + 1);
            let want = (t[..o].matches('\n').count() + 1, t[line_start..o].chars().count() + 1);
            assert_eq!(idx.line_col(&t, o), want, "at {o}");
        }
        let counted = BYTES_COUNTED.with(|c| c.get());
        assert!(
            counted <= offsets.len() * 2 * CHECKPOINT,
            "{counted} bytes counted for {} columns",
            offsets.len()
        );
        assert_eq!(idx.line_col(&t, t.len()), (3, 3));
        assert_eq!(LineIndex::new("").line_col("", 0), (1, 1));
    }

    #[test]
    fn sorted_runs_are_sets() {
        let mut v = vec![9, 3, 5, 3, 1, 5, 5, 2];
        sort_dedup_from(&mut v, 3);
        assert_eq!(v, [9, 3, 5, 1, 2, 3, 5]);
        sort_dedup_from(&mut v, 0);
        assert_eq!(v, [1, 2, 3, 5, 9]);
        let mut empty: Vec<u64> = Vec::new();
        sort_dedup_from(&mut empty, 0);
        assert!(empty.is_empty());
    }

    #[test]
    fn content_stems_skip_short_and_stop_words() {
        let stems = content_stems("The police deployed; officers deploying in Haiti, as it said.");
        assert_eq!(stems.len(), 5);
        assert_eq!(stems[1], stems[3], "deployed and deploying share a stem");
    }

    #[test]
    fn stop_word_lookup_agrees_with_the_list() {
        let mut words: Vec<String> = vec![
            String::new(),
            "police".into(),
            "haiti".into(),
            "deployment".into(),
            "multinational".into(),
            "a\0".into(),
            "the\0\0".into(),
            "thé".into(),
            "naïve".into(),
            "wednesdays".into(),
            "themselves’".into(),
            "THE".into(),
        ];
        // Every stop word, and its near misses: one byte more, one less, one changed.
        for w in STOPWORDS {
            words.push(w.to_string());
            words.push(format!("{w}s"));
            words.push(format!("x{w}"));
            words.push(w[..w.len() - 1].to_string());
            words.push(w[1..].to_string());
            let mut changed = w.as_bytes().to_vec();
            changed[0] = if changed[0] == b'z' { b'y' } else { b'z' };
            words.extend(String::from_utf8(changed));
        }
        for w in &words {
            assert_eq!(is_stopword(w), STOPWORDS.contains(&w.as_str()), "{w:?}");
        }
    }

    #[test]
    fn packed_words_lower_case_like_ascii() {
        for x in 0u8..0x80 {
            for at in 0..8 {
                let mut word = *b"aZ@[`{~\0";
                word[at] = x;
                let lower = word.map(|c| c.to_ascii_lowercase());
                assert_eq!(
                    ascii_lowercase_packed(u64::from_le_bytes(word)),
                    u64::from_le_bytes(lower),
                    "{word:?}"
                );
            }
        }
        let set = WordSet::new(["the", "their", "themselves"]);
        for w in ["the", "THE", "Their", "ThemSelves"] {
            assert!(set.contains_ascii_any_case(w), "{w}");
        }
        for w in ["thee", "th", "THEIRS", "themselve"] {
            assert!(!set.contains_ascii_any_case(w), "{w}");
        }
        assert!(set.contains("their") && !set.contains("Their"));
    }

    #[test]
    fn word_set_agrees_with_a_hash_set() {
        use crate::testutil::below;
        let mut seed = 7;
        let word = |seed: &mut u64| -> String {
            let len = below(seed, 11);
            (0..len).map(|_| b"abeT'"[below(seed, 5)] as char).collect()
        };
        for size in [0, 1, 5, 40, 300] {
            let words: Vec<String> = (0..size)
                .map(|_| word(&mut seed))
                .chain([String::new()].into_iter().take(size % 2))
                .collect();
            let set = WordSet::new(&words);
            let reference: std::collections::HashSet<&str> = words.iter().map(String::as_str).collect();
            for w in &words {
                assert!(set.contains(w), "{w:?}");
            }
            for _ in 0..2000 {
                let w = word(&mut seed);
                assert_eq!(
                    set.contains(&w),
                    reference.contains(w.as_str()),
                    "{w:?} in a set of {size}"
                );
            }
        }
    }

    #[test]
    fn packed_bytes_are_the_little_endian_integer() {
        for w in ["", "a", "ab", "abc", "abcd", "abcde", "abcdef", "abcdefg", "abcdefgh"] {
            let mut padded = [0u8; 8];
            padded[..w.len()].copy_from_slice(w.as_bytes());
            assert_eq!(pack_le(w.as_bytes()), u64::from_le_bytes(padded), "{w}");
        }
    }

    #[test]
    fn suggests_close_names() {
        assert_eq!(
            did_you_mean("measurs", ["entities", "measures", "claims"]),
            Some("measures")
        );
        assert_eq!(did_you_mean("zzz", ["entities", "measures"]), None);
    }
}
