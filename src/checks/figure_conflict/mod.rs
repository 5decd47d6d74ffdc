#![doc = include_str!("../docs/figure-conflict.md")]

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;
use std::hash::BuildHasher;

use super::claims::{bears_on, overlaps};
use super::{Analysis, RuleInfo, quote};
use crate::diagnostic::{Diagnostic, Severity};
use crate::extract::keys::{FigureKey, Subject, date_interval, scaled};
use crate::extract::{Figure, FigureKind};
use crate::rules::RuleSet;
use crate::text::{Span, TokenKind, tokenize};

pub const ID: &str = "figure-conflict";
pub const RULE: RuleInfo = RuleInfo {
    id: ID,
    severity: Severity::Warning,
    summary: "figures for the same quantity cannot both hold",
    doc: include_str!("../docs/figure-conflict.md"),
};

const MAX_RELATED: usize = 5;
/// Most agreeing articles named in a message.
const MAX_FILES_NAMED: usize = 5;

/// Relative slack when two figures were written in different units (rounding in conversion).
const CONVERSION_SLACK: f64 = 0.02;

/// One keyed figure of the corpus.
struct Member<'a> {
    article: usize,
    fig: &'a Figure,
    key: &'a FigureKey,
    /// Borrowed from the key unless resolution named another.
    subject: Cow<'a, Subject>,
    /// For subjects that only make sense inside one article ("the bridge"), that article.
    scope: Option<usize>,
    interval: (f64, f64),
    /// `FxBuildHasher` hash of [`Member::group`].
    hash: u64,
    /// Its place in article and text order.
    seq: u32,
    /// Its frame, for comparing it with figures of its own article.
    frame: Option<&'a frame::Frame>,
}

/// Grouping key: unit class, predicate, anchor, subject and scope, borrowed
/// from the member (no copies of the strings while grouping).
type Group<'m> = (&'m str, &'m str, &'m str, &'m Subject, Option<usize>);

impl Member<'_> {
    fn group(&self) -> Group<'_> {
        (
            &self.key.unit,
            &self.key.predicate,
            &self.key.anchor,
            &*self.subject,
            self.scope,
        )
    }
}

/// The frames of one article's figures, read while its tokens are at hand
/// (in [`super::CorpusKeys`]); `check` compares them.
/// The figures that contradict another of the same frame are found here too,
/// while the sentences' words can still be read.
#[derive(Debug, Default)]
pub struct Frames {
    frames: Vec<Option<frame::Frame>>,
    /// (flagged, counterpart, why), from [`frame::conflicts`].
    conflicts: Vec<(usize, usize, String)>,
}

impl Frames {
    /// `tokens` are the article's tokens (`text::tokenize` over the whole text).
    pub fn of(analysis: &Analysis, tokens: &[crate::text::Token]) -> Frames {
        let frames = frame::frames_of(analysis, tokens);
        let conflicts = frame::conflicts(&frames, &analysis.article.text, tokens);
        Frames { frames, conflicts }
    }
}

