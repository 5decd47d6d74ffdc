//! What the editorial report shows, computed once from a check run: the
//! engine's diagnostics, the rules' claims and each article's excluded
//! blocks. The model groups and cross-references findings; it never makes new
//! ones. The renderers (`html`, `markdown`) only format it.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::checks::claims::{self, Verdict};
use crate::checks::{Analysis, RULES, claim_agrees, claim_mismatch, figure_conflict};
use crate::diagnostic::{Diagnostic, Severity, Summary};
use crate::engine::Report;
use crate::extract::{Figure, FigureKind};
use crate::rules::RuleSet;
use crate::text::Span;

/// The whole report.
#[derive(Debug)]
pub struct ReportModel<'a> {
    pub summary: &'a Summary,
    /// Findings per rule, in `claimlint rules` order (rules with none included).
    pub by_rule: Vec<RuleCount>,
    /// Articles in column order: by date, undated after, then by path.
    pub articles: Vec<ArticleInfo<'a>>,
    pub claims: Vec<ClaimRow<'a>>,
    pub claim_totals: ClaimTotals,
    pub conflicts: Vec<ConflictGroup>,
    /// Every diagnostic, in the engine's order.
    pub findings: Vec<Finding<'a>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleCount {
    pub rule: &'static str,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl RuleCount {
    pub fn total(&self) -> usize {
        self.errors + self.warnings + self.infos
    }
}

#[derive(Debug)]
pub struct ArticleInfo<'a> {
    pub analysis: &'a Analysis,
    pub path: &'a str,
    /// The file name without folders: the column heading.
    pub name: &'a str,
    pub title: Option<&'a str>,
    pub date: Option<NaiveDate>,
    /// The article's text cut into pieces for highlighting.
    pub pieces: Vec<Piece>,
    /// Indices into `ReportModel::findings`.
    pub findings: Vec<usize>,
}

/// A run of article text, or a marker between runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Text with the excluded block it lies in and the findings covering it.
    Text {
        span: Span,
        block: Option<usize>,
        findings: Vec<usize>,
    },
    /// Where a finding's message is shown (after its span; at the start of a block).
    Note(usize),
    /// The start of an excluded block: index into `Analysis::excluded`.
    BlockStart(usize),
    BlockEnd(usize),
}

#[derive(Debug)]
pub struct ClaimRow<'a> {
    pub index: usize,
    pub claim: &'a crate::rules::Claim,
    /// One cell per article, in column order.
    pub cells: Vec<Cell>,
    pub status: ClaimStatus,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClaimStatus {
    /// Some figure confirms it and none contradicts it.
    Confirmed,
    /// At least one figure contradicts it.
    Contradicted,
    /// No article states the quantity.
    NotMentioned,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ClaimTotals {
    pub confirmed: usize,
    pub contradicted: usize,
    pub not_mentioned: usize,
    /// Figures that agree / contradict, over all claims.
    pub agreeing_figures: usize,
    pub contradicting_figures: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    pub state: CellState,
    pub hits: Vec<Hit>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellState {
    Agrees,
    Contradicts,
    /// One figure agrees and another contradicts.
    Mixed,
    /// The article states no figure for the claim.
    Silent,
    /// The article is dated before the claim's as-of date; not checked.
    BeforeAsOf,
}

impl CellState {
    pub fn label(self) -> &'static str {
        match self {
            CellState::Agrees => "agrees",
            CellState::Contradicts => "contradicts",
            CellState::Mixed => "agrees and contradicts",
            CellState::Silent => "silent",
            CellState::BeforeAsOf => "before as-of",
        }
    }
}

/// A figure that bears on a claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub agrees: bool,
    /// The figure with its noun ("about 380 officers").
    pub quote: String,
    pub line: usize,
    pub column: usize,
    /// The finding that reports it (claim-agrees or claim-mismatch).
    pub finding: Option<usize>,
}

/// Figures for one quantity that do not all agree.
#[derive(Debug, Clone, PartialEq)]
pub struct ConflictGroup {
    /// "Kenya deployed".
    pub title: String,
    /// The claim the figures are judged against, if any.
    pub claim: Option<usize>,
    /// The majority's figures as written, deduplicated ("400").
    pub majority: Vec<String>,
    pub members: Vec<Member>,
}

