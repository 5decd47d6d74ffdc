#![doc = include_str!("docs/truncated.md")]

use std::collections::{BTreeMap, BTreeSet};

use super::{Analysis, RuleInfo, quote};
use crate::diagnostic::{Diagnostic, Severity};
use crate::text::Span;

pub const ID: &str = "truncated";
pub const RULE: RuleInfo = RuleInfo {
    id: ID,
    severity: Severity::Warning,
    summary: "an article whose end, or a paragraph, was cut off",
    doc: include_str!("docs/truncated.md"),
};

/// Lengths (in characters) at which feeds and scrapers cut text.
const FIXED_LENGTHS: &[usize] = &[100, 140, 150, 160, 200, 250, 255, 256, 280, 300, 500, 512, 1000, 1024];

const CREDIT_CUES: &[&str] = &[
    "reporting by",
    "additional reporting",
    "editing by",
    "writing by",
    "compiled by",
    "photo:",
    "photo by",
    "photos:",
    "image:",
    "source:",
    "sources:",
    "copyright",
    "©",
    "(reporting",
    "credit:",
    "published",
    "first published",
    "updated",
    "posted",
    "originally published",
];

/// Calls to action ("Get this … now on Amazon", "Subscribe to …"): page
/// furniture, not the article's last paragraph.
const CALLS_TO_ACTION: &[&str] = &[
    "get ",
    "buy ",
    "shop ",
    "click ",
    "subscribe",
    "sign up",
    "follow ",
    "read more",
    "watch ",
    "download ",
    "listen ",
    "share ",
    "join ",
    "order ",
    "save ",
    "try ",
    "support ",
];

fn is_list_item(s: &str) -> bool {
    s.starts_with(['-', '*', '•', '#', '>', '|', '+'])
        || s.split_once(['.', ')'])
            .is_some_and(|(n, _)| !n.is_empty() && n.len() <= 3 && n.chars().all(|c| c.is_ascii_alphanumeric()))
}

fn is_heading(s: &str) -> bool {
    let words: Vec<&str> = s
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    let caps = words
        .iter()
        .filter(|w| w.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_uppercase))
        .count();
    !words.is_empty() && caps * 10 >= words.len() * 6
}

/// A paragraph of running text: eight words or more, and not a heading, a
/// list item, a credit line or a call to action.
fn is_prose(s: &str) -> bool {
    let lower = s.to_lowercase();
    s.split_whitespace().count() >= 8
        && !is_list_item(s)
        && !is_heading(s)
        && !CREDIT_CUES.iter().any(|c| lower.starts_with(c))
        && !CALLS_TO_ACTION.iter().any(|c| lower.starts_with(c))
}

fn ends_complete(s: &str) -> bool {
    let s = s.trim_end_matches(|c: char| c.is_whitespace() || c == '*' || c == '_');
    // A web address, a handle or a hashtag at the end is a pointer, not a
    // sentence cut short.
    let last = s.rsplit(char::is_whitespace).next().unwrap_or("");
    s.ends_with(['.', '!', '?', '…', '"', '”', '’', '\'', ')', ']', ':', '»'])
        || last.contains("://")
        || last.starts_with("www.")
        || last.starts_with(['@', '#'])
}

/// The text before a glued ellipsis at the end ("announ…", "announ..."), if any.
fn glued_ellipsis(s: &str) -> Option<&str> {
    let cut = s.strip_suffix('…').or_else(|| s.strip_suffix("..."))?;
    cut.chars().last().is_some_and(char::is_alphanumeric).then_some(cut)
}

pub fn check(analysis: &Analysis, out: &mut Vec<Diagnostic>) {
    let article = &analysis.article;
    let paras: Vec<Span> = article
        .paragraphs
        .iter()
        .map(|p| p.span)
        .filter(|&s| !analysis.is_excluded(s) && Some(s) != article.title)
        .collect();
    let mut reported: Vec<Span> = Vec::new();

    // Paragraphs cut at a fixed length.
    let mut open_by_len: BTreeMap<usize, Vec<Span>> = BTreeMap::new();
    for &p in &paras {
        let s = article.slice(p);
        let open = !ends_complete(s) && s.chars().last().is_some_and(char::is_alphanumeric);
        if !(open || glued_ellipsis(s).is_some()) || !is_prose(s) {
            continue;
        }
        if let Some(cut) = glued_ellipsis(s) {
            let (n_cut, n_all) = (cut.chars().count(), s.chars().count());
            if FIXED_LENGTHS.contains(&n_cut) || FIXED_LENGTHS.contains(&n_all) {
                report_cut(analysis, p, n_all, out);
                reported.push(p);
                continue;
            }
        }
        let n = s.chars().count();
        if n >= 80 {
            open_by_len.entry(n).or_default().push(p);
        }
    }
    for (n, spans) in &open_by_len {
        // Two different paragraphs cut at one length (a repeated line is a
        // duplicate, not a cut).
        let distinct: BTreeSet<&str> = spans.iter().map(|&p| article.slice(p)).collect();
        if distinct.len() >= 2 {
            for &p in spans {
                if !reported.contains(&p) {
                    report_cut(analysis, p, *n, out);
                    reported.push(p);
                }
            }
        }
    }

    // The last content paragraph.
    let last = paras.iter().rev().copied().find(|&p| is_prose(article.slice(p)));
    let Some(last) = last else { return };
    let s = article.slice(last);
    // An agency's sign-off after the last sentence is a credit, not a cut.
    let s = crate::text::wire_signoff(s).map_or(s, |at| s[..at].trim_end());
    if ends_complete(s) || reported.contains(&last) {
        return;
    }
    // Point at the last few words.
    let tail_start = s
        .char_indices()
        .rev()
        .filter(|&(_, c)| c.is_whitespace())
        .nth(2)
        .map_or(0, |(i, c)| i + c.len_utf8());
    let span = Span::new(last.start + tail_start, last.end);
    out.push(
        Diagnostic::new(
            ID,
            RULE.severity,
            article,
            span,
            format!("the article stops mid-sentence: {}", quote(article, span)),
        )
        .label("the text stops here")
        .help("restore the rest of the article from its source; if the source ends here too, mark the article as incomplete")
        .finish(),
    );
}

