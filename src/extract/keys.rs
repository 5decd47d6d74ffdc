//! What a figure measures, read from its own sentence: the *key* by which
//! `figure-conflict` decides that two figures state the same quantity.
//!
//! A key has four parts, each normalised so that different wordings of one
//! quantity meet:
//!
//! - the **unit**: the counted noun in a class ("police" and "officers" are
//!   both police), a physical dimension with its factor to a base unit
//!   (metres and kilometres are both lengths), a currency, `%`, an age, or the
//!   date of an event;
//! - the **subject** it belongs to: an entity of the gazetteer or the rules
//!   (demonyms and possessives included), a proper name in the text ("the
//!   Ridgeway Bridge", "Senator Maria Lopez"), or a common noun with its
//!   modifiers ("the bridge", "the senator"); pronouns stand for the subject
//!   of the sentence, or of the sentence before;
//! - the **predicate**: the verb, adjective or nominalisation that says what
//!   the figure is of ("deployed", "deployment" → deploy; "killed", "dead",
//!   "death toll" → death; "long", "length" → length), stemmed;
//! - the **anchor**: the years and time words of the figure's clause ("in
//!   2019", "now", "initially"), since a figure at another time is another
//!   quantity;
//! - the **context**: the places its clause names ("in Port Avery"), since a
//!   figure for one place is a part of a figure for none.
//!
//! A figure whose sentence does not say enough (no predicate, an increment
//! such as "another 200", a difference "by 5%", a rate "a day") gets no key
//! and is never compared: precision before recall.

use chrono::{Datelike, NaiveDate};
use std::borrow::Cow;
use std::sync::LazyLock;

use super::figures::SentenceContext;
use super::{Figure, FigureKind, Grain, Lexicon, Mention};
use crate::text::{Span, TokenKind, WordSet, is_stopword, stem};

/// Who or what a figure belongs to.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Subject {
    /// A canonical entity of the gazetteer or the rules ("Kenya").
    Entity(String),
    /// A proper name written in the text, lower case ("ridgeway bridge").
    Named(String),
    /// A common noun, lower case, with its identifying modifiers.
    Noun { head: String, mods: Vec<String> },
    /// Nothing said: the figure's own noun is the subject ("12 people were killed").
    Unknown,
}

impl Subject {
    /// Whether the subject names something that other articles can mean too.
    pub fn is_named(&self) -> bool {
        matches!(self, Subject::Entity(_) | Subject::Named(_))
    }

    pub fn describe(&self) -> String {
        match self {
            Subject::Entity(e) => e.clone(),
            Subject::Named(n) => title_case(n),
            Subject::Noun { head, mods } if mods.is_empty() => format!("the {head}"),
            Subject::Noun { head, mods } => format!("the {} {head}", mods.join(" ")),
            Subject::Unknown => String::new(),
        }
    }
}

fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// What a figure measures.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureKey {
    pub subject: Subject,
    /// For a named subject, the title or role it was written with ("senator").
    pub role: Option<String>,
    /// Normalised predicate ("deploy", "death", "length", "age", "open").
    pub predicate: String,
    /// The predicate as written ("deployment"), for messages.
    pub predicate_word: String,
    /// Unit class ("police", "length", "USD", "%", "age", "date").
    pub unit: String,
    /// Multiplies the figure's value into the unit class's base unit.
    pub factor: f64,
    /// Years and time words of the figure's clause, sorted and joined.
    pub anchor: String,
    /// The figure states when something happened (a year or a date).
    pub event: bool,
    /// The unit as written, before conversion to the class's base unit.
    pub surface_unit: String,
    /// The places its clause names ("in Port Avery" → "port", "avery"): a
    /// figure for a place is compared only with figures for the same place.
    pub context: Vec<String>,
}

/// State carried from sentence to sentence: the last subject, for pronouns.
#[derive(Debug, Default)]
pub struct Discourse {
    last_subject: Option<(Subject, Option<String>)>,
    /// The sentence the last subject was read in.
    sentence: Span,
}

const AUX: &[&str] = &[
    "have",
    "has",
    "had",
    "were",
    "was",
    "are",
    "is",
    "be",
    "been",
    "being",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "should",
    "shall",
    "must",
    "already",
    "now",
    "also",
    "just",
    "still",
    "reportedly",
    "currently",
    "initially",
    "officially",
    "who",
    "that",
    "which",
    "all",
    "reported",
    "believed",
    "thought",
    "said",
    "confirmed",
    "feared",
    "later",
    "eventually",
    "finally",
];

/// Verbs that only carry a figure; the quantity is named by the noun before them.
const LINKING: &[&str] = &[
    "is",
    "was",
    "are",
    "were",
    "be",
    "been",
    "being",
    "stands",
    "stood",
    "stand",
    "remains",
    "remained",
    "totals",
    "totaled",
    "totalled",
    "total",
    "reached",
    "reaches",
    "numbered",
    "numbers",
    "hit",
    "hits",
    "rose",
    "rises",
    "risen",
    "climbed",
    "climbs",
    "jumped",
    "increased",
    "grew",
    "fell",
    "dropped",
    "declined",
    "came",
    "comes",
    "put",
    "puts",
    "placed",
    "estimated",
    "measures",
    "measured",
    "measuring",
    "at",
    "to",
];

/// Words that carry no meaning of their own as a predicate.
const EMPTY_PREDICATES: &[&str] = &[
    "said",
    "say",
    "says",
    "told",
    "tell",
    "according",
    "reported",
    "report",
    "reports",
    "including",
    "include",
    "includes",
    "included",
    "with",
    "left",
    "leave",
    "leaves",
    "saw",
    "see",
    "sees",
    "seen",
    "get",
    "got",
    "gets",
    "make",
    "made",
    "makes",
    "take",
    "took",
    "takes",
    "give",
    "gave",
    "given",
    "gives",
    "bring",
    "brought",
    "total",
    "number",
    "numbers",
    "figure",
    "figures",
    "sum",
    "group",
    "groups",
    "some",
    "estimated",
    "estimate",
    "approximately",
    "roughly",
    "nearly",
    "almost",
    "around",
    "about",
    "only",
    "than",
    "least",
    "most",
    "another",
    "other",
    "others",
    "noted",
    "note",
    "notes",
    "added",
    "adding",
    "adds",
    "say",
    "showed",
    "shows",
    "show",
    "data",
    "list",
    "lists",
    "listed",
    "amount",
    "amounts",
    "around",
    "like",
    "nearly",
    "just",
    "over",
    "under",
    "up",
    "down",
    "there",
    "these",
    "those",
    "them",
    "they",
    "it",
];

