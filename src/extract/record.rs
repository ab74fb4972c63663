//! The output contract of `dozor extract` (spec §6): one flat JSON object per incident or
//! statistic, naming the document it came from.

use serde::Serialize;

use super::types::{Extraction, Incident, Statistic};

/// One line of `dozor extract --format jsonl`.
#[derive(Debug, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Record<'a> {
    Incident {
        source: &'a str,
        #[serde(flatten)]
        incident: IncidentOut<'a>,
        lexicon: &'a str,
    },
    Statistic {
        source: &'a str,
        #[serde(flatten)]
        statistic: &'a Statistic,
        lexicon: &'a str,
    },
}

/// An incident as written out: the evidence sentences joined into one string, as the spec
/// shows it.
#[derive(Debug, Serialize)]
pub struct IncidentOut<'a> {
    pub country: &'a str,
    pub region: Option<&'a str>,
    pub place: Option<&'a str>,
    pub geo_precision: super::types::GeoPrecision,
    pub offense: super::types::Offense,
    pub amount: Option<super::types::Money>,
    pub amount_kzt: Option<u64>,
    pub stage: super::types::Stage,
    pub actor: &'a str,
    pub date: Option<crate::date::PartialDate>,
    pub date_precision: Option<crate::date::DatePrecision>,
    pub evidence: String,
    pub confidence: f32,
}

impl<'a> From<&'a Incident> for IncidentOut<'a> {
    fn from(i: &'a Incident) -> Self {
        IncidentOut {
            country: &i.country,
            region: i.region.as_deref(),
            place: i.place.as_deref(),
            geo_precision: i.geo_precision,
            offense: i.offense,
            amount: i.amount,
            amount_kzt: i.amount_kzt,
            stage: i.stage,
            actor: &i.actor,
            date: i.date,
            date_precision: i.date_precision,
            evidence: i.evidence.join(" "),
            confidence: (i.confidence * 100.0).round() / 100.0,
        }
    }
}

/// Every record of one document, incidents first.
pub fn records<'a>(source: &'a str, ex: &'a Extraction, lexicon: &'a str) -> Vec<Record<'a>> {
    let inc = ex.incidents.iter().map(|i| Record::Incident {
        source,
        incident: i.into(),
        lexicon,
    });
    let st = ex.statistics.iter().map(|s| Record::Statistic {
        source,
        statistic: s,
        lexicon,
    });
    inc.chain(st).collect()
}
