//! Ties each figure to the entity it is about and the measure it states,
//! using the grammar of the sentence rather than mere proximity:
//!
//! - an entity inside the figure's noun phrase ("400 *Kenyan* police"), or
//!   after it ("1,000 troops from *Kenya*", "80% of *Haiti’s* capital");
//! - a possessive just before it ("*Kenya’s* deployment of about 380");
//! - "its"/"their" in the noun phrase → the sentence's subject;
//! - otherwise the nearest entity before it in the same clause that is not the
//!   object of a place preposition ("sent troops *to Haiti*" is a destination).
//!
//! A clause opened by "including", "which", "who" or "with" continues the one
//! before it. A measure needs its unit noun and one of its cue words in the
//! same (or continued) clause; the main verb (the first cue) wins.

use super::figures::SentenceContext;
use super::{Figure, Lexicon, Mention};
use crate::rules::Measure;
use crate::text::{Span, TokenKind, stem_into};

const PLACE_PREPOSITIONS: &[&str] = &[
    "in",
    "to",
    "into",
    "at",
    "across",
    "toward",
    "towards",
    "near",
    "inside",
    "throughout",
    "within",
    "for",
    "on",
    "onto",
    "around",
    "outside",
];
const CONTINUATIONS: &[&str] = &["including", "which", "who", "among", "comprising", "or"];
/// Words that open a parenthetical phrase between commas (", through a
/// unit,", ", for example,"): the clause goes on after it.
const PARENTHETICAL_OPENERS: &[&str] = &[
    "through", "via", "by", "for", "in", "of", "with", "at", "from", "under", "after", "before", "like", "as",
];
/// Longest parenthetical phrase, in tokens.
const PARENTHETICAL_MAX: usize = 6;
/// Words that may stand between a figure's noun and a cue verb after it:
/// "400 police *have been* deployed", "troops *who were* deployed".
const AUXILIARIES: &[&str] = &[
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
    "already",
    "now",
    "recently",
    "also",
    "just",
    "who",
    "that",
    "which",
    "currently",
    "still",
    "reportedly",
    "initially",
    "since",
    "so",
    "far",
];
/// How far (in tokens) a cue word may be from its figure.
const CUE_WINDOW: usize = 14;

struct Sentence {
    /// Clause number of each token.
    clause: Vec<u16>,
    /// Whether clause `c` continues clause `c - 1`.
    continues: Vec<bool>,
    /// Mentions in this sentence with their first and last token index.
    mentions: Vec<(Mention, usize, usize)>,
}

/// The tokens where a cue for a figure spanning tokens `fstart..fend` (its
/// noun included) may be.
fn cue_range(fstart: usize, fend: usize, len: usize) -> (usize, usize) {
    (fstart.saturating_sub(CUE_WINDOW), (fend + CUE_WINDOW).min(len))
}

/// [`cue_range`] of a figure.
fn cue_window(ctx: &SentenceContext, fig: &Figure) -> (usize, usize) {
    let fstart = ctx.token_at(fig.span.start);
    let fend = match fig.noun {
        Some(n) => ctx.token_at(n.start) + 1,
        None => ctx.token_at(fig.span.end.saturating_sub(1)) + 1,
    };
    cue_range(fstart, fend, ctx.tokens.len())
}

fn analyse(ctx: &SentenceContext, mentions: &[Mention]) -> Sentence {
    let mut clause = Vec::with_capacity(ctx.tokens.len());
    let mut continues = vec![false];
    let mut c: u16 = 0;
    let mut at_clause_start = true;
    for (i, t) in ctx.tokens.iter().enumerate() {
        let w = t.text(ctx.text);
        let boundary = t.kind == TokenKind::Punct && matches!(w, "," | ";" | ":" | "(" | ")" | "—" | "–");
        if boundary {
            clause.push(c);
            c = c.saturating_add(1);
            continues.push(false);
            at_clause_start = true;
            continue;
        }
        if at_clause_start && t.kind == TokenKind::Word {
            let lower = t.text(ctx.lower);
            if let Some(slot) = continues.last_mut() {
                *slot = c > 0 && CONTINUATIONS.contains(&lower);
            }
            at_clause_start = false;
        }
        let _ = i;
        clause.push(c);
    }
    // A short phrase between commas that opens with a preposition, or is a
    // name (", Tex.,"), is an aside: it and the clause after it continue the
    // clause before it.
    let mut ranges: Vec<(usize, usize)> = Vec::with_capacity(continues.len());
    for (i, &ci) in clause.iter().enumerate() {
        if ranges.len() == ci as usize + 1 {
            if let Some(r) = ranges.last_mut() {
                r.1 = i + 1;
            }
        } else {
            ranges.push((i, i + 1));
        }
    }
    for c in 1..ranges.len().saturating_sub(1).min(continues.len().saturating_sub(1)) {
        let (from, to) = ranges[c];
        let last = to - 1;
        if from == 0 || ctx.word(from - 1) != "," || ctx.word(last) != "," || last <= from {
            continue;
        }
        let len = last - from;
        let opener = ctx.kind(from) == Some(TokenKind::Word) && PARENTHETICAL_OPENERS.contains(&ctx.lw(from));
        let name = (from..last).all(|j| match ctx.kind(j) {
            Some(TokenKind::Word) => ctx.capitalised(j),
            Some(TokenKind::Punct) => ctx.word(j) == ".",
            _ => false,
        });
        if len <= PARENTHETICAL_MAX && (opener || name) {
            continues[c] = true;
            continues[c + 1] = true;
        }
    }
    let lo = mentions.partition_point(|m| m.span.start < ctx.sentence.start);
    let ms = mentions[lo..]
        .iter()
        .take_while(|m| m.span.end <= ctx.sentence.end)
        .map(|&m| {
            (
                m,
                ctx.token_at(m.span.start),
                ctx.token_at(m.span.end.saturating_sub(1)),
            )
        })
        .collect();
    Sentence {
        clause,
        continues,
        mentions: ms,
    }
}

