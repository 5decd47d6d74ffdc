//! `claimlint report --format markdown`: the overview, the claims matrix and
//! the conflicts as GitHub-flavoured Markdown, for a pull-request comment or a
//! CI job summary.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::ReportOptions;
use super::model::{CellState, ClaimStatus, ReportModel};

/// Escapes text for a Markdown table cell.
pub fn cell(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '|' => out.push_str("\\|"),
            '\n' | '\r' => out.push(' '),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '*' | '_' | '`' | '[' | ']' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// Inline code that survives any backticks inside.
fn code(s: &str) -> String {
    let s = s.replace('|', "\\|");
    if s.contains('`') {
        format!("`` {s} ``")
    } else {
        format!("`{s}`")
    }
}

pub fn render(model: &ReportModel, options: &ReportOptions, out: &mut dyn Write) -> io::Result<()> {
    let mut md = String::with_capacity(8 * 1024);
    let m = model;
    let s = m.summary;
    let t = &m.claim_totals;
    md.push_str("# claimlint report\n\n");
    if let Some(g) = &options.generated {
        let _ = writeln!(md, "Generated {}\n", cell(g));
    }
    md.push_str("## Overview\n\n");
    let _ = writeln!(
        md,
        "**{}** {} checked · ✖ **{}** {} · ⚠ **{}** {} · ℹ **{}** info\n",
        s.articles_checked,
        if s.articles_checked == 1 { "article" } else { "articles" },
        s.errors,
        if s.errors == 1 { "error" } else { "errors" },
        s.warnings,
        if s.warnings == 1 { "warning" } else { "warnings" },
        s.infos
    );
    let _ = writeln!(
        md,
        "Claims: ✔ **{}** confirmed · ✖ **{}** contradicted · — **{}** not mentioned \
         ({} with a claim, {} one)\n",
        t.confirmed,
        t.contradicted,
        t.not_mentioned,
        super::model::figures_agree(t.agreeing_figures),
        super::model::figures_contradict(t.contradicting_figures)
    );
    if s.input_errors > 0 {
        let _ = writeln!(md, "**{} files could not be read.**\n", s.input_errors);
    }
    md.push_str("| rule | ✖ error | ⚠ warning | ℹ info | total |\n| --- | ---: | ---: | ---: | ---: |\n");
    for r in &m.by_rule {
        let _ = writeln!(
            md,
            "| {} | {} | {} | {} | {} |",
            code(r.rule),
            r.errors,
            r.warnings,
            r.infos,
            r.total()
        );
    }

    md.push_str("\n## Claims matrix\n\n");
    if m.claims.is_empty() {
        md.push_str("The rules make no claims.\n");
    } else {
        md.push_str("✔ agrees · ✖ contradicts · — silent · ○ dated before the claim's as-of date. Articles oldest first; undated last.\n\n| claim | status |");
        for a in &m.articles {
            let _ = write!(
                md,
                " {} ({}) |",
                cell(a.name),
                a.date.map_or_else(|| "undated".to_string(), |d| d.to_string())
            );
        }
        md.push_str("\n| --- | --- |");
        for _ in &m.articles {
            md.push_str(" --- |");
        }
        md.push('\n');
        for row in &m.claims {
            let status = match row.status {
                ClaimStatus::Confirmed => "✔ confirmed",
                ClaimStatus::Contradicted => "✖ contradicted",
                ClaimStatus::NotMentioned => "— not mentioned",
            };
            let _ = write!(md, "| {} | {status} |", code(&row.claim.spec.text));
            for c in &row.cells {
                let text = match c.state {
                    CellState::Silent => "— silent".to_string(),
                    CellState::BeforeAsOf => "○ before as-of".to_string(),
                    _ => c
                        .hits
                        .iter()
                        .map(|h| {
                            format!(
                                "{} {} “{}” (line {})",
                                if h.agrees { "✔" } else { "✖" },
                                if h.agrees { "agrees" } else { "contradicts" },
                                cell(&h.quote),
                                h.line
                            )
                        })
                        .collect::<Vec<_>>()
                        .join("<br>"),
                };
                let _ = write!(md, " {text} |");
            }
            md.push('\n');
        }
    }

    md.push_str("\n## Conflicts\n\n");
    if m.conflicts.is_empty() {
        md.push_str("No figures disagree.\n");
    }
    for g in &m.conflicts {
        let _ = writeln!(md, "### {}\n", cell(&g.title));
        if let Some(ci) = g.claim {
            let c = m.claims[ci].claim;
            let _ = write!(
                md,
                "Claim {} (tolerance {}",
                code(&c.spec.text),
                cell(&c.tolerance_text())
            );
            if let Some(s) = &c.spec.source {
                let _ = write!(md, "; source: {}", cell(s));
            }
            if let Some(d) = c.spec.as_of {
                let _ = write!(md, "; as of {d}");
            }
            md.push_str("). ");
        }
        let _ = writeln!(md, "Majority: {}.\n", cell(&g.majority.join(", ")));
        md.push_str("| value | role | article | date | quote | id |\n| --- | --- | --- | --- | --- | --- |\n");
        for mb in &g.members {
            let a = &m.articles[mb.article];
            let _ = writeln!(
                md,
                "| **{}** | {} | {} line {} | {} | “{}” | {} |",
                cell(&mb.figure),
                if mb.outlier { "▲ outlier" } else { "● majority" },
                cell(a.name),
                mb.line,
                a.date.map_or_else(|| "undated".to_string(), |d| d.to_string()),
                cell(&mb.quote),
                mb.finding
                    .map(|f| code(&m.findings[f].d.fingerprint))
                    .unwrap_or_default()
            );
        }
        md.push('\n');
    }
    out.write_all(md.as_bytes())
}
