//! Stage 3: load and validate YAML rules — entities, measures, claims,
//! boilerplate patterns and topic words — from one file or a folder of files.
//! Every error points at the rules file's line and column.

mod claim;
mod error;
pub mod locate;

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use regex::Regex;
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};

pub use claim::{ClaimValue, Op, ValueKind, fmt_number, fmt_op_value, parse_compact, parse_value, time_unit_days};
pub use error::RulesError;

use crate::diagnostic::Severity;
use crate::text::did_you_mean;

/// One rules file as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RulesFile {
    #[serde(default)]
    pub entities: BTreeMap<String, EntitySpec>,
    #[serde(default)]
    pub measures: BTreeMap<String, MeasureSpec>,
    #[serde(default)]
    pub claims: Vec<ClaimSpec>,
    #[serde(default)]
    pub boilerplate: BTreeMap<String, PatternSpec>,
    #[serde(default)]
    pub topic: Vec<String>,
    /// The corpus's currency (ISO 4217): what a bare `$` or "dollars" means
    /// in its articles and in its claims. An article's front matter
    /// `currency:` overrides it.
    #[serde(default)]
    pub currency: Option<String>,
    /// Self-tests of the rules (see `claimlint test`); carried through untouched.
    #[serde(default)]
    pub tests: Vec<serde_yaml::Value>,
}

