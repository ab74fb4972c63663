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

mod annotate;
mod incident;
pub mod record;
mod stats;

use crate::page::Article;

/// Reads the incidents and statistics an article reports. Pure: no I/O.
pub fn extract(article: &Article, lex: &Lexicon) -> Extraction {
    let doc = annotate::Doc::new(article, lex);
    let incidents = incident::assemble(&doc, lex, article.published);
    let statistics = stats::find(&doc, article.published);
    Extraction {
        incidents,
        statistics,
    }
}
