//! Entity mentions: the rules' entities and the built-in gazetteer compiled
//! into one [`NameSet`], found in one pass over the article.

use rustc_hash::FxHashMap as HashMap;

use crate::rules::{Measure, RuleSet};
use crate::text::Span;

use super::gazetteer;
use super::names::NameSet;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// The alias as written, without a possessive ending.
    pub span: Span,
    pub entity: usize,
    /// Followed by ’s / 's ("Kenya’s deployment").
    pub possessive: bool,
}

/// Everything the extractor knows about names and measures, compiled once
/// per run and shared by every article.
#[derive(Debug)]
pub struct Lexicon {
    pub entities: Vec<String>,
    /// Whether entity `i` is named by the rules (not only by the gazetteer).
    pub from_rules: Vec<bool>,
    aliases: Names,
    /// The rules entities' names in capitals, for wire headlines and other
    /// lines set in capitals ("FENWICK SAYS IT HAS 27 PCT OF TARLOW").
    caps_aliases: Names,
    wrong_forms: Names,
    pub measures: Vec<Measure>,
    /// What a bare `$` or "dollars" means (the rules' `currency:`); `None`
    /// is US dollars.
    pub currency: Option<&'static str>,
}

/// Names and the entity each stands for.
#[derive(Debug)]
struct Names {
    set: NameSet,
    /// By the set's name index.
    entity: Vec<usize>,
}

impl Names {
    fn new(to_entity: &HashMap<String, usize>) -> Names {
        let set = NameSet::new(to_entity.keys().map(String::as_str));
        let entity = (0..set.len()).map(|i| to_entity[set.name(i)]).collect();
        Names { set, entity }
    }

    /// (span, entity) of each name in `text[from..]`, in text order.
    fn find_iter<'t>(&'t self, text: &'t str, from: usize) -> impl Iterator<Item = (Span, usize)> + 't {
        self.set.find_iter(text, from).map(|(span, i)| (span, self.entity[i]))
    }
}

impl Lexicon {
    /// The gazetteer plus the rules' entities (which may extend a country's
    /// aliases) and measures.
    pub fn new(rules: &RuleSet) -> Lexicon {
        let mut entities: Vec<String> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::default();
        let mut alias_to_entity = HashMap::default();
        let mut id = |name: &str, entities: &mut Vec<String>| -> usize {
            *index.entry(name.to_string()).or_insert_with(|| {
                entities.push(name.to_string());
                entities.len() - 1
            })
        };
        for (alias, canonical) in gazetteer::aliases() {
            let e = id(canonical, &mut entities);
            alias_to_entity.insert(alias.to_string(), e);
        }
        let mut wrong_to_entity = HashMap::default();
        let mut caps_to_entity = HashMap::default();
        for ent in &rules.entities {
            let e = id(&ent.name, &mut entities);
            alias_to_entity.insert(ent.name.clone(), e);
            for a in &ent.aliases {
                alias_to_entity.insert(a.clone(), e);
            }
            for name in std::iter::once(&ent.name).chain(&ent.aliases) {
                if name.chars().filter(|c| c.is_alphabetic()).count() >= 3 {
                    caps_to_entity.entry(name.to_uppercase()).or_insert(e);
                }
            }
            for w in &ent.wrong {
                wrong_to_entity.insert(w.clone(), e);
            }
        }
        let mut from_rules = vec![false; entities.len()];
        for ent in &rules.entities {
            if let Some(&e) = index.get(&ent.name) {
                from_rules[e] = true;
            }
        }
        Lexicon {
            from_rules,
            aliases: Names::new(&alias_to_entity),
            caps_aliases: Names::new(&caps_to_entity),
            wrong_forms: Names::new(&wrong_to_entity),
            entities,
            measures: rules.measures.clone(),
            currency: rules.currency,
        }
    }

    /// A lexicon with the gazetteer only (no rules).
    pub fn builtin() -> Lexicon {
        Lexicon::new(&RuleSet::default())
    }

    pub fn entity_id(&self, name: &str) -> Option<usize> {
        self.entities.iter().position(|e| e == name)
    }

    /// Entity mentions in `text[from..]`, in text order.
    pub fn mentions(&self, text: &str, from: usize) -> Vec<Mention> {
        let mut found: Vec<(Span, usize)> = self.aliases.find_iter(text, from).collect();
        if self.caps_aliases.set.len() > 0 {
            let before = found.len();
            for line in capitals_lines(text, from) {
                for (span, e) in self.caps_aliases.find_iter(&text[..line.end], line.start) {
                    // `found[..before]` is in text order and its names do
                    // not overlap: only the last one starting before this
                    // one's end can overlap it.
                    let k = found[..before].partition_point(|(s, _)| s.start < span.end);
                    if k == 0 || found[k - 1].0.end <= span.start {
                        found.push((span, e));
                    }
                }
            }
            if found.len() > before {
                found.sort_by_key(|(s, _)| (s.start, s.end));
            }
        }
        found
            .into_iter()
            .map(|(span, entity)| {
                let rest = &text[span.end..];
                let possessive = rest.starts_with("’s")
                    || rest.starts_with("'s")
                    || rest.starts_with("’ ")
                    || rest.starts_with("' ");
                Mention {
                    span,
                    entity,
                    possessive,
                }
            })
            .collect()
    }

    /// Known wrong forms of entity names in `text[from..]`: (span, entity).
    pub fn wrong_forms(&self, text: &str, from: usize) -> Vec<(Span, usize)> {
        self.wrong_forms.find_iter(text, from).collect()
    }
}

/// The lines of `text[from..]` set in capitals: three letters or more and
/// no lower-case letter.
fn capitals_lines(text: &str, from: usize) -> impl Iterator<Item = Span> + '_ {
    let mut start = from;
    text[from..].split_inclusive('\n').filter_map(move |line| {
        let span = Span::new(start, start + line.len());
        start += line.len();
        let mut letters = 0;
        for c in line.chars() {
            if c.is_lowercase() {
                return None;
            }
            letters += usize::from(c.is_alphabetic());
        }
        (letters >= 3).then_some(span)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_names_demonyms_and_possessives() {
        let lex = Lexicon::builtin();
        let t = "Kenya’s offer: 400 Kenyan police and U.S. aid. The Bahamas too.";
        let found: Vec<(&str, &str, bool)> = lex
            .mentions(t, 0)
            .iter()
            .map(|m| {
                (
                    &t[m.span.start..m.span.end],
                    lex.entities[m.entity].as_str(),
                    m.possessive,
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                ("Kenya", "Kenya", true),
                ("Kenyan", "Kenya", false),
                ("U.S.", "United States", false),
                ("The Bahamas", "Bahamas", false)
            ]
        );
    }

    #[test]
    fn a_line_in_capitals_names_the_rules_entities_in_capitals() {
        let rules = crate::rules::load_sources(&[("r.yaml".into(), "entities:\n  Fenwick Marine: [Fenwick]\n".into())])
            .unwrap();
        let lex = Lexicon::new(&rules);
        let t = "FENWICK SAYS IT HAS 27 PCT OF TARLOW\nFENWICK is not shouted here.\n";
        let found: Vec<&str> = lex
            .mentions(t, 0)
            .iter()
            .map(|m| &t[m.span.start..m.span.end])
            .collect();
        assert_eq!(found, ["FENWICK"]);
    }

    #[test]
    fn no_match_inside_words() {
        let lex = Lexicon::builtin();
        assert!(lex.mentions("Omanipotent Perusal", 0).is_empty());
    }
}