/// An entity: `Kenya: [Kenyan, Kenyans]` or `Kenya: {aliases: […], wrong: […]}`.
#[derive(Debug, Default, Clone)]
pub struct EntitySpec {
    pub aliases: Vec<String>,
    /// Known wrong forms ("Moses" for Moïse), reported by `name-variant`.
    pub wrong: Vec<String>,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeasureSpec {
    /// Nouns counted by a figure of this measure ("officers", "troops"), or
    /// `%` / a currency code for percentages and money.
    #[serde(default)]
    pub units: Vec<String>,
    /// Words or phrases that say which measure a figure is ("deploy", "on the ground").
    #[serde(default)]
    pub cues: Vec<String>,
    /// The nouns that name the measure ("net profit", "teams"), apart from
    /// the verbs that cue it. Matched as cues are; a measure whose name
    /// restricts its noun ("teams *playing in baseball parks*") needs one of
    /// its `cues` as well.
    #[serde(default)]
    pub nouns: Vec<String>,
    #[serde(default)]
    pub description: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PatternSpec {
    pub pattern: String,
    /// Extend the match to the end of the article (for trailers).
    #[serde(default)]
    pub to_end: bool,
    /// Extend the match over the list that follows it (headlines, bullet
    /// items, teasers) until the article's own text resumes.
    #[serde(default)]
    pub section: bool,
    /// What the block is (related-links, bio, ui, counter…).
    #[serde(default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub message: Option<String>,
    /// `false` switches off a pattern of the same name defined elsewhere.
    #[serde(default = "yes")]
    pub enabled: bool,
}

fn yes() -> bool {
    true
}

/// A claim, either compact (`Kenya pledge = 1,000`) or expanded.
#[derive(Debug, Clone)]
pub struct ClaimSpec {
    pub subject: String,
    pub measure: String,
    pub op: Op,
    pub value: ClaimValue,
    pub tolerance: Option<Tolerance>,
    pub as_of: Option<NaiveDate>,
    pub severity: Option<Severity>,
    pub note: Option<String>,
    pub source: Option<String>,
    /// The claim as the user wrote it (compact) or rebuilt from its fields.
    pub text: String,
}

/// A tolerance around a claimed value: absolute, or relative (`5%`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Tolerance {
    Absolute(f64),
    Relative(f64),
}

impl Tolerance {
    pub fn amount(self, value: f64) -> f64 {
        match self {
            Tolerance::Absolute(a) => a,
            Tolerance::Relative(r) => value.abs() * r,
        }
    }
}

impl fmt::Display for Tolerance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Tolerance::Absolute(a) => write!(f, "±{}", claim::fmt_number(*a)),
            Tolerance::Relative(r) => write!(f, "±{}%", claim::fmt_number(r * 100.0)),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ClaimFields {
    subject: String,
    measure: String,
    #[serde(default, alias = "operator")]
    op: Option<String>,
    #[serde(default)]
    value: Option<serde_yaml::Value>,
    #[serde(default)]
    min: Option<serde_yaml::Value>,
    #[serde(default)]
    max: Option<serde_yaml::Value>,
    #[serde(default)]
    tolerance: Option<serde_yaml::Value>,
    #[serde(default)]
    as_of: Option<String>,
    #[serde(default)]
    severity: Option<String>,
    #[serde(default)]
    note: Option<String>,
    #[serde(default)]
    source: Option<String>,
}

fn yaml_scalar(v: &serde_yaml::Value) -> Option<String> {
    match v {
        serde_yaml::Value::String(s) => Some(s.clone()),
        serde_yaml::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

impl ClaimFields {
    fn into_spec<E: de::Error>(self) -> Result<ClaimSpec, E> {
        let value_of = |v: &Option<serde_yaml::Value>, what: &str| -> Result<Option<ClaimValue>, E> {
            match v {
                None => Ok(None),
                Some(v) => {
                    let s = yaml_scalar(v).ok_or_else(|| {
                        E::custom(format!("`{what}` must be a number such as 1,000, 80% or $100 million"))
                    })?;
                    parse_value(&s).map(Some).map_err(E::custom)
                }
            }
        };
        let value = value_of(&self.value, "value")?;
        let min = value_of(&self.min, "min")?;
        let max = value_of(&self.max, "max")?;
        let op = match (self.op.as_deref(), &value, &min, &max) {
            (Some(op), _, _, _) => Op::parse(op)
                .ok_or_else(|| E::custom(format!("unknown operator `{op}`; use one of =, ~, <, <=, >, >=, range")))?,
            (None, Some(_), _, _) => Op::Eq,
            (None, None, Some(_), Some(_)) => Op::Range,
            (None, None, Some(_), None) => Op::Ge,
            (None, None, None, Some(_)) => Op::Le,
            (None, None, None, None) => return Err(E::custom("a claim needs `value` (or `min`/`max`)")),
        };
        let value = match op {
            Op::Range => {
                let (Some(lo), Some(hi)) = (min.or(value), max) else {
                    return Err(E::custom("a `range` claim needs `min` and `max`"));
                };
                ClaimValue {
                    kind: lo.kind,
                    value: lo.value,
                    upper: Some(hi.value),
                    currency: lo.currency,
                    local: lo.local,
                    unit: lo.unit,
                }
            }
            _ => value
                .or(min)
                .or(max)
                .ok_or_else(|| E::custom("a claim needs `value`"))?,
        };
        let tolerance = match &self.tolerance {
            None => None,
            Some(t) => {
                let s = yaml_scalar(t).ok_or_else(|| E::custom("`tolerance` must be a number or a percentage"))?;
                Some(claim::parse_tolerance(&s).map_err(E::custom)?)
            }
        };
        let as_of = match &self.as_of {
            None => None,
            Some(s) => Some(
                NaiveDate::parse_from_str(s, "%Y-%m-%d")
                    .map_err(|_| E::custom(format!("`as_of` must be a date YYYY-MM-DD, not `{s}`")))?,
            ),
        };
        let severity = match &self.severity {
            None => None,
            Some(s) => Some(
                Severity::parse(s)
                    .ok_or_else(|| E::custom(format!("unknown severity `{s}`; use error, warning or info")))?,
            ),
        };
        let text = format!("{} {} {}", self.subject, self.measure, claim::fmt_op_value(op, &value));
        Ok(ClaimSpec {
            subject: self.subject,
            measure: self.measure,
            op,
            value,
            tolerance,
            as_of,
            severity,
            note: self.note,
            source: self.source,
            text,
        })
    }
}

impl<'de> Deserialize<'de> for ClaimSpec {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = ClaimSpec;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a claim such as `Kenya pledge = 1,000`, or a mapping with subject, measure, op and value")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<ClaimSpec, E> {
                parse_compact(s).map_err(E::custom)
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<ClaimSpec, A::Error> {
                let fields = ClaimFields::deserialize(de::value::MapAccessDeserializer::new(map))?;
                fields.into_spec()
            }
        }
        d.deserialize_any(V)
    }
}

impl<'de> Deserialize<'de> for EntitySpec {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Full {
            #[serde(default)]
            aliases: Vec<String>,
            #[serde(default)]
            wrong: Vec<String>,
        }
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = EntitySpec;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list of aliases, or a mapping with `aliases` and `wrong`")
            }
            fn visit_unit<E: de::Error>(self) -> Result<EntitySpec, E> {
                Ok(EntitySpec::default())
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<EntitySpec, A::Error> {
                let aliases = Vec::<String>::deserialize(de::value::SeqAccessDeserializer::new(seq))?;
                Ok(EntitySpec {
                    aliases,
                    wrong: Vec::new(),
                })
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<EntitySpec, A::Error> {
                let f = Full::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(EntitySpec {
                    aliases: f.aliases,
                    wrong: f.wrong,
                })
            }
        }
        d.deserialize_any(V)
    }
}

/// Where a rule element was defined, for help texts ("rules/haiti.yaml:12").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub file: String,
    pub line: usize,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

