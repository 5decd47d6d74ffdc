//! Stage 1: load the corpus. Finds article files (walking folders in sorted
//! order, respecting `.gitignore`), reads and validates them, and splits each
//! into paragraphs and sentences with byte spans into the original text. Also
//! reads the article's metadata (title, date).

use std::io::Read;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use miette::Diagnostic;
use thiserror::Error;

use crate::text::{LineIndex, Span, split_sentences_into};

/// File extensions that are article files when a folder is walked.
pub const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md", "markdown"];

/// One article, read once and never re-read by later stages.
#[derive(Debug, Clone)]
pub struct Article {
    /// The path as the user named it (relative where they gave a relative path);
    /// shared, because every finding's location names it.
    pub path: std::sync::Arc<str>,
    pub text: String,
    pub lines: LineIndex,
    /// Markdown articles may carry comments; plain text may not.
    pub markdown: bool,
    pub title: Option<Span>,
    pub date: Option<NaiveDate>,
    /// Where the date was read from, if it is in the text.
    pub date_span: Option<Span>,
    /// Blocks of text: a line of a scraped article, or a Markdown paragraph.
    pub paragraphs: Vec<Paragraph>,
    /// Every paragraph's sentences, in text order.
    pub sentences: Vec<Span>,
    /// Bytes at the start that are metadata (front matter), not content.
    pub header_end: usize,
    /// The front matter's `currency:` (ISO 4217): what a bare `$` or
    /// "dollars" means in this article, over the rules' default.
    pub currency: Option<&'static str>,
}

#[derive(Debug, Clone)]
pub struct Paragraph {
    pub span: Span,
    /// Its sentences' range in [`Article::sentences`] (see [`Article::sentences_of`]).
    pub sentences: std::ops::Range<u32>,
}

impl Article {
    /// Builds an article from text already known to be valid UTF-8.
    pub fn from_text(path: impl Into<String>, text: String) -> Article {
        let path: String = path.into();
        let markdown = path.ends_with(".md") || path.ends_with(".markdown");
        let lines = LineIndex::new(&text);
        let front = parse_front_matter(&text);
        let header_end = front.as_ref().map_or(0, |f| f.end);
        // Every paragraph's sentences in one vector: no allocation per paragraph.
        let mut sentences = Vec::new();
        let paragraphs = split_paragraphs(&text, header_end, markdown)
            .into_iter()
            .map(|span| {
                let from = sentences.len() as u32;
                split_sentences_into(&text, span, &mut sentences);
                Paragraph {
                    span,
                    sentences: from..sentences.len() as u32,
                }
            })
            .collect::<Vec<_>>();
        let mut article = Article {
            path: path.into(),
            lines,
            markdown,
            title: None,
            date: None,
            date_span: None,
            paragraphs,
            sentences,
            header_end,
            currency: None,
            text: String::new(),
        };
        article.text = text;
        article.read_metadata(front);
        article
    }

    /// Whether `span` holds the line the article's date was read from
    /// ("date 2023-11-11"): metadata, not the story or page furniture.
    pub fn is_date_line(&self, span: Span) -> bool {
        self.date_span.is_some_and(|d| span.contains(d))
    }

    /// The sentences of one of the article's paragraphs.
    pub fn sentences_of(&self, paragraph: &Paragraph) -> &[Span] {
        &self.sentences[paragraph.sentences.start as usize..paragraph.sentences.end as usize]
    }

    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.start..span.end]
    }

    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        self.lines.line_col(&self.text, offset)
    }

    pub fn title_text(&self) -> Option<&str> {
        self.title.map(|s| self.slice(s))
    }

    /// Index of the paragraph containing `offset`, if any.
    pub fn paragraph_at(&self, offset: usize) -> Option<usize> {
        let i = self.paragraphs.partition_point(|p| p.span.end <= offset);
        (i < self.paragraphs.len() && self.paragraphs[i].span.start <= offset).then_some(i)
    }

    fn read_metadata(&mut self, front: Option<FrontMatter>) {
        if let Some(f) = front {
            self.title = f.title;
            self.currency = f.currency;
            if let Some((d, span)) = f.date {
                self.date = Some(d);
                self.date_span = Some(span);
            }
        }
        // A header line such as "date 2023-09-26 <title>" opening a scraped article.
        if self.date.is_none()
            && let Some(first) = self.paragraphs.first()
        {
            let line = self.slice(first.span);
            if let Some((d, len)) = parse_date_header(line) {
                self.date = Some(d.0);
                self.date_span = Some(Span::new(first.span.start + d.1.start, first.span.start + d.1.end));
                let rest = Span::new(first.span.start + len, first.span.end);
                let rest_text = self.slice(rest);
                let lead = rest_text.len() - rest_text.trim_start().len();
                let rest = Span::new(rest.start + lead, rest.end);
                if self.title.is_none() && !rest.is_empty() {
                    self.title = Some(rest);
                }
            }
        }
        if self.title.is_none() {
            self.title = self
                .paragraphs
                .iter()
                .take(8)
                .map(|p| p.span)
                .find(|&s| looks_like_title(self.slice(s)))
                .or_else(|| self.paragraphs.first().map(|p| p.span));
        }
    }
}