/// Words before a figure that make it a part, an increment or a rank, not the total.
const INCREMENTS: &[&str] = &[
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
    "new",
    "same",
    "those",
    "these",
    "every",
    "each",
    "per",
    "only",
    "top",
    "bottom",
    "previous",
    "earlier",
    "recent",
    "past",
    "some",
    "by",
];

/// Words after a figure that make it a rate or a part.
const RATE_WORDS: &[&str] = &[
    "a", "an", "per", "each", "every", "annually", "daily", "weekly", "monthly", "yearly",
];

/// Time words that anchor a figure to a moment.
/// ("now", "currently", "today" are the present every unmarked figure speaks of.)
const TIME_WORDS: &[&str] = &[
    "initially",
    "originally",
    "previously",
    "formerly",
    "then",
    "later",
    "earlier",
    "once",
    "yesterday",
    "tomorrow",
    "ago",
    "before",
    "after",
    "since",
    "until",
    "when",
    "while",
    "during",
    "recently",
    "eventually",
    "finally",
    "first",
    "last",
    "next",
    "planned",
    "expected",
    "projected",
    "target",
    "goal",
    "aim",
    "aims",
    "hope",
    "hopes",
    "plans",
    "plan",
    "would",
    "could",
    "might",
    "may",
    "will",
    "if",
    "could",
    "forecast",
    "predicted",
    "want",
    "wants",
    "proposed",
    "propose",
    "seeks",
    "seek",
    "rose",
    "risen",
    "climbed",
    "increased",
    "grew",
    "grown",
    "jumped",
    "fell",
    "fallen",
    "dropped",
    "declined",
    "up",
    "down",
    "compared",
    "average",
    "median",
    "peak",
    "peaked",
    "record",
];

/// Synonym classes of predicates: each word's stem → class.
const PREDICATE_CLASSES: &[(&str, &[&str])] = &[
    (
        "death",
        &[
            "kill",
            "dead",
            "die",
            "died",
            "death",
            "fatality",
            "fatalitie",
            "toll",
            "live",
            "slain",
            "murder",
            "perish",
        ],
    ),
    ("injury", &["injur", "injury", "wound", "hurt"]),
    ("displace", &["displac", "flee", "fled", "homeles", "uproot"]),
    ("length", &["long", "length", "span", "stretch", "extend"]),
    ("height", &["high", "tall", "height", "rise", "ris", "stand"]),
    ("depth", &["deep", "depth"]),
    ("width", &["wide", "width", "broad"]),
    ("weight", &["weigh", "weight", "heavy"]),
    ("age", &["age", "aged", "old"]),
    ("employ", &["employ", "employee", "staff", "workforce", "work"]),
    ("population", &["population", "inhabitant", "populat", "live"]),
    ("cost", &["cost", "price", "priced"]),
    ("arrest", &["arrest", "detain", "detention"]),
    ("missing", &["missing", "disappear"]),
];

/// One-time events whose date cannot be two dates.
const EVENT_VERBS: &[&str] = &[
    "born",
    "died",
    "founded",
    "established",
    "opened",
    "built",
    "completed",
    "inaugurated",
    "incorporated",
    "demolished",
    "assassinated",
    "dissolved",
    "abolished",
    "constructed",
    "consecrated",
    "erected",
    "unveiled",
    "commissioned",
    "decommissioned",
    "launched",
    "published",
    "premiered",
    "fought",
    "signed",
];

/// Counted nouns that name the same kind of thing.
const UNIT_CLASSES: &[(&str, &[&str])] = &[
    (
        "police",
        &[
            "police",
            "officer",
            "policeman",
            "policemen",
            "policewoman",
            "cop",
            "constable",
            "gendarme",
        ],
    ),
    (
        "troops",
        &[
            "troop",
            "soldier",
            "serviceman",
            "servicemen",
            "servicemember",
            "marine",
        ],
    ),
    (
        "people",
        &["people", "person", "individual", "resident", "civilian", "inhabitant"],
    ),
    ("dollar", &["dollar"]),
];

/// Physical units: canonical unit (as `figures` writes it) → (dimension, factor to the base unit).
const DIMENSIONS: &[(&str, &str, f64)] = &[
    ("kilometre", "length", 1000.0),
    ("metre", "length", 1.0),
    ("centimetre", "length", 0.01),
    ("millimetre", "length", 0.001),
    ("mile", "length", 1609.344),
    ("foot", "length", 0.3048),
    ("inch", "length", 0.0254),
    ("yard", "length", 0.9144),
    ("kilogram", "mass", 1.0),
    ("gram", "mass", 0.001),
    ("milligram", "mass", 1e-6),
    ("pound", "mass", 0.453_592),
    ("ounce", "mass", 0.028_35),
    ("tonne", "mass", 1000.0),
    ("ton", "mass", 1000.0),
    ("litre", "volume", 1.0),
    ("millilitre", "volume", 0.001),
    ("gallon", "volume", 3.785),
    ("barrel", "volume", 159.0),
    ("acre", "area", 4046.86),
    ("hectare", "area", 10_000.0),
    ("square kilometre", "area", 1e6),
    ("square metre", "area", 1.0),
    ("square mile", "area", 2.59e6),
    ("square foot", "area", 0.0929),
    ("mile per hour", "speed", 1.609_344),
    ("kilometre per hour", "speed", 1.0),
    ("knot", "speed", 1.852),
    ("kilowatt", "power", 0.001),
    ("megawatt", "power", 1.0),
    ("gigawatt", "power", 1000.0),
];

/// Common verbs that do not look like verbs: a noun phrase ends before them.
const IRREGULAR_VERBS: &[&str] = &[
    "began",
    "begin",
    "became",
    "become",
    "came",
    "come",
    "fell",
    "rose",
    "stood",
    "took",
    "went",
    "won",
    "lost",
    "made",
    "ran",
    "saw",
    "grew",
    "cost",
    "hit",
    "built",
    "left",
    "put",
    "set",
    "cut",
    "led",
    "held",
    "brought",
    "bought",
    "sold",
    "kept",
    "shut",
    "spent",
    "stand",
    "span",
    "cross",
    "link",
    "carry",
    "need",
    "remain",
    "open",
    "close",
    "run",
    "lie",
    "lay",
    "lies",
    "collapsed",
    "stretch",
];

