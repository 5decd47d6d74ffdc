#![doc = include_str!("docs/name-variant.md")]

use super::{Analysis, RuleInfo};
use crate::diagnostic::{Diagnostic, Severity};
use crate::extract::Lexicon;

pub const ID: &str = "name-variant";
pub const RULE: RuleInfo = RuleInfo {
    id: ID,
    severity: Severity::Warning,
    summary: "an entity written in a known wrong form",
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
