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
        // A claim in a physical unit takes a quantity of its dimension.
        ValueKind::Count if claim.spec.value.unit.is_some() => {
            fig.kind == FigureKind::Quantity && claim_scale(claim, fig, None).is_some()
        }
        ValueKind::Count => matches!(fig.kind, FigureKind::Count | FigureKind::Quantity),
        ValueKind::Percent => fig.kind == FigureKind::Percent,
        ValueKind::Duration => fig.kind == FigureKind::Duration && claim_scale(claim, fig, None).is_some(),
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

/// What multiplies a figure into the claim's unit: a duration into the
/// claim's unit of time ("18 months" against a claim in years: 1/12), a
/// quantity into the claim's physical unit, or else the unit of its
/// measure (`unit`: "1,500 miles" against a measure in km: 1.609); 1 when
/// neither has a unit. `None` when the units are of two dimensions.
fn claim_scale(claim: &Claim, fig: &Figure, measure_unit: Option<&str>) -> Option<f64> {
    let value = &claim.spec.value;
    if value.kind == ValueKind::Duration {
        let to = crate::rules::time_unit_days(value.unit?)?;
        let from = crate::rules::time_unit_days(fig.unit.as_deref()?)?;
        return Some(from / to);
    }
    if fig.kind != FigureKind::Quantity {
        return Some(1.0);
    }
    let Some(target) = value.unit.or(measure_unit) else {
        return Some(1.0);
    };
    let (to_dim, to) = dimension(target)?;
    let (from_dim, from) = dimension(fig.unit.as_deref()?)?;
    (to_dim == from_dim).then_some(from / to)
}

use crate::extract::keys::dimension;

/// The physical unit a measure counts in, when it has one (`units: [km]`).
fn measure_unit<'r>(rules: &'r RuleSet, claim: &Claim) -> Option<&'r str> {
    let m = rules.measure(&claim.spec.measure)?;
    m.units.iter().map(String::as_str).find(|u| dimension(u).is_some())
}

pub fn overlaps(a: (f64, f64), b: (f64, f64)) -> bool {
    a.0 <= b.1 + 1e-9 && b.0 <= a.1 + 1e-9
}

pub fn evaluate(analyses: &[Analysis], rules: &RuleSet) -> Verdicts {
    let mut out = Vec::new();
    for (ci, claim) in rules.claims.iter().enumerate() {
        let interval = claim.interval();
        let unit = measure_unit(rules, claim);
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
                let Some(scale) = claim_scale(claim, fig, unit) else {
                    continue;
                };
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
