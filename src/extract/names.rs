//! Finding a fixed set of names (entity aliases, known wrong forms) in text.
//!
//! The semantics are those of one regex alternation of the escaped names,
//! longest first, with an ASCII word boundary on each end that is an ASCII
//! letter or digit: at the leftmost position where a name occurs, the longest
//! such name wins, and the search resumes after it. "Kenya" is found in
//! "Kenya’s" but not in "Kenyans"; "U.S." needs no boundary after its period.
//!
//! A regex over hundreds of names runs its automaton over every byte of the
//! article; here a byte that cannot start a name costs one table lookup, and a
//! position that can is checked against the few names sharing its first two
//! bytes.

use rustc_hash::FxHashMap as HashMap;

use crate::text::Span;

#[derive(Debug)]
pub struct NameSet {
    names: Vec<Box<str>>,
    /// Whether some name starts with this byte.
    first: Box<[bool; 256]>,
    /// The bytes that start a name, when there are at most three.
    few_firsts: Option<Vec<u8>>,
    /// Whether some name of two bytes or more starts with these two (a bit
    /// per pair): most capitalised words are out before the map is read.
    pairs: Box<[u64; 1024]>,
    /// Names of two bytes or more by their first two bytes, longest first.
    by_prefix: HashMap<[u8; 2], Vec<u32>>,
    /// The name of one byte that is this byte, if any.
    single: Box<[Option<u32>; 256]>,
}

fn pair_bit(a: u8, b: u8) -> (usize, u64) {
    let pair = usize::from(a) << 8 | usize::from(b);
    (pair >> 6, 1 << (pair & 63))
}

/// A word byte for `(?-u:\b)`: an ASCII letter, digit or underscore.
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