#[derive(Debug, Clone)]
pub struct Entity {
    pub name: String,
    pub aliases: Vec<String>,
    pub wrong: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Measure {
    pub name: String,
    /// Singular, lower-case unit nouns (or `%`, currency codes).
    pub units: Vec<String>,
    /// Stemmed single-word cues, and the lower-case tokens of cue phrases
    /// ("pre-tax profits" → pre, -, tax, profits).
    pub cue_stems: Vec<String>,
    pub cue_phrases: Vec<Vec<String>>,
    /// Singular forms of the one-word cues that are plural nouns ("teams")
    /// and of the last word of each of its `nouns`: what the measure counts.
    pub nouns: Vec<String>,
    /// Stems and phrases of the measure's `nouns`, kept apart from its cues
    /// so that a restricted measure can ask for a cue.
    pub noun_stems: Vec<String>,
    pub noun_phrases: Vec<Vec<String>>,
    /// The name restricts its noun to a part of what it counts ("teams
    /// playing in baseball parks", "shares bought in February", "employees
    /// to be furloughed"): a figure of the noun alone ("the 14-team league")
    /// is the whole, so a figure states the measure only by one of its cues
    /// (when the rules give both cues and nouns).
    pub restricted: bool,
    /// The measure is a change or a flow ("price cut", "shares bought"): a
    /// figure after "to" or "from" states a level, not it.
    pub flow: bool,
    /// The measure is a price per unit ("offer per share"): a total does not state it.
    pub per_unit: bool,
    /// The period the measure's name fixes ("annual revenues" → a year): a
    /// figure its sentence puts in another period ("for the quarter") does
    /// not state it.
    pub period: Option<crate::extract::Grain>,
}

/// Words of a measure's name that make it a change or a flow.
const FLOW_WORDS: &[&str] = &[
    "cut",
    "cuts",
    "increase",
    "increases",
    "rise",
    "rises",
    "reduction",
    "decrease",
    "gain",
    "gains",
    "drop",
    "fall",
    "change",
    "growth",
    "decline",
    "bought",
    "sold",
    "purchased",
    "added",
    "raise",
    "hike",
    "lowered",
    "raised",
];

impl Measure {
    /// `flow`, `per_unit` and `period`, read from the measure's name.
    fn shape(name: &str) -> (bool, bool, Option<crate::extract::Grain>) {
        let words: Vec<String> = name
            .split(|c: char| !c.is_alphanumeric())
            .map(str::to_lowercase)
            .collect();
        let flow = words.iter().any(|w| FLOW_WORDS.contains(&w.as_str()));
        let per_unit = words.iter().any(|w| matches!(w.as_str(), "per" | "each" | "apiece"));
        let period = words.iter().find_map(|w| crate::extract::period_adjective(w));
        (flow, per_unit, period)
    }

    /// Whether the name is a noun restricted by a clause after it: a
    /// participle with its complement ("teams *playing in* baseball parks",
    /// "shares *bought in* February") or an infinitive ("employees *to be*
    /// furloughed"). A modifier before the noun ("posted price") or a bare
    /// participle after it ("damages awarded") does not restrict it.
    fn restricts_its_noun(name: &str) -> bool {
        let words: Vec<String> = name
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        (1..words.len().saturating_sub(1)).any(|i| {
            let (w, next) = (words[i].as_str(), words[i + 1].as_str());
            (w == "to" && next == "be")
                || (is_participle(w) && RESTRICTING_PREPOSITIONS.contains(&next) && !names_a_time(&words[i + 2..]))
        })
    }
}

/// Prepositions that open a participle's complement in a measure's name.
const RESTRICTING_PREPOSITIONS: &[&str] = &[
    "in", "for", "between", "under", "by", "at", "on", "from", "during", "since", "before", "after", "through", "to",
    "into", "with",
];

/// Irregular past participles of verbs a measure's name restricts by.
const IRREGULAR_PARTICIPLES: &[&str] = &[
    "bought", "sold", "paid", "won", "held", "made", "given", "taken", "spent", "built", "lost", "kept", "lent",
    "sent", "brought", "raised", "grown", "drawn", "shown", "put", "set", "cut", "hit", "left",
];

/// A cue or noun as the lower-case tokens it is matched against: tokenised
/// as the text is, so that "pre-tax profits" and "per share" meet the
/// tokens they are written as.
fn cue_words(cue: &str) -> Vec<String> {
    crate::text::tokenize(cue, crate::text::Span::new(0, cue.len()))
        .iter()
        .map(|t| t.text(cue).to_ascii_lowercase())
        .collect()
}

/// Whether a complement names a time ("in 1960", "in February", "between
/// Jan 26 and Feb 9", "during the quarter"): it dates the measure, which the
/// claim's `as_of` and the article's date do, rather than restricting what
/// its noun counts.
fn names_a_time(complement: &[String]) -> bool {
    let first = complement
        .iter()
        .find(|w| !matches!(w.as_str(), "the" | "a" | "its" | "this" | "last" | "that"));
    first.is_some_and(|w| {
        w.bytes().all(|b| b.is_ascii_digit())
            || crate::extract::dates::month(w).is_some()
            || crate::extract::dates::weekday(w).is_some()
            || crate::extract::period_word(w).is_some()
            || crate::extract::period_word(crate::extract::singular(w).as_str()).is_some()
    })
}

fn is_participle(w: &str) -> bool {
    (w.len() >= 5 && w.ends_with("ing") && w != "during")
        || (w.len() >= 4 && w.ends_with("ed"))
        || IRREGULAR_PARTICIPLES.contains(&w)
}

#[derive(Debug, Clone)]
pub struct Claim {
    pub spec: ClaimSpec,
    pub origin: Origin,
}

impl Claim {
    /// The interval of values that agree with the claim.
    pub fn interval(&self) -> (f64, f64) {
        let v = self.spec.value.value;
        let default_tol = match self.spec.op {
            Op::Approx => Tolerance::Relative(0.05),
            _ => Tolerance::Absolute(0.0),
        };
        let tol = self.spec.tolerance.unwrap_or(default_tol).amount(v);
        match self.spec.op {
            Op::Eq | Op::Approx => (v - tol, v + tol),
            Op::Lt | Op::Le => (f64::NEG_INFINITY, v + tol),
            Op::Gt | Op::Ge => (v - tol, f64::INFINITY),
            Op::Range => (v - tol, self.spec.value.upper.unwrap_or(v) + tol),
        }
    }

