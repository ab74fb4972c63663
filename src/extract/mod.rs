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
    let statistics = stats::find(&doc, article.published, !incidents.is_empty());
    Extraction {
        incidents,
        statistics,
    }
}

/// What every lexicon found in each sentence, one line per sentence: for a person who
/// edits the lexicon and wants to see why a case was read or missed.
pub fn explain(article: &Article, lex: &Lexicon) -> String {
    use std::fmt::Write;
    let doc = annotate::Doc::full(article, lex);
    let mut out = String::new();
    for (pi, p) in doc.paras.iter().enumerate() {
        let kind = if p.is_title {
            "title"
        } else if p.is_teaser {
            "teaser"
        } else if p.is_header {
            "header"
        } else {
            "para"
        };
        let _ = writeln!(out, "¶{pi} {kind}");
        for s in &doc.sents[p.sentences.clone()] {
            let _ = writeln!(out, "  » {}", s.text);
            for h in &s.hits {
                let _ = writeln!(out, "      {:?}: {}", h.tag, s.orig(h.range.clone()));
            }
            for pl in &s.places {
                let _ = writeln!(
                    out,
                    "      place {:?} {} {}: {}",
                    pl.kind,
                    pl.country,
                    pl.region.as_deref().unwrap_or("-"),
                    s.orig(pl.range.clone())
                );
            }
            for a in &s.amounts {
                let _ = writeln!(
                    out,
                    "      money {} {:?} {:?}: {}",
                    a.value,
                    a.currency,
                    a.role,
                    &s.text[a.span.clone()]
                );
            }
        }
    }
    out
}
