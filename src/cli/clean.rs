//! `claimlint clean FILE`: prints an article with what claimlint considers
//! boilerplate or off-topic removed, byte for byte as the original for what
//! it keeps; with `--mark`, keeps every line and marks the removed ones.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::{RulesArgs, print_error};
use crate::checks::Block;
use crate::corpus::Article;
use crate::extract::ExtractOptions;

#[derive(Debug, Args)]
pub struct CleanArgs {
    /// The article to clean (`-` reads standard input).
    pub file: PathBuf,
    #[command(flatten)]
    pub rules: RulesArgs,
    /// Keep the removed lines, each prefixed with `[- KIND] `.
    #[arg(long)]
    pub mark: bool,
}

pub fn run(args: CleanArgs) -> ExitCode {
    let resolved = match super::check::resolve(std::slice::from_ref(&args.file), &args.rules, None) {
        Ok(r) => r,
        Err(e) => {
            print_error(e.as_ref());
            return ExitCode::from(2);
        }
    };
    let report = crate::engine::check(
        std::slice::from_ref(&args.file),
        &resolved.rules,
        ExtractOptions::default(),
    );
    if let Some(e) = report.input_errors.first() {
        print_error(e);
        return ExitCode::from(2);
    }
    let Some(analysis) = report.analyses.first() else {
        note!("claimlint: `{}` is not an article file", args.file.display());
        return ExitCode::from(2);
    };
    let text = clean(&analysis.article, &analysis.excluded, args.mark);
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            note!("claimlint: cannot write the output: {e}");
            ExitCode::from(2)
        }
        _ => ExitCode::SUCCESS,
    }
}

/// The article without the lines of `blocks` (and the blank lines that
/// follow each block); kept lines are copied unchanged. With `mark`, removed
/// lines stay, prefixed with their kind.
pub fn clean(article: &Article, blocks: &[Block], mark: bool) -> String {
    let text = &article.text;
    let mut out = String::with_capacity(text.len());
    let mut offset = 0;
    let mut current: Option<&Block> = None;
    let mut skipping_blank = false;
    for line in text.split_inclusive('\n') {
        let start = offset;
        let end = offset + line.len();
        offset = end;
        let content_end = start + line.trim_end_matches(['\n', '\r']).len();
        let blank = line.trim().is_empty();
        let hit = (!blank)
            .then(|| blocks.iter().find(|b| b.span.start < content_end && b.span.end > start))
            .flatten();
        match hit {
            Some(b) => {
                current = Some(b);
                skipping_blank = true;
                if mark {
                    out.push_str(&format!("[- {}] ", b.kind));
                    out.push_str(line);
                }
            }
            _ if blank && skipping_blank && current.is_some() => {
                if mark {
                    out.push_str(line);
                }
            }
            _ => {
                current = None;
                skipping_blank = false;
                out.push_str(line);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Span;

    #[test]
    fn removes_block_lines_and_keeps_the_rest_byte_for_byte() {
        let text = "Title here\n\nBy Jane Doe\n\nFirst paragraph.\r\n\nShare\n\nLast one.\n";
        let a = Article::from_text("a.txt", text.to_string());
        let by = text.find("By Jane").unwrap();
        let share = text.find("Share").unwrap();
        let blocks = vec![
            Block {
                span: Span::new(by, by + 11),
                kind: "byline".into(),
                pattern: None,
            },
            Block {
                span: Span::new(share, share + 5),
                kind: "share".into(),
                pattern: None,
            },
        ];
        assert_eq!(
            clean(&a, &blocks, false),
            "Title here\n\nFirst paragraph.\r\n\nLast one.\n"
        );
        assert_eq!(
            clean(&a, &blocks, true),
            "Title here\n\n[- byline] By Jane Doe\n\nFirst paragraph.\r\n\n[- share] Share\n\nLast one.\n"
        );
    }
}
