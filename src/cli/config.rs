//! `claimlint config`: the effective configuration, one setting a line,
//! with where each value came from (a file and line, a flag, or the default).

use std::io::Write;
use std::process::ExitCode;

use super::{ConfigArgs, print_error};

pub fn run(args: ConfigArgs) -> ExitCode {
    let resolved = match super::check::resolve(&args.paths, &args.rules, None) {
        Ok(r) => r,
        Err(e) => {
            print_error(e.as_ref());
            return ExitCode::from(2);
        }
    };
    let mut out = std::io::stdout().lock();
    let width = resolved
        .origins
        .iter()
        .map(|(k, v, _)| k.len() + v.len() + 2)
        .max()
        .unwrap_or(0);
    for (key, value, origin) in &resolved.origins {
        let setting = format!("{key}: {value}");
        let _ = writeln!(out, "{setting:<width$}  # {origin}");
    }
    let files = resolved.rules.files.join(", ");
    let _ = writeln!(
        out,
        "# rules files loaded: {}",
        if files.is_empty() { "(none)" } else { files.as_str() }
    );
    ExitCode::SUCCESS
}
