//! `claimlint.yaml` (or `.claimlint.yaml`): found by walking up from the
//! current folder, or named with `--config`. Paths and globs in it are
//! relative to the file's folder. Every key is validated when the file is
//! loaded: unknown keys, rule ids, severities, globs and missing rules paths
//! are errors naming the file, line and column.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;

use crate::checks::RULES;
use crate::diagnostic::Severity;
use crate::rules::RulesError;
use crate::text::did_you_mean;

pub const FILE_NAMES: &[&str] = &["claimlint.yaml", ".claimlint.yaml"];

/// Every key, in the order `claimlint config` prints them.
pub const KEYS: &[&str] = &[
    "paths",
    "include",
    "exclude",
    "currencies",
    "rules",
    "select",
    "ignore",
    "severity",
    "fail-on",
    "baseline",
];

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    /// Corpus paths checked when none are given on the command line.
    #[serde(default)]
    pub paths: Vec<PathBuf>,
    /// Globs: when set, only walked files matching one are articles.
    #[serde(default)]
    pub include: Vec<String>,
    /// Globs of files never checked, even when named on the command line.
    #[serde(default)]
    pub exclude: Vec<String>,
    /// Globs → ISO 4217 code: what a bare `$` means in the matching files
    /// (over the rules' `currency:`; an article's front matter overrides it).
    #[serde(default)]
    pub currencies: BTreeMap<String, String>,
    /// Rules files or folders.
    #[serde(default)]
    pub rules: Vec<PathBuf>,
    /// Only these rules report (default: all).
    #[serde(default)]
    pub select: Vec<String>,
    /// These rules never report.
    #[serde(default)]
    pub ignore: Vec<String>,
    /// Per-rule severity overrides: `figure-conflict: error`.
    #[serde(default)]
    pub severity: BTreeMap<String, String>,
    #[serde(default)]
    pub fail_on: Option<String>,
    /// A baseline file of accepted findings (see `--baseline`).
    #[serde(default)]
    pub baseline: Option<PathBuf>,
}

/// A loaded, validated configuration and the folder its paths are relative to.
#[derive(Debug)]
pub struct Loaded {
    pub file: PathBuf,
    pub text: String,
    pub config: Config,
    pub include: Option<GlobSet>,
    pub exclude: GlobSet,
    /// The `currencies` globs, the longest (most specific) first.
    currencies: Vec<(globset::GlobMatcher, &'static str)>,
    pub severity: BTreeMap<&'static str, Severity>,
    pub fail_on: Option<Severity>,
    /// The file's folder, canonical, for matching globs (once per run).
    base: Option<PathBuf>,
}

impl Loaded {
    /// Resolves a path of the config against its folder, keeping it relative
    /// to the current folder when the config is in the current folder.
    pub fn resolve(&self, p: &Path) -> PathBuf {
        let base = self.dir();
        if p.is_absolute() || base.as_os_str().is_empty() {
            p.to_path_buf()
        } else {
            base.join(p)
        }
    }

    /// The folder of the file ("" for the current folder).
    pub fn dir(&self) -> &Path {
        self.file.parent().unwrap_or(Path::new(""))
    }

    /// The file's name as shown in messages.
    pub fn display(&self) -> String {
        self.file.to_string_lossy().replace('\\', "/")
    }

    /// 1-based line of a top-level key in the file, if it is there.
    pub fn key_line(&self, key: &str) -> Option<usize> {
        key_position(&self.text, key).map(|(l, _)| l)
    }

    fn relative<'a>(&self, path: &'a Path) -> std::borrow::Cow<'a, Path> {
        match (&self.base, std::fs::canonicalize(path)) {
            (Some(b), Ok(p)) => match p.strip_prefix(b) {
                Ok(rel) => std::borrow::Cow::Owned(rel.to_path_buf()),
                Err(_) => std::borrow::Cow::Borrowed(path),
            },
            _ => std::borrow::Cow::Borrowed(path),
        }
    }

    /// Whether `path` matches an `exclude` glob (relative to the config's folder).
    pub fn is_excluded(&self, path: &Path) -> bool {
        !self.exclude.is_empty() && {
            let rel = self.relative(path);
            self.exclude.is_match(rel.as_ref()) || self.exclude.is_match(path)
        }
    }

    /// The currency of a bare `$` in `path` by the `currencies` globs.
    pub fn currency_for(&self, path: &Path) -> Option<&'static str> {
        if self.currencies.is_empty() {
            return None;
        }
        let rel = self.relative(path);
        self.currencies
            .iter()
            .find(|(g, _)| g.is_match(rel.as_ref()) || g.is_match(path))
            .map(|&(_, code)| code)
    }

    /// Whether a walked file is an article by the `include` globs (all are, without them).
    pub fn is_included(&self, path: &Path) -> bool {
        match &self.include {
            None => true,
            Some(set) => set.is_match(self.relative(path).as_ref()) || set.is_match(path),
        }
    }
}

