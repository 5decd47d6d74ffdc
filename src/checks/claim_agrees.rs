#![doc = include_str!("docs/claim-agrees.md")]

use super::claims::{Verdict, Verdicts};
use super::{Analysis, RuleInfo, quote};
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::RuleSet;

pub const ID: &str = "claim-agrees";
pub const RULE: RuleInfo = RuleInfo {
    id: ID,
    severity: Severity::Info,
    summary: "a figure confirms a claim of the rules",
    doc: include_str!("docs/claim-agrees.md"),
};

pub fn report(analyses: &[Analysis], rules: &RuleSet, verdicts: &Verdicts, out: &mut Vec<Diagnostic>) {
    for &(ci, ai, fi, verdict) in verdicts {
        if verdict != Verdict::Agrees {
            continue;
        }
        let claim = &rules.claims[ci];
        let a = &analyses[ai];
        let fig = &a.facts.figures[fi];
        let d = Diagnostic::new(
            ID,
            Severity::Info,
            &a.article,
            fig.phrase(),
            format!(
                "{} confirms the claim `{}`",
                quote(&a.article, fig.phrase()),
                claim.spec.text
            ),
        )
        .label(format!("{} {}", claim.spec.subject, claim.spec.measure))
        .help(format!("claim defined at {}", claim.origin));
        out.push(d.finish());
    }
}
