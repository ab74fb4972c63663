//! [`Article`](crate::page::Article) → [`Extraction`]: the incidents and statistics it reports.

pub mod gazetteer;
pub mod lexicon;
pub mod lexicon_error;
pub mod lexmatch;
pub mod money;
pub mod text;
pub mod types;

pub use lexicon::Lexicon;
pub use types::{Extraction, GeoPrecision, Incident, Measure, Money, Offense, Stage, Statistic};