pub fn check(analyses: &[Analysis], rules: &RuleSet, out: &mut Vec<Diagnostic>) {
    // Each article's keyed figures with subjects resolved, in parallel.
    let frames: Vec<&[Option<frame::Frame>]> = analyses.iter().map(|a| a.keys.frames.frames.as_slice()).collect();
    let per_article: Vec<Vec<Member>> = analyses
        .par_iter()
        .enumerate()
        .map(|(ai, a)| members_of(ai, a, rules, analyses.len(), frames[ai]))
        .collect();
    // Grouped by a parallel sort in place on (key hash, key, place): the
    // keys are compared in full only where their hashes meet. Each group's
    // members stay in article and text order; the groups come in hash order
    // (the engine sorts the findings).
    let mut members: Vec<Member> = per_article.into_iter().flatten().collect();
    for (seq, m) in members.iter_mut().enumerate() {
        m.seq = seq as u32;
    }
    members.par_sort_unstable_by(|x, y| {
        x.hash
            .cmp(&y.hash)
            .then_with(|| x.group().cmp(&y.group()))
            .then(x.seq.cmp(&y.seq))
    });
    let mut groups: Vec<std::ops::Range<usize>> = Vec::new();
    for (i, m) in members.iter().enumerate() {
        match groups.last_mut() {
            Some(g) if members[g.start].hash == m.hash && members[g.start].group() == m.group() => g.end = i + 1,
            _ => groups.push(i..i + 1),
        }
    }
    let found: Vec<Vec<Diagnostic>> = groups
        .par_iter()
        .filter(|g| g.len() >= 2)
        .map(|g| {
            let members = &members[g.clone()];
            let (reference, outliers) = split_majority(members);
            outliers
                .iter()
                .map(|&o| diagnostic(analyses, members, &reference, o))
                .collect()
        })
        .collect();
    let found: Vec<Diagnostic> = found.into_iter().flatten().collect();
    // Within each article, figures of one frame (what the keys did not already find).
    let already: std::collections::HashSet<(&str, Span)> =
        found.iter().map(|d| (&*d.location.file, d.location.span)).collect();
    let by_frame: Vec<Vec<Diagnostic>> = analyses
        .par_iter()
        .enumerate()
        .map(|(ai, a)| {
            let claimed = |f: &Figure| rules.claims.iter().any(|c| bears_on(c, f));
            a.keys
                .frames
                .conflicts
                .iter()
                .filter(|&&(bad, good, _)| !claimed(&a.facts.figures[bad]) && !claimed(&a.facts.figures[good]))
                .filter(|&&(bad, _, _)| !already.contains(&(&*a.article.path, a.facts.figures[bad].phrase())))
                .map(|(bad, good, why)| frame_diagnostic(a, frames[ai], *bad, *good, why))
                .collect()
        })
        .collect();
    out.extend(found);
    out.extend(by_frame.into_iter().flatten());
}

/// Whether two intervals overlap, with a relative slack for rounding in conversion.
fn overlaps_with_slack(x: (f64, f64), y: (f64, f64)) -> bool {
    let widen = |(lo, hi): (f64, f64)| (lo - lo.abs() * 1e-6, hi + hi.abs() * 1e-6);
    overlaps(widen(x), widen(y))
}

/// A finding of the frame comparison: `bad` contradicts `good` in one article.
fn frame_diagnostic(a: &Analysis, frames: &[Option<frame::Frame>], bad: usize, good: usize, why: &str) -> Diagnostic {
    let (fb, fg) = (&a.facts.figures[bad], &a.facts.figures[good]);
    let class = frames[bad].as_ref().and_then(|f| f.class.as_deref()).unwrap_or("");
    let what = match class.split(':').next().unwrap_or("") {
        "when" => "the date of one event",
        "age" => "one person’s age",
        "mass" => "one person’s weight",
        "rank" => "one rank",
        _ => "one quantity",
    };
    let head = frames[bad]
        .as_ref()
        .and_then(|f| f.heads.first().cloned())
        .unwrap_or_default();
    let label = if head.is_empty() {
        what.to_string()
    } else {
        format!("{head}: {what}")
    };
    Diagnostic::new(
        ID,
        RULE.severity,
        &a.article,
        fb.phrase(),
        format!(
            "{} conflicts with {}: both state {what} ({why})",
            quote(&a.article, fb.phrase()),
            quote(&a.article, fg.phrase()),
        ),
    )
    .label(label)
    .help(format!(
        "claimlint took both figures to be {what} because {why}, and nothing in either sentence sets them apart (another period, holder, condition or comparison); check the sources and correct one, or make clear they are different quantities"
    ))
    .related(
        &a.article,
        fg.phrase(),
        format!("the figure it contradicts: {}", quote(&a.article, fg.phrase())),
    )
    .finish()
}