/// Titles written before a name ("Senator Maria Lopez").
const TITLES: &[&str] = &[
    "senator",
    "sen",
    "president",
    "governor",
    "gov",
    "mayor",
    "minister",
    "premier",
    "chancellor",
    "judge",
    "justice",
    "general",
    "gen",
    "colonel",
    "col",
    "captain",
    "capt",
    "sergeant",
    "sgt",
    "dr",
    "doctor",
    "professor",
    "prof",
    "mr",
    "mrs",
    "ms",
    "miss",
    "sir",
    "dame",
    "lord",
    "lady",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "bishop",
    "archbishop",
    "rev",
    "reverend",
    "father",
    "sister",
    "rabbi",
    "imam",
    "representative",
    "rep",
    "congressman",
    "congresswoman",
    "councillor",
    "councilor",
    "commissioner",
    "secretary",
    "ambassador",
    "chief",
    "coach",
    "director",
    "officer",
    "inspector",
    "detective",
    "lieutenant",
    "lt",
    "major",
    "admiral",
    "adm",
    "sheriff",
    "superintendent",
];

/// Nouns for people, which an appositive number after them gives an age to.
const PERSON_NOUNS: &[&str] = &[
    "man",
    "woman",
    "boy",
    "girl",
    "person",
    "victim",
    "suspect",
    "driver",
    "passenger",
    "resident",
    "mother",
    "father",
    "son",
    "daughter",
    "wife",
    "husband",
    "student",
    "teacher",
    "worker",
    "farmer",
    "owner",
    "senator",
    "mayor",
    "governor",
    "president",
    "minister",
    "lawmaker",
    "candidate",
    "player",
    "actor",
    "actress",
    "singer",
    "writer",
    "author",
    "artist",
    "officer",
    "soldier",
    "pilot",
    "nurse",
    "doctor",
    "patient",
    "teenager",
    "child",
    "grandmother",
    "grandfather",
    "widow",
    "founder",
    "chairman",
    "chairwoman",
    "executive",
    "ceo",
    "director",
    "coach",
    "judge",
    "survivor",
    "witness",
    "spokesman",
    "spokeswoman",
    "defendant",
    "pensioner",
    "veteran",
    "journalist",
    "photographer",
    "businessman",
    "businesswoman",
    "priest",
    "nun",
    "activist",
    "leader",
    "official",
    "manager",
    "athlete",
    "champion",
    "chef",
];

const PRONOUNS: &[&str] = &[
    "it", "he", "she", "they", "its", "his", "her", "their", "which", "who", "this",
];

/// Token `i` in lower case: borrowed from the article's lower-cased copy
/// when ASCII (most words), so the many tests below do not allocate.
fn lower<'a>(ctx: &SentenceContext<'a>, i: usize) -> Cow<'a, str> {
    match ctx.tokens.get(i) {
        Some(t) if t.text(ctx.text).is_ascii() => Cow::Borrowed(t.text(ctx.lower)),
        Some(t) => Cow::Owned(t.text(ctx.text).to_lowercase()),
        None => Cow::Borrowed(""),
    }
}

fn is_word(ctx: &SentenceContext, i: usize) -> bool {
    ctx.kind(i) == Some(TokenKind::Word)
}

fn content(ctx: &SentenceContext, i: usize) -> bool {
    is_word(ctx, i) && !is_stopword(&lower(ctx, i))
}

/// The normalised class of a predicate word.
pub fn predicate_class(word: &str) -> String {
    let w = word.to_lowercase();
    let w = w.trim_end_matches("’s").trim_end_matches("'s");
    let mut s = stem(w);
    for (class, members) in PREDICATE_CLASSES {
        if members.iter().any(|m| *m == s || *m == w) {
            return (*class).to_string();
        }
    }
    // "controlling" → "controll" → "control"
    let b = s.as_bytes();
    if b.len() > 3 && b[b.len() - 1] == b[b.len() - 2] && !b"aeious".contains(&b[b.len() - 1]) {
        s.pop();
    }
    s
}

fn unit_class(noun: &str) -> String {
    for (class, members) in UNIT_CLASSES {
        if members.contains(&noun) {
            return (*class).to_string();
        }
    }
    noun.to_string()
}

/// A figure is an age when written "the senator, 54," or "Lopez (54)" or
/// "aged 54": a bare whole number after a person. Turns such a count into a
/// quantity in years of age; returns whether it did.
pub fn mark_appositive_age(ctx: &SentenceContext, fig: &mut Figure) -> bool {
    if fig.kind != FigureKind::Count || fig.noun.is_some() {
        return false;
    }
    let Some(v) = fig.value else { return false };
    if !(1.0..=119.0).contains(&v) || v.fract() != 0.0 {
        return false;
    }
    let a = ctx.token_at(fig.span.start);
    let b = ctx.token_at(fig.span.end.saturating_sub(1)) + 1;
    if b == 0 || ctx.kind(b - 1) != Some(TokenKind::Number) {
        return false;
    }
    // "a man of about 30": the person before "of", qualifiers allowed.
    let of_person = a >= 2
        && ctx.is_word(a - 1, "of")
        && PERSON_NOUNS.contains(&super::singular(&lower(ctx, a - 2)).as_str())
        && !is_word(ctx, b);
    if of_person {
        fig.kind = FigureKind::Quantity;
        fig.unit = Some("year of age".into());
        return true;
    }
    if b != a + 1 || fig.approximate {
        return false;
    }
    let after = ctx.word(b);
    let aged = a >= 1 && ctx.is_word(a - 1, "aged");
    let appositive = a >= 2
        && matches!((ctx.word(a - 1), after), ("," | "(", "," | ")" | "." | ";"))
        && (ctx.capitalised(a - 2) || PERSON_NOUNS.contains(&lower(ctx, a - 2).as_ref()));
    if !(aged || appositive) {
        return false;
    }
    // "Lopez, 54, and Reyes, 61": still ages; "Jan. 5," is a date and never gets here.
    fig.kind = FigureKind::Quantity;
    fig.unit = Some("year of age".into());
    true
}

impl Discourse {
    /// Notes the subject a sentence opens with ("The Aldon is a river …"),
    /// for the pronouns of the sentences after it.
    pub fn observe(&mut self, ctx: &SentenceContext, mentions: &[Mention], lexicon: &Lexicon) {
        let n = ctx.tokens.len().min(8);
        // No allocation and one set lookup per word: this runs on every
        // sentence. The lists are lower-case ASCII (a test checks it), so the
        // ASCII-lower-cased word is compared.
        static AUX_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(AUX));
        static LINKING_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(LINKING));
        let Some(verb) = (1..n).find(|&i| {
            let w = ctx.lw(i);
            (AUX_SET.contains(w) && !matches!(w, "who" | "that" | "which"))
                || (LINKING_SET.contains(w) && !matches!(w, "at" | "to"))
        }) else {
            return;
        };
        if (0..verb).any(|i| !is_word(ctx, i)) || PRONOUNS.contains(&ctx.lw(verb - 1)) {
            return;
        }
        if let Some(s) = noun_phrase(ctx, mentions, lexicon, verb - 1, true, self)
            && s.0 != Subject::Unknown
        {
            self.last_subject = Some(s);
            self.sentence = ctx.sentence;
        }
    }
}