fn looks_like_title(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    let first = line.trim_start().chars().next().unwrap_or(' ');
    words.len() >= 3
        && words.len() <= 30
        && first.is_uppercase()
        && words
            .iter()
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .count()
            >= 2
}

/// "date 2023-09-26" (or "Date: 2023-09-26") at the start of a line: the date,
/// its span within the line, and the length of the header prefix.
fn parse_date_header(line: &str) -> Option<((NaiveDate, Span), usize)> {
    let trimmed = line.trim_start();
    let lead = line.len() - trimmed.len();
    let lower = trimmed.get(..4)?.to_ascii_lowercase();
    if lower != "date" {
        return None;
    }
    let rest = &trimmed[4..];
    let rest2 = rest.trim_start_matches(':').trim_start();
    let skip = lead + 4 + (rest.len() - rest2.len());
    let candidate = rest2.get(..10)?;
    let d = NaiveDate::parse_from_str(candidate, "%Y-%m-%d").ok()?;
    if rest2[10..].chars().next().is_some_and(|c| c.is_alphanumeric()) {
        return None;
    }
    Some(((d, Span::new(skip, skip + 10)), skip + 10))
}

struct FrontMatter {
    end: usize,
    title: Option<Span>,
    date: Option<(NaiveDate, Span)>,
    currency: Option<&'static str>,
}

/// YAML-style front matter between `---` lines at the very start. Only the
/// `title` and `date` keys matter here; the rest is metadata we leave alone.
fn parse_front_matter(text: &str) -> Option<FrontMatter> {
    let body = text.strip_prefix("---\n").or_else(|| text.strip_prefix("---\r\n"))?;
    let mut offset = text.len() - body.len();
    let mut front = FrontMatter {
        end: 0,
        title: None,
        date: None,
        currency: None,
    };
    for line in body.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        if content == "---" || content == "..." {
            front.end = offset + line.len();
            return Some(front);
        }
        if let Some((key, value)) = content.split_once(':') {
            let v = value.trim();
            let vstart = offset + key.len() + 1 + (value.len() - value.trim_start().len());
            let unquoted = v.trim_matches(|c| c == '"' || c == '\'');
            let qlead = v.find(unquoted).unwrap_or(0);
            let vspan = Span::new(vstart + qlead, vstart + qlead + unquoted.len());
            match key.trim() {
                "title" if !unquoted.is_empty() => front.title = Some(vspan),
                "currency" => front.currency = crate::extract::iso_4217(&unquoted.to_ascii_uppercase()),
                "date" => {
                    let d = unquoted
                        .get(..10)
                        .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok());
                    if let Some(d) = d {
                        front.date = Some((d, Span::new(vspan.start, vspan.start + 10)));
                    }
                }
                _ => {}
            }
        }
        offset += line.len();
    }
    None
}

/// Paragraph spans (trimmed). A scraped plain-text article puts one paragraph
/// per line; lines are joined only where a sentence visibly wraps onto the next
/// line (no end punctuation, next line starts in lower case). Markdown
/// paragraphs are blank-line separated blocks.
fn split_paragraphs(text: &str, from: usize, markdown: bool) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let mut offset = from;
    let mut open: Option<Span> = None;
    for line in text[from..].split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let trimmed = content.trim();
        let line_start = offset;
        offset += line.len();
        if trimmed.is_empty() {
            out.extend(open.take());
            continue;
        }
        let lead = content.len() - content.trim_start().len();
        let span = Span::new(line_start + lead, line_start + lead + trimmed.len());
        open = match open {
            Some(prev) if joins(&text[prev.start..prev.end], trimmed, markdown) => Some(prev.cover(span)),
            Some(prev) => {
                out.push(prev);
                Some(span)
            }
            None => Some(span),
        };
    }
    out.extend(open);
    out
}