impl ConflictGroup {
    /// Whether the chart has something to show: two or more plottable figures.
    pub fn chartable(&self) -> bool {
        self.members.iter().filter(|m| m.value.is_some()).count() > 1
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    /// Index into `ReportModel::articles`.
    pub article: usize,
    pub line: usize,
    /// The figure's sentence fragment ("400 Kenyan police have been deployed").
    pub quote: String,
    /// The figure as written ("about 380").
    pub figure: String,
    pub value: Option<f64>,
    pub interval: (f64, f64),
    pub percent: bool,
    pub outlier: bool,
    /// The finding that reports this figure, if any.
    pub finding: Option<usize>,
}

/// A diagnostic with what the report knows about it.
#[derive(Debug)]
pub struct Finding<'a> {
    pub d: &'a Diagnostic,
    /// A unique HTML id: `f-` and the fingerprint (suffixed if repeated).
    pub anchor: String,
    /// Index into `ReportModel::articles`.
    pub article: Option<usize>,
    /// The claim it was judged against.
    pub claim: Option<usize>,
    /// The tolerance used: the claim's, or the figures' intervals.
    pub tolerance: Option<String>,
    /// Whether its span is an excluded block (shown shaded, not marked).
    pub block: bool,
}

/// Builds the report of a check run.
pub fn build<'a>(report: &'a Report, rules: &'a RuleSet) -> ReportModel<'a> {
    // Columns: dated articles first, by date, then undated, by path.
    let mut order: Vec<usize> = (0..report.analyses.len()).collect();
    order.sort_by(|&x, &y| {
        let (a, b) = (&report.analyses[x].article, &report.analyses[y].article);
        (a.date.is_none(), a.date, &a.path).cmp(&(b.date.is_none(), b.date, &b.path))
    });
    let column_of: BTreeMap<&str, usize> = order
        .iter()
        .enumerate()
        .map(|(col, &ai)| (report.analyses[ai].article.path.as_ref(), col))
        .collect();

    let analysis_of: BTreeMap<&str, &Analysis> = report.analyses.iter().map(|a| (a.article.path.as_ref(), a)).collect();
    let mut findings = findings(report, &column_of);
    // (rule, file, start, end) → finding, to link figures to their findings.
    let mut by_place: BTreeMap<(&str, &str, usize, usize), usize> = BTreeMap::new();
    for (i, f) in findings.iter().enumerate() {
        let l = &f.d.location;
        by_place
            .entry((f.d.rule, l.file.as_ref(), l.span.start, l.span.end))
            .or_insert(i);
    }

    // The claims matrix, from the same verdicts the claim rules report.
    let verdicts = claims::evaluate(&report.analyses, rules);
    let mut rows: Vec<ClaimRow> = rules
        .claims
        .iter()
        .enumerate()
        .map(|(ci, claim)| ClaimRow {
            index: ci,
            claim,
            cells: order
                .iter()
                .map(|&ai| {
                    let before = matches!(
                        (claim.spec.as_of, report.analyses[ai].article.date),
                        (Some(as_of), Some(date)) if date < as_of
                    );
                    Cell {
                        state: if before {
                            CellState::BeforeAsOf
                        } else {
                            CellState::Silent
                        },
                        hits: Vec::new(),
                    }
                })
                .collect(),
            status: ClaimStatus::NotMentioned,
        })
        .collect();
    let mut claim_members: BTreeMap<usize, Vec<Member>> = BTreeMap::new();
    for &(ci, ai, fi, verdict) in &verdicts {
        let a = &report.analyses[ai];
        let fig = &a.facts.figures[fi];
        let agrees = verdict == Verdict::Agrees;
        let rule = if agrees { claim_agrees::ID } else { claim_mismatch::ID };
        let phrase = fig.phrase();
        let finding = by_place
            .get(&(rule, a.article.path.as_ref(), phrase.start, phrase.end))
            .copied();
        if let Some(f) = finding {
            findings[f].claim = Some(ci);
            findings[f].tolerance = Some(rules.claims[ci].tolerance_text());
        }
        let col = column_of[a.article.path.as_ref()];
        let (line, column) = a.article.line_col(phrase.start);
        rows[ci].cells[col].hits.push(Hit {
            agrees,
            quote: a.article.slice(phrase).to_string(),
            line,
            column,
            finding,
        });
        claim_members
            .entry(ci)
            .or_default()
            .push(member(a, fig, col, !agrees, finding));
    }
    let mut totals = ClaimTotals::default();
    for row in &mut rows {
        let (mut agree, mut contra) = (0, 0);
        for cell in &mut row.cells {
            let a = cell.hits.iter().filter(|h| h.agrees).count();
            let c = cell.hits.len() - a;
            agree += a;
            contra += c;
            cell.state = match (a > 0, c > 0) {
                (true, true) => CellState::Mixed,
                (true, false) => CellState::Agrees,
                (false, true) => CellState::Contradicts,
                (false, false) => cell.state,
            };
        }
        totals.agreeing_figures += agree;
        totals.contradicting_figures += contra;
        row.status = if contra > 0 {
            totals.contradicted += 1;
            ClaimStatus::Contradicted
        } else if agree > 0 {
            totals.confirmed += 1;
            ClaimStatus::Confirmed
        } else {
            totals.not_mentioned += 1;
            ClaimStatus::NotMentioned
        };
    }

    // Conflicts: a group per contradicted claim, then one per quantity that
    // figure-conflict reported (its primary spans are the outliers, its
    // related spans the majority).
    let mut conflicts = Vec::new();
    for (ci, mut members) in claim_members {
        if !members.iter().any(|m| m.outlier) {
            continue;
        }
        let claim = &rules.claims[ci];
        sort_members(&mut members);
        conflicts.push(ConflictGroup {
            title: format!("{} {}", claim.spec.subject, claim.spec.measure),
            claim: Some(ci),
            majority: majority(&members),
            members,
        });
    }
    let mut figure_groups: BTreeMap<String, Vec<Member>> = BTreeMap::new();
    for (i, f) in findings.iter().enumerate() {
        if f.d.rule != figure_conflict::ID {
            continue;
        }
        let members = figure_groups.entry(f.d.label.to_string()).or_default();
        let places = std::iter::once((&f.d.location, true, Some(i)))
            .chain(f.d.related.iter().map(|r| (&r.location, false, None)));
        for (loc, outlier, finding) in places {
            let Some(&a) = analysis_of.get(loc.file.as_ref()) else {
                continue;
            };
            let Some(fig) = find_figure(a, loc.span) else {
                continue;
            };
            let col = column_of[a.article.path.as_ref()];
            let m = member(a, fig, col, outlier, finding);
            match members
                .iter_mut()
                .find(|x| x.article == m.article && x.line == m.line && x.figure == m.figure)
            {
                // A figure is an outlier if any finding reports it as one.
                Some(x) => {
                    x.outlier |= m.outlier;
                    x.finding = x.finding.or(m.finding);
                }
                None => members.push(m),
            }
        }
    }
    for (title, mut members) in figure_groups {
        sort_members(&mut members);
        conflicts.push(ConflictGroup {
            title,
            claim: None,
            majority: majority(&members),
            members,
        });
    }
    for f in &mut findings {
        if f.d.rule == figure_conflict::ID && f.tolerance.is_none() {
            f.tolerance = Some(conflict_tolerance(&analysis_of, f.d));
        }
    }

    let mut by_file: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, f) in findings.iter().enumerate() {
        by_file.entry(f.d.location.file.as_ref()).or_default().push(i);
    }
    let articles = order
        .iter()
        .map(|&ai| {
            let a = &report.analyses[ai];
            let mine = by_file.remove(a.article.path.as_ref()).unwrap_or_default();
            for &i in &mine {
                let span = findings[i].d.location.span;
                findings[i].block = a.excluded.iter().any(|b| b.span == span);
            }
            let pieces = pieces(a, &findings, &mine);
            ArticleInfo {
                analysis: a,
                path: &a.article.path,
                name: a.article.path.rsplit(['/', '\\']).next().unwrap_or(&a.article.path),
                title: a.article.title_text(),
                date: a.article.date,
                pieces,
                findings: mine,
            }
        })
        .collect();

    ReportModel {
        summary: &report.summary,
        by_rule: by_rule(&report.diagnostics),
        articles,
        claims: rows,
        claim_totals: totals,
        conflicts,
        findings,
    }
}

