#![doc = include_str!("docs/unused-suppression.md")]
//!
//! The findings are made by [`crate::suppress`] (Markdown comments) and
//! [`crate::baseline`] (baseline entries) after the other rules have run.

use super::RuleInfo;
use crate::diagnostic::Severity;

pub const ID: &str = "unused-suppression";
pub const RULE: RuleInfo = RuleInfo {
    id: ID,
    severity: Severity::Warning,
    summary: "a suppression comment or baseline entry that matches nothing",
    doc: include_str!("docs/unused-suppression.md"),
};
