//! `claimlint report --format html`: one self-contained page. CSS and the
//! small filter script are inline; nothing is fetched; all article text is
//! escaped. Works opened from disk, on a phone, and on paper.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::ReportOptions;
use super::model::{CellState, ClaimStatus, ConflictGroup, Finding, Piece, ReportModel, fmt_interval, fmt_number};
use crate::diagnostic::Severity;

const CSS: &str = include_str!("report.css");
const JS: &str = include_str!("report.js");

/// Escapes text for HTML element content and quoted attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

pub fn icon(s: Severity) -> &'static str {
    match s {
        Severity::Error => "✖",
        Severity::Warning => "⚠",
        Severity::Info => "ℹ",
    }
}

pub fn render(model: &ReportModel, options: &ReportOptions, out: &mut dyn Write) -> io::Result<()> {
    let mut h = String::with_capacity(64 * 1024);
    h.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    h.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    h.push_str("<meta name=\"generator\" content=\"claimlint\">\n<title>claimlint report</title>\n<style>\n");
    h.push_str(CSS);
    h.push_str("</style>\n</head>\n<body>\n<a class=\"skip\" href=\"#main\">Skip to the report</a>\n");
    h.push_str("<header class=\"top\"><h1>claimlint editorial report</h1>\n");
    if let Some(g) = &options.generated {
        let _ = writeln!(h, "<p class=\"generated\">Generated {}</p>", esc(g));
    }
    h.push_str(
        "<nav aria-label=\"Sections\"><a href=\"#overview\">Overview</a> <a href=\"#claims\">Claims</a> \
         <a href=\"#conflicts\">Conflicts</a> <a href=\"#findings\">Findings</a> <a href=\"#articles\">Articles</a></nav>\n\
         </header>\n<main id=\"main\">\n",
    );
    overview(&mut h, model);
    matrix(&mut h, model);
    conflicts(&mut h, model);
    findings(&mut h, model);
    articles(&mut h, model);
    h.push_str("</main>\n<script>\n");
    h.push_str(JS);
    h.push_str("</script>\n</body>\n</html>\n");
    out.write_all(h.as_bytes())
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn overview(h: &mut String, m: &ReportModel) {
    let s = m.summary;
    let t = &m.claim_totals;
    h.push_str("<section id=\"overview\" aria-labelledby=\"overview-h\">\n<h2 id=\"overview-h\">Overview</h2>\n<ul class=\"cards\">\n");
    let card = |h: &mut String, class: &str, n: usize, label: &str| {
        let _ = writeln!(
            h,
            "<li class=\"card {class}\"><span class=\"n\">{n}</span> {label}</li>"
        );
    };
    let word = |n: usize, one: &'static str, many: &'static str| if n == 1 { one } else { many };
    let errors = format!("{} {}", icon(Severity::Error), word(s.errors, "error", "errors"));
    let warnings = format!(
        "{} {}",
        icon(Severity::Warning),
        word(s.warnings, "warning", "warnings")
    );
    card(
        h,
        "articles",
        s.articles_checked,
        word(s.articles_checked, "article checked", "articles checked"),
    );
    card(h, "sev-error", s.errors, &errors);
    card(h, "sev-warning", s.warnings, &warnings);
    card(h, "sev-info", s.infos, &format!("{} info", icon(Severity::Info)));
    card(
        h,
        "ok",
        t.confirmed,
        word(t.confirmed, "✔ claim confirmed", "✔ claims confirmed"),
    );
    card(
        h,
        "bad",
        t.contradicted,
        word(t.contradicted, "✖ claim contradicted", "✖ claims contradicted"),
    );
    card(
        h,
        "none",
        t.not_mentioned,
        word(t.not_mentioned, "— claim not mentioned", "— claims not mentioned"),
    );
    h.push_str("</ul>\n");
    let _ = writeln!(
        h,
        "<p>{} of the rules: {} with a claim, {} one.{}</p>",
        plural(m.claims.len(), "claim", "claims"),
        super::model::figures_agree(t.agreeing_figures),
        super::model::figures_contradict(t.contradicting_figures),
        if s.input_errors > 0 {
            format!(
                " <strong>{} could not be read</strong> (see the terminal output of <code>claimlint check</code>).",
                plural(s.input_errors, "file", "files")
            )
        } else {
            String::new()
        }
    );
    h.push_str(
        "<div class=\"scroll\"><table class=\"by-rule\">\n<caption>Findings by rule and severity</caption>\n\
         <thead><tr><th scope=\"col\">Rule</th><th scope=\"col\">✖ error</th><th scope=\"col\">⚠ warning</th>\
         <th scope=\"col\">ℹ info</th><th scope=\"col\">Total</th></tr></thead>\n<tbody>\n",
    );
    for r in &m.by_rule {
        let _ = writeln!(
            h,
            "<tr><th scope=\"row\"><code>{}</code></th><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(r.rule),
            r.errors,
            r.warnings,
            r.infos,
            r.total()
        );
    }
    h.push_str("</tbody>\n</table></div>\n</section>\n");
}

fn article_heading(h: &mut String, m: &ReportModel, col: usize) {
    let a = &m.articles[col];
    let _ = write!(
        h,
        "<a href=\"#a-{col}\" title=\"{}\">{}</a><span class=\"date\">{}</span>",
        esc(a.title.unwrap_or(a.path)),
        esc(a.name),
        a.date.map_or_else(|| "undated".to_string(), |d| d.to_string())
    );
}

fn claim_meta(m: &ReportModel, ci: usize) -> String {
    let c = m.claims[ci].claim;
    let mut parts = vec![format!("tolerance {}", esc(&c.tolerance_text()))];
    if let Some(s) = &c.spec.source {
        parts.push(format!("source: {}", esc(s)));
    }
    if let Some(d) = c.spec.as_of {
        parts.push(format!("as of {d}"));
    }
    if let Some(n) = &c.spec.note {
        parts.push(esc(n));
    }
    parts.push(format!("defined at {}", esc(&c.origin.to_string())));
    parts.join(" · ")
}

fn cell_symbol(s: CellState) -> &'static str {
    match s {
        CellState::Agrees => "✔",
        CellState::Contradicts => "✖",
        CellState::Mixed => "◐",
        CellState::Silent => "—",
        CellState::BeforeAsOf => "○",
    }
}

