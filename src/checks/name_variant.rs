#![doc = include_str!("docs/name-variant.md")]

use rustc_hash::FxHashMap as HashMap;
use std::collections::{BTreeMap, BTreeSet};

use super::{Analysis, RuleInfo};
use crate::diagnostic::{Diagnostic, Severity};
use crate::extract::Lexicon;
use crate::rules::RuleSet;
use crate::text::{Span, Token, TokenKind, edit_distance, is_stopword_any_case, tokenize, tokens_within};

pub const ID: &str = "name-variant";
pub const RULE: RuleInfo = RuleInfo {
    id: ID,
    severity: Severity::Warning,
    summary: "an entity written in a known wrong form, or a name spelled two ways in the corpus",
    doc: include_str!("docs/name-variant.md"),
};

pub fn check(analysis: &Analysis, lexicon: &Lexicon, out: &mut Vec<Diagnostic>) {
    let article = &analysis.article;
    for (span, entity) in lexicon.wrong_forms(&article.text, article.header_end) {
        if analysis.is_excluded(span) {
            continue;
        }
        let right = &lexicon.entities[entity];
        let wrong = article.slice(span);
        let d = Diagnostic::new(
            ID,
            RULE.severity,
            article,
            span,
            format!("“{wrong}” is a wrong form of “{right}”"),
        )
        .label(format!("write “{right}”"))
        .help(format!("replace “{wrong}” with “{right}”"));
        out.push(d.finish());
    }
}

/// Lower case without accents: the key under which spellings of one name meet.
pub fn fold(word: &str) -> String {
    let mut s = String::with_capacity(word.len());
    fold_into(word, &mut s);
    s
}

/// [`fold`] into a buffer (cleared first), for hot loops.
fn fold_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        // No accents to take off: lower case is all there is to it.
        out.push_str(word);
        out.make_ascii_lowercase();
    } else {
        out.extend(fold_chars(word));
    }
}

fn fold_chars(word: &str) -> impl Iterator<Item = char> + '_ {
    word.chars().flat_map(char::to_lowercase).map(|c| match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' | 'ĉ' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ğ' | 'ĝ' => 'g',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => 'i',
        'ł' | 'ľ' => 'l',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ŕ' | 'ř' => 'r',
        'ś' | 'š' | 'ş' | 'ș' => 's',
        'ť' | 'ţ' | 'ț' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        c => c,
    })
}

/// No character deleted (see [`deletion`]).
const NO_DELETION: u32 = u32::MAX;

/// `key`'s characters without the one at `skip`.
fn deletion(key: &str, skip: u32) -> impl Iterator<Item = char> + '_ {
    key.chars().zip(0..).filter(move |&(_, i)| i != skip).map(|(c, _)| c)
}

fn deletion_hash(key: &str, skip: u32) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    deletion(key, skip).for_each(|c| h.write_u32(u32::from(c)));
    h.finish()
}

/// A capitalised name token as written, without a possessive ending.
fn name_of(text: &str, t: &Token) -> Option<Span> {
    if t.kind != TokenKind::Word {
        return None;
    }
    let w = t.text(text);
    // Most words are lower case: out at the first byte.
    if w.as_bytes()[0].is_ascii_lowercase() {
        return None;
    }
    let bare = w.strip_suffix("’s").or_else(|| w.strip_suffix("'s")).unwrap_or(w);
    let mut chars = bare.chars();
    let first = chars.next()?;
    if !first.is_uppercase() || bare.chars().count() < 4 || !bare.chars().any(char::is_lowercase) {
        return None;
    }
    if bare.contains(['’', '\'']) {
        return None;
    }
    Some(Span::new(t.span.start, t.span.start + bare.len()))
}

#[derive(Default)]
struct FormStat {
    count: usize,
    /// (article index, span) of the first occurrence.
    first: Option<(usize, Span)>,
    /// Neighbouring capitalised words (folded, as `word_key`s), for context:
    /// at most `MAX_NEIGHBOURS`, the first ones met.
    neighbours: Vec<u64>,
    /// The articles that hold the form, in order.
    holders: Vec<usize>,
}

/// A folded neighbour as a number: sets of them are compared, never shown.
fn word_key(folded: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(folded)
}