/// The keyed figures of one article, each with its group's hash.
fn members_of<'a>(
    ai: usize,
    a: &'a Analysis,
    rules: &RuleSet,
    articles: usize,
    frames: &'a [Option<frame::Frame>],
) -> Vec<Member<'a>> {
    let keyed: Vec<(&Figure, &FigureKey, Option<&frame::Frame>)> = a
        .facts
        .figures
        .iter()
        .zip(&a.facts.keys)
        .zip(frames)
        .filter_map(|((f, k), fr)| Some((f, k.as_deref()?, fr.as_ref())))
        .filter(|(f, _, _)| !a.is_excluded(f.span))
        // A claimed quantity is judged against its claim, by claim-mismatch.
        .filter(|(f, _, _)| !rules.claims.iter().any(|c| bears_on(c, f)))
        .collect();
    if keyed.len() < 2 && articles < 2 {
        return Vec::new();
    }
    let pairs: Vec<(&Figure, &FigureKey)> = keyed.iter().map(|&(f, k, _)| (f, k)).collect();
    let resolved = resolve_subjects(a, &pairs);
    let mut out = Vec::with_capacity(keyed.len());
    for ((fig, key, frame), subject) in keyed.into_iter().zip(resolved) {
        let Some(subject) = subject else { continue };
        let Some(interval) = interval(&a.article.text, fig, key) else {
            continue;
        };
        let scope = if subject.is_named() { None } else { Some(ai) };
        let mut m = Member {
            article: ai,
            fig,
            key,
            subject,
            scope,
            interval,
            hash: 0,
            seq: 0,
            frame,
        };
        m.hash = rustc_hash::FxBuildHasher.hash_one(m.group());
        out.push(m);
    }
    out
}

/// The interval a figure allows, in the base unit of its key.
fn interval(text: &str, fig: &Figure, key: &FigureKey) -> Option<(f64, f64)> {
    if key.event {
        return date_interval(fig);
    }
    if fig.value.is_none() && fig.min.is_none() && fig.max.is_none() {
        return None;
    }
    let (mut lo, mut hi) = fig.interval();
    // "1.5 million" is rounded to its last significant digit.
    if !fig.approximate
        && fig.min == fig.value
        && fig.max == fig.value
        && let Some(v) = fig.value
        && scaled(text, fig.span)
    {
        let half = half_last_digit(v);
        lo -= half;
        hi += half;
    }
    Some((lo * key.factor, hi * key.factor))
}

/// Half a unit of the last significant digit of a value written with a scale word.
fn half_last_digit(v: f64) -> f64 {
    let scale = [1e12, 1e9, 1e6].into_iter().find(|s| v.abs() >= *s).unwrap_or(1.0);
    let m = v / scale;
    let text = format!("{}", (m * 1000.0).round() / 1000.0);
    let decimals = text.split('.').nth(1).map_or(0, str::len) as i32;
    0.5 * 10f64.powi(-decimals) * scale
}

/// Whether two figures of one group can both hold.
fn compatible(a: &Member, b: &Member) -> bool {
    // Two figures of one sentence are a contrast the writer made on purpose.
    if a.article == b.article && a.fig.sentence == b.fig.sentence {
        return true;
    }
    // Within one article, what the frames say sets the two apart (another
    // period or holder, a condition, an earlier value, a list of items).
    if a.article == b.article
        && let (Some(x), Some(y)) = (a.frame, b.frame)
        && (x.distinct(y) || x.per_unit() != y.per_unit() || x.change() != y.change())
    {
        return true;
    }
    // A figure for one place is a part of one for no place, or another place's:
    // "4 people died in Port Avery" and "at least 9 people were killed".
    let (ca, cb) = (&a.key.context, &b.key.context);
    if ca.is_empty() != cb.is_empty() || (!ca.is_empty() && !ca.iter().any(|w| cb.contains(w))) {
        return true;
    }
    let (mut x, mut y) = (a.interval, b.interval);
    if a.key.factor != b.key.factor {
        let widen = |(lo, hi): (f64, f64)| (lo - lo.abs() * CONVERSION_SLACK, hi + hi.abs() * CONVERSION_SLACK);
        x = widen(x);
        y = widen(y);
    }
    overlaps(x, y)
}