fn joins(prev: &str, next: &str, markdown: bool) -> bool {
    let is_item = |s: &str| {
        s.starts_with(['-', '*', '•', '#', '>', '|'])
            || s.split_once(['.', ')'])
                .is_some_and(|(n, _)| !n.is_empty() && n.len() <= 3 && n.bytes().all(|b| b.is_ascii_digit()))
    };
    if is_item(next) {
        return false;
    }
    if markdown {
        return true;
    }
    // A hard-wrapped line is long; a short line is a block of its own
    // ("84 views0 comments" above "bottom of page").
    let long = prev.lines().last().unwrap_or(prev).chars().count() >= 50;
    let ends_open = prev.chars().last().is_some_and(|c| c.is_alphanumeric() || c == ',');
    let starts_lower = next.chars().next().is_some_and(|c| c.is_lowercase());
    long && ends_open && starts_lower
}

/// Why an input could not be read. Each names the file; none is fatal to the
/// rest of the run.
#[derive(Debug, Error, Diagnostic)]
pub enum InputError {
    #[error("{path}: no such file or folder")]
    #[diagnostic(
        code(claimlint::input::missing),
        help("check the path; claimlint reads .txt and .md articles, or `-` for standard input")
    )]
    Missing { path: String },
    #[error("{path}: cannot read: {reason}")]
    #[diagnostic(code(claimlint::input::unreadable))]
    Unreadable { path: String, reason: String },
    #[error("{path}: the file is empty")]
    #[diagnostic(
        code(claimlint::input::empty),
        help("an article needs at least a title or a paragraph; remove the file or exclude it")
    )]
    Empty { path: String },
    #[error("{path}: this looks like a binary file, not an article")]
    #[diagnostic(
        code(claimlint::input::binary),
        help("exclude it from the corpus, or pass only text articles")
    )]
    Binary { path: String },
    #[error("{path}:{line}:{column}: the file is not valid UTF-8 (byte offset {offset})")]
    #[diagnostic(
        code(claimlint::input::encoding),
        help("re-save the article as UTF-8 (e.g. `iconv -f WINDOWS-1252 -t UTF-8`)")
    )]
    NotUtf8 {
        path: String,
        offset: usize,
        line: usize,
        column: usize,
    },
    #[error("{path}: {reason}")]
    #[diagnostic(code(claimlint::input::walk))]
    Walk { path: String, reason: String },
}

/// Validates raw bytes as an article.
pub fn article_from_bytes(path: &str, bytes: Vec<u8>) -> Result<Article, InputError> {
    let path = path.to_string();
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(InputError::Empty { path });
    }
    if memchr::memchr(0, &bytes[..bytes.len().min(8192)]).is_some() {
        return Err(InputError::Binary { path });
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Article::from_text(path, text)),
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let bytes = e.as_bytes();
            let line = bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1;
            let line_start = bytes[..offset].iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
            let column = String::from_utf8_lossy(&bytes[line_start..offset]).chars().count() + 1;
            Err(InputError::NotUtf8 {
                path,
                offset,
                line,
                column,
            })
        }
    }
}

/// Reads one article file (or standard input for `-`).
pub fn read_article(path: &Path, display: &str) -> Result<Article, InputError> {
    let mut bytes = Vec::new();
    let result = if display == "-" || path == Path::new("-") {
        std::io::stdin().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::File::open(path)
            .and_then(|mut f| f.read_to_end(&mut bytes))
            .map(|_| ())
    };
    if let Err(e) = result {
        return Err(match e.kind() {
            std::io::ErrorKind::NotFound => InputError::Missing { path: display.into() },
            _ => InputError::Unreadable {
                path: display.into(),
                reason: e.to_string(),
            },
        });
    }
    article_from_bytes(display, bytes)
}

/// A file to read: where it is and how to name it in output.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Source {
    pub display: String,
    pub path: PathBuf,
    /// What a bare `$` means in this file when its front matter does not
    /// say (the configuration's `currencies:` for its folder).
    pub currency: Option<&'static str>,
}

impl Source {
    /// Reads the article, with the folder's currency where the front
    /// matter sets none.
    pub fn read(&self) -> Result<Article, InputError> {
        let mut article = read_article(&self.path, &self.display)?;
        article.currency = article.currency.or(self.currency);
        Ok(article)
    }
}

