//! TEMPORARY stub until the money branch lands.
use super::lexicon_error::LexiconError;
use serde::Serialize;
use std::ops::Range;
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Currency {
    KZT,
    USD,
    KGS,
    RUB,
    EUR,
    AZN,
    UZS,
}
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Principal,
    Fine,
    Salary,
    Bail,
    Confiscation,
    Reward,
    Compensation,
    Other,
}
#[derive(Debug, Clone)]
pub struct Amount {
    pub value: u64,
    pub currency: Currency,
    pub span: Range<usize>,
    pub kzt: Option<u64>,
    pub role: Role,
    pub range_high: Option<u64>,
}
pub struct MoneyLexicon;
impl MoneyLexicon {
    pub fn embedded() -> MoneyLexicon {
        MoneyLexicon
    }
    pub fn from_toml(_src: &str, _file: &Path) -> Result<MoneyLexicon, LexiconError> {
        Ok(MoneyLexicon)
    }
    pub fn find(&self, _s: &str) -> Vec<Amount> {
        Vec::new()
    }
}
pub fn principal(a: &[Amount]) -> Option<&Amount> {
    a.iter().find(|a| a.role == Role::Principal)
}