impl Sentence {
    /// Clauses a figure in clause `c` may draw on: itself and, when it
    /// continues its predecessor, the clause before.
    fn linked(&self, fig_clause: u16, other: u16) -> bool {
        if other > fig_clause {
            return false;
        }
        // Back through every clause that continues the one before it.
        (other + 1..=fig_clause).all(|c| self.continues.get(c as usize).copied().unwrap_or(false))
    }

    fn is_place_object(&self, ctx: &SentenceContext, tok: usize) -> bool {
        tok > 0 && {
            let prev = ctx.lw(tok - 1);
            let prev = if prev == "the" && tok > 1 {
                ctx.lw(tok - 2)
            } else {
                prev
            };
            PLACE_PREPOSITIONS.contains(&prev)
        }
    }

    fn subject(&self, ctx: &SentenceContext) -> Option<usize> {
        self.mentions
            .iter()
            .find(|(_, s, _)| self.clause.get(*s).copied() == Some(0) && !self.is_place_object(ctx, *s))
            .map(|(m, _, _)| m.entity)
    }
}

/// `stems` is scratch space, kept by the caller from sentence to sentence
/// so that its strings are allocated once.
///
/// Returns the proper name the sentence opens with as its subject when it
/// is no entity of the rules (see [`named_subject`]): the discourse has
/// moved to it.
pub fn attach(
    ctx: &SentenceContext,
    mentions: &[Mention],
    lexicon: &Lexicon,
    figures: &mut [Figure],
    stems: &mut Vec<String>,
) -> Option<Span> {
    // "the senator, 54, said": an age, not a count.
    for fig in figures.iter_mut() {
        super::keys::mark_appositive_age(ctx, fig);
    }
    // Only figures with a measure borrow an entity from the discourse.
    let subject = if lexicon.measures.is_empty() || ctx.tokens.is_empty() {
        None
    } else {
        named_subject(ctx, mentions, lexicon)
    };
    if figures.iter().all(|f| !f.kind.is_claimable()) || ctx.tokens.is_empty() {
        return subject.map(|(a, b)| ctx.span(a, b));
    }
    let s = analyse(ctx, mentions);
    // (figure start, whether its measure's cue is in its own phrase)
    let mut owns: Vec<(usize, bool)> = Vec::new();
    // Stems of the words a cue window reaches; `measure_for` reads no other.
    let stems = if lexicon.measures.is_empty() {
        &stems[..0]
    } else {
        if stems.len() < ctx.tokens.len() {
            stems.resize(ctx.tokens.len(), String::new());
        }
        stems[..ctx.tokens.len()].iter_mut().for_each(String::clear);
        for fig in figures.iter().filter(|f| f.kind.is_claimable()) {
            let (lo, hi) = cue_window(ctx, fig);
            for (t, slot) in ctx.tokens[lo..hi].iter().zip(&mut stems[lo..hi]) {
                if t.kind == TokenKind::Word && slot.is_empty() {
                    stem_into(t.text(ctx.text), slot);
                }
            }
        }
        &stems[..ctx.tokens.len()]
    };
    // Token ranges of the sentence's amounts, for the statements they end
    // (only read when there are measures to tie).
    let others: Vec<(usize, usize)> = figures
        .iter()
        .filter(|f| f.kind.is_claimable() && !lexicon.measures.is_empty())
        .map(|f| {
            (
                ctx.token_at(f.span.start),
                ctx.token_at(f.phrase().end.saturating_sub(1)) + 1,
            )
        })
        .collect();
    for fig in figures.iter_mut().filter(|f| f.kind.is_claimable()) {
        let fstart = ctx.token_at(fig.span.start);
        let fend = ctx.token_at(fig.span.end.saturating_sub(1)) + 1;
        let noun_tok = fig.noun.map(|n| ctx.token_at(n.start));
        let fclause = s.clause.get(fstart).copied().unwrap_or(0);
        if let Some(e) = entity_for(ctx, &s, fstart, fend, noun_tok, fclause) {
            fig.entity = Some(lexicon.entities[e].clone());
        } else {
            fig.other_holder = subject.is_some_and(|(_, b)| b <= fstart) || relative_to_another(ctx, &s, fclause);
        }
        if !lexicon.measures.is_empty()
            && let Some((m, cue, own)) = measure_for(
                ctx,
                &s,
                stems,
                &lexicon.measures,
                fig,
                fstart,
                noun_tok,
                noun_tok.map_or(fend, |n| n + 1),
                fclause,
                &others,
            )
        {
            fig.measure = Some(m.name.clone());
            fig.cue = Some(cue);
            owns.push((fig.span.start, own));
        }
    }
    keep_owners_of_their_measure(figures, &owns);
    drop_earlier_values(ctx, figures);
    pair_respectively(ctx, lexicon, figures);
    subject.map(|(a, b)| ctx.span(a, b))
}

