//! `--format table`: what a person reads in a terminal.

use std::io::{self, Write};

use crate::extract::Extraction;

fn cut(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

/// Writes one aligned row per incident and statistic of one document.
pub fn write(out: &mut impl Write, source: &str, ex: &Extraction) -> io::Result<()> {
    let name = std::path::Path::new(source)
        .file_name()
        .map_or(source.into(), |n| n.to_string_lossy());
    for i in &ex.incidents {
        let amount = match (i.amount_kzt, &i.amount) {
            (Some(k), _) => format!("{k} KZT"),
            (None, Some(m)) => format!("{} {:?}", m.value, m.currency),
            _ => "-".into(),
        };
        writeln!(
            out,
            "{:<14} {:<6} {:<17} {:<15} {:>14} {:<12} {:<24} {}",
            cut(&name, 14),
            i.region.as_deref().unwrap_or(&i.country),
            cut(i.place.as_deref().unwrap_or("-"), 17),
            i.offense.id(),
            amount,
            i.stage.id(),
            cut(&i.actor, 24),
            cut(&i.evidence.join(" "), 80),
        )?;
    }
    for s in &ex.statistics {
        writeln!(
            out,
            "{:<14} {:<6} {:<17} {:<15} {:>14} {:<12} {:<24} {}",
            cut(&name, 14),
            s.region.as_deref().unwrap_or(&s.country),
            "",
            "statistic",
            s.value,
            s.period,
            s.measure.id(),
            cut(&s.evidence, 80),
        )?;
    }
    Ok(())
}
