//! Suppression comments in Markdown articles:
//! `<!-- claimlint-disable RULE… -->` … `<!-- claimlint-enable RULE… -->`
//! ranges and `<!-- claimlint-disable-next-line RULE… -->`. With no rule
//! ids a comment covers every rule. A comment that suppresses nothing, or
//! names an unknown rule, is reported as `unused-suppression`.

use std::sync::LazyLock;

use regex::Regex;

use crate::checks::{Analysis, RULES, unused_suppression};
use crate::corpus::Article;
use crate::diagnostic::{Diagnostic, Severity};
use crate::text::{Span, did_you_mean};

static DIRECTIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<!--[ \t]*claimlint-(disable-next-line|disable|enable)\b([^>]*?)[ \t]*-->").expect("valid regex")
});

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Disable,
    Enable,
    NextLine,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Disable => "claimlint-disable",
            Kind::Enable => "claimlint-enable",
            Kind::NextLine => "claimlint-disable-next-line",
        }
    }
}

/// One `claimlint-*` comment.
#[derive(Debug, Clone)]
struct Directive {
    kind: Kind,
    span: Span,
    /// Rule ids as written; empty for every rule.
    rules: Vec<String>,
}

/// A stretch of text where findings of `rule` (or of every rule) are suppressed.
#[derive(Debug, Clone)]
struct Range {
    rule: Option<&'static str>,
    start: usize,
    end: usize,
    directive: usize,
    used: bool,
}

fn parse(text: &str) -> Vec<Directive> {
    DIRECTIVE
        .captures_iter(text)
        .map(|c| {
            let m = c.get(0).expect("whole match");
            let kind = match &c[1] {
                "disable-next-line" => Kind::NextLine,
                "disable" => Kind::Disable,
                _ => Kind::Enable,
            };
            let rules = c[2]
                .split(|ch: char| ch.is_whitespace() || ch == ',')
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect();
            Directive {
                kind,
                span: Span::new(m.start(), m.end()),
                rules,
            }
        })
        .collect()
}

/// The byte range of the first non-blank line after `offset`'s line.
fn next_line(text: &str, offset: usize) -> Option<(usize, usize)> {
    let mut pos = text[offset..].find('\n')? + offset + 1;
    while pos < text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |n| pos + n);
        if !text[pos..end].trim().is_empty() {
            return Some((pos, end));
        }
        pos = end + 1;
    }
    None
}

fn unused(
    article: &Article,
    d: &Directive,
    message: String,
    help: impl Into<std::borrow::Cow<'static, str>>,
) -> Diagnostic {
    Diagnostic::new(unused_suppression::ID, Severity::Warning, article, d.span, message)
        .label("suppresses nothing")
        .help(help)
        .finish()
}