    pub fn tolerance_text(&self) -> String {
        match (self.spec.tolerance, self.spec.op) {
            (Some(t), _) => t.to_string(),
            (None, Op::Approx) => "±5%".into(),
            _ => "exact".into(),
        }
    }
}

#[derive(Debug, Clone)]
pub struct BoilerplatePattern {
    pub name: String,
    pub regex: Regex,
    pub to_end: bool,
    pub section: bool,
    pub kind: Option<String>,
    pub message: Option<String>,
    pub origin: Origin,
}

/// Validated rules from every rules file, merged.
#[derive(Debug, Clone, Default)]
pub struct RuleSet {
    pub entities: Vec<Entity>,
    pub measures: Vec<Measure>,
    pub claims: Vec<Claim>,
    pub boilerplate: Vec<BoilerplatePattern>,
    pub topic: Vec<String>,
    /// The hashed content stems of `topic` (`text::content_stems`), sorted
    /// and deduplicated: made once here rather than for every article.
    pub topic_stems: Vec<u64>,
    /// The files the rules came from, in load order.
    pub files: Vec<String>,
    /// The default currency of the corpus (`currency:`), if not USD's `$`.
    pub currency: Option<&'static str>,
    pub tests: Vec<(String, serde_yaml::Value)>,
    /// Every boilerplate pattern in two sets, to rule out most paragraphs in
    /// one pass each: the patterns anchored at the paragraph's start (their
    /// automaton gives up after a few characters of prose) and the others.
    /// With each set, the index in `boilerplate` of each of its patterns.
    pub(crate) boilerplate_any: Vec<(regex::RegexSet, Vec<usize>)>,
}

impl RuleSet {
    /// The first boilerplate pattern (in rule order) that matches `text`.
    pub fn boilerplate_match(&self, text: &str) -> Option<&BoilerplatePattern> {
        if self.boilerplate_any.is_empty() {
            return self.boilerplate.iter().find(|p| p.regex.is_match(text));
        }
        if !self.boilerplate_any.iter().any(|(set, _)| set.is_match(text)) {
            return None;
        }
        // The sets tell which patterns match, at a pass each, rather than
        // trying the patterns one by one.
        let first = self
            .boilerplate_any
            .iter()
            .flat_map(|(set, index)| set.matches(text).into_iter().map(|k| index[k]))
            .min()?;
        self.boilerplate.get(first)
    }