/// Resolves each figure's subject within its article: a bare noun ("the
/// bridge") stands for the one bridge the article names, and for none when it
/// names several; a surname stands for the full name. `None` drops the figure.
fn resolve_subjects<'a>(a: &Analysis, keyed: &[(&Figure, &'a FigureKey)]) -> Vec<Option<Cow<'a, Subject>>> {
    let full_names: BTreeSet<&str> = keyed
        .iter()
        .filter_map(|(_, k)| match &k.subject {
            Subject::Named(n) if n.contains(' ') => Some(n.as_str()),
            _ => None,
        })
        .collect();
    let mut variants: BTreeMap<String, BTreeSet<Subject>> = BTreeMap::new();
    let bare: BTreeSet<&str> = keyed
        .iter()
        .filter_map(|(_, k)| match &k.subject {
            Subject::Noun { head, mods } if mods.is_empty() => Some(head.as_str()),
            _ => None,
        })
        .collect();
    if !bare.is_empty() {
        for (_, k) in keyed {
            match &k.subject {
                Subject::Noun { head, mods } if !mods.is_empty() && bare.contains(head.as_str()) => {
                    variants.entry(head.clone()).or_default().insert(k.subject.clone());
                }
                Subject::Named(_) => {
                    if let Some(r) = &k.role
                        && bare.contains(r.as_str())
                    {
                        variants.entry(r.clone()).or_default().insert(k.subject.clone());
                    }
                }
                _ => {}
            }
        }
        scan_named_variants(&a.article.text, a.article.header_end, &bare, &mut variants);
    }
    keyed
        .iter()
        .map(|(_, k)| match &k.subject {
            Subject::Noun { head, mods } if mods.is_empty() => match variants.get(head) {
                None => Some(Cow::Borrowed(&k.subject)),
                Some(v) if v.len() == 1 => v.iter().next().cloned().map(Cow::Owned),
                Some(_) => None,
            },
            Subject::Named(n) if !n.contains(' ') => {
                let matches: Vec<&&str> = full_names
                    .iter()
                    .filter(|f| f.split(' ').any(|w| w == n.as_str()))
                    .collect();
                match matches.len() {
                    0 => Some(Cow::Borrowed(&k.subject)),
                    1 => Some(Cow::Owned(Subject::Named(matches[0].to_string()))),
                    _ => None,
                }
            }
            _ => Some(Cow::Borrowed(&k.subject)),
        })
        .collect()
}

/// Finds names in the text that a bare noun could stand for: "the Castle
/// Bridge" for "bridge", "Senator Maria Lopez" for "senator".
fn scan_named_variants(
    text: &str,
    from: usize,
    heads: &BTreeSet<&str>,
    variants: &mut BTreeMap<String, BTreeSet<Subject>>,
) {
    let toks = tokenize(text, Span::new(from, text.len()));
    let word = |i: usize| toks.get(i).filter(|t| t.kind == TokenKind::Word).map(|t| t.text(text));
    let cap = |i: usize| word(i).is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
    for (i, t) in toks.iter().enumerate() {
        if t.kind != TokenKind::Word {
            continue;
        }
        let w = t.text(text);
        // Capitalised words only: most words are out before `singular` allocates.
        if !w.chars().next().is_some_and(char::is_uppercase) {
            continue;
        }
        let l = crate::extract::singular(w);
        if !heads.contains(l.as_str()) {
            continue;
        }
        // "Castle Bridge": capitalised words before a capitalised head.
        let mut s = i;
        while s > 0 && cap(s - 1) && !matches!(word(s - 1), Some("The" | "A" | "An")) {
            s -= 1;
        }
        if s < i {
            let name: Vec<String> = (s..=i).map(|k| toks[k].text(text).to_lowercase()).collect();
            variants
                .entry(l.clone())
                .or_default()
                .insert(Subject::Named(name.join(" ")));
            continue;
        }
        // "Senator Maria Lopez": a title before capitalised names.
        let mut e = i + 1;
        while cap(e) {
            e += 1;
        }
        if e > i + 1 {
            let name: Vec<String> = (i + 1..e).map(|k| toks[k].text(text).to_lowercase()).collect();
            variants.entry(l).or_default().insert(Subject::Named(name.join(" ")));
        }
    }
}

