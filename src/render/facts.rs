//! `claimlint extract` output: one JSON object per fact (JSON Lines), or one
//! array. A formatter only: the facts are extracted before they reach here.

use std::io::{self, Write};

use chrono::NaiveDate;
use serde::{Serialize, Serializer};

use crate::extract::{Figure, FigureKind, Grain};
use crate::text::Span;

/// One fact as printed: the figure with the file (and line) it came from.
#[derive(Debug, Serialize)]
pub struct FactRecord<'a> {
    pub file: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    pub span: Span,
    pub text: &'a str,
    pub kind: FigureKind,
    #[serde(serialize_with = "number")]
    pub value: Option<f64>,
    #[serde(serialize_with = "number")]
    pub min: Option<f64>,
    #[serde(serialize_with = "number")]
    pub max: Option<f64>,
    pub approximate: bool,
    pub unit: Option<&'a str>,
    pub date: Option<NaiveDate>,
    pub grain: Option<Grain>,
    pub entity: Option<&'a str>,
    pub measure: Option<&'a str>,
}

impl<'a> FactRecord<'a> {
    /// `text` is the document the figure's span points into.
    pub fn new(file: &'a str, line: Option<usize>, text: &'a str, f: &'a Figure) -> Self {
        FactRecord {
            file,
            line,
            span: f.span,
            text: &text[f.span.start..f.span.end],
            kind: f.kind,
            value: f.value,
            min: f.min,
            max: f.max,
            approximate: f.approximate,
            unit: f.unit.as_deref(),
            date: f.date,
            grain: f.grain,
            entity: f.entity.as_deref(),
            measure: f.measure.as_deref(),
        }
    }
}

/// Whole numbers print as integers (`2000`, not `2000.0`).
fn number<S: Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match *v {
        Some(x) if x.is_finite() && x.fract() == 0.0 && x.abs() < 9.0e15 => s.serialize_i64(x as i64),
        Some(x) if x.is_finite() => s.serialize_f64(x),
        _ => s.serialize_none(),
    }
}

/// One JSON object per line.
pub fn write_jsonl(record: &FactRecord, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer(&mut *out, record).map_err(io::Error::other)?;
    out.write_all(b"\n")
}

/// One JSON array of every record.
pub fn write_json(records: &[FactRecord], out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, records).map_err(io::Error::other)?;
    out.write_all(b"\n")
}
