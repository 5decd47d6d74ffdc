#![doc = include_str!("docs/garbled.md")]

use super::{Analysis, RuleInfo};
use crate::diagnostic::{Diagnostic, Severity};
use crate::text::{Span, Token, TokenKind, tokens_within};

pub const ID: &str = "garbled";
pub const RULE: RuleInfo = RuleInfo {
    id: ID,
    severity: Severity::Warning,
    summary: "a doubled word, a name coordinated with itself, a stray capitalised function word",
    doc: include_str!("docs/garbled.md"),
};

/// Words that may be doubled in good English ("that that", "had had", "what
/// it is is") or in reduplications ("very very", "bye bye").
const GRAMMATICAL_DOUBLES: &[&str] = &[
    "that", "had", "is", "do", "very", "so", "no", "yes", "bye", "ha", "haha", "knock", "tut", "well", "now", "far",
    "long", "many", "much", "really", "more", "night", "chop", "blah", "la", "na", "boo", "hush", "tick", "there",
    "again", "pretty", "ok", "okay", "hear", "bravo", "go", "come", "oh", "ah", "wow", "buy", "bang", "aye", "hip",
    "round", "over", "on", "and", "by", "out", "down", "up", "mm", "hmm", "check", "quick", "tsk", "wait", "never",
];

/// Capitalised forms that begin a sentence, not continue one. "A" is not
/// among them: it is also a label ("vitamin A and D", "plan A", "type A").
const FUNCTION_CAPS: &[&str] = &[
    "The", "An", "This", "These", "Those", "His", "Her", "Its", "Their", "Our", "He", "She", "They", "We",
];

/// Words after which a capitalised title is expected ("a band called The Who").
const TITLE_INTRODUCERS: &[&str] = &[
    "called",
    "named",
    "titled",
    "entitled",
    "dubbed",
    "reads",
    "read",
    "headlined",
    "nicknamed",
    "known",
    "as",
    "newspaper",
    "magazine",
    "paper",
    "band",
    "film",
    "book",
    "novel",
    "song",
    "album",
    "show",
    "series",
    "play",
    "memoir",
    "documentary",
    "podcast",
    "article",
    "editorial",
    "column",
    "essay",
    "poem",
    "report",
    "study",
    "exhibition",
    "opera",
    "musical",
    "programme",
    "program",
    "game",
    "app",
    "channel",
    "station",
    "website",
    "blog",
    "newsletter",
    "movie",
    "single",
    "track",
    "hit",
    "bestseller",
    "titles",
    "label",
    "group",
    "brand",
];

fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}
fn starts_lower(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_lowercase)
}

pub fn check(analysis: &Analysis, out: &mut Vec<Diagnostic>) {
    let text = &analysis.article.text;
    check_tokens(analysis, &crate::text::tokenize(text, Span::new(0, text.len())), out);
}

/// [`check`] with the article's tokens already made (over the whole text).
pub fn check_tokens(analysis: &Analysis, all: &[Token], out: &mut Vec<Diagnostic>) {
    let article = &analysis.article;
    for p in &article.paragraphs {
        if analysis.is_excluded(p.span) {
            continue;
        }
        for &s in article.sentences_of(p) {
            // The first token's `glued` (to what precedes the sentence) is never read.
            let tokens = tokens_within(all, s);
            doubled(analysis, tokens, out);
            self_coordination(analysis, tokens, out);
            stray_capital(analysis, tokens, out);
        }
    }
}

fn is_word(t: &Token) -> bool {
    t.kind == TokenKind::Word
}

fn doubled(analysis: &Analysis, tokens: &[Token], out: &mut Vec<Diagnostic>) {
    let article = &analysis.article;
    let text = &article.text;
    for w in tokens.windows(2) {
        let (a, b) = (&w[0], &w[1]);
        if !is_word(a) || !is_word(b) || b.glued {
            continue;
        }
        let (at, bt) = (a.text(text), b.text(text));
        if !at.eq_ignore_ascii_case(bt) || starts_upper(bt) {
            continue;
        }
        // Only whitespace, and no line break, between the two.
        if text[a.span.end..b.span.start].contains('\n') {
            continue;
        }
        let lower = bt.to_lowercase();
        if doubled_over_a_boundary(text, tokens, a) {
            continue;
        }
        if GRAMMATICAL_DOUBLES.contains(&lower.as_str()) || (lower.chars().count() == 1 && lower != "a") {
            continue;
        }
        let span = Span::new(a.span.start, b.span.end);
        out.push(
            Diagnostic::new(ID, RULE.severity, article, span, format!("the word “{bt}” is doubled"))
                .label("doubled word")
                .help(format!("delete one “{bt}”"))
                .finish(),
        );
    }
}