/// "456,968 common shares and 527,035 preferred shares … at four dlrs and
/// 5.75 dlrs each *respectively*": the n-th figure of the last list is the
/// n-th item's of the list before it. A figure whose item lacks a word of
/// its measure's name that another item has ("common") does not state it.
fn pair_respectively(ctx: &SentenceContext, lexicon: &Lexicon, figures: &mut [Figure]) {
    let Some(resp) = (0..ctx.tokens.len()).find(|&k| ctx.lw(k) == "respectively") else {
        return;
    };
    let before: Vec<usize> = (0..figures.len())
        .filter(|&i| figures[i].kind.is_claimable() && ctx.token_at(figures[i].span.start) < resp)
        .collect();
    // The last run of one kind, and as many figures of another kind before it.
    let Some(&last) = before.last() else { return };
    let kind = figures[last].kind;
    let run: Vec<usize> = before
        .iter()
        .rev()
        .take_while(|&&i| figures[i].kind == kind)
        .copied()
        .collect();
    let items: Vec<usize> = before[..before.len() - run.len()]
        .iter()
        .rev()
        .take(run.len())
        .copied()
        .collect();
    if run.len() < 2 || items.len() != run.len() {
        return;
    }
    let (run, items): (Vec<usize>, Vec<usize>) = (run.into_iter().rev().collect(), items.into_iter().rev().collect());
    // The lower-case words of each item, from its figure to the next one.
    let bounds: Vec<usize> = items
        .iter()
        .chain(std::iter::once(&run[0]))
        .map(|&i| ctx.token_at(figures[i].span.start))
        .collect();
    let words_of = |n: usize| -> Vec<String> {
        (bounds[n]..bounds[n + 1])
            .filter(|&j| ctx.kind(j) == Some(TokenKind::Word) && !ctx.capitalised(j))
            .map(|j| super::singular(ctx.lw(j)))
            .collect()
    };
    let item_words: Vec<Vec<String>> = (0..items.len()).map(words_of).collect();
    for (n, &fi) in run.iter().enumerate() {
        let Some(m) = figures[fi].measure.as_deref() else {
            continue;
        };
        let Some(measure) = lexicon.measures.iter().find(|x| x.name == m) else {
            continue;
        };
        let name: Vec<String> = measure
            .name
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty() && !crate::text::is_stopword(&w.to_lowercase()))
            .map(|w| super::singular(&w.to_lowercase()))
            .collect();
        let has = |words: &[String], w: &String| words.contains(w);
        let lacks = name
            .iter()
            .any(|w| !has(&item_words[n], w) && item_words.iter().any(|other| has(other, w)));
        let holds_one = name
            .iter()
            .any(|w| has(&item_words[n], w) && !item_words.iter().all(|o| has(o, w)));
        if lacks && !holds_one {
            figures[fi].measure = None;
            figures[fi].cue = None;
        }
    }
}

/// Words after a name that make it the speaker or a person's title, not the
/// holder of the sentence's figures ("Smith said the company earned …",
/// "Shearson analyst Joe Smith estimated …").
const NOT_HOLDING: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "noted",
    "estimated",
    "estimates",
    "expects",
    "expected",
    "predicted",
    "believes",
    "thinks",
    "reported",
    "announced",
    "stated",
    "according",
    "analyst",
    "analysts",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chairman",
    "president",
    "official",
    "officials",
    "executive",
    "director",
    "economist",
    "economists",
    "also",
    "and",
    "or",
];

/// The proper name that opens the sentence's main clause as its subject,
/// as a token range, when it is no mention of a rules entity: "The Lummus
/// Cotton Gin Co. has had …", "Presently, Hardwicke-Etter employs …". A
/// lone capitalised first word is left out ("Factory operations are …"
/// reads the same), and so are speakers ("Smith said …").
fn named_subject(ctx: &SentenceContext, mentions: &[Mention], lexicon: &Lexicon) -> Option<(usize, usize)> {
    let n = ctx.tokens.len();
    // A short opener before a comma: "Presently,", "In 1930,".
    let mut i = (0..n.min(4)).find(|&j| ctx.word(j) == ",").map_or(0, |c| c + 1);
    let start = i;
    let the = ctx.lw(i) == "the";
    if the {
        i += 1;
    }
    let name_start = i;
    let mut caps = 0;
    while i < n {
        if ctx.capitalised(i) && ctx.word(i).len() > 1 {
            caps += 1;
        } else if !(i > name_start
            && (ctx.glued(i) && matches!(ctx.word(i), "-" | "." | "&") || ctx.lw(i) == "of" && ctx.capitalised(i + 1)))
        {
            break;
        }
        i += 1;
    }
    let first = ctx.word(name_start);
    if caps == 0
        || i >= n
        || (caps == 1 && start == 0 && !the && !hyphenated(ctx, name_start, i))
        || crate::text::is_stopword(&first.to_ascii_lowercase())
        || super::dates::month(first).is_some()
        || super::dates::weekday(first).is_some()
        || ctx.kind(i) != Some(TokenKind::Word)
        || ctx.capitalised(i)
        || NOT_HOLDING.contains(&ctx.lw(i))
    {
        return None;
    }
    let span = ctx.span(name_start, i);
    // Mentions are in text order: only those starting before the name ends
    // and not ended before it (a search, not a scan of the article).
    let hi = mentions.partition_point(|m| m.span.start < span.end);
    let ruled = mentions[..hi]
        .iter()
        .rev()
        .take_while(|m| m.span.start + MAX_MENTION_BYTES > span.start)
        .any(|m| span.start < m.span.end && lexicon.from_rules.get(m.entity) == Some(&true));
    (!ruled).then_some((name_start, i))
}

