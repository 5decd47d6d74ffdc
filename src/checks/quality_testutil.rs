//! Test support for the text-quality rules: an article analysed with the
//! built-in lexicon, no rules, and boilerplate (not off-topic) excluded, so
//! that each rule's tests depend on that rule alone.

use super::Analysis;
use crate::corpus::Article;
use crate::diagnostic::Diagnostic;
use crate::extract::{ExtractOptions, Lexicon};
use crate::rules::RuleSet;

pub fn analyse(path: &str, text: &str) -> Analysis {
    let article = Article::from_text(path, text.to_string());
    let lexicon = Lexicon::builtin();
    let facts = crate::extract::extract(&article, &lexicon, ExtractOptions::default());
    let excluded = super::boilerplate::find_blocks(&article, &RuleSet::default(), &Default::default());
    let mut analysis = Analysis {
        article,
        facts,
        excluded,
        keys: Default::default(),
    };
    let tokens = crate::text::tokenize(
        &analysis.article.text,
        crate::text::Span::new(0, analysis.article.text.len()),
    );
    analysis.keys = super::CorpusKeys::of(&analysis, &tokens);
    analysis
}

/// Runs a per-article check on `text` and returns the quoted spans.
pub fn run(text: &str, check: fn(&Analysis, &mut Vec<Diagnostic>)) -> Vec<String> {
    let path = if text.starts_with("---\n") { "t.md" } else { "t.txt" };
    let a = analyse(path, text);
    let mut out = Vec::new();
    check(&a, &mut out);
    out.iter().map(|d| d.location.quote.clone()).collect()
}

/// Clean, well-edited news text of our own: no text-quality rule may fire on
/// it. Covers the close negatives: quotes running on into the next
/// paragraph, "that that", "had had", "The Who", "New York, New York",
/// parentheses, figures with currency and percent signs.
pub const CLEAN: &[&str] = &[
    "date 2024-03-14 Harbour repairs will cost $42 million, council says\n\n\
PORT LAURENT — The town council approved a $42 million plan on Wednesday to rebuild the north breakwater, which was damaged in the storms of 2021 and 2022.\n\n\
Councillors who opposed the plan said the cost had had to be revised twice, and that that alone justified a pause.\n\n\
“We have waited long enough,” said Mayor Elise Dorval. “The fishing fleet loses days every winter, and the ferry to Île Verte has been cancelled 30 times this season.\n\n\
“If we wait another year, the bill will only grow.”\n\n\
Engineers from the port authority (which owns the breakwater) estimate that 12% of the structure has collapsed. Work is expected to begin in September.\n",
    "date 2023-10-02 The Who return to Madison Square Garden\n\n\
The Who played to a sold-out Madison Square Garden on Sunday and closed with a cover of \"New York, New York\" that brought the crowd of about 19,000 to its feet.\n\n\
Roger Daltrey, 79, and Pete Townshend, 78, were backed by a 48-piece orchestra (the same one that toured with them in Europe). Tickets ranged from $89 to $450.\n\n\
A fan from New Jersey said she had seen the band called The Who more than 20 times. \"It never gets old,\" she said.\n\n\
The band is scheduled to play Boston later this month, and a live album will be released in 2024.\n",
    "date 2022-11-09 Turnout rises as voters back new water board\n\n\
VALMONT — Voters elected a new water board on Tuesday, with turnout reaching 61%, up from 48% in 2018. Trinidad and Tobago sent observers, as did Antigua and Barbuda.\n\n\
The board will oversee the $18.5 million water budget and the replacement of lead pipes, a project the state has ordered finished by 2027.\n\n\
Ana Ruiz, who won the most votes, said the priority was clear: \"People want to know that the water is safe. That is the whole job.\"\n\n\
Results were certified on Wednesday. Two seats were decided by fewer than 200 votes (one by just 12); neither losing candidate has asked for a recount.\n",
    "---\ntitle: \"Kenya's police reach Port-au-Prince\"\ndate: 2024-06-26\n---\n\n\
# Kenya's police reach Port-au-Prince\n\n\
The first **400 Kenyan officers** landed on Tuesday, [the UN said](https://news.un.org/en/story/2024/06/haiti). \
They join a mission that is meant to grow to 2,500 personnel (from Kenya, Jamaica, the Bahamas and Belize).\n\n\
## What they will do\n\n\
- guard the airport and the ports;\n\
- patrol with the Haitian National Police;\n\
- train new recruits, said *Le Nouvelliste*.\n\n\
\"This is a mission of solidarity,\" President William Ruto said in Nairobi. Critics (including some in Kenya's parliament) \
asked whether the force, which costs about $600 million a year, had been properly funded.\n",
];
