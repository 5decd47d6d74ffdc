#![doc = include_str!("docs/figure-conflict.md")]

use std::collections::BTreeMap;

use super::claims::{bears_on, overlaps};
use super::{Analysis, RuleInfo, quote};
use crate::diagnostic::{Diagnostic, Severity};
use crate::extract::{Figure, FigureKind};
use crate::rules::RuleSet;

pub const ID: &str = "figure-conflict";
pub const RULE: RuleInfo = RuleInfo {
    id: ID,
    severity: Severity::Warning,
    summary: "figures for the same quantity cannot both hold",
    doc: include_str!("docs/figure-conflict.md"),
};

const MAX_RELATED: usize = 5;

/// What a figure measures: entity, measure and kind of amount.
type Key = (String, String, FigureKind);

pub fn check(analyses: &[Analysis], rules: &RuleSet, out: &mut Vec<Diagnostic>) {
    let mut groups: BTreeMap<Key, Vec<(usize, &Figure)>> = BTreeMap::new();
    for (ai, a) in analyses.iter().enumerate() {
        for fig in a.checked_figures() {
            let (Some(entity), Some(measure)) = (&fig.entity, &fig.measure) else {
                continue;
            };
            // A claimed quantity is judged against its claim, by claim-mismatch.
            if rules.claims.iter().any(|c| bears_on(c, fig)) {
                continue;
            }
            groups
                .entry((entity.clone(), measure.clone(), fig.kind))
                .or_default()
                .push((ai, fig));
        }
    }
    for (key, members) in &groups {
        if members.len() < 2 {
            continue;
        }
        let (reference, outliers) = split_majority(members);
        for &o in &outliers {
            out.push(diagnostic(analyses, key, members, &reference, o));
        }
    }
}

/// Splits a group into a mutually compatible majority and the outliers.
/// The majority is grown from the figure compatible with most others (the
/// earliest on ties), preferring points over bare bounds.
fn split_majority(members: &[(usize, &Figure)]) -> (Vec<usize>, Vec<usize>) {
    let n = members.len();
    let compat = |i: usize, j: usize| overlaps(members[i].1.interval(), members[j].1.interval());
    let support: Vec<usize> = (0..n).map(|i| (0..n).filter(|&j| compat(i, j)).count()).collect();
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(support[i]), members[i].1.value.is_none(), i));
    let mut reference: Vec<usize> = Vec::new();
    for i in order {
        if reference.iter().all(|&r| compat(r, i)) {
            reference.push(i);
        }
    }
    reference.sort_unstable();
    let outliers = (0..n).filter(|i| !reference.contains(i)).collect();
    (reference, outliers)
}

fn diagnostic(
    analyses: &[Analysis],
    key: &Key,
    members: &[(usize, &Figure)],
    reference: &[usize],
    o: usize,
) -> Diagnostic {
    let (ai, fig) = members[o];
    let a = &analyses[ai];
    let (entity, measure, _) = key;
    let first = members[reference[0]];
    let first_quote = quote(&analyses[first.0].article, first.1.statement());
    let others = if reference.len() > 1 {
        format!(" and {} other figure(s)", reference.len() - 1)
    } else {
        String::new()
    };
    // Articles published at different times may report a figure that changed.
    let (a_date, r_date) = (a.article.date, analyses[first.0].article.date);
    let (severity, when) = match (a_date, r_date) {
        (Some(x), Some(y)) if x != y => (
            Severity::Info,
            format!("; the articles are dated {y} and {x}, so the figure may have changed"),
        ),
        _ => (RULE.severity, String::new()),
    };
    let mut d = Diagnostic::new(ID, severity, &a.article, fig.phrase(), format!("{} conflicts with {}{} for {} {}{}", quote(&a.article, fig.phrase()), first_quote, others, entity, measure, when))
        .label(format!("{entity} {measure}"))
        .help(format!(
            "both state {entity}'s {measure}; check the sources and correct one, or settle it with a claim such as `{entity} {measure} = …` in the rules"
        ));
    for &r in reference.iter().take(MAX_RELATED) {
        let (rj, rf) = members[r];
        let other = &analyses[rj];
        d = d.related(
            &other.article,
            rf.statement(),
            format!("{entity} {measure}: {}", quote(&other.article, rf.phrase())),
        );
    }
    d.finish()
}