fn findings<'a>(report: &'a Report, column_of: &BTreeMap<&str, usize>) -> Vec<Finding<'a>> {
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    report
        .diagnostics
        .iter()
        .map(|d| {
            let n = seen.entry(d.fingerprint.as_str()).or_insert(0);
            *n += 1;
            let anchor = if *n == 1 {
                format!("f-{}", d.fingerprint)
            } else {
                format!("f-{}-{}", d.fingerprint, n)
            };
            Finding {
                d,
                anchor,
                article: column_of.get(d.location.file.as_ref()).copied(),
                claim: None,
                tolerance: None,
                block: false,
            }
        })
        .collect()
}

fn by_rule(diags: &[Diagnostic]) -> Vec<RuleCount> {
    let mut counts: Vec<RuleCount> = RULES
        .iter()
        .map(|r| RuleCount {
            rule: r.id,
            errors: 0,
            warnings: 0,
            infos: 0,
        })
        .collect();
    for d in diags {
        let i = match counts.iter().position(|c| c.rule == d.rule) {
            Some(i) => i,
            None => {
                counts.push(RuleCount {
                    rule: d.rule,
                    errors: 0,
                    warnings: 0,
                    infos: 0,
                });
                counts.len() - 1
            }
        };
        match d.severity {
            Severity::Error => counts[i].errors += 1,
            Severity::Warning => counts[i].warnings += 1,
            Severity::Info => counts[i].infos += 1,
        }
    }
    counts
}