/// Words that open a free relative clause ("whatever happens happens"): the
/// clause's verb may be repeated as the sentence's own.
const FREE_RELATIVES: &[&str] = &[
    "what",
    "whatever",
    "whoever",
    "whichever",
    "wherever",
    "whenever",
    "however",
    "who",
];

/// A doubled word where one phrase ends and the next begins: a free
/// relative and the verb after it ("whatever happens happens"), a verb's
/// particle and an infinitive ("resorted to to avert", "up to to see").
fn doubled_over_a_boundary(text: &str, tokens: &[Token], a: &Token) -> bool {
    let at = a.text(text);
    let pos = tokens.iter().position(|t| t.span == a.span);
    let before = pos.and_then(|p| p.checked_sub(1)).map(|p| &tokens[p]);
    let after = pos.and_then(|p| tokens.get(p + 2));
    if before.is_some_and(|t| is_word(t) && FREE_RELATIVES.contains(&t.text(text).to_lowercase().as_str())) {
        return true;
    }
    // "to to" + a bare verb: the first "to" ends a phrase ("resorted to"),
    // the second marks the infinitive. Before a determiner, a pronoun or a
    // name ("to to the law", "to to Paris") it is a slip.
    at.eq_ignore_ascii_case("to")
        && after.is_some_and(|t| {
            let w = t.text(text);
            is_word(t) && starts_lower(w) && !crate::text::is_stopword(w) && !w.chars().any(|c| c.is_ascii_digit())
        })
}

/// Capitalised pronouns of reverence ("in His hand", "and His glory"):
/// after a preposition or a conjunction they are the writer's choice.
const REVERENTIAL: &[&str] = &["He", "His", "Him", "Himself"];
const REVERENCE_GLUE: &[&str] = &[
    "and", "in", "of", "to", "by", "from", "with", "for", "on", "at", "unto", "upon", "through", "into", "before",
    "under", "that", "as", "or", "nor", "but", "all",
];

/// The maximal run of capitalised words ending before `end` (exclusive) or
/// starting at `start`, as token index ranges.
fn cap_run_before(text: &str, tokens: &[Token], end: usize) -> usize {
    let mut i = end;
    while i > 0 && is_word(&tokens[i - 1]) && starts_upper(tokens[i - 1].text(text)) {
        i -= 1;
    }
    i
}
fn cap_run_after(text: &str, tokens: &[Token], start: usize) -> usize {
    let mut i = start;
    while i < tokens.len() && is_word(&tokens[i]) && starts_upper(tokens[i].text(text)) {
        i += 1;
    }
    i
}

fn self_coordination(analysis: &Analysis, tokens: &[Token], out: &mut Vec<Diagnostic>) {
    let article = &analysis.article;
    let text = &article.text;
    for (k, t) in tokens.iter().enumerate() {
        if !is_word(t) || !matches!(t.text(text), "and" | "or" | "nor") || k == 0 {
            continue;
        }
        let l0 = cap_run_before(text, tokens, k);
        let r1 = cap_run_after(text, tokens, k + 1);
        if l0 == k || r1 == k + 1 || k - l0 != r1 - (k + 1) {
            continue;
        }
        let same = (0..k - l0).all(|j| tokens[l0 + j].text(text) == tokens[k + 1 + j].text(text));
        if !same {
            continue;
        }
        let left = Span::new(tokens[l0].span.start, tokens[k - 1].span.end);
        let right = Span::new(tokens[k + 1].span.start, tokens[r1 - 1].span.end);
        // Only names the lexicon knows: "Johnson and Johnson" is a company.
        let known = |s: Span| {
            analysis
                .facts
                .mentions
                .iter()
                .any(|m| s.contains(m.span) || m.span.contains(s))
        };
        if !known(left) || !known(right) {
            continue;
        }
        let name = article.slice(left);
        let span = left.cover(right);
        out.push(
            Diagnostic::new(ID, RULE.severity, article, span, format!("“{name}” is coordinated with itself"))
                .label("the same name twice")
                .help(format!(
                    "one “{name}” stands for another name (a translation error): check the source and write the right one, or delete “{} {name}”",
                    t.text(text)
                ))
                .finish(),
        );
    }
}

