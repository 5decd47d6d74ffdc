//! Shared by `claim-mismatch` and `claim-agrees`: which figures bear on which
//! claim, and whether they agree.

use crate::extract::{Figure, FigureKind};
use crate::rules::{Claim, RuleSet, ValueKind};

use super::Analysis;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Agrees,
    Contradicts,
}

/// (claim index, article index, figure index, verdict), in corpus order.
pub type Verdicts = Vec<(usize, usize, usize, Verdict)>;

pub fn kind_matches(claim: &Claim, fig: &Figure) -> bool {
    match claim.spec.value.kind {
        ValueKind::Count => matches!(fig.kind, FigureKind::Count | FigureKind::Quantity),
        ValueKind::Percent => fig.kind == FigureKind::Percent,
        ValueKind::Duration => fig.kind == FigureKind::Duration && claim_scale(claim, fig).is_some(),
        ValueKind::Money => {
            fig.kind == FigureKind::Money
                && (claim.spec.value.currency.is_none() || fig.unit.as_deref() == claim.spec.value.currency)
        }
    }
}

/// Whether a figure is about the claim's subject and measure.
pub fn bears_on(claim: &Claim, fig: &Figure) -> bool {
    fig.entity.as_deref() == Some(claim.spec.subject.as_str())
        && fig.measure.as_deref() == Some(claim.spec.measure.as_str())
        && kind_matches(claim, fig)
}

/// What multiplies a duration figure into the claim's unit of time ("18
/// months" against a claim in years: 1/12); 1 for other kinds.
fn claim_scale(claim: &Claim, fig: &Figure) -> Option<f64> {
    if claim.spec.value.kind != ValueKind::Duration {
        return Some(1.0);
    }
    let to = crate::rules::time_unit_days(claim.spec.value.unit?)?;
    let from = crate::rules::time_unit_days(fig.unit.as_deref()?)?;
    Some(from / to)
}

pub fn overlaps(a: (f64, f64), b: (f64, f64)) -> bool {
    a.0 <= b.1 + 1e-9 && b.0 <= a.1 + 1e-9
}

pub fn evaluate(analyses: &[Analysis], rules: &RuleSet) -> Verdicts {
    let mut out = Vec::new();
    for (ci, claim) in rules.claims.iter().enumerate() {
        let interval = claim.interval();
        for (ai, a) in analyses.iter().enumerate() {
            // Before the claim's as-of date the article could not know it.
            if let (Some(as_of), Some(date)) = (claim.spec.as_of, a.article.date)
                && date < as_of
            {
                continue;
            }
            let first = out.len();
            for (fi, fig) in a.facts.figures.iter().enumerate() {
                if !fig.kind.is_claimable() || a.is_excluded(fig.span) || !bears_on(claim, fig) {
                    continue;
                }
                let scale = claim_scale(claim, fig).unwrap_or(1.0);
                let (lo, hi) = fig.interval();
                let verdict = if overlaps((lo * scale, hi * scale), interval) {
                    Verdict::Agrees
                } else {
                    Verdict::Contradicts
                };
                out.push((ci, ai, fi, verdict));
            }
            drop_borrowed_contradictions(&mut out, first, &a.facts.figures);
        }
    }
    out
}

/// A figure whose entity was borrowed from the discourse ("the company
/// said", "it") is the weakest tie a figure can have to a claim. In an
/// article where a figure tied to the entity in its own sentence confirms
/// the claim, such a figure with another value is far more often another
/// quantity of the story (last year's, a part, a fee) than a contradiction:
/// it is not reported. Likewise where a figure tied in its own sentence
/// contradicts the claim and none confirms it, a borrowed figure that
/// happens to agree is not reported as a confirmation beside it. A
/// restatement with another value is left to `figure-conflict`, which
/// compares the wording of the two.
fn drop_borrowed_contradictions(out: &mut Verdicts, first: usize, figures: &[Figure]) {
    let tied = |v: &(usize, usize, usize, Verdict)| !figures[v.2].entity_by_discourse;
    let confirmed = out[first..].iter().any(|v| v.3 == Verdict::Agrees && tied(v));
    let contradicted = out[first..].iter().any(|v| v.3 == Verdict::Contradicts && tied(v));
    if !confirmed && !contradicted {
        return;
    }
    let tail = out.split_off(first);
    out.extend(tail.into_iter().filter(|v| {
        tied(v)
            || if v.3 == Verdict::Agrees {
                !contradicted || confirmed
            } else {
                !confirmed
            }
    }));
}
