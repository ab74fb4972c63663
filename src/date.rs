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

// ---------------------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------------------

use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// Is `y` a year a news text plausibly talks about?
fn plausible_year(y: i32) -> bool {
    (1900..=2100).contains(&y)
}

fn days_in_month(y: i32, m: u8) -> u8 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl PartialDate {
    /// A day-precise date, if it exists in the calendar.
    pub fn day(y: i32, m: u32, d: u32) -> Option<PartialDate> {
        if !plausible_year(y) || !(1..=12).contains(&m) {
            return None;
        }
        let m = m as u8;
        if d == 0 || d > days_in_month(y, m) as u32 {
            return None;
        }
        Some(PartialDate::Day(y, m, d as u8))
    }

    /// A month-precise date, if the month exists.
    pub fn month(y: i32, m: u32) -> Option<PartialDate> {
        (plausible_year(y) && (1..=12).contains(&m)).then_some(PartialDate::Month(y, m as u8))
    }

    /// A year-precise date, if the year is plausible.
    pub fn year_only(y: i32) -> Option<PartialDate> {
        plausible_year(y).then_some(PartialDate::Year(y))
    }
}

static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?|(\d{2})(\d{2}))?(?:$|[T\s_]|[+Z])")
        .unwrap()
});

/// Parses a machine-written date as found in metadata: `2025-03-04T10:00:00+05:00`,
/// `2025-03-04`, `2025-03`, `2025`, `20250304`. Anything after the date (time, zone) is
/// ignored. Impossible dates give `None`.
pub fn parse_iso(s: &str) -> Option<PartialDate> {
    let c = ISO.captures(s)?;
    let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    let y = num(1)? as i32;
    if let (Some(m), Some(d)) = (num(4), num(5)) {
        return PartialDate::day(y, m, d);
    }
    match (num(2), num(3)) {
        (Some(m), Some(d)) => PartialDate::day(y, m, d),
        (Some(m), None) => PartialDate::month(y, m),
        _ => PartialDate::year_only(y),
    }
}

/// The month a word names, in Russian, Kazakh or English, in any grammatical form
/// (`августа`, `августе`, `тамызда`, `тамыздың`, `Aug.`, `August`).
pub fn month_from_word(word: &str) -> Option<u8> {
    let w = word.trim_end_matches('.').to_lowercase();
    let n = w.chars().count();
    // Russian: stem + at most two letters of ending.
    const RU: [(&str, u8); 12] = [
        ("январ", 1),
        ("феврал", 2),
        ("март", 3),
        ("апрел", 4),
        ("ма", 5),
        ("июн", 6),
        ("июл", 7),
        ("август", 8),
        ("сентябр", 9),
        ("октябр", 10),
        ("ноябр", 11),
        ("декабр", 12),
    ];
    for (stem, m) in RU {
        if let Some(rest) = w.strip_prefix(stem) {
            let ok = if m == 5 {
                matches!(rest, "й" | "я" | "е" | "ю" | "ем")
            } else if m == 3 || m == 8 {
                matches!(rest, "" | "а" | "е" | "у" | "ом")
            } else {
                matches!(rest, "ь" | "я" | "е" | "ю" | "ем" | "ём")
            };
            if ok {
                return Some(m);
            }
        }
    }
    // Kazakh: stem + any case/possessive suffix (тамызда, тамыздың, қаңтарында).
    const KK: [(&str, u8); 12] = [
        ("қаңтар", 1),
        ("ақпан", 2),
        ("наурыз", 3),
        ("сәуір", 4),
        ("мамыр", 5),
        ("маусым", 6),
        ("шілде", 7),
        ("тамыз", 8),
        ("қыркүйек", 9),
        ("қазан", 10),
        ("қараша", 11),
        ("желтоқсан", 12),
    ];
    for (stem, m) in KK {
        if let Some(rest) = w.strip_prefix(stem) {
            if rest.chars().count() <= 5 {
                return Some(m);
            }
        }
    }
    // English: full names and the usual abbreviations.
    if n < 3 || !w.is_ascii() {
        return None;
    }
    const EN: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    for (i, full) in EN.iter().enumerate() {
        if w == *full || (n == 3 && full.starts_with(&w)) || (i == 8 && w == "sept") {
            return Some(i as u8 + 1);
        }
    }
    None
}

/// Pieces shared by the text patterns.
const WORD: &str = r"(\p{L}+\.?)";
const DAY: &str = r"(\d{1,2})(?:-?(?:го|ое|е|ші|шы|сі|сы|інші|ыншы|th|st|nd|rd))?";
const YEAR_RU: &str = r"(?:\s*(?:года|году|год|г\.|г\b))?";
const KK_YEAR: &str = r"(?:жылғы|жылдың|жылы|жыл|ж\.)";

