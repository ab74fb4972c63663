//! Yearly official figures (spec §5): "disciplinary penalties were imposed on 186
//! employees … 23 were dismissed". A measure word and the count nearest to it in the same
//! clause; the year from the sentence, or the one the text last spoke of.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::annotate::{Doc, Sentence};
use super::lexicon::Tag;
use super::types::{Measure, Statistic};
use crate::date::PartialDate;

/// Counts in digits, thousands grouped by spaces or commas; counts in words come from the
/// money lexicon's number words (`Sentence::number_words`).
static NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b\d{1,3}(?:[ ,]\d{3})+\b|\b\d+\b").expect("valid regex"));

/// A year the figures are about: "in 2022", "за 2023 год", "2024 жылы", "2021" alone as a
/// heading.
static YEAR_PHRASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\b(?:in|for|of|during|в|во|за|по итогам)\s+((?:19|20)\d\d)\b)|(?:\b((?:19|20)\d\d)\s*(?:год|г\b|г\.|жыл|year))")
        .expect("valid regex")
});

static LAST_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:last year|past year|previous year|прошл\w+ год\w*|минувш\w+ год\w*|былтыр|өткен жыл\w*)").expect("valid regex")
});

/// "статья 366", "ч. 2 ст. 189", "Article 362", "366-бап", "189-бабының": the number of a
/// law's article or part, not a count.
static LAW_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:\bст\.?|\bстат\w*|\bч\.|\bчаст\w*|\bп\.|\bпункт\w*|\bart\.?|\barticles?|\bparts?|\bparagraph|\bбап\w*|\bбөлі\w*|\bтармақ\w*)\s*№?\s*$")
        .expect("valid regex")
});
static LAW_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*[-–]?\s*(?:бап|баб|бөлі|тармақ)").expect("valid regex"));

/// Words after a number that make it something other than a count of people or cases.
const UNITS: &[&str] = &[
    "year",
    "years",
    "month",
    "months",
    "day",
    "days",
    "hour",
    "hours",
    "percent",
    "%",
    "лет",
    "года",
    "год",
    "месяц",
    "месяцев",
    "дней",
    "суток",
    "часов",
    "процент",
    "процента",
    "процентов",
    "жыл",
    "жылға",
    "жылы",
    "ай",
    "айда",
    "айында",
    "айындағы",
    "айдағы",
    "ай",
    "күн",
    "сағат",
    "пайыз",
    "tenge",
    "тенге",
    "теңге",
];

/// `has_cases`: whether the article reports incidents of its own; without one, the article
/// is the report, and two figures of two measures are enough.
pub fn find(doc: &Doc, published: Option<PartialDate>, has_cases: bool) -> Vec<Statistic> {
    let mut out: Vec<Statistic> = Vec::new();
    if !doc
        .sents
        .iter()
        .any(|s| s.has(|t| matches!(t, Tag::Statistic(_))))
    {
        return out;
    }
    // Which of `out` a headline gave: "over 1,200 officers disciplined" rounds what the
    // body says exactly.
    let mut from_title: Vec<bool> = Vec::new();
    let mut period: Option<i32> = None;
    for para in &doc.paras {
        if para.is_teaser {
            continue;
        }
        let sents = &doc.sents[para.sentences.clone()];
        // A heading that is only a year ("2021") sets the period of what follows.
        if para.is_header && sents.len() == 1 {
            let t = sents[0].norm.text.trim();
            if t.len() == 4 && t.parse::<i32>().is_ok_and(|y| (1990..=2100).contains(&y)) {
                period = t.parse().ok();
                continue;
            }
        }
        for s in sents {
            if let Some(y) = sentence_year(s, published) {
                period = Some(y);
            }
            if !s.has(|t| matches!(t, Tag::Statistic(_))) {
                continue;
            }
            let year = sentence_year(s, published)
                .or(period)
                .or(published.map(|d| d.year() - 1));
            let Some(year) = year else { continue };
            for (measure, value, y) in figures(s, year) {
                let st = Statistic {
                    country: "KZ".to_string(),
                    region: None,
                    period: y.to_string(),
                    measure,
                    value,
                    evidence: s.text.clone(),
                };
                if !out.iter().any(|o| {
                    o.period == st.period && o.measure == st.measure && o.value == st.value
                }) {
                    out.push(st);
                    from_title.push(para.is_title);
                }
            }
        }
    }
    let body: Vec<(String, Measure)> = out
        .iter()
        .zip(&from_title)
        .filter(|(_, t)| !**t)
        .map(|(o, _)| (o.period.clone(), o.measure))
        .collect();
    let mut title = from_title.into_iter();
    out.retain(|o| !(title.next() == Some(true) && body.contains(&(o.period.clone(), o.measure))));
    // Figures come in reports: a figure or two in a story about a case is a detail.
    let measures: std::collections::BTreeSet<Measure> = out.iter().map(|s| s.measure).collect();
    let least = if has_cases { 3 } else { 2 };
    if out.len() < least || measures.len() < 2 {
        out.clear();
    }
    out
}