/// Splits a group into a mutually compatible majority and the outliers.
/// The majority is grown from the figure compatible with most others (the
/// earliest on ties), preferring points over bare bounds.
fn split_majority(members: &[Member]) -> (Vec<usize>, Vec<usize>) {
    let n = members.len();
    if n > LARGE_GROUP {
        return split_large(members);
    }
    let compat = |i: usize, j: usize| compatible(&members[i], &members[j]);
    let support: Vec<usize> = (0..n).map(|i| (0..n).filter(|&j| compat(i, j)).count()).collect();
    let mut order: Vec<usize> = (0..n).collect();
    let bounded = |i: usize| members[i].interval.0.is_finite() && members[i].interval.1.is_finite();
    order.sort_by_key(|&i| (std::cmp::Reverse(support[i]), !bounded(i), i));
    let mut reference: Vec<usize> = Vec::new();
    for i in order {
        if reference.iter().all(|&r| compat(r, i)) {
            reference.push(i);
        }
    }
    reference.sort_unstable();
    // An outlier is reported only against figures it actually contradicts.
    let outliers = (0..n)
        .filter(|i| !reference.contains(i) && reference.iter().any(|&r| !compat(r, *i)))
        .collect();
    (reference, outliers)
}

/// Above this size a group is split by a sweep over its intervals rather than pair by pair.
const LARGE_GROUP: usize = 64;

/// The majority of a large group: the figures whose intervals hold the point
/// most of them hold (earliest such point); the outliers are those that
/// contradict at least one of them. O(n log n).
fn split_large(members: &[Member]) -> (Vec<usize>, Vec<usize>) {
    let mut events: Vec<(f64, i32)> = Vec::with_capacity(members.len() * 2);
    for m in members {
        events.push((m.interval.0, -1)); // opens (sorted before a close at the same point)
        events.push((m.interval.1, 1));
    }
    events.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let (mut depth, mut best, mut at) = (0i32, 0i32, f64::NAN);
    for (x, e) in events {
        depth -= e;
        if depth > best {
            best = depth;
            at = x;
        }
    }
    let holds = |m: &Member| m.interval.0 <= at + 1e-9 && at <= m.interval.1 + 1e-9;
    let reference: Vec<usize> = (0..members.len()).filter(|&i| holds(&members[i])).collect();
    let lo = reference
        .iter()
        .map(|&r| members[r].interval.1)
        .fold(f64::INFINITY, f64::min);
    let hi = reference
        .iter()
        .map(|&r| members[r].interval.0)
        .fold(f64::NEG_INFINITY, f64::max);
    let outliers = (0..members.len())
        .filter(|&i| !holds(&members[i]))
        .filter(|&i| {
            let m = &members[i];
            // Incompatible with some reference figure (ignoring slack and context, which only widen).
            (m.interval.0 > lo || m.interval.1 < hi) && reference.iter().any(|&r| !compatible(&members[r], m))
        })
        .collect();
    (reference, outliers)
}

/// A short name of the quantity, the same for every finding of one group:
/// "Chile deployed" (an entity and a measure of the rules), "Kenya: deployment (police)".
fn group_label(reference: &Member) -> String {
    let key = reference.key;
    let subject = reference.subject.describe();
    if let Some(measure) = key.predicate.strip_prefix("measure:") {
        return format!("{subject} {measure}").trim().to_string();
    }
    let mut what = key.predicate_word.clone();
    if key.unit != key.predicate && key.unit != "count" && key.unit != "date" {
        what = format!("{what} ({})", key.unit);
    }
    if subject.is_empty() {
        what
    } else {
        format!("{subject}: {what}")
    }
}