/// Whether a folded neighbour's key is one of `TITLES`.
fn is_title(key: u64) -> bool {
    static KEYS: std::sync::LazyLock<rustc_hash::FxHashSet<u64>> =
        std::sync::LazyLock::new(|| TITLES.iter().map(|t| word_key(t)).collect());
    KEYS.contains(&key)
}

fn shard_hash(form: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(form)
}

const MAX_NEIGHBOURS: usize = 32;

/// Capitalised neighbours that say nothing about who is meant (folded).
const TITLES: &[&str] = &[
    "president",
    "prime",
    "minister",
    "secretary",
    "state",
    "foreign",
    "general",
    "deputy",
    "assistant",
    "acting",
    "senator",
    "sen",
    "governor",
    "gov",
    "mayor",
    "judge",
    "justice",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "saint",
    "san",
    "santa",
    "sir",
    "lady",
    "lord",
    "chief",
    "commander",
    "colonel",
    "captain",
    "officer",
    "director",
    "ambassador",
    "envoy",
    "vice",
    "former",
    "national",
    "united",
    "nations",
    "republic",
    "north",
    "south",
    "east",
    "west",
    "new",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Folded keys one edit apart that may be one name misspelt: five letters or
/// more, the same first letter, neither a prefix of the other (a demonym, a
/// plural), and the edit not in the last two letters, where English changes
/// a name into another word ("Argentina"/"Argentine", "Honduras"/"Honduran",
/// "Maria"/"Marie", "Francis"/"Frances").
fn one_edit_variant(a: &str, b: &str) -> bool {
    let (ca, cb): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if ca.len().min(cb.len()) < 5 || ca[0] != cb[0] || a.starts_with(b) || b.starts_with(a) {
        return false;
    }
    if edit_distance(a, b) != 1 {
        return false;
    }
    // How many letters they share at the end: the edit is before those.
    let tail = ca.iter().rev().zip(cb.iter().rev()).take_while(|(x, y)| x == y).count();
    tail >= 2
}

/// Visits the capitalised names of an article's own text with their
/// capitalised neighbours; `tokens` are the article's (whole-text) tokens.
fn for_each_name<'a>(analysis: &'a Analysis, tokens: &[Token], mut f: impl FnMut(&'a str, Span, [Option<Span>; 2])) {
    let article = &analysis.article;
    let text = &article.text;
    let mut names: Vec<Option<Span>> = Vec::new();
    for p in &article.paragraphs {
        if p.span.end <= article.header_end || analysis.is_excluded(p.span) {
            continue;
        }
        names.clear();
        names.extend(tokens_within(tokens, p.span).iter().map(|t| name_of(text, t)));
        for (i, n) in names.iter().enumerate() {
            let Some(span) = n else { continue };
            let left = i.checked_sub(1).and_then(|j| names[j]);
            let right = names.get(i + 1).copied().flatten();
            f(&text[span.start..span.end], *span, [left, right]);
        }
    }
}

/// One capitalised name of an article, as `name-variant` compares it across
/// the corpus.
#[derive(Debug)]
pub struct ArticleName {
    /// Where the form is first written.
    first: Span,
    /// `shard_hash` of the form.
    hash: u64,
    count: u32,
    /// Its neighbours' range in [`ArticleNames::neighbours`].
    neighbours: (u32, u32),
}

/// An article's capitalised names, in no particular order (the corpus merge
/// sorts), with their neighbours in one buffer: a million names of a large
/// corpus cost no allocation each.
#[derive(Debug, Default)]
pub struct ArticleNames {
    names: Vec<ArticleName>,
    /// Neighbouring capitalised words (folded, as `word_key`s) of each name,
    /// at most `MAX_NEIGHBOURS`, in the order they are first met.
    neighbours: Vec<u64>,
}

impl ArticleNames {
    fn neighbours(&self, name: &ArticleName) -> &[u64] {
        let (start, len) = name.neighbours;
        &self.neighbours[start as usize..(start + len) as usize]
    }
}

/// An article's distinct name forms while they are collected.
struct Forms<'t> {
    text: &'t str,
    index: HashMap<&'t str, u32>,
    names: Vec<ArticleName>,
    /// Each form's key as a neighbour (none for a stop word), made once.
    keys: Vec<Option<u64>>,
    buf: String,
}