fn report_cut(analysis: &Analysis, p: Span, n: usize, out: &mut Vec<Diagnostic>) {
    let article = &analysis.article;
    let s = article.slice(p);
    let tail_start = crate::text::after_last(s, char::is_whitespace);
    let span = Span::new(p.start + tail_start, p.end);
    out.push(
        Diagnostic::new(
            ID,
            RULE.severity,
            article,
            span,
            format!(
                "this paragraph was cut at a fixed length ({n} characters): it ends in {}",
                quote(article, span)
            ),
        )
        .label("cut here")
        .help("restore the full paragraph from the source")
        .finish(),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::quality_testutil::{CLEAN, run};

    const HEAD: &str = "date 2023-06-12 River town braces for more flooding\n\nResidents of the low streets were told on Monday to prepare for a second week of flooding.\n\n";

    #[test]
    fn last_paragraph_stops_mid_sentence() {
        let t = format!("{HEAD}Forecasters said more rain was expected upstream on Wednesday, which would put the\n");
        assert_eq!(run(&t, check), ["would put the"]);
        let t = format!("{HEAD}The river could rise by another half metre before the weekend, officials said,\n");
        assert_eq!(run(&t, check), ["weekend, officials said,"]);
    }

    #[test]
    fn complete_endings_headings_lists_and_credits_are_fine() {
        for tail in [
            "\"We have never seen the water stay this high for this long,\" said Tom Ashby.\n",
            "Asked whether the town would be rebuilt, the mayor said: \"Of course. We always do.\"\n",
            "The schools will reopen on Monday (if the water has gone)\n\n1. Flood warnings in the region this week\n",
            "The volunteers have filled more than 20,000 sandbags since Friday!\n\nMore Stories From The Regional News Desk Today\n",
            "The shelters will stay open for as long as they are needed.\n\nReporting by Ann Lee in Merren; Editing by Tom Ash and Sue Pike\n",
            "Updates on the road closures are posted by the council at https://merren.example.org/floods\n",
            "The shelters will stay open.\n\nPublished 12 June 2023 by the Merren Courier news desk staff\n",
        ] {
            let t = format!("{HEAD}{tail}");
            assert!(run(&t, check).is_empty(), "{t}");
        }
    }

    #[test]
    fn paragraphs_cut_at_a_fixed_length() {
        // Pad to exactly 140 characters before the ellipsis.
        let base = "The water board said that the pumping stations on the east bank of the river had been working around the clock since the first alerts on Frid";
        let para: String = base.chars().take(140).collect();
        assert_eq!(para.chars().count(), 140);
        let t = format!("{HEAD}{para}…\n\nThe shelters will stay open for as long as they are needed.\n");
        assert_eq!(run(&t, check), ["Fri…"]);
        // Two paragraphs that stop at the same length, with no ellipsis.
        let a: String =
            "Officials said the evacuation of the lower town would go on through the night and into the morning as"
                .chars()
                .take(90)
                .collect();
        let b: String =
            "Volunteers from the neighbouring villages came with boats, pumps and food for all those in the shelters"
                .chars()
                .take(90)
                .collect();
        assert_eq!((a.trim_end().chars().count(), b.trim_end().chars().count()), (90, 90));
        let t = format!("{HEAD}{a}\n\n{b}\n\nThe shelters will stay open for as long as they are needed.\n");
        assert_eq!(run(&t, check).len(), 2);
    }

    #[test]
    fn an_agency_sign_off_is_a_credit_not_a_cut() {
        for tail in [
            "The co-operative said it expected the harvest to recover next season. REUTER\n",
            "The co-operative said it expected the harvest to recover next season.\n\nAFP\n",
        ] {
            let t = format!("{HEAD}{tail}");
            assert!(run(&t, check).is_empty(), "{t}");
        }
        assert_eq!(crate::text::wire_signoff("the mill said. Reuter"), Some(15));
        assert_eq!(crate::text::wire_signoff("talks with the AP"), None);
    }

    #[test]
    fn a_trailing_ellipsis_of_speech_is_not_a_cut() {
        let t =
            format!("{HEAD}\"We just don't know what will happen next...\" said one resident, looking at the river.\n");
        assert!(run(&t, check).is_empty());
    }

    #[test]
    fn clean_articles_have_no_findings() {
        for t in CLEAN {
            assert!(run(t, check).is_empty(), "{t}");
        }
    }
}
