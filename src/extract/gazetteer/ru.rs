//! Russian endings, derived by rule from the nominative a lexicon gives.
//!
//! Nouns decline by their final letter; names ending in -о, -е, -и, -у, -ы, -ю, -э are
//! indeclinable (Актобе, Атырау, Алматы), except the -ово/-ево/-ино type (Булаево).
//! Adjectives (Актюбинская, Рудный, Боровое) take the adjective endings after the stem.
//! In a hyphenated name only the last part changes; the first part stays in the literal.

pub const ADJ: &[&str] = &[
    "ая", "яя", "ой", "ую", "юю", "ою", "ое", "ее", "ого", "его", "ому", "ему", "ом", "ем", "ий",
    "ый", "ые", "ие", "ых", "их", "ым", "им", "ыми", "ими", "ей",
];

const NOUN_CONS: &[&str] = &[
    "", "а", "у", "ом", "ем", "е", "ы", "и", "ов", "ам", "ами", "ах", "ым",
];
const NOUN_A: &[&str] = &["а", "ы", "и", "е", "у", "ой", "ою", "ей", "ею"];
const NOUN_YA: &[&str] = &["я", "и", "е", "ю", "ей", "ею"];
const NOUN_SOFT: &[&str] = &["ь", "и", "ью", "я", "ю", "ем", "е"];
const NOUN_J: &[&str] = &["й", "я", "ю", "ем", "е", "и"];
const NOUN_O: &[&str] = &["о", "а", "у", "ом", "е"];
const INDECL: &[&str] = &[""];
/// Names in -ы after a consonant: mostly indeclinable (Алматы), but some are declined as
/// plurals (Кульсары → в Кульсарах); the plural case endings cannot be mistaken for words.
const NOUN_PL: &[&str] = &["ы", "ах", "ам", "ами"];

/// Whether a word looks like a Russian adjective in the nominative.
/// Whether a word reads as the instrumental of a noun or an adjective ("сотрудниками",
/// "Агентством", "оперативником", "районным"): the agent of a Russian passive. Short words
/// are left out ("том", "им" are not nouns in the instrumental).
pub fn is_instrumental(w: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "ами", "ями", "ом", "ем", "ой", "ей", "ым", "им", "ыми", "ими",
    ];
    w.chars().count() > 4 && ENDINGS.iter().any(|e| w.ends_with(e))
}

pub fn is_adjective(w: &str) -> bool {
    w.chars().count() > 4
        && ["ая", "яя", "ий", "ый", "ое", "ее", "ие", "ые"]
            .iter()
            .any(|e| w.ends_with(e))
        || (w.chars().count() > 5 && w.ends_with("ой"))
}

/// Stem and endings of an adjective ("актюбинская" → "актюбинск").
pub fn adjective(w: &str) -> (String, &'static [&'static str]) {
    let cut = w.char_indices().rev().nth(1).map_or(0, |(i, _)| i);
    (w[..cut].to_string(), ADJ)
}

/// Stem and endings of a noun, chosen by its final letter.
pub fn noun(w: &str) -> (String, &'static [&'static str]) {
    let mut cs = w.chars().rev();
    let last = cs.next().unwrap_or(' ');
    let before = cs.next().unwrap_or(' ');
    let drop1 = |set| (w[..w.len() - last.len_utf8()].to_string(), set);
    match last {
        'а' => drop1(NOUN_A),
        'я' => drop1(NOUN_YA),
        'ь' => drop1(NOUN_SOFT),
        'й' => drop1(NOUN_J),
        'о' if matches!(before, 'в' | 'н') && w.chars().count() > 4 => drop1(NOUN_O),
        'ы' if !matches!(before, 'а' | 'е' | 'и' | 'о' | 'у' | 'ы' | 'э' | 'ю' | 'я') => {
            drop1(NOUN_PL)
        }
        'о' | 'е' | 'и' | 'у' | 'ы' | 'ю' | 'э' | 'ә' | 'ө' | 'ү' | 'ұ' | 'і' => {
            (w.to_string(), INDECL)
        }
        c if c.is_alphabetic() => (w.to_string(), NOUN_CONS),
        _ => (w.to_string(), INDECL),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert_eq!(noun("караганда").0, "караганд");
        assert_eq!(noun("актобе"), ("актобе".to_string(), INDECL));
        assert_eq!(noun("кульсары"), ("кульсар".to_string(), NOUN_PL));
        assert_eq!(noun("семей").0, "семе");
        assert_eq!(noun("арысь").0, "арыс");
        assert_eq!(noun("булаево").0, "булаев");
        assert_eq!(noun("шымкент"), ("шымкент".to_string(), NOUN_CONS));
        assert!(is_adjective("актюбинская") && is_adjective("рудный") && is_adjective("луговой"));
        assert!(!is_adjective("алтай") && !is_adjective("шу"));
        assert_eq!(adjective("северо-казахстанская").0, "северо-казахстанск");
    }
}
