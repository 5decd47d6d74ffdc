#![doc = include_str!("docs/unbalanced.md")]

use super::{Analysis, RuleInfo};
use crate::diagnostic::{Diagnostic, Severity};
use crate::text::Span;

pub const ID: &str = "unbalanced";
pub const RULE: RuleInfo = RuleInfo {
    id: ID,
    severity: Severity::Warning,
    summary: "a quotation mark or bracket opened and never closed",
    doc: include_str!("docs/unbalanced.md"),
};

/// How a message names a mark.
fn name(c: char) -> String {
    let what = match c {
        '“' => "an opening quotation mark",
        '”' => "a closing quotation mark",
        '"' => "a quotation mark",
        '(' | '[' => "an opening bracket",
        _ => "a closing bracket",
    };
    format!("{what} ({c})")
}

fn closer(open: char) -> char {
    match open {
        '“' => '”',
        '(' => ')',
        '[' => ']',
        _ => '"',
    }
}

/// Whether a paragraph opens with a quotation mark (the continuation of a
/// quote from the previous paragraph).
fn opens_with_quote(s: &str) -> bool {
    s.trim_start_matches(['*', '_', '>', ' ']).starts_with(['“', '"'])
}

pub fn check(analysis: &Analysis, out: &mut Vec<Diagnostic>) {
    let article = &analysis.article;
    let paras = &article.paragraphs;
    let mut found: Vec<Vec<(usize, char, Problem)>> = paras
        .iter()
        .map(|p| {
            if analysis.is_excluded(p.span) {
                Vec::new()
            } else {
                scan(article.slice(p.span))
            }
        })
        .collect();
    // A quotation or an aside may run over a paragraph break: a mark left
    // open at the end of one paragraph and closed in the next is one pair.
    for i in 1..found.len() {
        let (before, after) = found.split_at_mut(i);
        let (prev, next) = (&mut before[i - 1], &mut after[0]);
        prev.retain(|&(_, open, problem)| {
            if problem != Problem::Unclosed {
                return true;
            }
            let closing = |&(_, c, q): &(usize, char, Problem)| match open {
                '"' => c == '"' && q == Problem::Unclosed,
                _ => c == closer(open) && q == Problem::Unopened,
            };
            match next.iter().position(closing) {
                Some(k) => {
                    next.remove(k);
                    false
                }
                None => true,
            }
        });
    }
    for (i, p) in paras.iter().enumerate() {
        let next_opens_quote = paras
            .get(i + 1)
            .is_some_and(|n| opens_with_quote(article.slice(n.span)));
        for &(at, c, problem) in &found[i] {
            let quote_mark = matches!(c, '“' | '"');
            if problem == Problem::Unclosed && quote_mark && next_opens_quote {
                continue;
            }
            let span = Span::new(p.span.start + at, p.span.start + at + c.len_utf8());
            let (msg, label, help) = match problem {
                Problem::Unclosed => (
                    format!("{} is opened and never closed in this paragraph", name(c)),
                    "never closed",
                    format!(
                        "add the closing “{}” where the quotation or aside ends, or delete this one",
                        closer(c)
                    ),
                ),
                Problem::Unopened => (
                    format!("{} with no opening mark in this paragraph", name(c)),
                    "never opened",
                    "add the opening mark where the quotation or aside begins, or delete this one".to_string(),
                ),
            };
            out.push(
                Diagnostic::new(ID, RULE.severity, article, span, msg)
                    .label(label)
                    .help(help)
                    .finish(),
            );
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Problem {
    Unclosed,
    Unopened,
}

/// Unmatched marks of one paragraph: (byte offset, mark, problem).
fn scan(text: &str) -> Vec<(usize, char, Problem)> {
    let mut found = Vec::new();
    let mut stack: Vec<(usize, char)> = Vec::new();
    let mut straight: Vec<usize> = Vec::new();
    // Straight marks right after a figure: inch marks ("a 12\" pipe"), unless
    // one is needed to close a quote ("… that 12\", he said").
    let mut after_digit: Vec<usize> = Vec::new();
    // Only the marks matter: find them byte by byte (“ and ” are E2 80 9C/9D).
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let (c, len) = match bytes[at] {
            b @ (b'(' | b')' | b'[' | b']' | b'"') => (b as char, 1),
            0xE2 if bytes.get(at + 1) == Some(&0x80) && matches!(bytes.get(at + 2), Some(0x9C | 0x9D)) => {
                (if bytes[at + 2] == 0x9C { '“' } else { '”' }, 3)
            }
            _ => {
                at += 1;
                continue;
            }
        };
        let i = at;
        at += len;
        let prev = text[..i].chars().next_back();
        let next = text[at..].chars().next();
        let emoticon = matches!(prev, Some(':' | ';' | '-')) && matches!(c, '(' | ')');
        match c {
            '“' | '(' | '[' if !emoticon => stack.push((i, c)),
            '”' | ')' | ']' if !emoticon => {
                let open = match c {
                    '”' => '“',
                    ')' => '(',
                    _ => '[',
                };
                if let Some(pos) = stack.iter().rposition(|&(_, o)| o == open) {
                    // Marks opened inside and left open are unclosed.
                    for (j, o) in stack.drain(pos..).skip(1) {
                        found.push((j, o, Problem::Unclosed));
                    }
                } else if !is_list_marker(text, i, c) {
                    found.push((i, c, Problem::Unopened));
                }
            }
            // Between two letters ("Kuwait\"s") it stands for an apostrophe.
            '"' if prev.is_some_and(char::is_alphabetic) && next.is_some_and(char::is_alphabetic) => {}
            '"' if !prev.is_some_and(|p| p.is_ascii_digit()) || next.is_some_and(char::is_alphabetic) => {
                straight.push(i);
            }
            '"' => after_digit.push(i),
            _ => {}
        }
    }
    found.extend(stack.into_iter().map(|(i, c)| (i, c, Problem::Unclosed)));
    if straight.len() % 2 == 1 {
        // A quote left open is closed by a mark after a figure that follows it.
        if let Some(&d) = after_digit.iter().find(|&&d| straight.last().is_some_and(|&o| o < d)) {
            straight.push(d);
        }
    }
    if straight.len() % 2 == 1 {
        // Pair them in order: an odd one out is the last that opens a quote
        // (followed by a non-space), else the last.
        let last = straight
            .iter()
            .rev()
            .find(|&&i| text[i + 1..].chars().next().is_some_and(|c| !c.is_whitespace()))
            .or(straight.last())
            .copied();
        if let Some(i) = last {
            found.push((i, '"', Problem::Unclosed));
        }
    }
    found.sort_unstable();
    found
}

/// "a)", "1)", "iv)" at the start of the paragraph or after a space: list
/// markers, not closing brackets.
fn is_list_marker(text: &str, at: usize, c: char) -> bool {
    if c != ')' {
        return false;
    }
    let before = &text[..at];
    let word_start = crate::text::after_last(before, |ch| !ch.is_alphanumeric());
    let word = &before[word_start..];
    !word.is_empty()
        && word.len() <= 3
        && (word.chars().all(|ch| ch.is_ascii_digit()) || word.chars().all(|ch| ch.is_ascii_lowercase()))
        && (word_start == 0 || before[..word_start].ends_with(char::is_whitespace))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::quality_testutil::{CLEAN, run};

    #[test]
    fn closing_bracket_after_a_curly_quote_does_not_panic() {
        // Regression: the word before a ")" was found with a byte offset + 1,
        // which is not a character boundary after "”".
        assert!(!is_list_marker("unit “police”)", "unit “police”".len(), ')'));
    }

    #[test]
    fn unclosed_quotes_and_brackets() {
        assert_eq!(
            run(
                "“We will not leave, the minister said on Friday.\n\nThe talks went on.\n",
                check
            ),
            ["“"]
        );
        assert_eq!(run("The force (led by Kenya arrived in June.\n", check), ["("]);
        assert_eq!(run("He said \"we are ready and left.\n", check), ["\""]);
        assert_eq!(run("the deployment of a mission” to help the police.\n", check), ["”"]);
        assert_eq!(run("The fund rose] by a third.\n", check), ["]"]);
    }

    #[test]
    fn a_quote_running_on_into_the_next_paragraph() {
        let t = "“We have waited long enough,” she said. “The fleet loses days every winter.\n\n“If we wait another year, the bill will grow.”\n";
        assert!(run(t, check).is_empty());
        let t = "He said: \"The fleet loses days every winter.\n\n\"If we wait, the bill will grow.\"\n";
        assert!(run(t, check).is_empty());
    }

    #[test]
    fn units_list_markers_and_emoticons() {
        for t in [
            "He is 6'2\" tall and bought a 55\" screen.\n",
            "The options are a) stay, b) go or 1) wait.\n",
            "Nice to see you :) and goodbye :(\n",
            "Nested (as in [this] case) marks are fine.\n",
        ] {
            assert!(run(t, check).is_empty(), "{t}");
        }
    }

    #[test]
    fn inch_marks_after_figures() {
        for t in [
            "Crews replaced a 12\" pipe under the square on Tuesday.\n",
            "\"The main is only 8\", and it was laid in 1950,\" the engineer said.\n",
            "\"They sent us a pipe of 14\", she said.\n",
        ] {
            assert!(run(t, check).is_empty(), "{t}");
        }
    }

    #[test]
    fn a_straight_mark_between_letters_is_an_apostrophe() {
        assert!(run("Norway\"s fishing minister said the quota would stay.\n", check).is_empty());
    }

    #[test]
    fn a_quotation_or_aside_over_a_paragraph_break() {
        for t in [
            "\"We will rebuild the pier\", the mayor said. \" The ferries must run.\n\nThe town has waited long enough \". The council votes on Friday.\n",
            "The board met on Monday (its third meeting this month.\n\n) The vote was close.\n",
        ] {
            assert!(run(t, check).is_empty(), "{t}");
        }
        // Not closed in the next paragraph either.
        assert_eq!(run("He said \"we will wait.\n\nThe vote was close.\n", check), ["\""]);
    }

    #[test]
    fn clean_articles_have_no_findings() {
        for t in CLEAN {
            assert!(run(t, check).is_empty(), "{t}");
        }
    }
}