/// Longest entity mention looked back for, in bytes: a name overlapping a
/// subject starts at most this far before it.
const MAX_MENTION_BYTES: usize = 256;

/// "the management group, *which* has a 5.4 pct stake": a relative clause
/// whose antecedent, the clause before, is a noun phrase that names no
/// entity; its figures are that phrase's.
fn relative_to_another(ctx: &SentenceContext, s: &Sentence, fclause: u16) -> bool {
    let Some(first) = s.clause.iter().position(|&c| c == fclause) else {
        return false;
    };
    if fclause == 0 || !matches!(ctx.lw(first), "which" | "who" | "whose") {
        return false;
    }
    let Some(prev) = s.clause.iter().position(|&c| c == fclause - 1) else {
        return false;
    };
    let mut k = prev;
    if matches!(ctx.lw(k), "and" | "or" | "but") {
        k += 1;
    }
    let np = k..first.saturating_sub(1);
    matches!(ctx.lw(k), "the" | "a" | "an")
        && np.len() <= 5
        && np
            .clone()
            .all(|j| ctx.kind(j) == Some(TokenKind::Word) && !ctx.capitalised(j) || j == k)
        && !s.mentions.iter().any(|(_, a, _)| np.contains(a))
}

/// "raised its stake to 816,000 shares from 453,300", "rose from 5% to 7%":
/// the figure after "from" is the value before the change, of another time
/// than the sentence's; it states no measure a claim could be about.
fn drop_earlier_values(ctx: &SentenceContext, figures: &mut [Figure]) {
    let after = |fig: &Figure, word: &str| {
        let k = ctx.token_at(fig.span.start);
        k > 0 && ctx.lw(k - 1) == word
    };
    let changes = figures.iter().any(|f| f.kind.is_claimable() && after(f, "to"));
    if !changes {
        return;
    }
    let kinds: Vec<_> = figures.iter().filter(|f| after(f, "to")).map(|f| f.kind).collect();
    for f in figures.iter_mut() {
        if f.measure.is_some() && after(f, "from") && kinds.contains(&f.kind) {
            f.measure = None;
            f.cue = None;
        }
    }
}

/// Figures of one sentence that one measure's cue reaches are items of a
/// list ("13.5 billion dlrs in assets and 7.5 billion dlrs in deposits"):
/// when some of them name the measure in their own phrase (the counted noun
/// or an "in"/"of"/"for" complement) and others do not, only the ones that
/// name it state it.
fn keep_owners_of_their_measure(figures: &mut [Figure], owns: &[(usize, bool)]) {
    if owns.len() < 2 || owns.iter().all(|o| !o.1) {
        return;
    }
    let own_at = |start: usize| owns.iter().find(|o| o.0 == start).is_some_and(|o| o.1);
    let owned: Vec<(String, super::FigureKind)> = figures
        .iter()
        .filter(|f| f.measure.is_some() && own_at(f.span.start))
        .map(|f| (f.measure.clone().unwrap_or_default(), f.kind))
        .collect();
    for f in figures.iter_mut() {
        if let Some(m) = &f.measure
            && !own_at(f.span.start)
            && owned.iter().any(|(om, k)| om == m && *k == f.kind)
        {
            f.measure = None;
            f.cue = None;
        }
    }
}

