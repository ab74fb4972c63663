//! The values extraction produces, as the spec (shared/spec/incidents.md) names them.

use serde::Serialize;

use crate::date::{DatePrecision, PartialDate};

macro_rules! id_enum {
    ($(#[$m:meta])* $name:ident { $($v:ident = $id:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($v),+ }

        impl $name {
            pub const ALL: [$name; [$($id),+].len()] = [$($name::$v),+];

            /// The identifier used in lexicon files and output.
            pub fn id(self) -> &'static str {
                match self { $($name::$v => $id),+ }
            }

            pub fn from_id(s: &str) -> Option<$name> {
                match s { $($id => Some($name::$v),)+ _ => None }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.id())
            }
        }
    };
}

id_enum! {
    /// Offense categories (spec §3).
    Offense {
        Bribery = "bribery",
        Fraud = "fraud",
        Theft = "theft",
        AbuseOfPower = "abuse_of_power",
        Violence = "violence",
        Death = "death",
        ProtectionRacket = "protection_racket",
        Drugs = "drugs",
        Sexual = "sexual",
        Traffic = "traffic",
        Negligence = "negligence",
        Other = "other",
    }
}

id_enum! {
    /// How far a case has gone.
    Stage {
        Alleged = "alleged",
        Investigated = "investigated",
        Detained = "detained",
        Charged = "charged",
        Trial = "trial",
        Convicted = "convicted",
        Sentenced = "sentenced",
        Acquitted = "acquitted",
        Disciplined = "disciplined",
    }
}

id_enum! {
    /// What a yearly figure counts (spec §5).
    Measure {
        Disciplined = "disciplined",
        Dismissed = "dismissed",
        RelievedOfPost = "relieved_of_post",
        OtherMeasures = "other_measures",
        CriminalCases = "criminal_cases",
        Convicted = "convicted",
    }
}

/// How precisely the place of an incident is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum GeoPrecision {
    Town,
    Region,
    Country,
}

/// A sum of money in the currency the text gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Money {
    pub value: u64,
    pub currency: super::money::Currency,
}

/// One event of police misconduct.
#[derive(Debug, Clone, Serialize)]
pub struct Incident {
    pub country: String,
    pub region: Option<String>,
    /// The town or region as the text names it.
    pub place: Option<String>,
    pub geo_precision: GeoPrecision,
    pub offense: Offense,
    pub amount: Option<Money>,
    pub amount_kzt: Option<u64>,
    pub stage: Stage,
    pub actor: String,
    pub date: Option<PartialDate>,
    pub date_precision: Option<DatePrecision>,
    /// The sentences the incident was read from, in text order.
    pub evidence: Vec<String>,
    pub confidence: f32,
}

/// A yearly official figure (spec §5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Statistic {
    pub country: String,
    pub region: Option<String>,
    pub period: String,
    pub measure: Measure,
    pub value: u64,
    pub evidence: String,
}

/// Everything one article reports.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Extraction {
    pub incidents: Vec<Incident>,
    pub statistics: Vec<Statistic>,
}