/// The key of one figure, from its sentence.
pub fn derive(
    ctx: &SentenceContext,
    mentions: &[Mention],
    lexicon: &Lexicon,
    fig: &Figure,
    discourse: &mut Discourse,
) -> Option<FigureKey> {
    let a = ctx.token_at(fig.span.start);
    let b = ctx.token_at(fig.span.end.saturating_sub(1)) + 1;
    let phrase_end = fig.noun.map_or(b, |n| ctx.token_at(n.start) + 1);
    match fig.kind {
        FigureKind::Year | FigureKind::Date => event_key(ctx, mentions, lexicon, fig, a, discourse),
        k if k.is_amount() => amount_key(ctx, mentions, lexicon, fig, a, b, phrase_end, discourse),
        _ => None,
    }
}

/// The subject noun phrase ending at token `end` (inclusive), read backwards.
fn subject_before(
    ctx: &SentenceContext,
    mentions: &[Mention],
    lexicon: &Lexicon,
    end: usize,
    discourse: &Discourse,
) -> Option<(Subject, Option<String>)> {
    let mut j = end as isize;
    // A parenthetical clause between subject and verb: "The bridge, which opened in 1987, is".
    if j >= 0 && ctx.word(j as usize) == "," {
        let mut k = j - 1;
        while k >= 0 && ctx.word(k as usize) != "," {
            k -= 1;
        }
        if k <= 0 {
            return None;
        }
        // An appositive name: "The largest university, Marlow University, has".
        let mut first = k as usize + 1;
        let last = j as usize - 1;
        if ctx.is_word(first, "the") {
            first += 1;
        }
        if last >= first && last - first < 4 && (first..=last).all(|i| ctx.capitalised(i)) {
            return noun_phrase(ctx, mentions, lexicon, last, true, discourse);
        }
        j = k - 1;
    }
    if j < 0 {
        return None;
    }
    let j = j as usize;
    noun_phrase(ctx, mentions, lexicon, j, true, discourse)
}

/// The noun phrase whose head is token `head`; `backwards` reads its modifiers before it.
fn noun_phrase(
    ctx: &SentenceContext,
    mentions: &[Mention],
    lexicon: &Lexicon,
    head: usize,
    backwards: bool,
    discourse: &Discourse,
) -> Option<(Subject, Option<String>)> {
    let t = ctx.tokens.get(head)?;
    // An entity mention ending here.
    // Mentions are in text order: look only at those that could cover the token.
    let from = mentions.partition_point(|m| m.span.end + 4 < t.span.end);
    if let Some(m) = mentions[from..]
        .iter()
        .take_while(|m| m.span.start <= t.span.start)
        .find(|m| t.span.end <= m.span.end + 4)
    {
        return Some((Subject::Entity(lexicon.entities[m.entity].clone()), None));
    }
    if !is_word(ctx, head) {
        return None;
    }
    let hw = lower(ctx, head);
    let hw = hw.trim_end_matches("’s").trim_end_matches("'s").to_string();
    // "the stadium, which cost": the noun phrase before the comma.
    if matches!(hw.as_str(), "which" | "who" | "that") && head >= 2 && ctx.word(head - 1) == "," {
        return noun_phrase(ctx, mentions, lexicon, head - 2, true, discourse);
    }
    if PRONOUNS.contains(&hw.as_str()) {
        return discourse.last_subject.clone();
    }
    if is_stopword(&hw)
        || AUX.contains(&hw.as_str())
        || hw.contains('\'')
        || hw.contains('’')
        || hw == "i"
        || (hw.len() > 4 && hw.ends_with("ed"))
    {
        return None;
    }
    let mut words = vec![head];
    if backwards {
        let mut k = head;
        while k > 0 && words.len() < 4 {
            let p = k - 1;
            if !is_word(ctx, p) {
                break;
            }
            let pw = lower(ctx, p);
            if is_stopword(&pw) || AUX.contains(&pw.as_ref()) || pw.ends_with("’s") || pw.ends_with("'s") {
                break;
            }
            words.push(p);
            k = p;
        }
        words.reverse();
    }
    let plain_noun = PERSON_NOUNS.contains(&super::singular(&hw).as_str()) || hw.ends_with('s');
    if ctx.capitalised(head) && (head > 0 || words.len() > 1 || !plain_noun) {
        // A proper name: drop titles and keep them as the role.
        let mut role = None;
        let mut name = Vec::new();
        for &i in &words {
            let w = lower(ctx, i);
            if name.is_empty() && TITLES.contains(&w.trim_end_matches('.')) {
                role = Some(w.into_owned());
                continue;
            }
            if ctx.capitalised(i) {
                name.push(w);
            }
        }
        if name.is_empty() {
            return role.map(|r| (Subject::Noun { head: r, mods: vec![] }, None));
        }
        return Some((Subject::Named(name.join(" ")), role));
    }
    // "a man", "another bridge": a new referent, the same as nothing before it.
    let before = words[0].checked_sub(1).map(|i| lower(ctx, i)).unwrap_or_default();
    if matches!(before.as_ref(), "a" | "an" | "another" | "one") {
        return None;
    }
    // "24 kilometres long", "the tall": measures and adjectives are not things.
    if words[0] > 0 && ctx.kind(words[0] - 1) == Some(TokenKind::Number)
        || matches!(
            hw.as_str(),
            "long" | "high" | "tall" | "wide" | "deep" | "old" | "large" | "big" | "small" | "away" | "across"
        )
    {
        return None;
    }
    let mods: Vec<String> = words[..words.len() - 1]
        .iter()
        .map(|&i| lower(ctx, i).into_owned())
        .filter(|w| !is_stopword(w))
        .collect();
    let head_word = super::singular(&hw);
    Some((Subject::Noun { head: head_word, mods }, None))
}

/// The clause around tokens `a..b`, with the clause it continues ("…, when").
fn clause_bounds(ctx: &SentenceContext, a: usize, b: usize) -> (usize, usize) {
    let n = ctx.tokens.len();
    let mut lo = a;
    while lo > 0 && !matches!(ctx.word(lo - 1), ";" | "—" | "–" | "(" | ")") && !clause_comma(ctx, lo - 1) {
        lo -= 1;
    }
    // "in 2004, when 628 people were killed": a clause that continues the one before.
    if lo > 1 && clause_comma(ctx, lo - 1) && matches!(lower(ctx, lo).as_ref(), "when" | "which" | "where" | "while") {
        lo -= 1;
        while lo > 0 && !matches!(ctx.word(lo - 1), ";" | "—" | "–" | "(" | ")") && !clause_comma(ctx, lo - 1) {
            lo -= 1;
        }
    }
    let mut hi = b;
    while hi < n && !matches!(ctx.word(hi), ";" | "—" | "–" | "(" | ")") && !clause_comma(ctx, hi) {
        hi += 1;
    }
    (lo, hi)
}