fn key_text(key: &FigureKey, other: &FigureKey, subject: &Subject) -> String {
    let mut parts = Vec::new();
    let s = subject.describe();
    if !s.is_empty() {
        parts.push(format!("subject “{s}”"));
    }
    let (w1, w2) = (&key.predicate_word, &other.predicate_word);
    if key.predicate.starts_with("measure:") {
        parts.push(format!("measure “{w1}”"));
    } else if w1.eq_ignore_ascii_case(w2) {
        parts.push(format!("predicate “{w1}”"));
    } else {
        parts.push(format!("predicate “{w1}” ~ “{w2}”"));
    }
    if key.unit != key.predicate {
        parts.push(format!("unit “{}”", key.unit));
    }
    if !key.anchor.is_empty() {
        parts.push(format!("time “{}”", key.anchor));
    }
    parts.join(", ")
}

fn diagnostic(analyses: &[Analysis], members: &[Member], reference: &[usize], o: usize) -> Diagnostic {
    let m = &members[o];
    let a = &analyses[m.article];
    let fig = m.fig;
    // The reference figure it contradicts, nearest first (same article, then earliest).
    let clashes = |r: &usize| !compatible(&members[*r], m);
    let first = reference
        .iter()
        .copied()
        .find(|r| members[*r].article == m.article && clashes(r))
        .or_else(|| reference.iter().copied().find(clashes))
        .unwrap_or(reference[0]);
    let fm = &members[first];
    let first_article = &analyses[fm.article].article;
    let first_quote = quote(first_article, fm.fig.phrase());
    let where_ = if fm.article == m.article {
        String::new()
    } else {
        format!(" in {}", first_article.path)
    };
    let others = if reference.len() > 1 {
        // The agreeing articles, the first few by name.
        let mut files: Vec<&str> = Vec::new();
        let mut more = false;
        for &r in reference {
            let path = analyses[members[r].article].article.path.as_ref();
            if !files.contains(&path) {
                if files.len() == MAX_FILES_NAMED {
                    more = true;
                    break;
                }
                files.push(path);
            }
        }
        if files.len() > 1 {
            format!(
                " (and {} other figure(s) that agree, in {}{})",
                reference.len() - 1,
                files.join(", "),
                if more { " and other articles" } else { "" }
            )
        } else {
            format!(" (and {} other figure(s) that agree)", reference.len() - 1)
        }
    } else {
        String::new()
    };
    let key = key_text(m.key, fm.key, &m.subject);
    // Articles published at different times may report a figure that changed.
    let (a_date, r_date) = (a.article.date, first_article.date);
    let (severity, when) = match (a_date, r_date) {
        (Some(x), Some(y)) if x != y && fm.article != m.article && !m.key.event => (
            Severity::Info,
            format!("; the articles are dated {y} and {x}, so the figure may have changed in between"),
        ),
        _ => (RULE.severity, String::new()),
    };
    let what = if m.key.event {
        "the date of one event"
    } else if fig.kind == FigureKind::Quantity && m.key.unit == "age" {
        "one person’s age"
    } else {
        "one quantity"
    };
    let mut d = Diagnostic::new(
        ID,
        severity,
        &a.article,
        fig.phrase(),
        format!(
            "{} conflicts with {}{where_}{others}: both state {what} ({key}){when}",
            quote(&a.article, fig.phrase()),
            first_quote,
        ),
    )
    .label(group_label(&members[reference[0]]))
    .help(format!(
        "claimlint took both figures to be {what} because they share {key}; check the sources and correct one, or make clear they are different quantities"
    ));
    // The first few of a group that may hold thousands: never collected.
    let related = std::iter::once(first).chain(reference.iter().copied().filter(|&r| r != first));
    for r in related.take(MAX_RELATED) {
        let rm = &members[r];
        let other = &analyses[rm.article];
        let verb = if compatible(rm, m) {
            "agrees with it"
        } else {
            "the figure it contradicts"
        };
        d = d.related(
            &other.article,
            rm.fig.phrase(),
            format!("{}: {}", verb, quote(&other.article, rm.fig.phrase())),
        );
    }
    d.finish()
}

#[cfg(test)]
mod tests;

mod frame;