    pub fn measure(&self, name: &str) -> Option<&Measure> {
        self.measures.iter().find(|m| m.name == name)
    }
}

/// The compact form takes the word before the operator as the measure; a
/// measure of several words ("Acme shares bought in February = 5,000") is
/// found by its name: the longest defined measure that ends the text before
/// the operator, when what precedes it is a defined entity.
fn split_by_known_measure(spec: &ClaimSpec, set: &RuleSet, known_entities: &[String]) -> Option<ClaimSpec> {
    if set.measure(&spec.measure).is_some() {
        return None;
    }
    let left = format!("{} {}", spec.subject, spec.measure);
    set.measures
        .iter()
        .filter_map(|m| {
            let subject = left.strip_suffix(m.name.as_str())?;
            let subject = subject.strip_suffix(char::is_whitespace)?.trim_end();
            known_entities.iter().any(|e| e == subject).then_some((m, subject))
        })
        .max_by_key(|(m, _)| m.name.len())
        .map(|(m, subject)| ClaimSpec {
            subject: subject.to_string(),
            measure: m.name.clone(),
            ..spec.clone()
        })
}

/// Rules files under `path`: the file itself, or every `.yaml`/`.yml` in the
/// folder (sorted, not recursive).
pub fn rule_files(path: &Path) -> Result<Vec<PathBuf>, RulesError> {
    let meta = std::fs::metadata(path).map_err(|_| {
        RulesError::plain(
            path,
            "no such rules file or folder",
            Some("pass --rules with a YAML file or a folder of them"),
        )
    })?;
    if meta.is_file() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(path)
        .map_err(|e| RulesError::plain(path, &format!("cannot read the folder: {e}"), None))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && matches!(p.extension().and_then(|e| e.to_str()), Some("yaml" | "yml")))
        .collect();
    files.sort();
    Ok(files)
}

/// The built-in rules, the first layer under every project's rules: generic
/// boilerplate patterns a project may extend, replace or switch off by name.
pub const BUILTIN_NAME: &str = "<built-in>/boilerplate.yaml";
pub const BUILTIN: &str = include_str!("../../rules/builtin/boilerplate.yaml");

/// Loads and validates rules from the given files or folders, over the
/// built-in rules.
pub fn load(paths: &[PathBuf]) -> Result<RuleSet, RulesError> {
    let mut sources = vec![(BUILTIN_NAME.to_string(), BUILTIN.to_string())];
    for p in paths {
        for f in rule_files(p)? {
            let display = f.to_string_lossy().replace('\\', "/");
            let display = display.strip_prefix("./").unwrap_or(&display).to_string();
            let text =
                std::fs::read_to_string(&f).map_err(|e| RulesError::plain(&f, &format!("cannot read: {e}"), None))?;
            sources.push((display, text));
        }
    }
    load_sources(&sources)
}

/// The 1-based line and column of a top-level `key:` in a YAML text, or 1:1.
fn key_position(text: &str, key: &str) -> (usize, usize) {
    text.lines()
        .position(|l| l.strip_prefix(key).is_some_and(|r| r.trim_start().starts_with(':')))
        .map_or((1, 1), |i| (i + 1, 1))
}