/// Years and time words in the clause around tokens `a..b`.
fn anchor(ctx: &SentenceContext, a: usize, b: usize) -> String {
    let (lo, hi) = clause_bounds(ctx, a, b);
    let mut parts: Vec<String> = Vec::new();
    for i in lo..hi {
        if (a..b).contains(&i) {
            continue;
        }
        let w = ctx.word(i);
        if ctx.kind(i) == Some(TokenKind::Number) && w.len() == 4 && (w.starts_with("19") || w.starts_with("20")) {
            parts.push(w.to_string());
        } else if is_word(ctx, i) {
            let l = w.to_lowercase();
            if TIME_WORDS.contains(&l.as_str())
                || matches!(
                    l.as_str(),
                    "january"
                        | "february"
                        | "march"
                        | "april"
                        | "june"
                        | "july"
                        | "august"
                        | "september"
                        | "october"
                        | "november"
                        | "december"
                        | "year"
                        | "years"
                        | "months"
                        | "quarter"
                )
            {
                parts.push(l);
            }
        }
    }
    parts.sort();
    parts.dedup();
    parts.join(" ")
}

/// A comma that closes a clause (not one inside a number or a date).
fn clause_comma(ctx: &SentenceContext, i: usize) -> bool {
    ctx.word(i) == ","
}

/// Skips auxiliaries backwards from `k` (exclusive); returns the index of the first non-auxiliary.
fn skip_aux_back(ctx: &SentenceContext, mut k: usize) -> Option<usize> {
    while k > 0 {
        let p = k - 1;
        let w = lower(ctx, p);
        if (AUX.contains(&w.as_ref()) && !matches!(w.as_ref(), "which" | "who" | "that"))
            || matches!(w.as_ref(), "not" | "never")
        {
            k = p;
            continue;
        }
        return Some(p);
    }
    None
}