/// Applies the suppression comments of one Markdown article to the
/// diagnostics located in it (removing those suppressed) and returns the
/// `unused-suppression` findings. `enabled` says which rules are on: a
/// comment for a rule switched off in the configuration is not reported.
fn apply_article(article: &Article, diags: &mut Vec<Diagnostic>, enabled: &dyn Fn(&str) -> bool) -> Vec<Diagnostic> {
    let directives = parse(&article.text);
    if directives.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut ranges: Vec<Range> = Vec::new();
    // Open `disable` ranges: (rule, start, directive).
    let mut open: Vec<(Option<&'static str>, usize, usize)> = Vec::new();
    for (i, d) in directives.iter().enumerate() {
        let mut ids: Vec<Option<&'static str>> = Vec::new();
        for r in &d.rules {
            match RULES.iter().find(|x| x.id == r) {
                Some(x) => ids.push(Some(x.id)),
                None => {
                    let hint = did_you_mean(r, RULES.iter().map(|x| x.id))
                        .map(|s| format!("did you mean `{s}`?"))
                        .unwrap_or_else(|| "`claimlint rules` lists the rule ids".to_string());
                    out.push(unused(
                        article,
                        d,
                        format!("`{}` names an unknown rule `{r}`", d.kind.name()),
                        hint,
                    ));
                }
            }
        }
        if d.rules.is_empty() {
            ids.push(None);
        }
        match d.kind {
            Kind::NextLine => {
                if let Some((start, end)) = next_line(&article.text, d.span.end) {
                    for rule in ids {
                        ranges.push(Range {
                            rule,
                            start,
                            end,
                            directive: i,
                            used: false,
                        });
                    }
                }
            }
            Kind::Disable => {
                for rule in ids {
                    if !open.iter().any(|o| o.0 == rule) {
                        open.push((rule, d.span.end, i));
                    }
                }
            }
            Kind::Enable => {
                for rule in ids {
                    let closing: Vec<usize> = (0..open.len())
                        .filter(|&k| rule.is_none() || open[k].0 == rule)
                        .collect();
                    if closing.is_empty() {
                        out.push(unused(
                            article,
                            d,
                            format!(
                                "`claimlint-enable{}` has no `claimlint-disable` before it",
                                rule.map(|r| format!(" {r}")).unwrap_or_default()
                            ),
                            "delete the comment",
                        ));
                    }
                    for k in closing.into_iter().rev() {
                        let (r, start, dir) = open.remove(k);
                        ranges.push(Range {
                            rule: r,
                            start,
                            end: d.span.start,
                            directive: dir,
                            used: false,
                        });
                    }
                }
            }
        }
    }
    for (rule, start, dir) in open {
        ranges.push(Range {
            rule,
            start,
            end: article.text.len(),
            directive: dir,
            used: false,
        });
    }
    diags.retain(|diag| {
        if diag.location.file != article.path || diag.rule == unused_suppression::ID {
            return true;
        }
        let at = diag.location.span.start;
        match ranges
            .iter_mut()
            .find(|r| r.rule.is_none_or(|x| x == diag.rule) && r.start <= at && at <= r.end)
        {
            Some(r) => {
                r.used = true;
                false
            }
            None => true,
        }
    });
    for r in ranges.iter().filter(|r| !r.used) {
        if r.rule.is_some_and(|x| !enabled(x)) {
            continue;
        }
        let d = &directives[r.directive];
        let what = match r.rule {
            Some(x) => format!("`{} {x}`", d.kind.name()),
            None => format!("`{}`", d.kind.name()),
        };
        out.push(unused(
            article,
            d,
            format!("{what} suppresses no finding"),
            "delete the comment (or this rule id from it): the finding it excused is gone",
        ));
    }
    out
}

/// Applies every Markdown article's suppression comments; `report_in` says
/// which articles' unused comments are reported.
pub fn apply(
    analyses: &[Analysis],
    diags: &mut Vec<Diagnostic>,
    enabled: &dyn Fn(&str) -> bool,
    report_in: &dyn Fn(&str) -> bool,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for a in analyses.iter().filter(|a| a.article.markdown) {
        let found = apply_article(&a.article, diags, enabled);
        if report_in(&a.article.path) {
            out.extend(found);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diag(article: &Article, rule: &'static str, needle: &str) -> Diagnostic {
        let start = article.text.find(needle).unwrap();
        Diagnostic::new(
            rule,
            Severity::Warning,
            article,
            Span::new(start, start + needle.len()),
            "x",
        )
        .finish()
    }

    fn run(text: &str, found: &[(&'static str, &str)]) -> (Vec<Diagnostic>, Vec<Diagnostic>) {
        let a = Article::from_text("a.md", text.to_string());
        let mut diags: Vec<Diagnostic> = found.iter().map(|(r, n)| diag(&a, r, n)).collect();
        let unused = apply_article(&a, &mut diags, &|_| true);
        (diags, unused)
    }

    #[test]
    fn next_line_suppresses_only_its_rule_on_the_next_line() {
        let text = "Intro.\n\n<!-- claimlint-disable-next-line figure-conflict -->\nPolice said 300 officers came.\n\nLater 250 officers.\n";
        let (kept, unused) = run(
            text,
            &[
                ("figure-conflict", "300 officers"),
                ("name-variant", "Police"),
                ("figure-conflict", "250 officers"),
            ],
        );
        let quotes: Vec<&str> = kept.iter().map(|d| d.location.quote.as_str()).collect();
        assert_eq!(quotes, ["Police", "250 officers"]);
        assert!(unused.is_empty());
    }

    #[test]
    fn ranges_per_rule_and_for_all() {
        let text = "A 1.\n<!-- claimlint-disable boilerplate, off-topic -->\nB 2.\n<!-- claimlint-enable boilerplate -->\nC 3.\n<!-- claimlint-enable -->\nD 4.\n";
        let (kept, unused) = run(
            text,
            &[
                ("boilerplate", "A 1."),
                ("boilerplate", "B 2."),
                ("off-topic", "C 3."),
                ("boilerplate", "C 3."),
                ("off-topic", "D 4."),
            ],
        );
        let got: Vec<(&str, &str)> = kept.iter().map(|d| (d.rule, d.location.quote.as_str())).collect();
        assert_eq!(
            got,
            [("boilerplate", "A 1."), ("boilerplate", "C 3."), ("off-topic", "D 4.")]
        );
        assert!(unused.is_empty(), "{unused:?}");
    }

    #[test]
    fn unused_and_unknown_are_reported_at_the_comment() {
        let text = "Title\n\n<!-- claimlint-disable-next-line name-variant figure-conflcit -->\nA sentence.\n";
        let (_, unused) = run(text, &[]);
        let msgs: Vec<&str> = unused.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(unused.len(), 2, "{msgs:?}");
        assert!(msgs[0].contains("unknown rule `figure-conflcit`"));
        assert_eq!(unused[0].help.as_deref(), Some("did you mean `figure-conflict`?"));
        assert!(msgs[1].contains("name-variant` suppresses no finding"));
        assert_eq!(unused[1].location.line, 3);
        assert!(unused.iter().all(|d| d.rule == unused_suppression::ID));
    }

    #[test]
    fn plain_text_comments_are_not_directives() {
        let analyses: Vec<Analysis> = Vec::new();
        let mut diags = Vec::new();
        assert!(apply(&analyses, &mut diags, &|_| true, &|_| true).is_empty());
    }
}