/// Finds the nearest configuration file from the current folder upwards, as
/// a path relative to the current folder ("claimlint.yaml", "../claimlint.yaml")
/// so that the paths it names stay relative in output.
pub fn discover() -> Option<PathBuf> {
    let cwd = std::env::current_dir().ok()?;
    for (depth, dir) in cwd.ancestors().enumerate() {
        for name in FILE_NAMES {
            if dir.join(name).is_file() {
                let mut rel = PathBuf::new();
                for _ in 0..depth {
                    rel.push("..");
                }
                rel.push(name);
                return Some(rel);
            }
        }
    }
    None
}

/// 1-based (line, column) of a top-level `key:`.
fn key_position(text: &str, key: &str) -> Option<(usize, usize)> {
    text.lines().enumerate().find_map(|(n, l)| {
        l.strip_prefix(key)
            .filter(|r| r.trim_start().starts_with(':'))
            .map(|_| (n + 1, 1))
    })
}

/// 1-based (line, column) of `needle` in the value of top-level `key`
/// (on the key's line or the indented lines after it); else the key itself.
fn value_position(text: &str, key: &str, needle: &str) -> (usize, usize) {
    let Some((kline, _)) = key_position(text, key) else {
        return (1, 1);
    };
    for (n, l) in text.lines().enumerate().skip(kline - 1) {
        if n + 1 > kline && !l.is_empty() && !l.starts_with([' ', '\t', '-', '#']) {
            break;
        }
        let search_from = if n + 1 == kline { key.len() + 1 } else { 0 };
        if let Some(p) = l.get(search_from..).and_then(|r| r.find(needle)) {
            let col = l[..search_from + p].chars().count() + 1;
            return (n + 1, col);
        }
    }
    (kline, 1)
}

fn rule_id(text: &str, file: &str, key: &str, id: &str) -> Result<&'static str, RulesError> {
    if let Some(r) = RULES.iter().find(|r| r.id == id) {
        return Ok(r.id);
    }
    let (line, col) = value_position(text, key, id);
    let help = did_you_mean(id, RULES.iter().map(|r| r.id))
        .map(|s| format!("did you mean `{s}`? (`claimlint rules` lists them)"))
        .unwrap_or_else(|| "`claimlint rules` lists the rule ids".to_string());
    Err(RulesError::at(
        file,
        text,
        line,
        col,
        &format!("`{key}` names an unknown rule `{id}`"),
        Some(&help),
    ))
}

fn severity(text: &str, file: &str, key: &str, value: &str) -> Result<Severity, RulesError> {
    Severity::parse(value).ok_or_else(|| {
        let (line, col) = value_position(text, key, value);
        RulesError::at(
            file,
            text,
            line,
            col,
            &format!("unknown severity `{value}`"),
            Some("use error, warning or info"),
        )
    })
}

/// One glob of `key`, or an error at its line.
fn glob(text: &str, file: &str, key: &str, p: &str) -> Result<Glob, RulesError> {
    Glob::new(p).map_err(|e| {
        let (line, col) = value_position(text, key, p);
        RulesError::at(
            file,
            text,
            line,
            col,
            &format!("`{key}` has an invalid glob `{p}`: {}", e.kind()),
            Some("globs use *, **, ?, [abc] and {a,b}; see https://docs.rs/globset"),
        )
    })
}

fn globs(text: &str, file: &str, key: &str, patterns: &[String]) -> Result<GlobSet, RulesError> {
    let mut b = GlobSetBuilder::new();
    for p in patterns {
        b.add(glob(text, file, key, p)?);
    }
    b.build()
        .map_err(|e| RulesError::plain(Path::new(file), &format!("invalid `{key}` globs: {e}"), None))
}

