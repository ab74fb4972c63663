//! Calendar dates as precise as a text gives them.

use serde::{Serialize, Serializer};

/// A date known to the year, the month or the day. A day without a month cannot be
/// represented, which is the point.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PartialDate {
    Year(i32),
    Month(i32, u8),
    Day(i32, u8, u8),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DatePrecision {
    Year,
    Month,
    Day,
}

impl PartialDate {
    pub fn year(self) -> i32 {
        match self {
            PartialDate::Year(y) | PartialDate::Month(y, _) | PartialDate::Day(y, _, _) => y,
        }
    }

    pub fn precision(self) -> DatePrecision {
        match self {
            PartialDate::Year(_) => DatePrecision::Year,
            PartialDate::Month(..) => DatePrecision::Month,
            PartialDate::Day(..) => DatePrecision::Day,
        }
    }

    /// ISO 8601 at the precision known: `2025`, `2025-03`, `2025-03-04`.
    pub fn to_iso(self) -> String {
        match self {
            PartialDate::Year(y) => format!("{y:04}"),
            PartialDate::Month(y, m) => format!("{y:04}-{m:02}"),
            PartialDate::Day(y, m, d) => format!("{y:04}-{m:02}-{d:02}"),
        }
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_iso())
    }
}