struct Pat {
    re: Regex,
    kind: Kind,
}

#[derive(Clone, Copy)]
enum Kind {
    /// y-m-d numbers
    Iso,
    /// d.m.y numbers
    Dmy,
    /// day word [year]
    DayWordYear,
    /// word day[,] [year] (English)
    WordDayYear,
    /// year (kk) day word
    YearDayWord,
    /// word year
    WordYear,
    /// year (kk) word
    YearWord,
    /// year phrase
    Year,
}

static PATTERNS: LazyLock<Vec<Pat>> = LazyLock::new(|| {
    let p = |re: String, kind| Pat {
        re: Regex::new(&re).unwrap(),
        kind,
    };
    vec![
        p(r"(\d{4})-(\d{2})-(\d{2})".into(), Kind::Iso),
        p(r"(\d{1,2})[./](\d{1,2})[./](\d{4})".into(), Kind::Dmy),
        p(
            format!(r"{DAY}\s+{WORD}(?:,?\s+(\d{{4}}){YEAR_RU}(?:\s*{KK_YEAR})?)?"),
            Kind::DayWordYear,
        ),
        p(
            format!(r"{WORD}\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?"),
            Kind::WordDayYear,
        ),
        p(
            format!(r"(\d{{4}})\s*{KK_YEAR}\s+{DAY}\s+{WORD}"),
            Kind::YearDayWord,
        ),
        p(format!(r"{WORD},?\s+(\d{{4}}){YEAR_RU}"), Kind::WordYear),
        p(format!(r"(\d{{4}})\s*{KK_YEAR}\s+{WORD}"), Kind::YearWord),
        p(
            r"(?:(?:[Вв]|[Ii]n)\s+)?(\d{4})(?:\s*(?:году|года|год|г\.|жылғы|жылдың|жылы|жылда|жылға|ж\.)|(?-u:\b))".into(),
            Kind::Year,
        ),
    ]
});

/// Are the characters around `range` not letters or digits (so `range` is a whole token)?
fn is_token(text: &str, range: &Range<usize>) -> bool {
    let before = text[..range.start].chars().next_back();
    let after = text[range.end..].chars().next();
    let bad = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    !bad(before) && !bad(after)
}