fn stray_capital(analysis: &Analysis, tokens: &[Token], out: &mut Vec<Diagnostic>) {
    let article = &analysis.article;
    let text = &article.text;
    for w in tokens.windows(3) {
        let (a, b, c) = (&w[0], &w[1], &w[2]);
        if !(is_word(a) && is_word(b) && is_word(c)) || b.glued || c.glued {
            continue;
        }
        let (at, bt, ct) = (a.text(text), b.text(text), c.text(text));
        // FUNCTION_CAPS are capitalised: most tokens are ruled out before
        // the list is searched.
        if !bt.as_bytes()[0].is_ascii_uppercase()
            || !FUNCTION_CAPS.contains(&bt)
            || !starts_lower(at)
            || !starts_lower(ct)
        {
            continue;
        }
        if TITLE_INTRODUCERS.contains(&at)
            || (REVERENTIAL.contains(&bt) && REVERENCE_GLUE.contains(&at))
            || text[a.span.end..c.span.start].contains('\n')
        {
            continue;
        }
        let lower = bt.to_lowercase();
        out.push(
            Diagnostic::new(
                ID,
                RULE.severity,
                article,
                Span::new(a.span.start, c.span.end),
                format!("“{bt}” is capitalised in the middle of a sentence, after “{at}”"),
            )
            .label("a sentence pasted into another?")
            .help(format!(
                "a sentence or a word is probably missing before “{bt}”: check the source; if nothing is missing, write “{lower}”"
            ))
            .finish(),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::quality_testutil::{CLEAN, run};

    #[test]
    fn doubled_words() {
        assert_eq!(
            run("It is linked to the the bloc's rules and to to the law.\n", check),
            ["the the", "to to"]
        );
        assert_eq!(run("The the committee met.\n", check), ["The the"]);
    }

    #[test]
    fn grammatical_doubles_and_names_are_left_alone() {
        for t in [
            "He said that that decision had had no effect.\n",
            "What it is is a scandal, very very costly.\n",
            "Duran Duran and The The played in Bora Bora.\n",
            "She spelled it B B C on the form.\n",
        ] {
            assert!(run(t, check).is_empty(), "{t}");
        }
    }

    #[test]
    fn doubles_across_a_phrase_boundary_are_not_errors() {
        for t in [
            "It was the only step the board could turn to to keep the mill open.\n",
            "Whatever happens happens, the coach said after the draw.\n",
            "He knew that that plan would fail.\n",
        ] {
            assert!(run(t, check).is_empty(), "{t}");
        }
        // Before a determiner or a name the second "to" is a slip.
        assert_eq!(
            run("The aid went to to the north and to to Gondar.\n", check),
            ["to to", "to to"]
        );
    }

    #[test]
    fn reverential_capitals_are_not_garbling() {
        for t in [
            "The pilgrims sang of the rivers held in His hand.\n",
            "The hymn speaks of the cross and His mercy to the poor.\n",
            "They prayed to Him for rain.\n",
        ] {
            assert!(run(t, check).is_empty(), "{t}");
        }
        // After a noun, a capitalised "His" still marks a pasted sentence.
        assert_eq!(
            run("The committee read the letter His office sent.\n", check),
            ["letter His office"]
        );
    }

    #[test]
    fn a_name_coordinated_with_itself() {
        assert_eq!(
            run(
                "A meeting of the UN on Libya and Libya. Aid went to Kenya or Kenya.\n",
                check
            ),
            ["Libya and Libya", "Kenya or Kenya"]
        );
    }

    #[test]
    fn distinct_or_unknown_names_are_not_self_coordination() {
        for t in [
            "Trinidad and Tobago joined Antigua and Barbuda.\n",
            "He sang New York, New York at the gala.\n",
            "Shares in Johnson and Johnson rose.\n",
            "New York and New York City are not the same thing.\n",
        ] {
            assert!(run(t, check).is_empty(), "{t}");
        }
    }

    #[test]
    fn a_capitalised_function_word_mid_sentence() {
        assert_eq!(
            run(
                "They spoke with the minister, a white The head of the house said.\n",
                check
            ),
            ["white The head"]
        );
    }

    #[test]
    fn titles_and_names_after_lowercase_words_are_left_alone() {
        for t in [
            "Fans of a band called The Who queued all night.\n",
            "Judges at The Hague ruled, and visitors to The Bahamas rose.\n",
            "He reads The Economist and the paper The Guardian every day.\n",
            "In his memoir The long road home he wrote of exile.\n",
            "The U.S. The ministry said nothing.\n",
            "Doses of vitamin A and zinc, and a plan A for hepatitis A patients.\n",
        ] {
            assert!(run(t, check).is_empty(), "{t}");
        }
    }

    #[test]
    fn boilerplate_is_not_checked() {
        let t = "Title of the story here\n\nRecommended Stories\n\nThe the list of links\n";
        let mut a = crate::checks::quality_testutil::analyse("t.txt", t);
        let start = t.find("Recommended").unwrap();
        a.excluded.push(crate::checks::Block {
            span: Span::new(start, t.len() - 1),
            kind: "related-links".into(),
            pattern: None,
        });
        let mut out = Vec::new();
        check(&a, &mut out);
        assert!(out.is_empty());
    }

    #[test]
    fn clean_articles_have_no_findings() {
        for t in CLEAN {
            assert!(run(t, check).is_empty(), "{t}");
        }
    }
}
