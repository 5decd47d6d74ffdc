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
use crate::text::LineIndex;

/// Borrowed article text that miette can quote, named by its path.
///
/// miette's own reader for `str` scans from offset 0 for every label, which
/// made the human output quadratic in a long article; this one hands miette
/// only the text from the first context line on, found with the `LineIndex`.
struct Source<'a> {
    name: &'a str,
    text: &'a str,
    lines: &'a LineIndex,
    /// Offsets of the text's bare CRs (a CR not before an LF), which miette
    /// counts as line breaks and the `LineIndex` does not; usually none.
    bare_crs: &'a [usize],
}

impl Source<'_> {
    /// Where the text handed to miette starts for a span at `offset` quoted
    /// with `before` context lines: at the start of the line `before` lines
    /// up (in `\n` lines; bare CRs only add lines, so miette finds them all).
    ///
    /// An empty span at the window's start would be read differently (miette
    /// looks one byte before an empty span), so that window starts a line sooner.
    fn window_start(&self, span: &SourceSpan, before: usize) -> usize {
        let line = self.lines.line_of(span.offset()).saturating_sub(before);
        let line = if span.is_empty() && self.lines.line_start(line) == span.offset() {
            line.saturating_sub(1)
        } else {
            line
        };
        self.lines.line_start(line)
    }
}

impl SourceCode for Source<'_> {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, miette::MietteError> {
        if span.offset() > self.text.len() {
            return self.text.read_span(span, before, after);
        }
        let start = self.window_start(span, before);
        let local = SourceSpan::new((span.offset() - start).into(), span.len());
        let inner = self.text[start..].read_span(&local, before, after)?;
        // The lines before the window, as miette counts them (LF, CRLF, bare CR).
        let base = self.lines.line_of(start) + self.bare_crs.partition_point(|&p| p < start);
        // miette counts the column in bytes; editors (and our JSON) count characters.
        let column = self.lines.line_col(self.text, span.offset()).1 - 1;
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.to_string(),
            inner.data(),
            SourceSpan::new((inner.span().offset() + start).into(), inner.span().len()),
            inner.line() + base,
            column,
            inner.line_count() + base,
        )))
    }
}

/// The offsets of the bare CRs in `text`.
fn bare_crs(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    memchr::memchr_iter(b'\r', bytes)
        .filter(|&i| bytes.get(i + 1) != Some(&b'\n'))
        .collect()
}

/// Each article's bare CRs, by path.
type BareCrs<'a> = rustc_hash::FxHashMap<&'a str, Vec<usize>>;

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

fn view<'a>(d: &'a Diagnostic, report: &'a Report, crs: &'a BareCrs<'a>) -> View<'a> {
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
                    lines: &a.lines,
                    bare_crs: crs.get(&*a.path).map_or(&[], Vec::as_slice),
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
        source: article.map(|a| Source {
            name: &a.path,
            text,
            lines: &a.lines,
            bare_crs: crs.get(&*a.path).map_or(&[], Vec::as_slice),
        }),
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
    let mut crs = BareCrs::default();
    for d in &report.diagnostics {
        if d.severity == Severity::Info && !options.verbose {
            continue;
        }
        buf.clear();
        // Each quoted article's bare CRs are found once, not once per finding.
        for file in std::iter::once(&d.location.file).chain(d.related.iter().map(|r| &r.location.file)) {
            if let Some(a) = report.article(file) {
                crs.entry(&*a.path).or_insert_with(|| bare_crs(&a.text));
            }
        }
        let v = view(d, report, &crs);
        handler.render_report(&mut buf, &v).map_err(io::Error::other)?;
        out.write_all(buf.as_bytes())?;
        writeln!(out)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source<'a>(text: &'a str, lines: &'a LineIndex, crs: &'a [usize]) -> Source<'a> {
        Source {
            name: "t.txt",
            text,
            lines,
            bare_crs: crs,
        }
    }

    #[test]
    fn the_source_quotes_as_miette_does_from_a_window() {
        // Issue 25: miette's reader for `str` scanned from offset 0 for every
        // label; ours starts at the first context line and must quote the same.
        for text in [
            "a\nbé\n\ncd\nef\n",
            "a\r\nbé\r\n\r\ncd\r\nef",
            "a\rbé\r\rcd\nef\r\ngh\r",
            "é",
        ] {
            let lines = LineIndex::new(text);
            let crs = bare_crs(text);
            let src = source(text, &lines, &crs);
            for offset in (0..=text.len()).filter(|&o| text.is_char_boundary(o)) {
                for len in [0, 1] {
                    let span = SourceSpan::new(offset.into(), len);
                    for (before, after) in [(0, 0), (1, 1), (2, 0), (0, 2)] {
                        let want = text.read_span(&span, before, after);
                        let got = src.read_span(&span, before, after);
                        let (Ok(want), Ok(got)) = (want, got) else { continue };
                        let case = format!("{text:?} at {offset}+{len}, context {before}/{after}");
                        assert_eq!(got.data(), want.data(), "{case}");
                        assert_eq!(got.span(), want.span(), "{case}");
                        assert_eq!(got.line(), want.line(), "{case}");
                        assert_eq!(got.line_count(), want.line_count(), "{case}");
                    }
                }
            }
        }
    }

    #[test]
    fn the_window_starts_at_the_first_context_line() {
        let text = "line\n".repeat(10_000);
        let lines = LineIndex::new(&text);
        let src = source(&text, &lines, &[]);
        let span = |offset: usize, len: usize| SourceSpan::new(offset.into(), len);
        let offset = text.len() - 3;
        assert_eq!(src.window_start(&span(offset, 2), 1), text.len() - 10);
        assert_eq!(src.window_start(&span(offset, 2), 0), text.len() - 5);
        assert_eq!(src.window_start(&span(text.len() - 5, 0), 0), text.len() - 10);
        assert_eq!(src.window_start(&span(7, 1), 3), 0);
    }
}