/// Finds dates written in a text in Russian, Kazakh or English: `19 августа 2024`,
/// `2024 жылғы 19 тамыз`, `19 тамызда`, `August 19, 2024`, `19.08.2024`, `2024-08-19`,
/// `March 2024`, `в марте 2024 года`, `2024 жылы`, `в 2024 году`. A day and month without
/// a year take `reference_year`, or are skipped when it is `None`. Impossible dates are
/// skipped. Ranges are byte ranges into `text`, in order, not overlapping.
pub fn find_dates(text: &str, reference_year: Option<i32>) -> Vec<(Range<usize>, PartialDate)> {
    // `None` marks an impossible date (31 February): it still hides the shorter readings
    // inside it ("февраля 2024") and is dropped at the end.
    let mut found: Vec<(Range<usize>, Option<PartialDate>)> = Vec::new();
    // Cheap exit: no digit, no date.
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
    for pat in PATTERNS.iter() {
        for c in pat.re.captures_iter(text) {
            let whole = c.get(0).unwrap();
            let range = whole.range();
            if !is_token(text, &range) {
                continue;
            }
            let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
            let word = |i: usize| c.get(i).and_then(|m| month_from_word(m.as_str()));
            let year = |i: usize| num(i).map(|y| y as i32);
            let date = match pat.kind {
                Kind::Iso => year(1).and_then(|y| PartialDate::day(y, num(2)?, num(3)?)),
                Kind::Dmy => year(3).and_then(|y| PartialDate::day(y, num(2)?, num(1)?)),
                Kind::DayWordYear => word(2).and_then(|m| {
                    let y = year(3).or(reference_year)?;
                    PartialDate::day(y, m as u32, num(1)?)
                }),
                Kind::WordDayYear => c
                    .get(1)
                    .filter(|w| w.as_str().is_ascii())
                    .and_then(|_| word(1))
                    .and_then(|m| {
                        let y = year(3).or(reference_year)?;
                        PartialDate::day(y, m as u32, num(2)?)
                    }),
                Kind::YearDayWord => {
                    word(3).and_then(|m| PartialDate::day(year(1)?, m as u32, num(2)?))
                }
                Kind::WordYear => word(1).and_then(|m| PartialDate::month(year(2)?, m as u32)),
                Kind::YearWord => word(2).and_then(|m| PartialDate::month(year(1)?, m as u32)),
                Kind::Year => {
                    // Only a clear year phrase: a preposition before or a year word after.
                    let s = whole.as_str();
                    let phrase = !s.trim_end().ends_with(|c: char| c.is_ascii_digit())
                        || !s.starts_with(|c: char| c.is_ascii_digit());
                    if phrase {
                        year(1).and_then(PartialDate::year_only)
                    } else {
                        None
                    }
                }
            };
            let structural = match pat.kind {
                Kind::Iso | Kind::Dmy => true,
                Kind::DayWordYear => {
                    word(2).is_some() && (num(3).is_some() || reference_year.is_some())
                }
                Kind::YearDayWord => word(3).is_some(),
                _ => false,
            };
            if date.is_some() || structural {
                let mut range = range;
                // Do not swallow the trailing space or dot of the pattern.
                while range.end > range.start && text[..range.end].ends_with(' ') {
                    range.end -= 1;
                }
                found.push((range, date));
            }
        }
    }
    // Keep the longest of overlapping matches (the most complete reading).
    found.sort_by(|a, b| {
        (b.0.end - b.0.start)
            .cmp(&(a.0.end - a.0.start))
            .then(a.0.start.cmp(&b.0.start))
    });
    let mut kept: Vec<(Range<usize>, Option<PartialDate>)> = Vec::with_capacity(found.len());
    for (r, d) in found {
        if kept
            .iter()
            .all(|(k, _)| r.end <= k.start || r.start >= k.end)
        {
            kept.push((r, d));
        }
    }
    kept.sort_by_key(|(r, _)| r.start);
    kept.into_iter()
        .filter_map(|(r, d)| Some((r, d?)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use PartialDate::*;

    fn dates(s: &str, y: Option<i32>) -> Vec<PartialDate> {
        find_dates(s, y).into_iter().map(|(_, d)| d).collect()
    }

    #[test]
    fn iso_values() {
        assert_eq!(
            parse_iso("2025-03-04T10:00:00+05:00"),
            Some(Day(2025, 3, 4))
        );
        assert_eq!(parse_iso("2025-03"), Some(Month(2025, 3)));
        assert_eq!(parse_iso("2025"), Some(Year(2025)));
        assert_eq!(parse_iso("20250304"), Some(Day(2025, 3, 4)));
        assert_eq!(parse_iso(" 2024-02-29 10:00"), Some(Day(2024, 2, 29)));
        assert_eq!(parse_iso("2025-02-29"), None);
        assert_eq!(parse_iso("2025-13-01"), None);
        assert_eq!(parse_iso("hello"), None);
        assert_eq!(parse_iso(""), None);
    }

    #[test]
    fn russian() {
        assert_eq!(
            dates("Это случилось 19 августа 2024 года.", None),
            [Day(2024, 8, 19)]
        );
        assert_eq!(dates("19 августа", Some(2023)), [Day(2023, 8, 19)]);
        assert_eq!(dates("19 августа", None), []);
        assert_eq!(dates("в марте 2024 года", None), [Month(2024, 3)]);
        assert_eq!(dates("в 2024 году", None), [Year(2024)]);
        assert_eq!(
            dates("1 мая 2023 г. и 2 мая", Some(2023)),
            [Day(2023, 5, 1), Day(2023, 5, 2)]
        );
        assert_eq!(dates("31 февраля 2024", None), []);
        assert_eq!(dates("28.01.2025, 13:30", None), [Day(2025, 1, 28)]);
        assert_eq!(dates("5 человек и 2024 рубля", None), []);
    }

    #[test]
    fn kazakh() {
        assert_eq!(dates("2024 жылғы 19 тамыз", None), [Day(2024, 8, 19)]);
        assert_eq!(dates("19 тамызда болды", Some(2024)), [Day(2024, 8, 19)]);
        assert_eq!(dates("2024 жылы", None), [Year(2024)]);
        assert_eq!(dates("2023 жылдың қаңтарында", None), [Month(2023, 1)]);
        assert_eq!(dates("5 қаңтардың", Some(2025)), [Day(2025, 1, 5)]);
    }

    #[test]
    fn english() {
        assert_eq!(dates("on August 19, 2024 the", None), [Day(2024, 8, 19)]);
        assert_eq!(dates("Aug. 19, 2024", None), [Day(2024, 8, 19)]);
        assert_eq!(dates("14 May 2024, 11:20", None), [Day(2024, 5, 14)]);
        assert_eq!(
            dates("PETROPAVL, May 14 – The", Some(2024)),
            [Day(2024, 5, 14)]
        );
        assert_eq!(dates("in March 2024", None), [Month(2024, 3)]);
        assert_eq!(dates("2024-08-19", None), [Day(2024, 8, 19)]);
        assert_eq!(dates("Section 5 of 2024", None), []);
    }
}