#[allow(clippy::too_many_arguments)]
fn amount_key(
    ctx: &SentenceContext,
    mentions: &[Mention],
    lexicon: &Lexicon,
    fig: &Figure,
    a: usize,
    b: usize,
    phrase_end: usize,
    discourse: &mut Discourse,
) -> Option<FigureKey> {
    let before = if a > 0 { lower(ctx, a - 1) } else { Cow::Borrowed("") };
    // Increments, parts and ranks: "another 200", "the first 50", "by 5%".
    if INCREMENTS.contains(&before.as_ref()) {
        return None;
    }
    if a >= 2 && matches!(before.as_ref(), "an" | "the") && INCREMENTS.contains(&lower(ctx, a - 2).as_ref()) {
        return None;
    }
    // Rates: "5 people a day", "$3 per hour", "10% a year".
    let after = lower(ctx, phrase_end);
    if RATE_WORDS.contains(&after.as_ref())
        && (after != "a" && after != "an" || {
            let n = lower(ctx, phrase_end + 1);
            matches!(
                n.as_ref(),
                "day" | "week" | "month" | "year" | "hour" | "minute" | "head" | "piece" | "person"
            )
        })
    {
        return None;
    }
    // "of whom", "out of 300": parts of a whole.
    if matches!(after.as_ref(), "out") || before == "out" {
        return None;
    }

    // The unit class.
    let surface = fig.unit.clone().unwrap_or_default();
    let (unit, factor, dimension) = match fig.kind {
        FigureKind::Percent => (percent_of(ctx, phrase_end), 1.0, None),
        FigureKind::Money => (surface.clone(), 1.0, None),
        FigureKind::Quantity if surface == "year of age" => ("age".to_string(), 1.0, Some("age")),
        FigureKind::Quantity => {
            let (_, dim, f) = DIMENSIONS.iter().find(|(u, _, _)| *u == surface)?;
            (dim.to_string(), *f, Some(*dim))
        }
        // A bare count is named by its predicate noun: "a population of 412,000", "the toll rose to 146".
        FigureKind::Count if surface.is_empty() => ("count".to_string(), 1.0, None),
        FigureKind::Count => (unit_class(&surface), 1.0, None),
        _ => return None,
    };

    // Ages: the person is before ("the senator, 54,", "Lopez (54)") or after ("the 61-year-old senator").
    if unit == "age" {
        let span_text = &ctx.text[fig.span.start..fig.span.end];
        let (subject, role) = if span_text.contains('-') || span_text.ends_with("old") && !ctx.is_word(b, "when") {
            if ctx.is_word(a.wrapping_sub(1), "at") || ctx.is_word(a.wrapping_sub(1), "then") {
                return None;
            }
            if is_word(ctx, b) && !AUX.contains(&lower(ctx, b).as_ref()) {
                attributive_np(ctx, mentions, lexicon, a, b, discourse)?
            } else {
                // "Lopez is 54 years old"
                let v = skip_aux_back(ctx, a)?;
                if v + 1 == a {
                    return None;
                }
                subject_before(ctx, mentions, lexicon, v, discourse)?
            }
        } else if before == "of" {
            // "John Marsh, a man of about 30": the person named just before.
            let p = a.checked_sub(2)?;
            if p >= 3 && matches!(lower(ctx, p - 1).as_ref(), "a" | "an") && ctx.word(p - 2) == "," {
                noun_phrase(ctx, mentions, lexicon, p - 3, true, discourse)?
            } else {
                noun_phrase(ctx, mentions, lexicon, p, true, discourse)?
            }
        } else if before == "aged" {
            if a < 2 {
                return None;
            }
            let p = if ctx.word(a - 2) == "," { a - 3 } else { a - 2 };
            noun_phrase(ctx, mentions, lexicon, p, true, discourse)?
        } else if a >= 2 && matches!(ctx.word(a - 1), "," | "(") {
            if a >= 3 && ctx.is_word(a - 2, "then") {
                return None;
            }
            noun_phrase(ctx, mentions, lexicon, a - 2, true, discourse)?
        } else {
            return None;
        };
        if subject == Subject::Unknown || matches!(&subject, Subject::Entity(_)) {
            return None;
        }
        discourse.last_subject = Some((subject.clone(), role.clone()));
        discourse.sentence = ctx.sentence;
        return Some(FigureKey {
            subject,
            role,
            predicate: "age".into(),
            predicate_word: "age".into(),
            unit,
            factor,
            anchor: anchor(ctx, a, b),
            event: false,
            surface_unit: surface,
            context: Vec::new(),
        });
    }

    // The rules' measure, when the figure has one, names the quantity (its units are one class).
    let mut predicate: Option<String> = fig.measure.as_ref().map(|m| format!("measure:{m}"));
    let unit = if fig.measure.is_some() && fig.kind == FigureKind::Count {
        "count".to_string()
    } else {
        unit
    };
    let mut subject: Option<(Subject, Option<String>)> = fig.entity.clone().map(|e| (Subject::Entity(e), None));

    // 1. A word just before the figure: a verb ("killed 12"), a nominalisation ("deployment of 380"),
    //    or a linking verb after the quantity's noun ("the toll rose to 50", "the bridge is 1,200 metres long").
    let mut pred_from_before: Option<(String, usize)> = None; // (word, subject end)
    if a > 0 && is_word(ctx, a - 1) {
        let w = lower(ctx, a - 1);
        if matches!(w.as_ref(), "has" | "have" | "had") && fig.noun.is_some() {
            // "Marlow University has 31,000 students"; "… and has 31,000 students": the sentence's subject.
            let subj = if a >= 2 && ctx.is_word(a - 2, "and") {
                (discourse.sentence == ctx.sentence)
                    .then(|| discourse.last_subject.clone())
                    .flatten()
            } else {
                skip_aux_back(ctx, a - 1).and_then(|s| subject_before(ctx, mentions, lexicon, s, discourse))
            };
            if subject.is_none() {
                subject = subj;
            }
            subject.as_ref()?;
            pred_from_before = Some(("have".into(), a - 1));
        } else if w == "of" && a >= 2 && content(ctx, a - 2) && !EMPTY_PREDICATES.contains(&lower(ctx, a - 2).as_ref())
        {
            // "Kenya’s deployment of about 380 officers", "a death toll of 50", "a length of 1,200 metres"
            let noun = lower(ctx, a - 2);
            if !ctx.capitalised(a - 2) || a - 2 == 0 {
                pred_from_before = Some((noun.into_owned(), a - 2));
            }
        } else if LINKING.contains(&w.as_ref()) {
            // "the toll rose to 50", "the bridge, which …, is 1,200 metres long": the token before the verbs.
            let mut k = a;
            while k > 0 && {
                let l = lower(ctx, k - 1);
                LINKING.contains(&l.as_ref())
                    || (AUX.contains(&l.as_ref()) && !matches!(l.as_ref(), "which" | "who" | "that"))
            } {
                k -= 1;
            }
            if k > 0 {
                let n = k - 1;
                let pronoun = matches!(lower(ctx, n).as_ref(), "it" | "he" | "she" | "they");
                if ctx.word(n) == ","
                    || pronoun
                    || (content(ctx, n) && !EMPTY_PREDICATES.contains(&lower(ctx, n).as_ref()))
                {
                    pred_from_before = Some((lower(ctx, n).into_owned(), n));
                }
            }
        } else if content(ctx, a - 1)
            && !EMPTY_PREDICATES.contains(&w.as_ref())
            && !ctx.capitalised(a - 1)
            && !w.ends_with("’s")
            && !w.ends_with("'s")
        {
            pred_from_before = Some((w.into_owned(), a - 1));
        }
    }
    // 2. A word after the figure's noun phrase: "400 police have been deployed", "1,200 metres long".
    let mut pred_from_after: Option<String> = None;
    {
        let mut k = phrase_end;
        // "1,500 soldiers and 600 rescue workers have been deployed": past the coordinated figure.
        if ctx.is_word(k, "and")
            && ctx.kind(k + 1) == Some(TokenKind::Number)
            && let Some(j) = (k + 2..(k + 8).min(ctx.tokens.len())).find(|&j| AUX.contains(&lower(ctx, j).as_ref()))
        {
            k = j;
        }
        while k < ctx.tokens.len() && AUX.contains(&lower(ctx, k).as_ref()) {
            k += 1;
        }
        if content(ctx, k)
            && !ctx.capitalised(k)
            && !EMPTY_PREDICATES.contains(&lower(ctx, k).as_ref())
            && (k > phrase_end || {
                let w = lower(ctx, k);
                w.ends_with("ed")
                    || w.ends_with("en")
                    || dimension.is_some()
                    || PREDICATE_CLASSES.iter().any(|(_, m)| m.contains(&w.as_ref()))
            })
        {
            pred_from_after = Some(lower(ctx, k).into_owned());
        }
    }
    // An attributive quantity: "the 900-metre bridge".
    let span_text = &ctx.text[fig.span.start..fig.span.end];
    let attributive = dimension.is_some() && span_text.contains('-') && is_word(ctx, b);
    // "the $540 million stadium": what the thing cost.
    let priced = fig.kind == FigureKind::Money
        && a > 0
        && ctx.is_word(a - 1, "the")
        && content(ctx, b)
        && !ctx.capitalised(b)
        && !EMPTY_PREDICATES.contains(&lower(ctx, b).as_ref());

    let pred_is_noun = a > 0
        && (ctx.is_word(a - 1, "of") || LINKING.contains(&lower(ctx, a - 1).as_ref()))
        && pred_from_before.as_ref().is_some_and(|(w, _)| w != ",");
    let word = if attributive {
        if subject.is_none() {
            subject = attributive_np(ctx, mentions, lexicon, a, b, discourse);
        }
        dimension.map(str::to_string)
    } else if priced {
        subject = attributive_np(ctx, mentions, lexicon, a, b, discourse);
        subject.as_ref()?;
        Some("cost".to_string())
    } else if let Some((w, end)) = pred_from_before.clone() {
        let linking = a > 0 && LINKING.contains(&lower(ctx, a - 1).as_ref());
        if linking {
            // the noun before the linking verb names the quantity ("toll") or is its subject ("the bridge is … long")
            if let Some(after) = pred_from_after
                .clone()
                .filter(|_| dimension.is_some() || fig.kind == FigureKind::Count)
                .or_else(|| (w == ",").then(|| dimension.map(str::to_string)).flatten())
            {
                if subject.is_none() {
                    subject = subject_before(ctx, mentions, lexicon, end, discourse);
                }
                Some(after)
            } else if w == "," || PRONOUNS.contains(&w.as_str()) {
                None
            } else {
                // "Haiti’s population is 11 million": the possessor is the subject.
                if subject.is_none() {
                    subject = possessor(ctx, mentions, lexicon, end, discourse);
                }
                Some(w)
            }
        } else if a > 0 && ctx.is_word(a - 1, "of") {
            if subject.is_none() {
                subject = possessor(ctx, mentions, lexicon, end, discourse);
            }
            Some(w)
        } else {
            // A verb: "the storm killed 12 people"; its subject before it.
            if subject.is_none()
                && let Some(s) = skip_aux_back(ctx, end)
            {
                subject = if ctx.is_word(s, "and") {
                    // "The company cut 1,200 jobs and now employs 41,000 people": the sentence's subject.
                    (discourse.sentence == ctx.sentence)
                        .then(|| discourse.last_subject.clone())
                        .flatten()
                } else {
                    subject_before(ctx, mentions, lexicon, s, discourse)
                };
            }
            Some(w)
        }
    } else {
        pred_from_after.clone()
    };
    if predicate.is_none() {
        predicate = word.as_ref().map(|w| predicate_class(w));
    }
    let predicate = predicate?;
    let predicate_word = match &fig.measure {
        Some(m) => m.clone(),
        None => word.unwrap_or_default(),
    };
    // A dimension names itself: "long" with metres is a length.
    let predicate = match dimension {
        Some(d) if predicate == "length" || predicate == d => d.to_string(),
        _ => predicate,
    };
    // A bare count needs a noun for a predicate ("population", "toll", "crowd"), not a verb.
    if unit == "count" && fig.measure.is_none() && !pred_is_noun {
        return None;
    }
    let (subject, role) = subject.unwrap_or((Subject::Unknown, None));
    // A length or a weight of nothing named is too vague to compare.
    if dimension.is_some() && subject == Subject::Unknown && !pred_is_noun {
        return None;
    }
    // A measure of the rules names the quantity whole, as it always has: no time or place.
    let context = if fig.measure.is_some() {
        Vec::new()
    } else {
        context_names(ctx, a, b)
    };
    if subject != Subject::Unknown {
        discourse.last_subject = Some((subject.clone(), role.clone()));
        discourse.sentence = ctx.sentence;
    }
    // A bridge does not change its length from year to year: dimensions need no anchor.
    let anchor = if dimension.is_some() || fig.measure.is_some() {
        String::new()
    } else {
        anchor(ctx, a, b)
    };
    Some(FigureKey {
        subject,
        role,
        predicate,
        predicate_word,
        unit,
        factor,
        anchor,
        event: false,
        surface_unit: surface,
        context,
    })
}