pub fn load(file: &Path) -> Result<Loaded, RulesError> {
    let display = file.to_string_lossy().replace('\\', "/");
    let text = std::fs::read_to_string(file)
        .map_err(|e| RulesError::plain(file, &format!("cannot read the configuration: {e}"), None))?;
    let config: Config = if text.trim().is_empty() {
        Config::default()
    } else {
        serde_yaml::from_str(&text).map_err(|e| RulesError::from_yaml(&display, &text, &e))?
    };
    for (key, ids) in [("select", &config.select), ("ignore", &config.ignore)] {
        for id in ids {
            rule_id(&text, &display, key, id)?;
        }
    }
    let mut sev = BTreeMap::new();
    for (id, s) in &config.severity {
        let id = rule_id(&text, &display, "severity", id)?;
        sev.insert(id, severity(&text, &display, "severity", s)?);
    }
    let fail_on = match &config.fail_on {
        Some(s) => Some(severity(&text, &display, "fail-on", s)?),
        None => None,
    };
    let include = if config.include.is_empty() {
        None
    } else {
        Some(globs(&text, &display, "include", &config.include)?)
    };
    let exclude = globs(&text, &display, "exclude", &config.exclude)?;
    let mut currencies = Vec::new();
    for (pattern, code) in &config.currencies {
        let glob = glob(&text, &display, "currencies", pattern)?;
        let (line, col) = value_position(&text, "currencies", pattern);
        let code = crate::extract::iso_4217(&code.to_ascii_uppercase()).ok_or_else(|| {
            RulesError::at(
                &display,
                &text,
                line,
                col,
                &format!("`currencies` gives `{pattern}` the unknown currency code `{code}`"),
                Some("use an ISO 4217 code such as USD, CAD, AUD or GBP"),
            )
        })?;
        currencies.push((glob.compile_matcher(), code));
    }
    currencies.sort_by_key(|(g, _)| std::cmp::Reverse(g.glob().glob().len()));
    let dir = file
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let loaded = Loaded {
        base: std::fs::canonicalize(dir).ok(),
        file: file.to_path_buf(),
        text: String::new(),
        config,
        include,
        exclude,
        currencies,
        severity: sev,
        fail_on,
    };
    for p in &loaded.config.rules {
        if !loaded.resolve(p).exists() {
            let shown = p.to_string_lossy();
            let (line, col) = value_position(&text, "rules", &shown);
            return Err(RulesError::at(
                &display,
                &text,
                line,
                col,
                &format!("no such rules file or folder `{shown}`"),
                Some("paths in the configuration are relative to its folder"),
            ));
        }
    }
    Ok(Loaded { text, ..loaded })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load_text(name: &str, yaml: &str) -> Result<Loaded, RulesError> {
        let dir = std::env::temp_dir().join(format!("claimlint-config-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let f = dir.join("claimlint.yaml");
        std::fs::write(&f, yaml).unwrap();
        load(&f)
    }

    #[test]
    fn unknown_key_has_a_line_and_a_suggestion() {
        let e = load_text("unknown", "paths: [a]\nexlude: ['*.md']\n").unwrap_err();
        assert_eq!(e.line, 2);
        assert_eq!(e.help.as_deref(), Some("did you mean `exclude`?"));
    }

    #[test]
    fn bad_glob_points_at_it() {
        let e = load_text("glob", "paths: [a]\nexclude:\n  - 'drafts/**'\n  - 'a[b'\n").unwrap_err();
        assert_eq!((e.line, e.column), (4, 6), "{e:?}");
        assert!(e.message.contains("invalid glob"), "{}", e.message);
    }

    #[test]
    fn unknown_rule_and_severity() {
        let e = load_text("rule", "ignore: [figure-conflcit]\n").unwrap_err();
        assert_eq!(e.line, 1);
        assert!(e.help.unwrap().contains("figure-conflict"));
        let e = load_text("sev", "severity:\n  boilerplate: loud\n").unwrap_err();
        assert_eq!(e.line, 2);
    }

    #[test]
    fn missing_rules_path() {
        let e = load_text("rules", "paths: [a]\nrules: [nowhere.yaml]\n").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.message.contains("nowhere.yaml"));
    }

    #[test]
    fn valid_file_compiles_its_globs() {
        let l = load_text(
            "ok",
            "exclude: ['drafts/**']\nseverity: {boilerplate: info}\nfail-on: warning\n",
        )
        .unwrap();
        assert!(l.exclude.is_match("drafts/a.md"));
        assert_eq!(l.severity.get("boilerplate"), Some(&Severity::Info));
        assert_eq!(l.fail_on, Some(Severity::Warning));
    }
}
