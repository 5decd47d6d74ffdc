//! Entity mentions: the rules' entities and the built-in gazetteer compiled
//! into one regex, found in one pass over the article.

use rustc_hash::FxHashMap as HashMap;

use regex::Regex;

use crate::rules::{Measure, RuleSet};
use crate::text::Span;

use super::gazetteer;

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
    alias_regex: Option<Regex>,
    alias_to_entity: HashMap<String, usize>,
    wrong_regex: Option<Regex>,
    wrong_to_entity: HashMap<String, usize>,
    pub measures: Vec<Measure>,
}

fn alternative(alias: &str) -> String {
    let mut s = String::new();
    // ASCII word boundaries keep the regex on the fast DFA path; an alias that
    // starts or ends with a non-ASCII letter or a period gets no boundary there.
    if alias.chars().next().is_some_and(|c| c.is_ascii_alphanumeric()) {
        s.push_str(r"(?-u:\b)");
    }
    s.push_str(&regex::escape(alias));
    if alias.chars().last().is_some_and(|c| c.is_ascii_alphanumeric()) {
        s.push_str(r"(?-u:\b)");
    }
    s
}

fn build(aliases: &HashMap<String, usize>) -> Option<Regex> {
    if aliases.is_empty() {
        return None;
    }
    let mut names: Vec<&str> = aliases.keys().map(String::as_str).collect();
    // Longest first so "United States of America" wins over "United States".
    names.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    let pattern = names.iter().map(|a| alternative(a)).collect::<Vec<_>>().join("|");
    Regex::new(&pattern).ok()
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
        for ent in &rules.entities {
            let e = id(&ent.name, &mut entities);
            alias_to_entity.insert(ent.name.clone(), e);
            for a in &ent.aliases {
                alias_to_entity.insert(a.clone(), e);
            }
            for w in &ent.wrong {
                wrong_to_entity.insert(w.clone(), e);
            }
        }
        Lexicon {
            alias_regex: build(&alias_to_entity),
            wrong_regex: build(&wrong_to_entity),
            entities,
            alias_to_entity,
            wrong_to_entity,
            measures: rules.measures.clone(),
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
        let Some(re) = &self.alias_regex else { return Vec::new() };
        re.find_iter(&text[from..])
            .filter_map(|m| {
                let entity = *self.alias_to_entity.get(m.as_str())?;
                let span = Span::new(from + m.start(), from + m.end());
                let rest = &text[span.end..];
                let possessive = rest.starts_with("’s")
                    || rest.starts_with("'s")
                    || rest.starts_with("’ ")
                    || rest.starts_with("' ");
                Some(Mention {
                    span,
                    entity,
                    possessive,
                })
            })
            .collect()
    }

    /// Known wrong forms of entity names in `text[from..]`: (span, entity).
    pub fn wrong_forms(&self, text: &str, from: usize) -> Vec<(Span, usize)> {
        let Some(re) = &self.wrong_regex else { return Vec::new() };
        re.find_iter(&text[from..])
            .filter_map(|m| {
                Some((
                    Span::new(from + m.start(), from + m.end()),
                    *self.wrong_to_entity.get(m.as_str())?,
                ))
            })
            .collect()
    }
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
    fn no_match_inside_words() {
        let lex = Lexicon::builtin();
        assert!(lex.mentions("Omanipotent Perusal", 0).is_empty());
    }
}