/// The figure a finding's span was cut from (its phrase or statement).
fn find_figure(a: &Analysis, span: Span) -> Option<&Figure> {
    a.facts
        .figures
        .iter()
        .find(|f| f.phrase() == span || f.statement() == span || f.span == span)
}

fn member(a: &Analysis, fig: &Figure, col: usize, outlier: bool, finding: Option<usize>) -> Member {
    let statement = fig.statement();
    Member {
        article: col,
        line: a.article.line_col(statement.start).0,
        quote: a.article.slice(statement).to_string(),
        figure: a.article.slice(fig.span).to_string(),
        value: fig.value.or(fig.min).or(fig.max),
        interval: fig.interval(),
        percent: fig.kind == FigureKind::Percent,
        outlier,
        finding,
    }
}

fn majority(members: &[Member]) -> Vec<String> {
    let mut values: Vec<String> = Vec::new();
    for m in members.iter().filter(|m| !m.outlier) {
        if !values.contains(&m.figure) {
            values.push(m.figure.clone());
        }
    }
    values
}

fn sort_members(members: &mut [Member]) {
    members.sort_by_key(|m| (m.article, m.line));
}

/// The intervals figure-conflict compared: they conflict when they do not overlap.
fn conflict_tolerance(analysis_of: &BTreeMap<&str, &Analysis>, d: &Diagnostic) -> String {
    let interval_of = |file: &str, span: Span| {
        let a = analysis_of.get(file)?;
        find_figure(a, span).map(|f| fmt_interval(f.interval()))
    };
    let mine = interval_of(&d.location.file, d.location.span).unwrap_or_else(|| "?".into());
    let others: Vec<String> = d
        .related
        .iter()
        .filter_map(|r| interval_of(&r.location.file, r.location.span))
        .collect();
    format!(
        "qualifiers as intervals: {mine} vs {}; they conflict when they do not overlap",
        others.join(", ")
    )
}

pub fn fmt_interval((lo, hi): (f64, f64)) -> String {
    if lo == hi {
        fmt_number(lo)
    } else if lo.is_infinite() {
        format!("≤ {}", fmt_number(hi))
    } else if hi.is_infinite() {
        format!("≥ {}", fmt_number(lo))
    } else {
        format!("{}–{}", fmt_number(lo), fmt_number(hi))
    }
}