/// Loads rules from (name, YAML text) pairs; the unit of testing.
pub fn load_sources(sources: &[(String, String)]) -> Result<RuleSet, RulesError> {
    let mut set = RuleSet::default();
    let mut parsed = Vec::new();
    for (name, text) in sources {
        let file: RulesFile = if text.trim().is_empty() {
            RulesFile::default()
        } else {
            serde_yaml::from_str(text).map_err(|e| RulesError::from_yaml(name, text, &e))?
        };
        parsed.push((name, text, file));
    }
    for (name, text, file) in &parsed {
        let Some(c) = file.currency.as_deref() else { continue };
        let (line, column) = key_position(text, "currency");
        let code = crate::extract::iso_4217(&c.trim().to_ascii_uppercase()).ok_or_else(|| {
            RulesError::at(
                name,
                text,
                line,
                column,
                &format!("`{c}` is not an ISO 4217 currency code"),
                Some("write a code such as USD, CAD, AUD, EUR or GBP"),
            )
        })?;
        if let Some(other) = set.currency.filter(|o| *o != code) {
            return Err(RulesError::at(
                name,
                text,
                line,
                column,
                &format!("this rules file sets the currency {code}, another one {other}"),
                Some("set `currency:` in one rules file of the corpus"),
            ));
        }
        set.currency = Some(code);
    }
    // Entities and measures first, from every file, so a claim may use a
    // measure defined in another file of the folder.
    for (name, _text, file) in &parsed {
        set.files.push((*name).clone());
        for (ename, spec) in &file.entities {
            set.entities.push(Entity {
                name: ename.clone(),
                aliases: spec.aliases.clone(),
                wrong: spec.wrong.clone(),
            });
        }
        for (mname, spec) in &file.measures {
            let mut cue_stems = Vec::new();
            let mut cue_phrases = Vec::new();
            let mut nouns = Vec::new();
            for words in spec.cues.iter().map(|c| cue_words(c)) {
                match words.as_slice() {
                    [] => {}
                    [one] => {
                        if crate::extract::looks_plural(one) {
                            nouns.push(crate::extract::singular(one));
                        }
                        cue_stems.push(crate::text::stem(one));
                    }
                    _ => cue_phrases.push(words),
                }
            }
            let mut noun_stems = Vec::new();
            let mut noun_phrases = Vec::new();
            for words in spec.nouns.iter().map(|c| cue_words(c)) {
                if let Some(last) = words.last() {
                    nouns.push(crate::extract::singular(last));
                }
                match words.as_slice() {
                    [] => {}
                    [one] => noun_stems.push(crate::text::stem(one)),
                    _ => noun_phrases.push(words),
                }
            }
            nouns.sort();
            nouns.dedup();
            let restricted = !spec.cues.is_empty() && !spec.nouns.is_empty() && Measure::restricts_its_noun(mname);
            let (flow, per_unit, period) = Measure::shape(mname);
            set.measures.push(Measure {
                name: mname.clone(),
                units: spec.units.iter().map(|u| crate::extract::unit_name(u)).collect(),
                cue_stems,
                cue_phrases,
                nouns,
                noun_stems,
                noun_phrases,
                restricted,
                flow,
                per_unit,
                period,
            });
        }
        set.topic.extend(file.topic.iter().cloned());
    }
    set.topic_stems = set.topic.iter().flat_map(|t| crate::text::content_stems(t)).collect();
    crate::text::sort_dedup_from(&mut set.topic_stems, 0);
    let known_entities: Vec<String> = set
        .entities
        .iter()
        .map(|e| e.name.clone())
        .chain(crate::extract::gazetteer::aliases().map(|(_, c)| c.to_string()))
        .collect();
    for (name, text, file) in parsed {
        for (i, spec) in file.claims.iter().enumerate() {
            let resolved = split_by_known_measure(spec, &set, &known_entities);
            let spec = resolved.as_ref().unwrap_or(spec);
            let (line, col) = locate::sequence_item(text, "claims", i).unwrap_or((1, 1));
            let origin = Origin {
                file: name.clone(),
                line,
            };
            if !known_entities.iter().any(|e| e == &spec.subject) {
                let hint = did_you_mean(&spec.subject, known_entities.iter().map(String::as_str))
                    .map(|s| {
                        format!(
                            "did you mean `{s}`? Otherwise add `{}` under `entities:`",
                            s.replace('`', "")
                        )
                    })
                    .unwrap_or_else(|| format!("add `{}` under `entities:`", spec.subject));
                return Err(RulesError::at(
                    name,
                    text,
                    line,
                    col,
                    &format!("claim `{}` names an undefined entity `{}`", spec.text, spec.subject),
                    Some(&hint),
                ));
            }
            if set.measure(&spec.measure).is_none() {
                let hint = did_you_mean(&spec.measure, set.measures.iter().map(|m| m.name.as_str()))
                    .map(|s| format!("did you mean `{s}`?"))
                    .unwrap_or_else(|| format!("define `{}` under `measures:` with its units and cues", spec.measure));
                return Err(RulesError::at(
                    name,
                    text,
                    line,
                    col,
                    &format!("claim `{}` names an undefined measure `{}`", spec.text, spec.measure),
                    Some(&hint),
                ));
            }
            let mut spec = spec.clone();
            // "$5 million" in a Canadian corpus's rules is CAD.
            if let Some(code) = set.currency
                && spec.value.local
            {
                spec.value.currency = Some(code);
            }
            // The same quantity claimed twice: a copy is noise, two values a contradiction.
            if let Some(prior) = set.claims.iter().find(|c| {
                c.spec.subject == spec.subject && c.spec.measure == spec.measure && c.spec.as_of == spec.as_of
            }) {
                let same = prior.spec.op == spec.op && prior.spec.value == spec.value;
                if same || (prior.spec.op == Op::Eq && spec.op == Op::Eq) {
                    let what = if same { "repeats" } else { "contradicts" };
                    return Err(RulesError::at(
                        name,
                        text,
                        line,
                        col,
                        &format!(
                            "claim `{}` {what} the claim `{}` at {}",
                            spec.text, prior.spec.text, prior.origin
                        ),
                        Some(if same {
                            "remove one of the two"
                        } else {
                            "keep the value that holds, or give each its `as_of` date"
                        }),
                    ));
                }
            }
            set.claims.push(Claim { spec, origin });
        }
        // The file's patterns are compiled side by side (the built-in file has
        // dozens); an error is still the first one in the file's order.
        let mut compiled = {
            use rayon::prelude::*;
            let enabled: Vec<&str> = file
                .boilerplate
                .values()
                .filter(|spec| spec.enabled)
                .map(|spec| spec.pattern.as_str())
                .collect();
            let regexes: Vec<Result<Regex, regex::Error>> = enabled.par_iter().map(|p| Regex::new(p)).collect();
            regexes.into_iter()
        };
        for (pname, spec) in &file.boilerplate {
            let (line, col) = locate::mapping_key(text, "boilerplate", pname).unwrap_or((1, 1));
            // A later file may switch off (or replace) a pattern of the same name.
            set.boilerplate.retain(|p| &p.name != pname);
            if !spec.enabled {
                continue;
            }
            let regex = compiled
                .next()
                .expect("one compiled regex per enabled pattern")
                .map_err(|e| {
                    RulesError::at(
                        name,
                        text,
                        line,
                        col,
                        &format!("boilerplate pattern `{pname}` is not a valid regex"),
                        Some(&regex_error_text(&e)),
                    )
                })?;
            set.boilerplate.push(BoilerplatePattern {
                name: pname.clone(),
                regex,
                to_end: spec.to_end,
                section: spec.section,
                kind: spec.kind.clone(),
                message: spec.message.clone(),
                origin: Origin {
                    file: name.clone(),
                    line,
                },
            });
        }
        for t in file.tests {
            set.tests.push((name.clone(), t));
        }
    }
    // Each pattern was compiled on its own above, so an error names its pattern.
    // The two sets are built side by side.
    use rayon::prelude::*;
    let (anchored, free): (Vec<usize>, Vec<usize>) =
        (0..set.boilerplate.len()).partition(|&i| anchored_at_start(set.boilerplate[i].regex.as_str()));
    let prefilter: Option<Vec<(regex::RegexSet, Vec<usize>)>> = [anchored, free]
        .into_par_iter()
        .filter(|group| !group.is_empty())
        .map(|group| {
            regex::RegexSetBuilder::new(group.iter().map(|&i| set.boilerplate[i].regex.as_str()))
                .dfa_size_limit(64 << 20)
                .size_limit(64 << 20)
                .build()
                .ok()
                .map(|regexes| (regexes, group))
        })
        .collect();
    // Without a prefilter (a set too large to build) every pattern is tried.
    set.boilerplate_any = prefilter.unwrap_or_default();
    Ok(set)
}