/// A share is a share of something: "80% of the capital" is not "80% of the vote".
fn percent_of(ctx: &SentenceContext, from: usize) -> String {
    if !ctx.is_word(from, "of") {
        return "%".into();
    }
    let mut k = from + 1;
    while k < ctx.tokens.len() && k < from + 4 {
        let w = lower(ctx, k);
        if matches!(w.as_ref(), "the" | "a" | "an" | "its" | "their" | "his" | "her" | "all")
            || w.ends_with("’s")
            || w.ends_with("'s")
        {
            k += 1;
        } else {
            break;
        }
    }
    let mut head = None;
    while k < ctx.tokens.len()
        && is_word(ctx, k)
        && !is_stopword(&lower(ctx, k))
        && !AUX.contains(&lower(ctx, k).as_ref())
    {
        head = Some(k);
        k += 1;
        if head.is_some_and(|h| h > from + 6) {
            break;
        }
    }
    match head {
        Some(h) => format!("% of {}", super::singular(&lower(ctx, h))),
        None => "%".into(),
    }
}

/// A figure with no subject of its own ("35 people were killed") is told
/// apart by the names in its sentence ("in the village of Tamar").
fn context_names(ctx: &SentenceContext, a: usize, b: usize) -> Vec<String> {
    let (lo, hi) = clause_bounds(ctx, a, b);
    let mut names = Vec::new();
    places(ctx, lo, hi, &mut names);
    // A sentence that opens with a place: "In the village of Tamar, 35 people were killed".
    if lo > 0 && matches!(lower(ctx, 0).as_ref(), "in" | "at" | "near") {
        let end = (0..lo).find(|&i| ctx.word(i) == ",").unwrap_or(lo);
        places(ctx, 0, end, &mut names);
    }
    names.sort();
    names.dedup();
    names
}

/// Names after locative prepositions in tokens `lo..hi`: "in Port Avery", "at the Riverside Stadium".
fn places(ctx: &SentenceContext, lo: usize, hi: usize, out: &mut Vec<String>) {
    const SKIP: &[&str] = &[
        "the",
        "of",
        "a",
        "village",
        "town",
        "city",
        "county",
        "province",
        "region",
        "state",
        "district",
        "capital",
        "neighbouring",
        "neighboring",
        "nearby",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
    ];
    for i in lo..hi {
        if !matches!(
            lower(ctx, i).as_ref(),
            "in" | "at" | "near" | "inside" | "outside" | "across"
        ) {
            continue;
        }
        let mut k = i + 1;
        while k < hi && k < i + 5 && SKIP.contains(&lower(ctx, k).as_ref()) {
            k += 1;
        }
        while k < hi && ctx.capitalised(k) {
            let w = lower(ctx, k);
            if !matches!(
                w.as_ref(),
                "monday"
                    | "tuesday"
                    | "wednesday"
                    | "thursday"
                    | "friday"
                    | "saturday"
                    | "sunday"
                    | "january"
                    | "february"
                    | "march"
                    | "april"
                    | "may"
                    | "june"
                    | "july"
                    | "august"
                    | "september"
                    | "october"
                    | "november"
                    | "december"
            ) {
                out.push(w.into_owned());
            }
            k += 1;
        }
    }
}

/// The noun phrase after an attributive figure: "the 900-metre (suspension) bridge".
fn attributive_np(
    ctx: &SentenceContext,
    mentions: &[Mention],
    lexicon: &Lexicon,
    fig_start: usize,
    from: usize,
    discourse: &Discourse,
) -> Option<(Subject, Option<String>)> {
    // "a 34-year-old man", "a 900-metre bridge": a new referent, the same as nothing before it.
    if fig_start > 0 && matches!(lower(ctx, fig_start - 1).as_ref(), "a" | "an" | "another" | "one") {
        return None;
    }
    let mut k = from;
    let n = ctx.tokens.len();
    let mut last = None;
    while k < n && k < from + 3 && is_word(ctx, k) {
        let w = lower(ctx, k);
        if is_stopword(&w) || AUX.contains(&w.as_ref()) || EMPTY_PREDICATES.contains(&w.as_ref()) {
            break;
        }
        if last.is_some()
            && (w.ends_with("ed") || (w.ends_with('s') && !ctx.capitalised(k)) || IRREGULAR_VERBS.contains(&w.as_ref()))
        {
            break;
        }
        last = Some(k);
        k += 1;
    }
    let head = last?;
    // Proper name after: "the 61-year-old Maria Lopez".
    if ctx.capitalised(from) {
        let mut e = from;
        while e + 1 < n && ctx.capitalised(e + 1) {
            e += 1;
        }
        return noun_phrase(ctx, mentions, lexicon, e, true, discourse).map(|(s, r)| match s {
            Subject::Named(n) => (Subject::Named(n), r),
            other => (other, r),
        });
    }
    let mods: Vec<String> = (from..head).map(|i| lower(ctx, i).into_owned()).collect();
    let hw = super::singular(&lower(ctx, head));
    if PRONOUNS.contains(&hw.as_str()) {
        return None;
    }
    Some((Subject::Noun { head: hw, mods }, None))
}