/// 1,000 · 2.5 · 389.5
pub fn fmt_number(v: f64) -> String {
    if !v.is_finite() {
        return if v > 0.0 { "∞".into() } else { "-∞".into() };
    }
    if v.fract().abs() > 1e-9 {
        let s = format!("{v:.2}");
        return s.trim_end_matches('0').trim_end_matches('.').to_string();
    }
    let digits = format!("{}", v.abs().round() as u64);
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if v < 0.0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Cuts an article's text at every block and marked-finding boundary.
fn pieces(a: &Analysis, findings: &[Finding], mine: &[usize]) -> Vec<Piece> {
    let text_len = a.article.text.len();
    let marks: Vec<usize> = mine.iter().copied().filter(|&i| !findings[i].block).collect();
    let mut cuts: Vec<usize> = vec![0, text_len];
    for b in &a.excluded {
        cuts.extend([b.span.start, b.span.end]);
    }
    for &i in &marks {
        let s = findings[i].d.location.span;
        cuts.extend([s.start, s.end]);
    }
    cuts.retain(|&c| c <= text_len && a.article.text.is_char_boundary(c));
    cuts.sort_unstable();
    cuts.dedup();
    // Blocks do not nest: the outermost block that contains a run is its block.
    let block_at = |s: Span| a.excluded.iter().position(|b| b.span.contains(s));
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for w in cuts.windows(2) {
        let span = Span::new(w[0], w[1]);
        let block = block_at(span);
        if open != block {
            if let Some(b) = open {
                out.push(Piece::BlockEnd(b));
            }
            if let Some(b) = block {
                out.push(Piece::BlockStart(b));
                for &i in mine {
                    if findings[i].block && findings[i].d.location.span == a.excluded[b].span {
                        out.push(Piece::Note(i));
                    }
                }
            }
            open = block;
        }
        let covering: Vec<usize> = marks
            .iter()
            .copied()
            .filter(|&i| findings[i].d.location.span.contains(span) && !span.is_empty())
            .collect();
        out.push(Piece::Text {
            span,
            block,
            findings: covering,
        });
        for &i in &marks {
            if findings[i].d.location.span.end == span.end {
                out.push(Piece::Note(i));
            }
        }
    }
    if let Some(b) = open {
        out.push(Piece::BlockEnd(b));
    }
    // A zero-length finding at the very start still gets its note.
    for &i in &marks {
        let s = findings[i].d.location.span;
        if s.is_empty() && s.end == 0 {
            out.insert(0, Piece::Note(i));
        }
    }
    out
}

/// "1 figure agrees", "5 figures agree".
pub fn figures_agree(n: usize) -> String {
    if n == 1 {
        "1 figure agrees".into()
    } else {
        format!("{n} figures agree")
    }
}

/// "1 figure contradicts", "2 figures contradict".
pub fn figures_contradict(n: usize) -> String {
    if n == 1 {
        "1 figure contradicts".into()
    } else {
        format!("{n} figures contradict")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks;
    use crate::corpus::Article;
    use crate::extract::{ExtractOptions, Lexicon};

    const RULES: &str = r#"
entities:
  Brazil: [Brazilian, Brasilia]
  Chile: [Chilean, Chileans]
measures:
  pledge:
    units: [soldiers, troops]
    cues: [pledge, offer]
  deployed:
    units: [soldiers, troops]
    cues: [deploy, arrive]
claims:
  - Brazil pledge = 600
  - subject: Brazil
    measure: deployed
    op: "="
    value: 250
    as_of: 2024-05-01
    source: "ministry statement"
  - Chile pledge = 90
boilerplate:
  related:
    pattern: '^Related Coverage$'
    to_end: true
    kind: related-links
"#;

    /// Three articles: one dated before the deployment claim's as-of date
    /// with a trailer of related stories, one dated after, one undated.
    const ARTICLES: &[(&str, &str)] = &[
        (
            "news/undated.txt",
            "Soldiers arrive\n\nAbout 240 Brazilian soldiers were deployed last week.\n\n\
             Chile deployed 300 troops to the border region.\n",
        ),
        (
            "news/june.md",
            "---\ntitle: \"Troops <arrive> & settle\"\ndate: 2024-06-10\n---\n\
             Brazilian officials said 250 soldiers have been deployed to the capital.\n\n\
             Brazil offered 700 soldiers in total, the minister said.\n\n\
             Chile has deployed 120 troops to the border.\n",
        ),
        (
            "news/march.txt",
            "date 2024-03-01 Brazil joins the mission\n\n\
             Brazil has pledged 600 soldiers to the mission, officials said on Monday.\n\n\
             Related Coverage\n\nBrazil pledged 900 soldiers, an older story said <script>x</script>.\n",
        ),
    ];

    fn run(articles: &[(&str, &str)]) -> (Report, RuleSet) {
        let rules = crate::rules::load_sources(&[("rules.yaml".to_string(), RULES.to_string())]).unwrap();
        let lexicon = Lexicon::new(&rules);
        let mut analyses = Vec::new();
        let mut diagnostics = Vec::new();
        for (path, text) in articles {
            let article = Article::from_text(*path, text.to_string());
            let (a, d) = checks::analyse_article(
                article,
                &rules,
                &lexicon,
                ExtractOptions::default(),
                &Default::default(),
            );
            analyses.push(a);
            diagnostics.extend(d);
        }
        diagnostics.extend(checks::check_corpus(&analyses, &rules));
        diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        let summary = Summary::from_diagnostics(&diagnostics, analyses.len(), 0);
        let report = Report {
            analyses,
            diagnostics,
            input_errors: Vec::new(),
            summary,
        };
        (report, rules)
    }

    fn states(row: &ClaimRow) -> Vec<CellState> {
        row.cells.iter().map(|c| c.state).collect()
    }

    #[test]
    fn columns_are_dated_articles_by_date_then_undated() {
        let (report, rules) = run(ARTICLES);
        let m = build(&report, &rules);
        let names: Vec<&str> = m.articles.iter().map(|a| a.name).collect();
        assert_eq!(names, ["march.txt", "june.md", "undated.txt"]);
    }

    #[test]
    fn each_cell_holds_the_verdicts_of_the_claim_rules() {
        use CellState::*;
        let (report, rules) = run(ARTICLES);
        let m = build(&report, &rules);
        assert_eq!(m.claims.len(), 3, "one row per claim");
        // The 900 in the related-stories trailer is not the article's own figure.
        assert_eq!(states(&m.claims[0]), [Agrees, Contradicts, Silent]);
        // March is dated before the as-of date: not checked, and not "silent".
        assert_eq!(states(&m.claims[1]), [BeforeAsOf, Agrees, Contradicts]);
        assert_eq!(states(&m.claims[2]), [Silent, Silent, Silent]);
        assert_eq!(m.claims[0].status, ClaimStatus::Contradicted);
        assert_eq!(m.claims[2].status, ClaimStatus::NotMentioned);
        assert_eq!(
            m.claim_totals,
            ClaimTotals {
                confirmed: 0,
                contradicted: 2,
                not_mentioned: 1,
                agreeing_figures: 2,
                contradicting_figures: 2,
            }
        );
        let hit = &m.claims[0].cells[0].hits[0];
        assert_eq!((hit.quote.as_str(), hit.line, hit.agrees), ("600 soldiers", 3, true));
    }

    #[test]
    fn every_hit_links_to_the_finding_that_reports_it() {
        let (report, rules) = run(ARTICLES);
        let m = build(&report, &rules);
        for row in &m.claims {
            for hit in row.cells.iter().flat_map(|c| &c.hits) {
                let f = &m.findings[hit.finding.expect("a finding for every verdict")];
                let rule = if hit.agrees { "claim-agrees" } else { "claim-mismatch" };
                assert_eq!(f.d.rule, rule);
                assert_eq!(f.d.location.quote, hit.quote);
                assert_eq!(f.claim, Some(row.index));
                assert_eq!(f.tolerance.as_deref(), Some("exact"));
                assert_eq!(f.anchor, format!("f-{}", f.d.fingerprint));
            }
        }
        // Counting findings never changes them: the model has exactly the engine's.
        assert_eq!(m.findings.len(), report.diagnostics.len());
    }

    #[test]
    fn conflicts_group_contradicted_claims_and_conflicting_figures() {
        let (report, rules) = run(ARTICLES);
        let m = build(&report, &rules);
        let titles: Vec<&str> = m.conflicts.iter().map(|g| g.title.as_str()).collect();
        assert_eq!(titles, ["Brazil pledge", "Brazil deployed", "Chile deployed"]);

        let deployed = &m.conflicts[1];
        assert_eq!(deployed.claim, Some(1));
        assert_eq!(deployed.majority, ["250"]);
        let rows: Vec<(&str, bool, usize)> = deployed
            .members
            .iter()
            .map(|mb| (mb.figure.as_str(), mb.outlier, mb.article))
            .collect();
        assert_eq!(rows, [("250", false, 1), ("About 240", true, 2)]);
        assert!(deployed.chartable());
        assert!(deployed.members[1].quote.contains("240 Brazilian soldiers"));

        // No claim on Chile's deployment: figure-conflict's own grouping.
        let chile = &m.conflicts[2];
        assert_eq!(chile.claim, None);
        assert_eq!(chile.members.len(), 2);
        assert_eq!(chile.members.iter().filter(|mb| mb.outlier).count(), 1);
        let outlier = chile.members.iter().find(|mb| mb.outlier).unwrap();
        assert!(m.findings[outlier.finding.unwrap()].d.rule == "figure-conflict");
        assert!(
            m.findings[outlier.finding.unwrap()]
                .tolerance
                .as_deref()
                .is_some_and(|t| t.contains("120") && t.contains("300"))
        );
    }

    #[test]
    fn article_pieces_cover_the_text_once_with_blocks_and_notes() {
        let (report, rules) = run(ARTICLES);
        let m = build(&report, &rules);
        for a in &m.articles {
            let text: String = a
                .pieces
                .iter()
                .filter_map(|p| match p {
                    Piece::Text { span, .. } => Some(&a.analysis.article.text[span.start..span.end]),
                    _ => None,
                })
                .collect();
            assert_eq!(text, a.analysis.article.text, "{}", a.path);
            // Every finding of the article has its note, once.
            let mut notes: Vec<usize> = a
                .pieces
                .iter()
                .filter_map(|p| match p {
                    Piece::Note(i) => Some(*i),
                    _ => None,
                })
                .collect();
            notes.sort_unstable();
            assert_eq!(notes, a.findings, "{}", a.path);
        }
        // March: the related-stories trailer is one shaded block whose note opens it.
        let march = &m.articles[0];
        let start = march.pieces.iter().position(|p| *p == Piece::BlockStart(0)).unwrap();
        let Piece::Note(i) = march.pieces[start + 1] else {
            panic!("the block's finding is noted at its start")
        };
        assert_eq!(m.findings[i].d.rule, "boilerplate");
        assert!(m.findings[i].block);
        let shaded: String = march
            .pieces
            .iter()
            .filter_map(|p| match p {
                Piece::Text {
                    span, block: Some(0), ..
                } => Some(&march.analysis.article.text[span.start..span.end]),
                _ => None,
            })
            .collect();
        assert!(shaded.starts_with("Related Coverage") && shaded.contains("900 soldiers"));
    }

    #[test]
    fn renderers_escape_article_text_and_are_deterministic() {
        let (report, rules) = run(ARTICLES);
        let m = build(&report, &rules);
        let render = |f| {
            let mut out = Vec::new();
            crate::report::render(f, &m, &crate::report::ReportOptions::default(), &mut out).unwrap();
            String::from_utf8(out).unwrap()
        };
        let html = render(crate::report::ReportFormat::Html);
        assert!(!html.contains("<script>x</script>"));
        assert!(html.contains("&lt;script&gt;x&lt;/script&gt;"));
        assert!(html.contains("Troops &lt;arrive&gt; &amp; settle"));
        assert_eq!(html.matches("class=\"claim-row\"").count(), 3);
        assert_eq!(html, render(crate::report::ReportFormat::Html));
        let md = render(crate::report::ReportFormat::Markdown);
        assert!(
            md.contains("| `Brazil deployed = 250` | ✖ contradicted | ○ before as-of |"),
            "{md}"
        );
        assert!(md.contains("### Chile deployed"));
    }

    #[test]
    fn numbers_and_intervals_read_as_an_editor_writes_them() {
        assert_eq!(fmt_number(1000.0), "1,000");
        assert_eq!(fmt_number(389.5), "389.5");
        assert_eq!(fmt_number(-12_500.0), "-12,500");
        assert_eq!(fmt_interval((370.5, 389.5)), "370.5–389.5");
        assert_eq!(fmt_interval((80.0, f64::INFINITY)), "≥ 80");
        assert_eq!(fmt_interval((400.0, 400.0)), "400");
    }
}