fn entity_for(
    ctx: &SentenceContext,
    s: &Sentence,
    fstart: usize,
    fend: usize,
    noun_tok: Option<usize>,
    fclause: u16,
) -> Option<usize> {
    let phrase_end = noun_tok.map_or(fend, |n| n + 1);
    // a. Inside the noun phrase: "400 Kenyan police".
    if let Some((m, _, _)) = s.mentions.iter().find(|(_, a, _)| *a >= fend && *a < phrase_end) {
        return Some(m.entity);
    }
    // a'. Right after a hyphenated figure, which modifies the name it
    // precedes: "the 187-mile *Ridge Toll Road*", "a 228-room *Harbor Inn*".
    if hyphenated(ctx, fstart, phrase_end)
        && let Some((m, _, _)) = s.mentions.iter().find(|(_, a, _)| *a == phrase_end)
    {
        return Some(m.entity);
    }
    // b. Right after it: "1,000 troops from Kenya", "80% of Haiti’s capital".
    if let Some((m, _, _)) = s.mentions.iter().find(|(_, a, _)| {
        *a == phrase_end + 1 && matches!(ctx.lw(phrase_end), "from" | "of")
            || (*a == phrase_end + 2 && ctx.is_word(phrase_end, "of") && ctx.is_word(phrase_end + 1, "the"))
    }) {
        return Some(m.entity);
    }
    // c. A possessive shortly before, same clause: "Kenya’s deployment of about 380".
    if let Some((m, _, _)) =
        s.mentions.iter().rev().find(|(m, _, b)| {
            m.possessive && *b < fstart && fstart - *b <= 5 && s.clause.get(*b).copied() == Some(fclause)
        })
    {
        return Some(m.entity);
    }
    // d. "its"/"their" in the noun phrase: the sentence's subject.
    let reach = (phrase_end + 3).min(ctx.tokens.len());
    if (fend..reach).any(|k| matches!(ctx.lw(k), "its" | "their"))
        && let Some(e) = s.subject(ctx)
    {
        return Some(e);
    }
    // e. The nearest entity before, in the same or the continued clause, that
    // is not a destination nor a word of a longer proper name ("the *United
    // States* Open", "*Kenya* Airways").
    s.mentions
        .iter()
        .rev()
        .filter(|(_, a, b)| {
            *b < fstart
                && s.linked(fclause, s.clause[*a])
                && !s.is_place_object(ctx, *a)
                && !(*b + 1 < fstart && ctx.capitalised(*b + 1))
        })
        .map(|(m, _, _)| m.entity)
        .next()
}

fn unit_matches(m: &Measure, fig: &Figure) -> bool {
    if m.units.is_empty() {
        return fig.kind == super::FigureKind::Count;
    }
    // Durations are converted: a measure in years takes "18 months".
    if fig.kind == super::FigureKind::Duration {
        return m.units.iter().any(|u| crate::rules::time_unit_days(u).is_some());
    }
    let Some(unit) = fig.unit.as_deref() else { return false };
    let unit_l = unit.to_lowercase();
    // A quantity is converted within its dimension: a measure in km takes "932 miles".
    let dim = (fig.kind == super::FigureKind::Quantity)
        .then(|| super::keys::dimension(unit).map(|(d, _)| d))
        .flatten();
    m.units.iter().any(|u| {
        u == &unit_l
            || (u == "%" && fig.kind == super::FigureKind::Percent)
            || u.eq_ignore_ascii_case(unit)
            || dim.is_some_and(|d| super::keys::dimension(u).is_some_and(|(du, _)| du == d))
    })
}

/// Whether a figure at tokens `fstart..fend` can state a measure of its shape:
/// a change or a flow is not the level after "to" or "from" ("reduced *to*
/// 16.85 dlrs", "raised its stake *to* 816,000 shares"), a level is not the
/// change after "by", and a price per unit is followed by its unit ("22 dlrs
/// *a share*", "5.75 dlrs *each*"), which a total ("about 53 mln dlrs") is not.
fn shape_matches(ctx: &SentenceContext, m: &Measure, fstart: usize, fend: usize) -> bool {
    let mut before = fstart;
    while before > 0
        && matches!(
            ctx.lw(before - 1),
            "about" | "around" | "nearly" | "some" | "roughly" | "$"
        )
    {
        before -= 1;
    }
    let preposition = if before > 0 { ctx.lw(before - 1) } else { "" };
    let fits = if m.flow {
        !matches!(preposition, "to" | "from")
    } else {
        // "an additional 2% tax", "another 200 troops": an increment, not the level.
        preposition != "by" && !INCREMENTS.contains(&preposition) && !traded(ctx, m, before)
    };
    fits && (!m.per_unit
        || (fend..(fend + 6).min(ctx.tokens.len()))
            .any(|k| matches!(ctx.lw(k), "a" | "an" | "per" | "each" | "apiece")))
}

/// Prepositions that open a figure's complement ("6.13 mln bags *against*
/// the crop", "13.5 billion dlrs *in* assets").
const COMPLEMENT_PREPOSITIONS: &[&str] = &["in", "of", "for", "against", "on", "from", "at", "with"];

/// Whether token `k` is in the complement that opens right after a figure
/// ending at `ge`: a preposition, then a few words of one phrase
/// ("against the 1986/87 crop").
fn in_complement_of(ctx: &SentenceContext, ge: usize, k: usize) -> bool {
    ge < k && k - ge <= 6 && COMPLEMENT_PREPOSITIONS.contains(&ctx.lw(ge)) && one_phrase(ctx, ge + 1, k)
}

/// Whether tokens `from..to` stay within one phrase: no punctuation but a
/// glued one ("league's"), no conjunction.
fn one_phrase(ctx: &SentenceContext, from: usize, to: usize) -> bool {
    (from..to)
        .all(|j| (ctx.kind(j) != Some(TokenKind::Punct) || ctx.glued(j)) && !matches!(ctx.lw(j), "and" | "or" | "but"))
}

/// Words before a figure that make it an increment on a level.
const INCREMENTS: &[&str] = &["additional", "another", "extra", "further"];

/// Verbs of a transaction: the count right after one is what changed hands
/// ("offering to purchase 170,000 common shares"), a flow, not a level such
/// as the shares outstanding.
const TRANSACTIONS: &[&str] = &[
    "buy",
    "buys",
    "buying",
    "bought",
    "purchase",
    "purchases",
    "purchasing",
    "purchased",
    "sell",
    "sells",
    "selling",
    "sold",
    "acquire",
    "acquires",
    "acquiring",
    "acquired",
    "tender",
    "tendered",
    "issue",
    "issued",
];