/// Whether every match of `pattern` starts at the start of the text.
fn anchored_at_start(pattern: &str) -> bool {
    regex_syntax::Parser::new().parse(pattern).is_ok_and(|hir| {
        hir.properties()
            .look_set_prefix()
            .contains(regex_syntax::hir::Look::Start)
    })
}

fn regex_error_text(e: &regex::Error) -> String {
    let s = e.to_string();
    let last = s.lines().rfind(|l| !l.trim().is_empty()).unwrap_or(&s);
    format!(
        "{}; see https://docs.rs/regex for the syntax",
        last.trim().trim_start_matches("error: ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_anchored_at_the_start_are_told_apart() {
        assert!(anchored_at_start(r"(?i)^\W*(top|bottom) of page\W*$"));
        assert!(anchored_at_start(r"^a|^b"));
        assert!(!anchored_at_start(r"^a|b"));
        assert!(!anchored_at_start(r"(?i)(?-u:\b)all rights reserved"));
    }

    fn load_one(yaml: &str) -> Result<RuleSet, RulesError> {
        load_sources(&[("r.yaml".to_string(), yaml.to_string())])
    }

    const BASE: &str =
        "entities:\n  Kenya: [Kenyan]\nmeasures:\n  pledge:\n    units: [officers]\n    cues: [pledge, offer]\n";

    #[test]
    fn compact_claim_parses_exactly_as_written() {
        let r = load_one(&format!("{BASE}claims:\n  - Kenya pledge = 1,000\n")).unwrap();
        let c = &r.claims[0];
        assert_eq!(
            (c.spec.subject.as_str(), c.spec.measure.as_str(), c.spec.op),
            ("Kenya", "pledge", Op::Eq)
        );
        assert_eq!(c.spec.value.value, 1000.0);
        assert_eq!(
            c.origin,
            Origin {
                file: "r.yaml".into(),
                line: 8
            }
        );
        assert_eq!(c.interval(), (1000.0, 1000.0));
    }

    #[test]
    fn expanded_claim_with_tolerance_and_date() {
        let r = load_one(&format!(
            "{BASE}claims:\n  - subject: Kenya\n    measure: pledge\n    op: \"~\"\n    value: 1000\n    tolerance: 10%\n    as_of: 2023-09-01\n    severity: warning\n    source: UN briefing\n"
        ))
        .unwrap();
        let c = &r.claims[0];
        assert_eq!(c.interval(), (900.0, 1100.0));
        assert_eq!(c.spec.as_of, NaiveDate::from_ymd_opt(2023, 9, 1));
        assert_eq!(c.spec.severity, Some(Severity::Warning));
    }

    #[test]
    fn a_compact_claim_finds_a_measure_of_several_words_by_its_name() {
        let yaml = "entities:\n  Acme Corp: []\nmeasures:\n  shares bought in February:\n    units: []\n    cues: [bought]\n\
                    claims:\n  - Acme Corp shares bought in February = 5,000\n";
        let r = load_one(yaml).unwrap();
        let c = &r.claims[0];
        assert_eq!(
            (c.spec.subject.as_str(), c.spec.measure.as_str()),
            ("Acme Corp", "shares bought in February")
        );
    }

    #[test]
    fn nouns_are_a_key_of_their_own_and_a_misspelt_one_gets_a_hint() {
        let r = load_one(
            "measures:\n  teams playing in baseball parks:\n    nouns: [teams]\n    cues: [play in baseball parks]\n",
        )
        .unwrap();
        let m = &r.measures[0];
        assert_eq!(m.nouns, ["team"]);
        assert_eq!(m.noun_stems, [crate::text::stem("teams")]);
        assert!(m.restricted);
        let e = load_one("measures:\n  revenue:\n    noun: [revenue]\n").unwrap_err();
        assert_eq!(e.line, 3, "{e:?}");
        assert_eq!(e.help.as_deref(), Some("did you mean `nouns`?"), "{e:?}");
    }

    #[test]
    fn a_name_restricts_its_noun_by_a_clause_after_it_not_by_a_time_or_a_modifier() {
        for (name, restricted) in [
            ("teams playing in baseball parks", true),
            ("shares exchanged for Supermac", true),
            ("employees to be furloughed", true),
            ("shares bought in February", false),
            ("prize money won in 1960", false),
            ("loss during the quarter", false),
            ("damages awarded", false),
            ("cut in the posted price", false),
            ("defence spending", false),
        ] {
            assert_eq!(Measure::restricts_its_noun(name), restricted, "{name}");
        }
    }

    #[test]
    fn undefined_measure_points_at_the_claim_line() {
        let e = load_one(&format!("{BASE}claims:\n  - Kenya pledged = 1,000\n")).unwrap_err();
        assert_eq!(e.line, 8);
        assert!(e.message.contains("undefined measure `pledged`"), "{}", e.message);
        assert_eq!(e.help.as_deref(), Some("did you mean `pledge`?"));
    }

    #[test]
    fn unknown_key_suggests_the_right_one() {
        let e = load_one("entities: {}\nmeasurs: {}\n").unwrap_err();
        assert_eq!(e.line, 2);
        assert_eq!(e.help.as_deref(), Some("did you mean `measures`?"));
    }

    #[test]
    fn syntax_error_has_a_line() {
        let e = load_one("claims:\n  - Kenya pledge = 1,000\n bad: [\n").unwrap_err();
        assert!(e.line >= 2, "{e:?}");
    }

    #[test]
    fn bad_regex_is_reported_at_its_pattern() {
        let e = load_one("boilerplate:\n  trailer:\n    pattern: '(unclosed'\n").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.message.contains("trailer"));
    }

    #[test]
    fn later_file_switches_a_pattern_off() {
        let r = load_sources(&[
            ("a.yaml".into(), "boilerplate:\n  views:\n    pattern: 'views'\n".into()),
            (
                "b.yaml".into(),
                "boilerplate:\n  views:\n    pattern: 'x'\n    enabled: false\n".into(),
            ),
        ])
        .unwrap();
        assert!(r.boilerplate.is_empty());
    }

    #[test]
    fn the_first_matching_pattern_is_the_first_in_rule_order() {
        let rules = load(&[]).unwrap();
        assert_eq!(rules.boilerplate_any.len(), 2, "anchored and free sets");
        let texts = [
            "Recommended Stories",
            "READ MORE: Haiti's gangs tighten their grip",
            "Share this article",
            "84 views0 comments",
            "© 2024 The Ledger. All rights reserved.",
            "Follow us on Twitter",
            "Sign up for our newsletter to get the latest news delivered to your inbox.",
            "Police patrol Port-au-Prince. (AP Photo/Jane Doe)",
            "By Jane Doe, Associated Press",
            "Kenyan police arrived in Port-au-Prince on Tuesday, officials said.",
            "",
        ];
        for t in texts {
            let linear = rules.boilerplate.iter().find(|p| p.regex.is_match(t)).map(|p| &p.name);
            assert_eq!(rules.boilerplate_match(t).map(|p| &p.name), linear, "{t:?}");
        }
        // A project pattern listed after a built-in one that also matches.
        let later = load_sources(&[
            (BUILTIN_NAME.to_string(), BUILTIN.to_string()),
            (
                "a.yaml".into(),
                "boilerplate:\n  x-share:\n    pattern: 'hare'\n".into(),
            ),
        ])
        .unwrap();
        assert_eq!(later.boilerplate_match("Share").map(|p| p.name.as_str()), Some("share"));
        assert_eq!(
            later.boilerplate_match("Shared joy").map(|p| p.name.as_str()),
            Some("x-share")
        );
    }
}
