//! `claimlint.yaml` (or `.claimlint.yaml`): found by walking up from the
//! current folder. Paths in it are relative to the file's folder.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::rules::RulesError;

pub const FILE_NAMES: &[&str] = &["claimlint.yaml", ".claimlint.yaml"];

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    /// Corpus paths checked when none are given on the command line.
    #[serde(default)]
    pub paths: Vec<PathBuf>,
    /// Rules files or folders.
    #[serde(default)]
    pub rules: Vec<PathBuf>,
    #[serde(default)]
    pub fail_on: Option<String>,
}

/// A loaded configuration and the folder its paths are relative to.
#[derive(Debug)]
pub struct Loaded {
    pub file: PathBuf,
    pub config: Config,
}

impl Loaded {
    /// Resolves a path of the config against its folder, keeping it relative
    /// to the current folder when the config is in the current folder.
    pub fn resolve(&self, p: &Path) -> PathBuf {
        let base = self.file.parent().unwrap_or(Path::new(""));
        if p.is_absolute() || base.as_os_str().is_empty() {
            p.to_path_buf()
        } else {
            base.join(p)
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

pub fn load(file: &Path) -> Result<Loaded, RulesError> {
    let display = file.to_string_lossy().replace('\\', "/");
    let text = std::fs::read_to_string(file)
        .map_err(|e| RulesError::plain(file, &format!("cannot read the configuration: {e}"), None))?;
    let config: Config = if text.trim().is_empty() {
        Config::default()
    } else {
        serde_yaml::from_str(&text).map_err(|e| RulesError::from_yaml(&display, &text, &e))?
    };
    Ok(Loaded {
        file: file.to_path_buf(),
        config,
    })
}
