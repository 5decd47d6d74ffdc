//! No input text makes claimlint panic: deterministic pseudo-random articles
//! built from the characters that break byte/char arithmetic (curly quotes,
//! accents, emoji, combining marks, digits and separators), checked end to end
//! through the library with the shipped rules.

use claimlint::corpus::Article;
use claimlint::engine::check_articles;
use claimlint::extract::ExtractOptions;

/// A small xorshift generator: the same articles on every run.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

const PIECES: &[&str] = &[
    "Kenya",
    "Kenyan",
    "Haiti’s",
    "Moïse",
    "police",
    "officers",
    "deployed",
    "pledged",
    "about",
    "up to",
    "at least",
    "between",
    "and",
    "to",
    "the",
    "The",
    "a",
    "“",
    "”",
    "‘",
    "’",
    "\"",
    "'",
    "(",
    ")",
    "[",
    "]",
    "—",
    "–",
    "-",
    "/",
    ":",
    ";",
    ",",
    ".",
    "...",
    "…",
    "?",
    "!",
    "%",
    "$",
    "€",
    "£",
    "1,000",
    "400",
    "380",
    "2023-24",
    "7",
    "007",
    "3.5",
    "1/3",
    "June 7, 2023",
    "last month",
    "two dozen",
    "é",
    "e\u{301}",
    "😀",
    "\u{200b}",
    "\u{feff}",
    "\u{a0}",
    "\t",
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    "\r\n",
    "Recommended Stories",
    "84 views0 comments",
    "Ã©",
    "â€™",
    "\u{fffd}",
    "No.",
    "U.S.",
    "Mr.",
    "1.",
    "•",
    "#",
    "@",
    "views",
    "km",
    "°C",
    "years",
    "old",
    "aged",
    "senator",
    ",",
    "54",
];

fn article(seed: u64) -> String {
    let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
    let len = 20 + (rng.next() % 400) as usize;
    let mut s = String::from("A title for the story\n\n");
    for _ in 0..len {
        s.push_str(rng.pick(PIECES));
        if rng.next().is_multiple_of(3) {
            s.push(' ');
        }
    }
    s
}

#[test]
fn random_articles_never_panic() {
    let rules = claimlint::rules::load(&[std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("rules")]).unwrap();
    for batch in 0..40u64 {
        let articles: Vec<Article> = (0..25u64)
            .map(|i| Article::from_text(format!("a{batch}-{i}.txt"), article(batch * 100 + i)))
            .collect();
        let report = check_articles(articles, &rules, ExtractOptions::default());
        assert_eq!(report.summary.articles_checked, 25);
    }
}