impl NameSet {
    /// The set of `names`; empty names are ignored.
    pub fn new<'a>(names: impl IntoIterator<Item = &'a str>) -> NameSet {
        let mut names: Vec<&str> = names.into_iter().filter(|n| !n.is_empty()).collect();
        names.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        names.dedup();
        let mut set = NameSet {
            names: Vec::new(),
            first: Box::new([false; 256]),
            few_firsts: None,
            pairs: Box::new([0; 1024]),
            by_prefix: HashMap::default(),
            single: Box::new([None; 256]),
        };
        for (i, name) in names.iter().enumerate() {
            let b = name.as_bytes();
            set.first[usize::from(b[0])] = true;
            if let [one] = b {
                set.single[usize::from(*one)] = Some(i as u32);
            } else {
                let (word, bit) = pair_bit(b[0], b[1]);
                set.pairs[word] |= bit;
                set.by_prefix.entry([b[0], b[1]]).or_default().push(i as u32);
            }
        }
        let firsts: Vec<u8> = (0..=255u8).filter(|&b| set.first[usize::from(b)]).collect();
        set.few_firsts = (firsts.len() <= 3).then_some(firsts);
        set.names = names.into_iter().map(Box::from).collect();
        set
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// The name at index `i` (as [`NameSet::find_iter`] reports it).
    pub fn name(&self, i: usize) -> &str {
        &self.names[i]
    }

    /// The names in `text[from..]`, in text order: (span in `text`, name index).
    pub fn find_iter<'t>(&'t self, text: &'t str, from: usize) -> impl Iterator<Item = (Span, usize)> + 't {
        let hay = &text.as_bytes()[from..];
        let mut p = 0;
        std::iter::from_fn(move || {
            while p < hay.len() {
                // Jump to the next byte that may open a name: memchr with few
                // first bytes (a handful of wrong forms), else a table lookup
                // per byte (most bytes open none).
                p += match self.few_firsts.as_deref() {
                    Some([]) => return None,
                    Some(&[a]) => memchr::memchr(a, &hay[p..])?,
                    Some(&[a, b]) => memchr::memchr2(a, b, &hay[p..])?,
                    Some(&[a, b, c]) => memchr::memchr3(a, b, c, &hay[p..])?,
                    _ => hay[p..].iter().position(|&b| self.first[usize::from(b)])?,
                };
                // A name opening with a letter or digit needs a boundary
                // before it.
                if hay[p].is_ascii_alphanumeric() && p > 0 && is_word_byte(hay[p - 1]) {
                    p += 1;
                    continue;
                }
                if let Some(i) = self.longest_at(hay, p) {
                    let start = p;
                    p += self.names[i].len();
                    return Some((Span::new(from + start, from + p), i));
                }
                p += 1;
            }
            None
        })
    }

    /// The longest name that occurs at `hay[p..]` and ends on a boundary.
    fn longest_at(&self, hay: &[u8], p: usize) -> Option<usize> {
        let ends_well = |name: &[u8]| {
            let end = p + name.len();
            hay[p..].starts_with(name)
                && !(name.last().is_some_and(u8::is_ascii_alphanumeric)
                    && hay.get(end).is_some_and(|&b| is_word_byte(b)))
        };
        let longer = hay
            .get(p + 1)
            .filter(|&&second| {
                let (word, bit) = pair_bit(hay[p], second);
                self.pairs[word] & bit != 0
            })
            .and_then(|&second| self.by_prefix.get(&[hay[p], second]))
            .and_then(|ids| ids.iter().find(|&&i| ends_well(self.names[i as usize].as_bytes())));
        longer
            .copied()
            .or_else(|| self.single[usize::from(hay[p])].filter(|&i| ends_well(self.names[i as usize].as_bytes())))
            .map(|i| i as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::below;

    /// The regex the set stands for (see the module documentation).
    fn reference_regex(names: &[&str]) -> regex::Regex {
        let mut names: Vec<&str> = names.iter().copied().filter(|n| !n.is_empty()).collect();
        names.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        let alternative = |name: &str| {
            let mut s = String::new();
            if name.chars().next().is_some_and(|c| c.is_ascii_alphanumeric()) {
                s.push_str(r"(?-u:\b)");
            }
            s.push_str(&regex::escape(name));
            if name.chars().last().is_some_and(|c| c.is_ascii_alphanumeric()) {
                s.push_str(r"(?-u:\b)");
            }
            s
        };
        regex::Regex::new(&names.iter().map(|n| alternative(n)).collect::<Vec<_>>().join("|")).unwrap()
    }

    fn found<'a>(set: &NameSet, text: &'a str, from: usize) -> Vec<(usize, &'a str)> {
        set.find_iter(text, from)
            .map(|(s, i)| {
                assert_eq!(&text[s.start..s.end], set.name(i));
                (s.start, &text[s.start..s.end])
            })
            .collect()
    }

    fn names_in<'a>(set: &NameSet, text: &'a str) -> Vec<&'a str> {
        found(set, text, 0).into_iter().map(|(_, n)| n).collect()
    }

    #[test]
    fn longest_name_with_word_boundaries() {
        let set = NameSet::new([
            "Kenya",
            "Kenyan",
            "U.S.",
            "United States",
            "United States of America",
            "Côte",
        ]);
        let text = "Kenya’s Kenyans, Kenyan aid; U.S.-led and United States of America, \
                    United States of Amer, xKenya, _Kenya, 3Kenya, éKenya, Côte’s, Côted";
        assert_eq!(
            names_in(&set, text),
            [
                "Kenya",
                "Kenyan",
                "U.S.",
                "United States of America",
                "United States",
                "Kenya",
                "Côte"
            ]
        );
        // The search starts at `from`, which counts as a boundary.
        assert_eq!(found(&set, "Kenya", 1), []);
        assert_eq!(found(&set, "xKenya", 1), [(1, "Kenya")]);
    }

    #[test]
    fn agrees_with_the_regex_on_random_text() {
        let many = [
            "Kenya",
            "Kenyan",
            "Kenyans",
            "U.S.",
            "US",
            "U.S",
            "United States",
            "United States of America",
            "Haiti",
            "Haïti",
            "The Bahamas",
            "Bahamas",
            "K",
            "Ke",
            "ÉCOLE",
            "_id",
            "Kenya-",
            "Saint Lucia",
            "St. Lucia",
        ];
        let pieces = [
            "Kenya", "Ken", "ya", "n", "s", "U.S.", "U", ".", "S", "United", " States", " of", " America", "Haiti",
            "Haïti", "The", " Bahamas", "K", "e", "ÉCOLE", "_", "id", "-", "’s", " ", ", ", "x", "9", "é", "Saint",
            " Lucia", "St", "\n",
        ];
        // Few first bytes take the memchr path.
        let few = ["Kenya", "Kenyans", "Ke", "K", "U.S.", "United States", "_id"];
        for names in [&many[..], &few[..]] {
            differential(names, &pieces);
        }
    }

    fn differential(names: &[&str], pieces: &[&str]) {
        let set = NameSet::new(names.iter().copied());
        let re = reference_regex(names);
        let mut seed = 7u64;
        for _ in 0..20_000 {
            let n = below(&mut seed, 14);
            let text: String = (0..n).map(|_| pieces[below(&mut seed, pieces.len())]).collect();
            let from =
                (0..=below(&mut seed, 3)).fold(0, |at, _| text[at..].chars().next().map_or(at, |c| at + c.len_utf8()));
            let expected: Vec<(usize, &str)> = re
                .find_iter(&text[from..])
                .map(|m| (from + m.start(), &text[from + m.start()..from + m.end()]))
                .collect();
            assert_eq!(found(&set, &text, from), expected, "{text:?} from {from}");
        }
    }

    #[test]
    fn empty_set_and_empty_names() {
        let set = NameSet::new(["", ""]);
        assert_eq!(set.len(), 0);
        assert_eq!(found(&set, "anything", 0), []);
    }
}
