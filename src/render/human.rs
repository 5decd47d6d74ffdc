//! The default output: miette graphical reports (file:line:col, the quoted
//! text with labels, the help), related spans in other files as attached
//! reports, then one summary line.

use std::fmt;
use std::io::{self, Write};

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteSpanContents, SourceCode, SourceSpan, SpanContents,
};

use super::RenderOptions;
use crate::diagnostic::{Diagnostic, Severity, Summary};
use crate::engine::Report;

/// Borrowed article text that miette can quote, named by its path.
struct Source<'a> {
    name: &'a str,
    text: &'a str,
}

impl SourceCode for Source<'_> {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, miette::MietteError> {
        let inner = self.text.read_span(span, before, after)?;
        // miette counts the column in bytes; editors (and our JSON) count characters.
        let line_start = self.text[..span.offset()].rfind('\n').map_or(0, |p| p + 1);
        let column = self.text[line_start..span.offset()].chars().count();
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.to_string(),
            inner.data(),
            *inner.span(),
            inner.line(),
            column,
            inner.line_count(),
        )))
    }
}

/// One report: the primary span and same-file related spans as labels;
/// other-file related spans as attached reports.
struct View<'a> {
    message: String,
    rule: &'static str,
    severity: Severity,
    help: Option<String>,
    labels: Vec<LabeledSpan>,
    source: Option<Source<'a>>,
    related: Vec<View<'a>>,
}

impl fmt::Debug for View<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}
impl fmt::Display for View<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}
impl std::error::Error for View<'_> {}

impl miette::Diagnostic for View<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        (!self.rule.is_empty()).then(|| Box::new(self.rule) as Box<dyn fmt::Display>)
    }
    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }
    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.help.as_ref().map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }
    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source.as_ref().map(|s| s as &dyn SourceCode)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(self.labels.iter().cloned()))
    }
    fn related<'b>(&'b self) -> Option<Box<dyn Iterator<Item = &'b dyn miette::Diagnostic> + 'b>> {
        if self.related.is_empty() {
            return None;
        }
        Some(Box::new(self.related.iter().map(|r| r as &dyn miette::Diagnostic)))
    }
}

/// Long blocks (a whole trailer) are labelled on their first line only; the
/// message says how far they reach.
fn visible(text: &str, start: usize, end: usize) -> SourceSpan {
    let end = text[start..end].find('\n').map_or(end, |n| start + n);
    SourceSpan::new(start.into(), end - start)
}

fn view<'a>(d: &'a Diagnostic, report: &'a Report) -> View<'a> {
    let article = report.article(&d.location.file);
    let text = article.map_or("", |a| a.text.as_str());
    // A finding outside the corpus (a baseline entry) has no text to quote.
    let mut labels = if article.is_some() {
        vec![LabeledSpan::new_primary_with_span(
            Some(d.label.to_string()).filter(|l| !l.is_empty()),
            visible(text, d.location.span.start, d.location.span.end),
        )]
    } else {
        Vec::new()
    };
    let mut related = Vec::new();
    for r in d.related.iter().filter(|_| article.is_some()) {
        if r.location.file == d.location.file {
            labels.push(LabeledSpan::new_with_span(
                Some(r.message.clone()),
                visible(text, r.location.span.start, r.location.span.end),
            ));
        } else {
            let other = report.article(&r.location.file);
            let otext = other.map_or("", |a| a.text.as_str());
            if other.is_none() {
                continue;
            }
            related.push(View {
                message: format!("related: {}:{}:{}", r.location.file, r.location.line, r.location.column),
                rule: "",
                severity: Severity::Info,
                help: None,
                labels: vec![LabeledSpan::new_primary_with_span(
                    Some(r.message.clone()),
                    visible(otext, r.location.span.start, r.location.span.end),
                )],
                source: other.map(|a| Source {
                    name: &a.path,
                    text: otext,
                }),
                related: Vec::new(),
            });
        }
    }
    // Labels must be in text order for miette to draw them well.
    labels.sort_by_key(|l| l.offset());
    View {
        message: format!(
            "{}:{}:{}: {}",
            d.location.file, d.location.line, d.location.column, d.message
        ),
        rule: d.rule,
        severity: d.severity,
        help: d.help.as_deref().map(str::to_string),
        labels,
        source: article.map(|a| Source { name: &a.path, text }),
        related,
    }
}

pub fn summary_line(s: &Summary) -> String {
    let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut parts = vec![
        plural(s.errors, "error", "errors"),
        plural(s.warnings, "warning", "warnings"),
        plural(s.claims_confirmed, "claim confirmed", "claims confirmed"),
    ];
    // Info findings other than confirmations (a conflict across dates, …).
    let other_infos = s.infos.saturating_sub(s.claims_confirmed);
    if other_infos > 0 {
        parts.push(plural(other_infos, "info", "infos"));
    }
    parts.push(plural(s.articles_checked, "article checked", "articles checked"));
    if s.input_errors > 0 {
        parts.push(plural(s.input_errors, "unreadable input", "unreadable inputs"));
    }
    format!("claimlint: {}", parts.join(", "))
}

pub fn handler(options: &RenderOptions) -> GraphicalReportHandler {
    let theme = if options.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    GraphicalReportHandler::new_themed(theme)
        .with_width(options.width)
        .with_links(false)
        .with_context_lines(1)
}

pub fn render(report: &Report, options: &RenderOptions, out: &mut dyn Write) -> io::Result<()> {
    render_diagnostics(report, options, out)?;
    writeln!(out, "{}", summary_line(&report.summary))
}

/// The reports without the closing summary line (`--quiet`).
pub fn render_diagnostics(report: &Report, options: &RenderOptions, out: &mut dyn Write) -> io::Result<()> {
    let handler = handler(options);
    let mut buf = String::new();
    for d in &report.diagnostics {
        if d.severity == Severity::Info && !options.verbose {
            continue;
        }
        buf.clear();
        let v = view(d, report);
        handler.render_report(&mut buf, &v).map_err(io::Error::other)?;
        out.write_all(buf.as_bytes())?;
        writeln!(out)?;
    }
    Ok(())
}