/// Expands command-line paths into article files: folders are walked
/// recursively in sorted order with `.gitignore` respected; files named
/// explicitly are taken whatever their extension; `-` is standard input.
pub fn discover(paths: &[PathBuf]) -> (Vec<Source>, Vec<InputError>) {
    let mut sources = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        let display = display_path(p);
        if p == Path::new("-") {
            sources.push(Source {
                display: "-".into(),
                path: p.clone(),
                currency: None,
            });
            continue;
        }
        let Ok(meta) = std::fs::metadata(p) else {
            errors.push(InputError::Missing { path: display });
            continue;
        };
        if meta.is_file() {
            sources.push(Source {
                display,
                path: p.clone(),
                currency: None,
            });
            continue;
        }
        let walker = ignore::WalkBuilder::new(p)
            .sort_by_file_name(|a, b| a.cmp(b))
            .require_git(false)
            .build();
        for entry in walker {
            match entry {
                Ok(e) if e.file_type().is_some_and(|t| t.is_file()) => {
                    let path = e.into_path();
                    let ext = path.extension().and_then(|x| x.to_str()).unwrap_or("");
                    if ARTICLE_EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str()) {
                        sources.push(Source {
                            display: display_path(&path),
                            path,
                            currency: None,
                        });
                    }
                }
                Ok(_) => {}
                Err(e) => errors.push(InputError::Walk {
                    path: display.clone(),
                    reason: e.to_string(),
                }),
            }
        }
    }
    // Sorted and deduplicated so that overlapping arguments read a file once.
    sources.sort();
    sources.dedup_by(|a, b| a.path == b.path);
    (sources, errors)
}

fn display_path(p: &Path) -> String {
    let s = p.to_string_lossy().replace('\\', "/");
    let s = s.strip_prefix("./").unwrap_or(&s);
    s.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_paragraph_per_line_in_scraped_text() {
        let a = Article::from_text("a.txt", "Title here now\n\nFirst line.\nSecond line.\n".into());
        let paras: Vec<&str> = a.paragraphs.iter().map(|p| a.slice(p.span)).collect();
        assert_eq!(paras, ["Title here now", "First line.", "Second line."]);
    }

    #[test]
    fn wrapped_lines_join() {
        let a = Article::from_text(
            "a.txt",
            "The minister said on Tuesday that the government had decided that\nthe plan would go ahead.\n".into(),
        );
        assert_eq!(a.paragraphs.len(), 1);
        let a = Article::from_text("a.txt", "84 views0 comments\nbottom of page".into());
        assert_eq!(a.paragraphs.len(), 2);
    }

    #[test]
    fn date_header_and_title_on_one_line() {
        let a = Article::from_text("a.txt", " date 2023-09-26 Here are the countries\n\nBody.".into());
        assert_eq!(a.date, NaiveDate::from_ymd_opt(2023, 9, 26));
        assert_eq!(a.title_text(), Some("Here are the countries"));
    }

    #[test]
    fn front_matter_title_and_date() {
        let a = Article::from_text(
            "a.md",
            "---\ntitle: \"Aid arrives\"\ndate: 2024-01-02\n---\nBody text here.\n".into(),
        );
        assert_eq!(a.title_text(), Some("Aid arrives"));
        assert_eq!(a.date, NaiveDate::from_ymd_opt(2024, 1, 2));
        assert_eq!(a.paragraphs.len(), 1);
    }

    #[test]
    fn title_skips_lowercase_furniture() {
        let a = Article::from_text("a.txt", "top of page\n\nUS officials meet Kenyan delegation\n".into());
        assert_eq!(a.title_text(), Some("US officials meet Kenyan delegation"));
    }

    #[test]
    fn bad_bytes_are_named() {
        assert!(matches!(
            article_from_bytes("e.txt", b"  \n".to_vec()),
            Err(InputError::Empty { .. })
        ));
        assert!(matches!(
            article_from_bytes("b.bin", vec![1, 0, 2]),
            Err(InputError::Binary { .. })
        ));
        match article_from_bytes("l.txt", b"ok\ncaf\xe9".to_vec()) {
            Err(InputError::NotUtf8 { line, column, .. }) => assert_eq!((line, column), (2, 4)),
            other => panic!("{other:?}"),
        }
    }
}
