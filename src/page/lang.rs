//! Russian, Kazakh or English, from the letters a text is written in.

use super::Lang;

/// Letters only Kazakh (among ru/kk) uses.
fn is_kazakh_letter(c: char) -> bool {
    matches!(
        c,
        'ә' | 'ғ'
            | 'қ'
            | 'ң'
            | 'ө'
            | 'ұ'
            | 'ү'
            | 'һ'
            | 'і'
            | 'Ә'
            | 'Ғ'
            | 'Қ'
            | 'Ң'
            | 'Ө'
            | 'Ұ'
            | 'Ү'
            | 'Һ'
            | 'І'
    )
}

/// Tells Russian, Kazakh and English apart by script: Latin → English; Cyrillic with a
/// share of the Kazakh-only letters (ә ғ қ ң ө ұ ү һ і) → Kazakh; other Cyrillic →
/// Russian. Fewer than 20 letters → `Unknown`. Looks at most at the first 20,000 letters.
pub fn detect_lang(text: &str) -> Lang {
    let (mut cyr, mut kk, mut lat) = (0u32, 0u32, 0u32);
    for c in text.chars() {
        if c.is_ascii_alphabetic() {
            lat += 1;
        } else if ('\u{0400}'..='\u{04FF}').contains(&c) {
            cyr += 1;
            if is_kazakh_letter(c) {
                kk += 1;
            }
        } else {
            continue;
        }
        if cyr + lat >= 20_000 {
            break;
        }
    }
    if cyr + lat < 20 {
        return Lang::Unknown;
    }
    if cyr >= lat {
        // Kazakh prose has these letters in 5–10 % of its letters; a Russian text
        // naming a Kazakh place or fund has a handful.
        if kk * 100 >= cyr * 2 && kk >= 3 {
            Lang::Kk
        } else {
            Lang::Ru
        }
    } else {
        Lang::En
    }
}

/// The language an `html lang` attribute names, if one of ours.
pub fn from_attr(value: &str) -> Lang {
    let v = value.trim().to_ascii_lowercase();
    match v.get(..2) {
        Some("ru") => Lang::Ru,
        Some("kk") | Some("kz") => Lang::Kk,
        Some("en") => Lang::En,
        _ => Lang::Unknown,
    }
}