/// The possessor of the noun at `noun`: "Kenya’s deployment", "the bridge’s length", "its length".
fn possessor(
    ctx: &SentenceContext,
    mentions: &[Mention],
    lexicon: &Lexicon,
    noun: usize,
    discourse: &Discourse,
) -> Option<(Subject, Option<String>)> {
    let mut k = noun;
    // skip modifiers: "Kenya’s initial deployment"
    while k > 0 && k + 3 > noun {
        let p = k - 1;
        let w = lower(ctx, p);
        if w.ends_with("’s") || w.ends_with("'s") || matches!(w.as_ref(), "its" | "his" | "her" | "their") {
            return noun_phrase(ctx, mentions, lexicon, p, true, discourse);
        }
        if !content(ctx, p) {
            break;
        }
        k = p;
    }
    // "Norwind reported a net profit of $1.2 billion": the subject of the verb before the noun.
    let mut v = k.checked_sub(1)?;
    if matches!(lower(ctx, v).as_ref(), "a" | "an" | "the") {
        v = v.checked_sub(1)?;
    }
    let vw = lower(ctx, v);
    let verb = is_word(ctx, v)
        && !ctx.capitalised(v)
        && (matches!(vw.as_ref(), "has" | "have" | "had")
            || (content(ctx, v) && !EMPTY_PREDICATES.contains(&vw.as_ref())));
    if !verb || v == 0 {
        return None;
    }
    let s = skip_aux_back(ctx, v)?;
    subject_before(ctx, mentions, lexicon, s, discourse)
}

fn event_key(
    ctx: &SentenceContext,
    mentions: &[Mention],
    lexicon: &Lexicon,
    fig: &Figure,
    a: usize,
    discourse: &mut Discourse,
) -> Option<FigureKey> {
    fig.date?;
    // "opened in 1987", "was born on 3 March 1950", "born 3 March 1950", "founded in 1987".
    let mut v = a.checked_sub(1)?;
    if matches!(lower(ctx, v).as_ref(), "in" | "on") {
        v = v.checked_sub(1)?;
    }
    let mut verb = lower(ctx, v);
    let mut object = None;
    if !EVENT_VERBS.contains(&verb.as_ref()) {
        // "founded his practice in 1979": the verb and its object name the event.
        let head = v;
        if !content(ctx, head) || ctx.capitalised(head) {
            return None;
        }
        let mut k = head;
        while k > 0 && k + 3 > head && is_word(ctx, k - 1) && !EVENT_VERBS.contains(&lower(ctx, k - 1).as_ref()) {
            k -= 1;
        }
        if k == 0 || !EVENT_VERBS.contains(&lower(ctx, k - 1).as_ref()) {
            return None;
        }
        v = k - 1;
        verb = lower(ctx, v);
        object = Some(super::singular(&lower(ctx, head)));
    }
    let verb = match object {
        Some(o) => format!("{verb} {o}"),
        None => verb.into_owned(),
    };
    // "re-opened", "first opened", "officially opened" are still the one event; "reopened" is another.
    let s = skip_aux_back(ctx, v);
    let subject = match s {
        Some(s) => {
            let w = lower(ctx, s);
            if matches!(w.as_ref(), "first" | "originally" | "officially" | "formally") {
                skip_aux_back(ctx, s).and_then(|s| subject_before(ctx, mentions, lexicon, s, discourse))
            } else if matches!(w.as_ref(), "was" | "were") || w == "," || w == "(" {
                // "Lopez (born 3 March 1950)", "The plant, opened in 1987,"
                subject_before(ctx, mentions, lexicon, s.saturating_sub(1), discourse)
                    .or_else(|| subject_before(ctx, mentions, lexicon, s, discourse))
            } else {
                subject_before(ctx, mentions, lexicon, s, discourse)
            }
        }
        None => None,
    };
    let (subject, role) = subject?;
    if subject == Subject::Unknown {
        return None;
    }
    discourse.last_subject = Some((subject.clone(), role.clone()));
    discourse.sentence = ctx.sentence;
    Some(FigureKey {
        subject,
        role,
        predicate_word: verb.clone(),
        predicate: verb,
        unit: "date".into(),
        factor: 1.0,
        anchor: String::new(),
        event: true,
        surface_unit: String::new(),
        context: Vec::new(),
    })
}

/// The days an event date covers: a year, a month or a day.
pub fn date_interval(fig: &Figure) -> Option<(f64, f64)> {
    let d = fig.date?;
    let (lo, hi) = match fig.grain.unwrap_or(Grain::Day) {
        Grain::Year => (
            NaiveDate::from_ymd_opt(d.year(), 1, 1)?,
            NaiveDate::from_ymd_opt(d.year(), 12, 31)?,
        ),
        Grain::Month | Grain::Quarter => {
            let first = NaiveDate::from_ymd_opt(d.year(), d.month(), 1)?;
            let next = if d.month() == 12 {
                NaiveDate::from_ymd_opt(d.year() + 1, 1, 1)?
            } else {
                NaiveDate::from_ymd_opt(d.year(), d.month() + 1, 1)?
            };
            (first, next.pred_opt()?)
        }
        Grain::Week => (d, d + chrono::Duration::days(6)),
        Grain::Day => (d, d),
    };
    Some((lo.num_days_from_ce() as f64, hi.num_days_from_ce() as f64))
}

/// The physical dimension of a canonical unit ("foot" → length) and its
/// factor to the dimension's base unit.
pub fn dimension(unit: &str) -> Option<(&'static str, f64)> {
    DIMENSIONS.iter().find(|(u, _, _)| *u == unit).map(|(_, d, f)| (*d, *f))
}

/// Whether a span of an article is written with a scale word ("1.5 million"),
/// which makes a round figure approximate to its last significant digit.
pub fn scaled(text: &str, span: Span) -> bool {
    let s = text[span.start..span.end].to_ascii_lowercase();
    s.contains("million") || s.contains("billion") || s.contains("trillion") || s.contains("bn")
}

#[cfg(test)]
mod tests;