/// Whether the count whose qualifiers start at token `before` is the
/// object of a transaction verb; money and percentages are prices and
/// shares of a whole there, and stay.
fn traded(ctx: &SentenceContext, m: &Measure, before: usize) -> bool {
    let counted = m
        .units
        .iter()
        .all(|u| u != "%" && crate::extract::iso_4217(u).is_none());
    let mut k = before;
    // "to buy up to 100,000 shares", "sold the 500 tonnes"
    while k > 0 && before - k < 3 && matches!(ctx.lw(k - 1), "a" | "an" | "up" | "to" | "the") {
        k -= 1;
    }
    counted && k > 0 && TRANSACTIONS.contains(&ctx.lw(k - 1))
}

/// The period a figure's sentence puts it in: the period word nearest it,
/// the last before it or one of the few just after it ("nearly 200 mln dlrs
/// *in the year* ended"), whichever is closer.
fn period_near(ctx: &SentenceContext, fstart: usize, fend: usize) -> Option<crate::extract::Grain> {
    const AFTER: usize = 4;
    let before = (0..fstart)
        .rev()
        .find_map(|k| crate::extract::period_word(ctx.lw(k)).map(|g| (fstart - k, g)));
    let after = (fend..(fend + AFTER).min(ctx.tokens.len()))
        .find_map(|k| crate::extract::period_word(ctx.lw(k)).map(|g| (k + 1 - fend, g)));
    match (before, after) {
        (Some(b), Some(a)) => Some(if a.0 < b.0 { a.1 } else { b.1 }),
        (b, a) => b.or(a).map(|x| x.1),
    }
}

/// Words that end a statement between two figures: a verb of its own
/// ("… 6.4 mln bags and sales standing at almost 6.2 mln *there are* …").
fn statement_break(ctx: &SentenceContext, from: usize, to: usize) -> bool {
    (from..to).any(|j| {
        matches!(
            ctx.lw(j),
            "is" | "are" | "was" | "were" | "has" | "have" | "had" | "there" | "said" | "says" | "will" | "would"
        )
    })
}

/// Counted nouns that stand for any group of people ("employs 300 people").
const ANY_PEOPLE: &[&str] = &["people", "person", "man", "men", "woman", "women"];

/// "team officials who received a pair of silver cufflinks": the cue word at
/// `k` is the noun the measure counts ("teams"), used for another thing,
/// while the figure counts a noun of its own.
fn counts_another_noun(ctx: &SentenceContext, m: &Measure, fig: &Figure, k: usize, last: usize) -> bool {
    if k != last || fig.kind != super::FigureKind::Count || m.nouns.is_empty() {
        return false;
    }
    let Some(counted) = fig.unit.as_deref() else {
        return false;
    };
    let noun = super::singular(ctx.lw(k));
    m.nouns.contains(&noun) && !m.nouns.iter().chain(&m.units).any(|n| n == counted) && !ANY_PEOPLE.contains(&counted)
}

/// Subjects that stand for the entity or the figure itself, not for
/// another quantity.
const STAND_INS: &[&str] = &[
    "it", "they", "company", "firm", "group", "bank", "total", "figure", "number", "amount", "value", "which", "that",
    "who", "this", "these", "those",
];

/// "Total Bahia *sales* are currently estimated at 6.13 mln bags": the verb
/// cue at `k` says how its subject was measured, and the subject is another
/// quantity than the measure's (its head noun no cue of it).
fn measures_its_subject(ctx: &SentenceContext, m: &Measure, k: usize, fstart: usize) -> bool {
    if k >= fstart {
        return false;
    }
    let mut h = k;
    while h > 0 && AUXILIARIES.iter().any(|a| ctx.is_word(h - 1, a)) {
        h -= 1;
    }
    if h == k || h == 0 || m.nouns.contains(&super::singular(ctx.lw(k))) {
        return false;
    }
    let head = h - 1;
    let word = ctx.lw(head);
    ctx.kind(head) == Some(TokenKind::Word)
        && !ctx.capitalised(head)
        && word.chars().all(|c| c.is_ascii_lowercase())
        && !STAND_INS.contains(&word)
        && !m
            .cue_stems
            .iter()
            .chain(&m.noun_stems)
            .any(|c| *c == crate::text::stem(word))
        && !m.units.contains(&super::singular(word))
}

/// Whether token `k` is in the figure's own phrase: its counted noun, or a
/// complement right after it ("13.5 billion dlrs *in assets*", "27 pct *of
/// the shares*", "a 228-*room* hotel").
fn in_own_phrase(ctx: &SentenceContext, k: usize, noun_tok: Option<usize>, fstart: usize, fend: usize) -> bool {
    let after_hyphen = k > 0 && ctx.word(k - 1) == "-" && ctx.glued(k - 1) && ctx.glued(k);
    if noun_tok == Some(k) || (after_hyphen && k > fstart && k <= fend + 1) {
        return true;
    }
    // A figure written as a compound modifier ("a two-billion-*dlr* bond
    // issue") heads the noun phrase after it.
    let modifier = fend >= fstart + 3 && ctx.word(fend - 2) == "-" && ctx.glued(fend - 2) && ctx.glued(fend - 1);
    if modifier
        && k >= fend
        && k < fend + 3
        && (fend..=k).all(|j| ctx.kind(j) == Some(TokenKind::Word) && !ctx.capitalised(j))
    {
        return true;
    }
    if k <= fend || k > fend + 3 || !matches!(ctx.lw(fend), "in" | "of" | "for") {
        return false;
    }
    (fend + 1..k).all(|j| matches!(ctx.lw(j), "the" | "a" | "an" | "its" | "their" | "total"))
}

