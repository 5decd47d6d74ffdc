#![doc = include_str!("docs/claim-mismatch.md")]

use super::claims::{Verdict, Verdicts};
use super::{Analysis, RuleInfo, quote};
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::RuleSet;

pub const ID: &str = "claim-mismatch";
pub const RULE: RuleInfo = RuleInfo {
    id: ID,
    severity: Severity::Error,
    summary: "a figure contradicts a claim of the rules",
    doc: include_str!("docs/claim-mismatch.md"),
};

/// Most related spans listed on one finding.
const MAX_RELATED: usize = 5;

pub fn report(analyses: &[Analysis], rules: &RuleSet, verdicts: &Verdicts, out: &mut Vec<Diagnostic>) {
    for &(ci, ai, fi, verdict) in verdicts {
        if verdict != Verdict::Contradicts {
            continue;
        }
        let claim = &rules.claims[ci];
        let a = &analyses[ai];
        let fig = &a.facts.figures[fi];
        let mut d = Diagnostic::new(
            ID,
            claim.spec.severity.unwrap_or(RULE.severity),
            &a.article,
            fig.phrase(),
            format!(
                "{} contradicts the claim `{}`",
                quote(&a.article, fig.phrase()),
                claim.spec.text
            ),
        )
        .label(format!(
            "{} {}: the claim says {}",
            claim.spec.subject,
            claim.spec.measure,
            crate::rules::fmt_op_value(claim.spec.op, &claim.spec.value)
        ))
        .help(format!(
            "the rules say `{}` ({}; tolerance {}{}); correct the figure, or update the claim if it is out of date",
            claim.spec.text,
            claim.origin,
            claim.tolerance_text(),
            claim
                .spec
                .source
                .as_deref()
                .map(|s| format!("; source: {s}"))
                .unwrap_or_default(),
        ));
        let agreeing = verdicts
            .iter()
            .filter(|v| v.0 == ci && v.3 == Verdict::Agrees)
            .take(MAX_RELATED);
        for &(_, aj, fj, _) in agreeing {
            let other = &analyses[aj];
            let f = &other.facts.figures[fj];
            d = d.related(
                &other.article,
                f.statement(),
                format!("agrees with the claim: {}", quote(&other.article, f.statement())),
            );
        }
        out.push(d.finish());
    }
}