impl Forms<'_> {
    /// The index of the form at `span`. A neighbour to the right is met
    /// before its own turn, so a new form's span is its first occurrence.
    fn id(&mut self, span: Span) -> u32 {
        let form = &self.text[span.start..span.end];
        if let Some(&i) = self.index.get(form) {
            return i;
        }
        let i = self.names.len() as u32;
        self.index.insert(form, i);
        self.names.push(ArticleName {
            first: span,
            hash: shard_hash(form),
            count: 0,
            neighbours: (0, 0),
        });
        let key = (!is_stopword_any_case(form)).then(|| {
            fold_into(form, &mut self.buf);
            word_key(&self.buf)
        });
        self.keys.push(key);
        i
    }
}

/// The article's names with their neighbours.
pub fn article_names(analysis: &Analysis, tokens: &[Token]) -> ArticleNames {
    let mut forms = Forms {
        text: &analysis.article.text,
        index: HashMap::default(),
        names: Vec::new(),
        keys: Vec::new(),
        buf: String::new(),
    };
    // Every (name, neighbour key) met, in text order; grouped by name below.
    let mut met: Vec<(u32, u64)> = Vec::new();
    for_each_name(analysis, tokens, |_, span, nb| {
        let i = forms.id(span);
        forms.names[i as usize].count += 1;
        for n in nb.into_iter().flatten() {
            let j = forms.id(n);
            if let Some(key) = forms.keys[j as usize] {
                met.push((i, key));
            }
        }
    });
    let mut names = forms.names;
    // Stable: each name's neighbours stay in the order they were met.
    met.sort_by_key(|&(i, _)| i);
    let mut neighbours: Vec<u64> = Vec::with_capacity(met.len());
    for run in met.chunk_by(|x, y| x.0 == y.0) {
        let start = neighbours.len();
        for &(_, key) in run {
            let own = &neighbours[start..];
            if own.len() == MAX_NEIGHBOURS {
                break;
            }
            if !own.contains(&key) {
                neighbours.push(key);
            }
        }
        names[run[0].0 as usize].neighbours = (start as u32, (neighbours.len() - start) as u32);
    }
    ArticleNames { names, neighbours }
}