fn cell_class(s: CellState) -> &'static str {
    match s {
        CellState::Agrees => "agrees",
        CellState::Contradicts => "contradicts",
        CellState::Mixed => "mixed",
        CellState::Silent => "silent",
        CellState::BeforeAsOf => "before",
    }
}

fn matrix(h: &mut String, m: &ReportModel) {
    h.push_str("<section id=\"claims\" aria-labelledby=\"claims-h\">\n<h2 id=\"claims-h\">Claims matrix</h2>\n");
    if m.claims.is_empty() {
        h.push_str("<p>The rules make no claims.</p>\n</section>\n");
        return;
    }
    h.push_str(
        "<p class=\"legend\">One row per claim, one column per article (oldest first; undated last). \
         <span class=\"cell agrees\">✔ agrees</span> <span class=\"cell contradicts\">✖ contradicts</span> \
         <span class=\"cell mixed\">◐ both</span> <span class=\"cell silent\">— silent</span> \
         <span class=\"cell before\">○ dated before the claim's as-of date</span> \
         Hover or focus a verdict to see the figure; follow it to the sentence.</p>\n",
    );
    h.push_str("<div class=\"scroll\"><table class=\"matrix\">\n<caption>Claims against articles</caption>\n<thead><tr><th scope=\"col\">Claim</th>");
    for col in 0..m.articles.len() {
        h.push_str("<th scope=\"col\">");
        article_heading(h, m, col);
        h.push_str("</th>");
    }
    h.push_str("</tr></thead>\n<tbody>\n");
    for row in &m.claims {
        let status = match row.status {
            ClaimStatus::Confirmed => "<span class=\"status ok\">✔ confirmed</span>",
            ClaimStatus::Contradicted => "<span class=\"status bad\">✖ contradicted</span>",
            ClaimStatus::NotMentioned => "<span class=\"status none\">— not mentioned</span>",
        };
        let _ = write!(
            h,
            "<tr class=\"claim-row\" id=\"claim-{}\"><th scope=\"row\"><code>{}</code> {status}<div class=\"meta\">{}</div></th>",
            row.index,
            esc(&row.claim.spec.text),
            claim_meta(m, row.index)
        );
        for (col, cell) in row.cells.iter().enumerate() {
            let _ = write!(
                h,
                "<td class=\"cell {}\" data-state=\"{}\">",
                cell_class(cell.state),
                cell_class(cell.state)
            );
            if cell.hits.is_empty() {
                let _ = write!(
                    h,
                    "<span aria-hidden=\"true\">{}</span> {}<span class=\"sr\"> in {}</span>",
                    cell_symbol(cell.state),
                    cell.state.label(),
                    esc(m.articles[col].name)
                );
            }
            for hit in &cell.hits {
                let (sym, word) = if hit.agrees {
                    ("✔", "agrees")
                } else {
                    ("✖", "contradicts")
                };
                let href = hit
                    .finding
                    .map(|f| format!("#{}", m.findings[f].anchor))
                    .unwrap_or_else(|| format!("#a-{col}"));
                let _ = write!(
                    h,
                    "<a class=\"hit {word}\" href=\"{href}\"><span aria-hidden=\"true\">{sym}</span> {word}\
                     <span class=\"tip\" role=\"tooltip\">“{}” — line {}, column {}</span></a>",
                    esc(&hit.quote),
                    hit.line,
                    hit.column
                );
            }
            h.push_str("</td>");
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody>\n</table></div>\n</section>\n");
}

fn conflicts(h: &mut String, m: &ReportModel) {
    h.push_str("<section id=\"conflicts\" aria-labelledby=\"conflicts-h\">\n<h2 id=\"conflicts-h\">Conflicts</h2>\n");
    if m.conflicts.is_empty() {
        h.push_str("<p>No figures disagree.</p>\n</section>\n");
        return;
    }
    h.push_str(
        "<p class=\"legend\">Figures for the same quantity that do not all agree. \
         <span class=\"role majority\">● majority</span> figures agree with the claim or with each other; \
         <span class=\"role outlier\">▲ outlier</span> figures are the ones reported.</p>\n",
    );
    for (gi, g) in m.conflicts.iter().enumerate() {
        let _ = write!(
            h,
            "<section class=\"group\" id=\"conflict-{gi}\" data-title=\"{}\" aria-labelledby=\"conflict-{gi}-h\">\n<h3 id=\"conflict-{gi}-h\">{}</h3>\n<p class=\"meta\">",
            esc(&g.title),
            esc(&g.title),
        );
        if let Some(ci) = g.claim {
            let _ = write!(
                h,
                "Claim <code>{}</code> · {} · ",
                esc(&m.claims[ci].claim.spec.text),
                claim_meta(m, ci)
            );
        }
        let _ = write!(h, "majority: <strong>{}</strong>", esc(&g.majority.join(", ")));
        h.push_str("</p>\n<div class=\"group-body\"><div class=\"scroll\"><table class=\"members\">\n");
        h.push_str(
            "<thead><tr><th scope=\"col\">Value</th><th scope=\"col\">Role</th><th scope=\"col\">Article</th>\
             <th scope=\"col\">Date</th><th scope=\"col\">Quote</th></tr></thead>\n<tbody>\n",
        );
        for mb in &g.members {
            let a = &m.articles[mb.article];
            let role = if mb.outlier {
                "<span class=\"role outlier\">▲ outlier</span>"
            } else {
                "<span class=\"role majority\">● majority</span>"
            };
            let href = mb
                .finding
                .map(|f| format!("#{}", m.findings[f].anchor))
                .unwrap_or_else(|| format!("#a-{}", mb.article));
            let _ = writeln!(
                h,
                "<tr class=\"{}\"><td class=\"value\">{}</td><td>{role}</td><td><a href=\"#a-{}\">{}</a> line {}</td><td>{}</td>\
                 <td><a class=\"quote\" href=\"{href}\">“{}”</a></td></tr>",
                if mb.outlier { "outlier" } else { "majority" },
                esc(&mb.figure),
                mb.article,
                esc(a.name),
                mb.line,
                a.date.map_or_else(|| "undated".to_string(), |d| d.to_string()),
                esc(&mb.quote)
            );
        }
        h.push_str("</tbody>\n</table></div>\n");
        if g.chartable() {
            chart(h, m, g);
        }
        h.push_str("</div>\n</section>\n");
    }
    h.push_str("</section>\n");
}

/// Values over article dates: one column per article that states the quantity.
fn chart(h: &mut String, m: &ReportModel, g: &ConflictGroup) {
    const W: f64 = 420.0;
    const H: f64 = 180.0;
    const LEFT: f64 = 64.0;
    const RIGHT: f64 = 16.0;
    const TOP: f64 = 16.0;
    const BOTTOM: f64 = 44.0;
    let mut cols: Vec<usize> = g.members.iter().map(|mb| mb.article).collect();
    cols.dedup();
    let mut values: Vec<f64> = g.members.iter().filter_map(|mb| mb.value).collect();
    let claim_value = g.claim.map(|ci| m.claims[ci].claim.spec.value.value);
    values.extend(claim_value);
    let (mut lo, mut hi) = values
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(l, u), &v| (l.min(v), u.max(v)));
    let pad = ((hi - lo) * 0.15).max(hi.abs() * 0.02).max(1.0);
    lo -= pad;
    hi += pad;
    let percent = g.members.iter().any(|mb| mb.percent);
    let unit = if percent { "%" } else { "" };
    let x_of = |col: usize| {
        let i = cols.iter().position(|&c| c == col).unwrap_or(0) as f64;
        let n = cols.len() as f64;
        LEFT + (W - LEFT - RIGHT) * (i + 0.5) / n
    };
    let y_of = |v: f64| TOP + (H - TOP - BOTTOM) * (hi - v) / (hi - lo);
    let desc: Vec<String> = g
        .members
        .iter()
        .filter_map(|mb| {
            mb.value.map(|v| {
                format!(
                    "{}{unit} in {} ({})",
                    fmt_number(v),
                    m.articles[mb.article].name,
                    if mb.outlier { "outlier" } else { "majority" }
                )
            })
        })
        .collect();
    let _ = writeln!(
        h,
        "<figure class=\"chart\"><svg viewBox=\"0 0 {W} {H}\" role=\"img\" aria-label=\"{}: {}\">",
        esc(&g.title),
        esc(&desc.join("; "))
    );
    let base = H - BOTTOM;
    let _ = writeln!(
        h,
        "<line class=\"axis\" x1=\"{LEFT}\" y1=\"{TOP}\" x2=\"{LEFT}\" y2=\"{base}\"/><line class=\"axis\" x1=\"{LEFT}\" y1=\"{base}\" x2=\"{}\" y2=\"{base}\"/>",
        W - RIGHT
    );
    for v in [lo + pad, hi - pad] {
        let _ = writeln!(
            h,
            "<text class=\"tick\" x=\"{}\" y=\"{:.1}\" text-anchor=\"end\">{}{unit}</text>",
            LEFT - 6.0,
            y_of(v) + 4.0,
            esc(&fmt_number(v))
        );
    }
    if let Some(v) = claim_value {
        let y = y_of(v);
        let _ = writeln!(
            h,
            "<line class=\"claim\" x1=\"{LEFT}\" y1=\"{y:.1}\" x2=\"{}\" y2=\"{y:.1}\"/><text class=\"tick\" x=\"{}\" y=\"{:.1}\" text-anchor=\"end\">claim</text>",
            W - RIGHT,
            W - RIGHT,
            y - 4.0
        );
    }
    for &col in &cols {
        let a = &m.articles[col];
        let x = x_of(col);
        let _ = writeln!(
            h,
            "<text class=\"tick\" x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text><text class=\"tick\" x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
            base + 16.0,
            esc(a.name.split(['_', '.']).next().unwrap_or(a.name)),
            base + 30.0,
            a.date.map_or_else(|| "undated".to_string(), |d| d.to_string())
        );
    }
    // Several figures in one article sit side by side.
    let mut seen: Vec<usize> = Vec::new();
    for mb in &g.members {
        let Some(v) = mb.value else { continue };
        let k = seen.iter().filter(|&&c| c == mb.article).count() as f64;
        seen.push(mb.article);
        let x = x_of(mb.article) + k * 14.0 - 0.0;
        let y = y_of(v);
        let (lo_i, hi_i) = mb.interval;
        if lo_i.is_finite() && hi_i.is_finite() && hi_i > lo_i {
            let _ = writeln!(
                h,
                "<line class=\"range\" x1=\"{x:.1}\" y1=\"{:.1}\" x2=\"{x:.1}\" y2=\"{:.1}\"/>",
                y_of(lo_i.max(lo)),
                y_of(hi_i.min(hi))
            );
        }
        let title = format!(
            "<title>“{}” — {} (interval {}{unit})</title>",
            esc(&mb.quote),
            esc(m.articles[mb.article].name),
            esc(&fmt_interval(mb.interval))
        );
        if mb.outlier {
            let _ = writeln!(
                h,
                "<path class=\"pt outlier\" d=\"M{x:.1} {:.1} L{:.1} {:.1} L{:.1} {:.1} Z\">{title}</path>",
                y - 7.0,
                x + 7.0,
                y + 5.0,
                x - 7.0,
                y + 5.0
            );
        } else {
            let _ = writeln!(
                h,
                "<circle class=\"pt majority\" cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"5\">{title}</circle>"
            );
        }
        let _ = writeln!(
            h,
            "<text class=\"val\" x=\"{:.1}\" y=\"{:.1}\">{}</text>",
            x + 9.0,
            y - 6.0,
            esc(&mb.figure)
        );
    }
    let _ = writeln!(
        h,
        "</svg><figcaption>{} over article dates (oldest first; undated last)</figcaption></figure>",
        esc(&g.title)
    );
}

fn finding_claim(m: &ReportModel, f: &Finding) -> String {
    match f.claim {
        Some(ci) => {
            let c = m.claims[ci].claim;
            let mut meta = Vec::new();
            if let Some(s) = &c.spec.source {
                meta.push(format!("source: {}", esc(s)));
            }
            if let Some(d) = c.spec.as_of {
                meta.push(format!("as of {d}"));
            }
            format!(
                "<code>{}</code><div class=\"meta\">{}</div>",
                esc(&c.spec.text),
                meta.join(" · ")
            )
        }
        None => String::new(),
    }
}

fn findings(h: &mut String, m: &ReportModel) {
    h.push_str("<section id=\"findings\" aria-labelledby=\"findings-h\">\n<h2 id=\"findings-h\">Findings</h2>\n");
    // Filters: shown only when the script runs (the page works without it).
    h.push_str("<form class=\"filters\" aria-label=\"Filter findings\" onsubmit=\"return false\">\n<fieldset><legend>Severity</legend>\n");
    for s in [Severity::Error, Severity::Warning, Severity::Info] {
        let n = m.findings.iter().filter(|f| f.d.severity == s).count();
        let _ = writeln!(
            h,
            "<label class=\"sev-{s}\"><input type=\"checkbox\" name=\"sev\" value=\"{s}\" checked> {} {s} ({n})</label>",
            icon(s)
        );
    }
    h.push_str("</fieldset>\n<fieldset><legend>Rule</legend>\n");
    for r in m.by_rule.iter().filter(|r| r.total() > 0) {
        let _ = writeln!(
            h,
            "<label><input type=\"checkbox\" name=\"rule\" value=\"{}\" checked> {} ({})</label>",
            esc(r.rule),
            esc(r.rule),
            r.total()
        );
    }
    h.push_str("</fieldset>\n<p class=\"shown\" aria-live=\"polite\"><span id=\"shown\"></span></p>\n</form>\n");
    if m.findings.is_empty() {
        h.push_str("<p>No findings.</p>\n</section>\n");
        return;
    }
    h.push_str(
        "<div class=\"scroll\"><table class=\"findings\">\n<caption>Every finding, by file and position</caption>\n<thead><tr>\
         <th scope=\"col\">Severity</th><th scope=\"col\">Rule</th><th scope=\"col\">Where</th><th scope=\"col\">Finding</th>\
         <th scope=\"col\">Claim</th><th scope=\"col\">Tolerance</th><th scope=\"col\">ID</th></tr></thead>\n<tbody>\n",
    );
    for f in &m.findings {
        let d = f.d;
        let l = &d.location;
        let mut related = String::new();
        for r in &d.related {
            let _ = write!(
                related,
                "<li>{}:{}:{} — {}</li>",
                esc(&r.location.file),
                r.location.line,
                r.location.column,
                esc(&r.message)
            );
        }
        if !related.is_empty() {
            related = format!("<ul class=\"related\">{related}</ul>");
        }
        let _ = writeln!(
            h,
            "<tr class=\"finding sev-{sev}\" data-rule=\"{rule}\" data-sev=\"{sev}\" data-fingerprint=\"{fp}\">\
             <td><span class=\"badge sev-{sev}\">{} {sev}</span></td><td><code>{rule}</code></td>\
             <td><a href=\"#{}\">{}:{}:{}</a></td><td>{}{}{}</td><td>{}</td><td>{}</td><td><code>{fp}</code></td></tr>",
            icon(d.severity),
            esc(&f.anchor),
            esc(&l.file),
            l.line,
            l.column,
            esc(&d.message),
            d.help
                .as_deref()
                .map(|x| format!("<div class=\"help\">help: {}</div>", esc(x)))
                .unwrap_or_default(),
            related,
            finding_claim(m, f),
            f.tolerance.as_deref().map(esc).unwrap_or_default(),
            sev = d.severity,
            rule = esc(d.rule),
            fp = esc(&d.fingerprint),
        );
    }
    h.push_str("</tbody>\n</table></div>\n</section>\n");
}

fn articles(h: &mut String, m: &ReportModel) {
    h.push_str(
        "<section id=\"articles\" aria-labelledby=\"articles-h\">\n<h2 id=\"articles-h\">Articles</h2>\n\
         <p class=\"legend\">Each article as claimlint read it: findings <mark class=\"sev-error\">highlighted</mark> \
         with the message beside them, and <span class=\"bp\">boilerplate shaded</span> (figures inside it are not checked).</p>\n",
    );
    for (col, a) in m.articles.iter().enumerate() {
        let _ = writeln!(
            h,
            "<article class=\"doc\" id=\"a-{col}\" aria-labelledby=\"a-{col}-h\">\n<h3 id=\"a-{col}-h\">{}</h3>\n\
             <p class=\"meta\"><code>{}</code> · {} · {}</p>",
            esc(a.title.unwrap_or(a.name)),
            esc(a.path),
            a.date.map_or_else(|| "undated".to_string(), |d| d.to_string()),
            plural(a.findings.len(), "finding", "findings")
        );
        h.push_str("<div class=\"text\">");
        let text = &a.analysis.article.text;
        let mut anchored: Vec<usize> = Vec::new();
        for p in &a.pieces {
            match p {
                Piece::BlockStart(b) => {
                    let block = &a.analysis.excluded[*b];
                    let _ = write!(
                        h,
                        "<span class=\"bp\" data-kind=\"{}\" title=\"boilerplate: {}\">",
                        esc(&block.kind),
                        esc(&block.kind)
                    );
                }
                Piece::BlockEnd(_) => h.push_str("</span>"),
                Piece::Note(i) => note(h, m, *i, &mut anchored),
                Piece::Text { span, findings, .. } => {
                    let s = esc(&text[span.start..span.end]);
                    match findings.iter().max_by_key(|&&i| m.findings[i].d.severity) {
                        None => h.push_str(&s),
                        Some(&top) => {
                            let d = m.findings[top].d;
                            let id = findings
                                .iter()
                                .find(|i| !anchored.contains(i))
                                .map(|&i| {
                                    anchored.push(i);
                                    format!(" id=\"{}\"", esc(&m.findings[i].anchor))
                                })
                                .unwrap_or_default();
                            let _ = write!(
                                h,
                                "<mark class=\"sev-{sev}\"{id} data-rule=\"{}\" data-sev=\"{sev}\" tabindex=\"0\">{s}</mark>",
                                esc(d.rule),
                                sev = d.severity
                            );
                        }
                    }
                }
            }
        }
        h.push_str("</div>\n</article>\n");
    }
    h.push_str("</section>\n");
}

fn note(h: &mut String, m: &ReportModel, i: usize, anchored: &mut Vec<usize>) {
    let f = &m.findings[i];
    let d = f.d;
    let id = if anchored.contains(&i) {
        String::new()
    } else {
        anchored.push(i);
        format!(" id=\"{}\"", esc(&f.anchor))
    };
    let mut extra = String::new();
    if let Some(ci) = f.claim {
        let _ = write!(
            extra,
            " · claim <code>{}</code> ({})",
            esc(&m.claims[ci].claim.spec.text),
            claim_meta(m, ci)
        );
    } else if let Some(t) = &f.tolerance {
        let _ = write!(extra, " · {}", esc(t));
    }
    let _ = write!(
        h,
        "<span class=\"note sev-{sev}\"{id} data-rule=\"{rule}\" data-sev=\"{sev}\" role=\"note\">\
         <span class=\"badge sev-{sev}\">{} {sev}</span> <code>{rule}</code> {}{extra} <code class=\"fp\">{}</code></span>",
        icon(d.severity),
        esc(&d.message),
        esc(&d.fingerprint),
        sev = d.severity,
        rule = esc(d.rule),
    );
}