/// The last token of a cue (one of `stems`, or one of `phrases`) that
/// starts at token `k`, the longest one.
fn cue_at(ctx: &SentenceContext, k: usize, stem_k: &str, stems: &[String], phrases: &[Vec<String>]) -> Option<usize> {
    let mut hit = None;
    if ctx.kind(k) == Some(TokenKind::Word) && stems.iter().any(|c| c == stem_k) {
        hit = Some(k);
    }
    for phrase in phrases {
        if !phrase.is_empty() && phrase.iter().enumerate().all(|(j, w)| ctx.lw(k + j) == w) {
            hit = hit.max(Some(k + phrase.len() - 1));
        }
    }
    hit
}

fn only_auxiliaries(ctx: &SentenceContext, from: usize, to: usize) -> bool {
    (from..to).all(|j| AUXILIARIES.iter().any(|a| ctx.is_word(j, a)))
}

/// "Nine *of the league's teams* play …", "300 *of its workers* struck":
/// the figure heads a partitive subject (ending at tokens `fend..`) whose
/// verb is the cue at `k`.
fn partitive_subject(ctx: &SentenceContext, m: &Measure, fend: usize, k: usize) -> bool {
    if ctx.lw(fend) != "of" {
        return false;
    }
    (fend + 1..k.min(fend + 7)).any(|j| {
        (noun_at(ctx, m, j) || super::looks_plural(ctx.lw(j)))
            && only_auxiliaries(ctx, j + 1, k)
            && one_phrase(ctx, fend + 1, j)
    })
}

/// A noun of the measure (one of its `nouns`, or a plural one-word cue) at token `k`.
fn noun_at(ctx: &SentenceContext, m: &Measure, k: usize) -> bool {
    if ctx.kind(k) != Some(TokenKind::Word) {
        return false;
    }
    let stem = crate::text::stem(ctx.lw(k));
    cue_at(ctx, k, &stem, &m.noun_stems, &m.noun_phrases).is_some() || m.nouns.contains(&super::singular(ctx.lw(k)))
}

/// Whether the complement right after a figure ending at `ge` names the
/// measure ("140 mln dlrs *in cash and stock*").
fn noun_in_complement(ctx: &SentenceContext, m: &Measure, ge: usize) -> bool {
    !m.nouns.is_empty()
        && (ge + 1..(ge + 7).min(ctx.tokens.len())).any(|k| in_complement_of(ctx, ge, k) && noun_at(ctx, m, k))
}

/// Whether the figure's own phrase names the measure.
fn noun_in_own_phrase(ctx: &SentenceContext, m: &Measure, noun_tok: Option<usize>, fstart: usize, fend: usize) -> bool {
    (fstart..(fend + 4).min(ctx.tokens.len()))
        .any(|k| in_own_phrase(ctx, k, noun_tok, fstart, fend) && noun_at(ctx, m, k))
}