fn sentence_year(s: &Sentence, published: Option<PartialDate>) -> Option<i32> {
    let n = &s.norm.text;
    let may_name_a_year = n.bytes().any(|b| b.is_ascii_digit())
        || ["year", "год", "былтыр", "жыл"]
            .iter()
            .any(|w| n.contains(w));
    if !may_name_a_year {
        return None;
    }
    let t = strip_parens(n);
    if let Some(c) = YEAR_PHRASE.captures(&t) {
        return c.get(1).or(c.get(2)).and_then(|m| m.as_str().parse().ok());
    }
    if LAST_YEAR.is_match(&t) {
        return published.map(|d| d.year() - 1);
    }
    None
}

fn strip_parens(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    let mut depth = 0;
    for c in t.chars() {
        match c {
            '(' => depth += 1,
            ')' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// A clause: a stretch of the sentence between commas, semicolons, colons, dashes and
/// brackets; figures and their measures pair up inside one.
struct Clause {
    range: Range<usize>,
    in_parens: bool,
}

fn clauses(t: &str) -> Vec<Clause> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut in_parens = false;
    let bytes = t.as_bytes();
    for (i, c) in t.char_indices() {
        let cut = match c {
            ',' => {
                !(i > 0
                    && i + 1 < t.len()
                    && bytes[i - 1].is_ascii_digit()
                    && bytes[i + 1].is_ascii_digit())
            }
            ';' | ':' | '(' | ')' => true,
            '—' | '–' => !in_parens,
            _ => false,
        };
        if cut {
            if start < i {
                out.push(Clause {
                    range: start..i,
                    in_parens,
                });
            }
            match c {
                '(' => in_parens = true,
                ')' => in_parens = false,
                _ => {}
            }
            start = i + c.len_utf8();
        }
    }
    if start < t.len() {
        out.push(Clause {
            range: start..t.len(),
            in_parens,
        });
    }
    // " and 21 of them were convicted": an "and" before a new figure starts a clause too.
    let mut split = Vec::new();
    for c in out {
        let text = &t[c.range.clone()];
        let mut s = c.range.start;
        for (i, and) in text.match_indices(" and ").chain(text.match_indices(" и ")) {
            let at = c.range.start + i;
            // "heads of district and city departments" joins words, not figures
            let figure_follows = text[i + and.len()..]
                .split_whitespace()
                .take(3)
                .any(|w| w.starts_with(|ch: char| ch.is_ascii_digit()));
            if at > s && figure_follows {
                split.push(Clause {
                    range: s..at,
                    in_parens: c.in_parens,
                });
                s = at;
            }
        }
        split.push(Clause {
            range: s..c.range.end,
            in_parens: c.in_parens,
        });
    }
    split.sort_by_key(|c| c.range.start);
    split
}

/// More specific measures win over "disciplinary" when one clause names two
/// ("184 were subjected to other disciplinary measures").
const SPECIFICITY: [Measure; 6] = [
    Measure::Disciplined,
    Measure::CriminalCases,
    Measure::Convicted,
    Measure::Dismissed,
    Measure::RelievedOfPost,
    Measure::OtherMeasures,
];

pub(super) fn figures(s: &Sentence, year: i32) -> Vec<(Measure, u64, i32)> {
    let mut out = Vec::new();
    // Every figure is a measure's; the search for counts is the costly part.
    if !s.has(|t| matches!(t, Tag::Statistic(_))) {
        return out;
    }
    let t = &s.norm.text;
    let mut last_measure: Option<Measure> = None;
    for c in clauses(t) {
        let measure = s
            .hits
            .iter()
            .filter(|h| h.range.start >= c.range.start && h.range.start < c.range.end)
            .filter_map(|h| match h.tag {
                Tag::Statistic(m) => Some(m),
                _ => None,
            })
            .max_by_key(|m| SPECIFICITY.iter().position(|x| x == m));
        let clause = &t[c.range.clone()];
        let digits = NUMBER.find_iter(clause).map(|m| {
            let abs = c.range.start + m.start()..c.range.start + m.end();
            let v = m
                .as_str()
                .chars()
                .filter(char::is_ascii_digit)
                .collect::<String>();
            (abs, v.parse::<u64>().ok(), true)
        });
        let in_words = s
            .number_words
            .iter()
            .filter(|(r, _)| r.start >= c.range.start && r.end <= c.range.end)
            .map(|(r, v)| (r.clone(), Some(*v), false));
        let mut found: Vec<_> = digits.chain(in_words).collect();
        found.sort_by_key(|(r, _, _)| r.start);
        let counts: Vec<(u64, bool)> = found
            .into_iter()
            .filter_map(|(abs, v, is_digits)| {
                let v = v?;
                let in_money = s.amounts.iter().any(|a| {
                    let o = s.norm.orig_range(abs.clone());
                    o.start >= a.span.start && o.end <= a.span.end
                });
                let rest = &t[abs.end..c.range.end];
                if is_digits
                    && (LAW_BEFORE.is_match(&t[c.range.start..abs.start])
                        || LAW_AFTER.is_match(rest))
                {
                    return None;
                }
                let after = rest.split_whitespace().next().unwrap_or("");
                // "30-year-old", "5,000-tenge": part of a word, not a count; "25-і" (Kazakh
                // "25 of them") still is.
                if let Some(suffix) = rest.strip_prefix('-') {
                    let w: String = suffix.chars().take_while(|c| c.is_alphabetic()).collect();
                    if w.chars().count() > 4 || w.chars().all(|c| c.is_ascii()) {
                        return None;
                    }
                }
                let unit = UNITS
                    .iter()
                    .any(|u| after.trim_matches(|c: char| !c.is_alphanumeric() && c != '%') == *u);
                // "two patrol officers" counts the people of one case; reports write
                // their figures in digits or as larger numbers.
                if v < 10 && !is_digits {
                    return None;
                }
                let is_year = is_digits && (1990..=2100).contains(&v) && abs.len() == 4;
                (!in_money && (is_year || !unit)).then_some((v, is_year))
            })
            .collect();
        match measure {
            Some(m) => {
                if let Some(&(v, _)) = counts.iter().find(|(_, y)| !y) {
                    out.push((m, v, year));
                }
                last_measure = Some(m);
            }
            // "(2023 жылы — 204)", "(in 2015: 287)": the previous figure a year earlier.
            None if c.in_parens => {
                let y = counts.iter().find(|(_, y)| *y).map(|(v, _)| *v as i32);
                let v = counts.iter().find(|(_, y)| !y).map(|(v, _)| *v);
                if let (Some(m), Some(y), Some(v)) = (last_measure, y, v) {
                    out.push((m, v, y));
                }
            }
            None => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::money::MoneyLexicon;
    use crate::page::Lang;

    fn counts(text: &str, lang: Lang) -> Vec<u64> {
        MoneyLexicon::embedded()
            .number_words(text, lang)
            .into_iter()
            .map(|(r, v)| {
                assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
                v
            })
            .collect()
    }

    #[test]
    fn counts_in_words_in_three_languages() {
        assert_eq!(counts("уволены триста двенадцать человек", Lang::Ru), [312]);
        assert_eq!(
            counts("возбуждено сорок семь уголовных дел", Lang::Ru),
            [47]
        );
        assert_eq!(
            counts("Thirty-three of them, and one hundred twelve", Lang::En),
            [33, 112]
        );
        assert_eq!(counts("екі жүз он бес қызметкер", Lang::Kk), [215]);
        // places only fall: "двадцать сорок" is two numbers, "девятнадцать три" too
        assert_eq!(counts("двадцать сорок", Lang::Ru), [20, 40]);
        assert_eq!(counts("девятнадцать три", Lang::Ru), [19, 3]);
    }

    #[test]
    fn a_kazakh_number_is_a_russian_pronoun() {
        assert_eq!(counts("он был уволен", Lang::Ru), Vec::<u64>::new());
        assert_eq!(counts("он қызметкер жазаланды", Lang::Kk), [10]);
    }

    #[test]
    fn law_article_numbers_are_not_counts() {
        for t in [
            "по статье 366 УК",
            "по ч. 2 ст. 189",
            "under Article 362",
            "ҚК-нің 366-бабы",
            "366 бап бойынша",
        ] {
            let before = |i: usize| LAW_BEFORE.is_match(&t[..i]);
            let m = NUMBER.find_iter(t).last().unwrap();
            assert!(
                before(m.start()) || LAW_AFTER.is_match(&t[m.end()..]),
                "{t}"
            );
        }
        assert!(!LAW_BEFORE.is_match("уволены "));
    }

    #[test]
    fn digit_groups_are_one_count() {
        let t = "1 326 and 1,312";
        let found: Vec<&str> = NUMBER.find_iter(t).map(|m| m.as_str()).collect();
        assert_eq!(found, ["1 326", "1,312"]);
    }

    #[test]
    fn clauses_split_on_punctuation_and_and() {
        let t = "criminal cases were opened against 57 officers and 21 of them were convicted (2020 — 30)";
        let cs: Vec<&str> = clauses(t).iter().map(|c| &t[c.range.clone()]).collect();
        assert_eq!(
            cs,
            [
                "criminal cases were opened against 57 officers",
                " and 21 of them were convicted ",
                "2020 — 30"
            ]
        );
    }
}