/// Corpus-wide: the same name spelled two ways, with no rules needed.
pub fn check_corpus(analyses: &[Analysis], rules: &RuleSet, out: &mut Vec<Diagnostic>) {
    use rayon::prelude::*;
    // Merged in article order, one shard of forms per task: the same result
    // whatever the thread count.
    const SHARDS: usize = 16;
    let mut by_shard: Vec<Vec<(u32, &ArticleName)>> = vec![Vec::new(); SHARDS];
    for (ai, a) in analyses.iter().enumerate() {
        for n in &a.keys.names.names {
            by_shard[(n.hash % SHARDS as u64) as usize].push((ai as u32, n));
        }
    }
    let shards: Vec<Vec<(&str, FormStat)>> = by_shard
        .par_iter()
        .map(|names| {
            let mut merged: HashMap<&str, FormStat> = HashMap::default();
            for &(ai, st) in names {
                let (ai, article_names) = (ai as usize, &analyses[ai as usize].keys.names);
                let form = analyses[ai].article.slice(st.first);
                let e = merged.entry(form).or_default();
                e.count += st.count as usize;
                if e.first.is_none() {
                    e.first = Some((ai, st.first));
                }
                e.holders.push(ai);
                for n in article_names.neighbours(st) {
                    if e.neighbours.len() < MAX_NEIGHBOURS && !e.neighbours.contains(n) {
                        e.neighbours.push(*n);
                    }
                }
            }
            merged.into_iter().collect()
        })
        .collect();
    let mut forms: Vec<(&str, FormStat)> = shards.into_iter().flatten().collect();
    forms.par_sort_unstable_by(|a, b| a.0.cmp(b.0));
    let known: BTreeSet<&str> = rules
        .entities
        .iter()
        .flat_map(|e| std::iter::once(e.name.as_str()).chain(e.aliases.iter().map(String::as_str)))
        .flat_map(str::split_whitespace)
        .collect();
    let wrong: BTreeSet<&str> = rules
        .entities
        .iter()
        .flat_map(|e| e.wrong.iter().map(String::as_str))
        .collect();

    // Group forms: same folded key, or folded keys one edit apart with a
    // shared neighbour. Union-find over form indices.
    let names: Vec<&str> = forms.iter().map(|(n, _)| *n).collect();
    let stats: Vec<&FormStat> = forms.iter().map(|(_, s)| s).collect();
    let mut parent: Vec<usize> = (0..names.len()).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    fn union(p: &mut [usize], a: usize, b: usize) {
        let (ra, rb) = (find(p, a), find(p, b));
        if ra != rb {
            p[ra.max(rb)] = ra.min(rb);
        }
    }
    let folded: Vec<String> = names.iter().map(|n| fold(n)).collect();
    let mut by_key: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, k) in folded.iter().enumerate() {
        by_key.entry(k.as_str()).or_default().push(i);
    }
    for members in by_key.values() {
        for &m in &members[1..] {
            union(&mut parent, members[0], m);
        }
    }
    // One edit apart: keys sharing a one-deletion variant. The variants are
    // hashed, not built, and sorted; keys whose hashes meet are compared
    // character by character, so a hash collision adds nothing.
    let keys: Vec<&str> = by_key.keys().copied().filter(|k| k.chars().nth(4).is_some()).collect();
    let mut variants: Vec<(u64, u32, u32)> = Vec::new();
    for (ki, k) in keys.iter().enumerate() {
        let len = k.chars().count() as u32;
        for skip in (1..len).chain([NO_DELETION]) {
            variants.push((deletion_hash(k, skip), ki as u32, skip));
        }
    }
    variants.sort_unstable();
    let mut edit_pairs: BTreeSet<(&str, &str)> = BTreeSet::new();
    for run in variants.chunk_by(|x, y| x.0 == y.0) {
        for (x, &(_, ka, sa)) in run.iter().enumerate() {
            for &(_, kb, sb) in &run[x + 1..] {
                let (a, b) = (keys[ka as usize], keys[kb as usize]);
                if a != b && deletion(a, sa).eq(deletion(b, sb)) {
                    edit_pairs.insert((a.min(b), a.max(b)));
                }
            }
        }
    }
    for (a, b) in edit_pairs {
        if !one_edit_variant(a, b) {
            continue;
        }
        let (ma, mb) = (&by_key[a], &by_key[b]);
        let context = ma.iter().any(|&i| {
            mb.iter().any(|&j| {
                stats[i]
                    .neighbours
                    .iter()
                    .any(|n| stats[j].neighbours.contains(n) && !is_title(*n))
            })
        });
        if context {
            union(&mut parent, ma[0], mb[0]);
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..names.len() {
        let r = find(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    // The suggestion for each minority form.
    let mut suggest: HashMap<&str, usize> = HashMap::default();
    for members in groups.values().filter(|m| m.len() > 1) {
        let accents = |s: &str| s.chars().filter(|c| !c.is_ascii()).count();
        let Some(&best) = members
            .iter()
            .max_by_key(|&&i| (stats[i].count, accents(names[i]), std::cmp::Reverse(names[i])))
        else {
            continue;
        };
        for &m in members {
            let form = names[m];
            if m != best && !known.contains(form) && !wrong.contains(form) {
                suggest.insert(form, best);
            }
        }
    }
    if suggest.is_empty() {
        return;
    }
    let index: HashMap<&str, usize> = names.iter().enumerate().map(|(i, n)| (*n, i)).collect();
    let folded_of = |s: &str| fold(s);
    let mut to_scan: Vec<usize> = suggest
        .keys()
        .flat_map(|f| stats[index[f]].holders.iter().copied())
        .collect();
    to_scan.sort_unstable();
    to_scan.dedup();
    for a in to_scan.into_iter().map(|i| &analyses[i]) {
        let article = &a.article;
        let tokens = tokenize(&article.text, Span::new(0, article.text.len()));
        for_each_name(a, &tokens, |form, span, nb| {
            let Some(&best) = suggest.get(form) else { return };
            let right = names[best];
            // A spelling one letter away is this name only where it shares the
            // context that linked the two: "Anthony Blinken", not "Anthony Nichols".
            if folded_of(form) != folded_of(right) {
                let Some(&i) = index.get(form) else { return };
                let shared = |w: &str| {
                    let w = word_key(&fold(w));
                    !is_title(w) && stats[i].neighbours.contains(&w) && stats[best].neighbours.contains(&w)
                };
                if !nb.into_iter().flatten().any(|n| shared(article.slice(n))) {
                    return;
                }
            }
            let mut d = Diagnostic::new(
                ID,
                RULE.severity,
                article,
                span,
                format!(
                    "“{form}” is spelled “{right}” elsewhere in the corpus ({} against {})",
                    stats[best].count,
                    stats[index[form]].count
                ),
            )
            .label(format!("write “{right}”?"))
            .help(format!(
                "use one spelling of the name: replace “{form}” with “{right}”, the corpus's usual form (or add the right form to the rules' entities)"
            ));
            if let Some((ai, s)) = stats[best].first {
                d = d.related(&analyses[ai].article, s, format!("“{right}” here"));
            }
            out.push(d.finish());
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::quality_testutil::{CLEAN, analyse};

    fn run(files: &[&str], rules: &RuleSet) -> Vec<(String, String)> {
        let analyses: Vec<Analysis> = files
            .iter()
            .enumerate()
            .map(|(i, t)| analyse(&format!("{i}.txt"), t))
            .collect();
        let mut out = Vec::new();
        check_corpus(&analyses, rules, &mut out);
        out.iter()
            .map(|d| (d.location.file.to_string(), d.location.quote.clone()))
            .collect()
    }

    #[test]
    fn fold_strips_accents() {
        assert_eq!(fold("Moïse"), "moise");
        assert_eq!(fold("Gonaïves"), "gonaives");
        assert_eq!(fold("Pétion-Ville"), "petion-ville");
    }

    #[test]
    fn an_accent_variant_across_the_corpus() {
        let files = [
            "President Jovenel Moïse was killed at his home in July 2021.\n",
            "The widow of Jovenel Moïse spoke in Miami. Moïse had ruled by decree.\n",
            "An inquiry into the killing of President Jovenel Moise has stalled.\n",
        ];
        assert_eq!(
            run(&files, &RuleSet::default()),
            [("2.txt".to_string(), "Moise".to_string())]
        );
    }

    #[test]
    fn a_one_letter_variant_in_the_same_context() {
        let files = [
            "President Jovenel Moïse was killed. Jovenel Moïse had ruled by decree, as Jovenel Moïse said.\n",
            "The killing of Jovanel Moïse is still unsolved. Jovanel Pierre was not there.\n",
        ];
        assert_eq!(
            run(&files, &RuleSet::default()),
            [("1.txt".to_string(), "Jovanel".to_string())]
        );
    }

    #[test]
    fn different_names_one_letter_apart_are_left_alone() {
        let files = [
            // No shared context; a demonym and a plural; different first letters.
            "Kenya sent police. Kenyan officers arrived. The Nations met. The Nation wrote.\n",
            "Michael Jordan scored. Gordon Brown spoke. Garry Conille met Barry Allen.\n",
            "Maria Lopez voted. Mario Rossi abstained.\n",
            // Endings that make another word or name, even in one context.
            "Argentina and Argentine officials met. Honduras and Honduran police. Maria Lopez.\n",
            "Francis Lopez, Frances Lopez, Adrian Lopez and Adrien Lopez met.\n",
            // Only a title in common.
            "President Conille spoke. President Camille listened.\n",
        ];
        assert!(run(&files, &RuleSet::default()).is_empty());
    }

    #[test]
    fn forms_the_rules_know_are_not_variants() {
        let rules = RuleSet {
            entities: vec![crate::rules::Entity {
                name: "Moise".into(),
                aliases: vec![],
                wrong: vec![],
            }],
            ..RuleSet::default()
        };
        let files = ["Jovenel Moïse and Moïse again.\n", "Jovenel Moise.\n"];
        assert!(run(&files, &rules).is_empty());
    }

    #[test]
    fn clean_articles_have_no_findings() {
        assert!(run(CLEAN, &RuleSet::default()).is_empty());
    }
}