/// The measure a figure states and the cue that says so; `true` when the
/// cue is in the figure's own phrase (see [`in_own_phrase`]).
#[allow(clippy::too_many_arguments)]
fn measure_for<'m>(
    ctx: &SentenceContext,
    s: &Sentence,
    stems: &[String],
    measures: &'m [Measure],
    fig: &Figure,
    fstart: usize,
    noun_tok: Option<usize>,
    fend: usize,
    fclause: u16,
    others: &[(usize, usize)],
) -> Option<(&'m Measure, Span, bool)> {
    let (lo, hi) = cue_range(fstart, fend, ctx.tokens.len());
    // (measure, first token, last token, rank: 0 own phrase, 1 before, 2 after)
    let mut best: Option<(&Measure, usize, usize, u8)> = None;
    // The figure's period, read once and only for a measure that names one.
    let mut near: Option<Option<crate::extract::Grain>> = None;
    let mut period_fits = |m: &Measure| match m.period {
        None => true,
        Some(p) => near
            .get_or_insert_with(|| period_near(ctx, fstart, fend))
            .is_none_or(|g| g == p),
    };
    for m in measures
        .iter()
        .filter(|m| unit_matches(m, fig) && shape_matches(ctx, m, fstart, fend) && period_fits(m))
    {
        for (k, stem_k) in stems.iter().enumerate().take(hi).skip(lo) {
            let own = in_own_phrase(ctx, k, noun_tok, fstart, fend);
            if ((fstart..fend).contains(&k) && !own) || !s.linked(fclause, s.clause[k]) {
                continue;
            }
            let mut hit = cue_at(ctx, k, stem_k, &m.cue_stems, &m.cue_phrases);
            if !m.restricted {
                hit = hit.max(cue_at(ctx, k, stem_k, &m.noun_stems, &m.noun_phrases));
            }
            let Some(last) = hit else { continue };
            // A cue after the figure must be its verb (only auxiliaries
            // between) or in its own phrase.
            if k >= fend && !own && !only_auxiliaries(ctx, fend, k) && !partitive_subject(ctx, m, fend, k) {
                continue;
            }
            // A cue before the figure reaches it across another figure only
            // within one statement: a list ("13.5 billion dlrs in assets and
            // 7.5 billion dlrs in deposits"), not "… and sales standing at
            // almost 6.2 mln there are a few hundred thousand bags".
            if k < fstart
                && others
                    .iter()
                    .any(|&(gs, ge)| k < gs && ge <= fstart && statement_break(ctx, ge, fstart))
            {
                continue;
            }
            // A cue in another figure's complement is that figure's: "6.13
            // mln bags *against the 1986/87 crop* and 1.06 mln bags".
            if k < fstart
                && others.iter().any(|&(_, ge)| in_complement_of(ctx, ge, k))
                && (k + 1..fstart).any(|j| matches!(ctx.lw(j), "and" | "or" | ","))
            {
                continue;
            }
            // A cue shared by a list goes to the item that names the
            // measure: "included 140 mln dlrs *in cash and stock* and a 299
            // mln dlrs mortgage" (a measure of cash and stock).
            if k < fstart
                && others
                    .iter()
                    .any(|&(gs, ge)| k < gs && ge <= fstart && noun_in_complement(ctx, m, ge))
                && !noun_in_own_phrase(ctx, m, noun_tok, fstart, fend)
            {
                continue;
            }
            if !own && (counts_another_noun(ctx, m, fig, k, last) || measures_its_subject(ctx, m, k, fstart)) {
                continue;
            }
            let rank = if own {
                0
            } else if k < fstart {
                1
            } else {
                2
            };
            // Its own phrase first; then the first cue before the figure
            // (the main verb); otherwise the nearest after.
            let better = match best {
                None => true,
                Some((_, bk, _, br)) => rank < br || (rank == br && k < bk),
            };
            if better {
                best = Some((m, k, last, rank));
            }
        }
    }
    best.map(|(m, a, b, rank)| {
        (
            m,
            Span::new(ctx.tokens[a].span.start, ctx.tokens[b].span.end),
            rank == 0,
        )
    })
}

/// Ties the figures that state a measure of the rules but name no entity in
/// their own clause to the entity the discourse is about: wire copy names
/// the company once and then writes "the bank said", "it sold", "the group,
/// led by …, said". In order:
///
/// 1. a rules entity named elsewhere in the figure's sentence (the nearest
///    before it, else the first after it: "…, Acme said");
/// 2. else the rules entity named last before the sentence (the headline
///    included).
///
/// Only entities the rules name are taken (a country the gazetteer knows is
/// as often a place as a holder), only for figures a measure's cue already
/// ties to a claim's measure, and never a name inside the figure's own
/// phrase ("5 mln Canadian dlrs").
pub fn attach_to_discourse(figures: &mut [Figure], mentions: &[Mention], lexicon: &Lexicon, subjects: &[Span]) {
    let ruled = |m: &&Mention| lexicon.from_rules.get(m.entity).copied().unwrap_or(false);
    for fig in figures.iter_mut() {
        if fig.entity.is_some() || fig.measure.is_none() || !fig.kind.is_claimable() || fig.other_holder {
            continue;
        }
        let phrase = fig.phrase();
        // The sentence's mentions, found by binary search: no scan of the article per figure.
        let lo = mentions.partition_point(|m| m.span.start < fig.sentence.start);
        let hi = mentions.partition_point(|m| m.span.start < fig.sentence.end);
        let own = || {
            mentions[lo..hi]
                .iter()
                .filter(ruled)
                .filter(|m| fig.sentence.contains(m.span) && !phrase.contains(m.span))
        };
        let before = own().rfind(|m| m.span.end <= phrase.start);
        let after = || own().find(|m| m.span.start >= phrase.end);
        let earlier = || {
            mentions[..lo]
                .iter()
                .rfind(|m| ruled(m) && m.span.end <= fig.sentence.start)
        };
        if let Some(m) = before.or_else(after) {
            fig.entity = Some(lexicon.entities[m.entity].clone());
        } else if let Some(m) = earlier() {
            // The story has moved on when a sentence since opened with
            // another name as its subject ("The Lummus Cotton Gin Co. has
            // had …" and then "The district office here employs about 65").
            let moved = subjects[subjects.partition_point(|s| s.start < m.span.end)..]
                .first()
                .is_some_and(|s| s.start < fig.sentence.start);
            if !moved {
                fig.entity = Some(lexicon.entities[m.entity].clone());
                fig.entity_by_discourse = true;
            }
        }
    }
}

/// Whether the figure's tokens hold a glued hyphen before a word: "187-mile",
/// "228-room", "five-year".
fn hyphenated(ctx: &SentenceContext, from: usize, to: usize) -> bool {
    (from + 1..to)
        .any(|k| ctx.word(k) == "-" && ctx.glued(k) && ctx.glued(k + 1) && ctx.kind(k + 1) == Some(TokenKind::Word))
}
