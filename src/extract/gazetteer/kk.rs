//! Kazakh suffix chains, derived by rule from a name's last sound and vowel harmony.
//!
//! A toponym takes a short chain of optional slots:
//!
//! ```text
//! name (+ -лық/-лік (+ plural)) (+ case (+ -ғы/-гі after the locative))
//! ```
//!
//! ("Ақтөбе|де", "Алматы|да|ғы", "Ақтөбе|лік|тер|ге", "Шымкент|те|гі"). The first consonant
//! of each suffix assimilates to the sound before it (vowel, р/й/у, л, з/ж, м/н/ң,
//! voiceless), and its vowel follows the harmony of the stem (back а о ұ ы, front ә ө ү і е).
//! The possessive (-ы/-сы) is left out on purpose: "Тараз|ы" would be "таразы" (scales).
//! Every tail also exists folded to Russian letters (ғ→г, қ→к, ң→н, і→и, …), because
//! Kazakh is often typed on Russian keyboards.

use std::collections::HashSet;

/// The sound a stem ends with, as far as suffix assimilation cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sound {
    /// a vowel (except у/и-glides handled as [`Sound::Glide`])
    Vowel,
    /// р, й, у: like vowels, except the genitive and accusative take д-
    Glide,
    /// л
    L,
    /// з, ж
    Voiced,
    /// м, н, ң
    Nasal,
    /// п, к, қ, т, с, ш, щ, ф, х, ц, ч, and б, в, г, д devoiced at the end of a word
    Voiceless,
}

pub fn sound_of(c: char) -> Sound {
    match c {
        'р' | 'й' | 'у' | 'ў' => Sound::Glide,
        'л' => Sound::L,
        'з' | 'ж' => Sound::Voiced,
        'м' | 'н' | 'ң' => Sound::Nasal,
        'а' | 'ә' | 'е' | 'э' | 'и' | 'о' | 'ө' | 'ұ' | 'ү' | 'ы' | 'і' | 'ю' | 'я' => {
            Sound::Vowel
        }
        _ => Sound::Voiceless,
    }
}

/// Which harmonies a stem allows: (back, front). The last vowel decides ("Ақтөбе|де",
/// "Алматы|да"); an е right after a vowel is the Russian spelling of "йе" and follows the
/// vowel before it ("Қонаев|та", as in "Тоқаев|тың"); a word in Russian letters with both kinds
/// of vowel is a loan and is seen with either; neutral vowels only (у, и) take both.
pub fn harmony(stem: &str) -> (bool, bool) {
    let back = |c: char| matches!(c, 'а' | 'о' | 'ұ' | 'ы' | 'я');
    let front = |c: char| matches!(c, 'ә' | 'ө' | 'ү' | 'і' | 'е' | 'э');
    let cs: Vec<char> = stem.chars().collect();
    let vowels: Vec<char> = cs
        .iter()
        .enumerate()
        .filter(|&(i, &c)| {
            let glide =
                c == 'е' && i > 0 && matches!(cs[i - 1], 'а' | 'о' | 'у' | 'ы' | 'я' | 'и' | 'ю');
            (back(c) || front(c)) && !glide
        })
        .map(|(_, &c)| c)
        .collect();
    let Some(&last) = vowels.last() else {
        return (true, true);
    };
    let mixed = vowels.iter().any(|&c| back(c)) && vowels.iter().any(|&c| front(c));
    if mixed && !has_kk_letters(stem) {
        return (true, true);
    }
    (back(last), front(last))
}

/// Folds Kazakh-only letters to the Russian letters people type instead.
pub fn fold_kk(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'ә' => 'а',
            'ғ' => 'г',
            'қ' => 'к',
            'ң' => 'н',
            'ө' => 'о',
            'ұ' | 'ү' => 'у',
            'һ' => 'х',
            'і' => 'и',
            c => c,
        })
        .collect()
}

/// Whether a word has letters that only Kazakh uses.
pub fn has_kk_letters(s: &str) -> bool {
    s.chars()
        .any(|c| matches!(c, 'ә' | 'ғ' | 'қ' | 'ң' | 'ө' | 'ұ' | 'ү' | 'һ' | 'і'))
}

fn v(back: bool, b: &str, f: &str) -> String {
    if back { b } else { f }.to_string()
}

/// The six case endings after a stem ending in `s`; the flag marks the locative.
fn cases(s: Sound, back: bool) -> Vec<(String, bool)> {
    use Sound::*;
    let loc = match s {
        Voiceless => v(back, "та", "те"),
        _ => v(back, "да", "де"),
    };
    let abl = match s {
        Voiceless => v(back, "тан", "тен"),
        Nasal => v(back, "нан", "нен"),
        _ => v(back, "дан", "ден"),
    };
    let dat = match s {
        Voiceless => v(back, "қа", "ке"),
        _ => v(back, "ға", "ге"),
    };
    let gen = match s {
        Vowel | Nasal => v(back, "ның", "нің"),
        Voiceless => v(back, "тың", "тің"),
        _ => v(back, "дың", "дің"),
    };
    let acc = match s {
        Vowel => v(back, "ны", "ні"),
        Voiceless => v(back, "ты", "ті"),
        _ => v(back, "ды", "ді"),
    };
    let ins = match s {
        Vowel | Nasal => "мен",
        Voiceless => "пен",
        _ => "бен",
    };
    vec![
        (loc, true),
        (abl, false),
        (dat, false),
        (gen, false),
        (acc, false),
        (ins.to_string(), false),
        ("мен".to_string(), false),
    ]
}

/// -лық/-лік ("person from X", "of X") and the plural share one distribution.
fn lyq_like(s: Sound, back: bool, l: (&str, &str), d: (&str, &str), t: (&str, &str)) -> String {
    use Sound::*;
    let (b, f) = match s {
        Vowel | Glide => l,
        L | Voiced | Nasal => d,
        Voiceless => t,
    };
    v(back, b, f)
}

fn push_cases(out: &mut HashSet<String>, before: &str, s: Sound, back: bool) {
    for (c, loc) in cases(s, back) {
        out.insert(format!("{before}{c}"));
        if loc {
            out.insert(format!("{before}{c}{}", v(back, "ғы", "гі")));
        }
    }
}

/// Every suffix chain a toponym ending in `stem` can take (the empty chain included),
/// in Kazakh letters and folded to Russian ones.
pub fn tails(stem: &str) -> HashSet<String> {
    let mut out = HashSet::new();
    out.insert(String::new());
    // a soft or hard sign is silent: "Пермь|де" assimilates to the м
    let Some(last) = stem.chars().rev().find(|c| !matches!(c, 'ь' | 'ъ')) else {
        return out;
    };
    let (b_ok, f_ok) = harmony(stem);
    // A final б, в, г, д is devoiced in speech and spelt both ways: "Самарқандта", "Самарқандда".
    let sounds: &[Sound] = if matches!(last, 'б' | 'в' | 'г' | 'д') {
        &[Sound::Voiceless, Sound::Voiced]
    } else {
        &[sound_of(last)]
    };
    for (&s, back) in sounds.iter().flat_map(|s| [(s, true), (s, false)]) {
        if (back && !b_ok) || (!back && !f_ok) {
            continue;
        }
        push_cases(&mut out, "", s, back);
        let lyq = lyq_like(s, back, ("лық", "лік"), ("дық", "дік"), ("тық", "тік"));
        out.insert(lyq.clone());
        push_cases(&mut out, &lyq, Sound::Voiceless, back);
        let pl = format!("{lyq}{}", v(back, "тар", "тер"));
        out.insert(pl.clone());
        push_cases(&mut out, &pl, Sound::Glide, back);
    }
    let folded: Vec<String> = out.iter().map(|t| fold_kk(t)).collect();
    out.extend(folded);
    out
}

/// Tails of an abbreviation ("СҚО-да", "ВКО-ның"): nothing, or a hyphen and a case
/// ending of either harmony.
pub fn abbr_tails() -> HashSet<String> {
    let mut out = HashSet::new();
    out.insert(String::new());
    for s in [Sound::Vowel, Sound::Voiceless] {
        for back in [true, false] {
            let mut one = HashSet::new();
            push_cases(&mut one, "", s, back);
            for t in one {
                out.insert(format!("-{}", fold_kk(&t)));
                out.insert(format!("-{t}"));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn harmony_and_assimilation() {
        let t = tails("ақтөбе");
        for ok in [
            "де",
            "ден",
            "ге",
            "нің",
            "ні",
            "дегі",
            "лік",
            "ліктер",
            "ліктерге",
            "нин",
        ] {
            assert!(t.contains(ok), "ақтөбе+{ok}");
        }
        assert!(!t.contains("да") && !t.contains("те"));
        assert!(
            tails("қонаев").contains("тың") && !tails("қонаев").contains("тің"),
            "е after a vowel"
        );
        assert!(
            tails("петропавл").contains("да") && tails("петропавл").contains("де"),
            "loan: either"
        );
        let t = tails("шымкент");
        for ok in ["те", "тен", "ке", "тің", "ті", "тегі", "тік"] {
            assert!(t.contains(ok), "шымкент+{ok}");
        }
        let t = tails("түркістан");
        for ok in ["да", "нан", "ға", "ның", "ды", "дағы", "дық"] {
            assert!(t.contains(ok), "түркістан+{ok}");
        }
        let t = tails("атырау");
        for ok in ["да", "дан", "ға", "дың", "ды", "лық", "лықтар"] {
            assert!(t.contains(ok), "атырау+{ok}");
        }
        assert!(!tails("тараз").contains("ы"), "no possessive on toponyms");
        assert!(tails("пермь").contains("де"), "a soft sign is silent");
        assert!(tails("самарқанд").contains("та") && tails("самарқанд").contains("да"));
        assert!(abbr_tails().contains("-да") && abbr_tails().contains("-нын"));
    }
}

/// Whether a Kazakh word ends in the accusative. The bare accusative's consonant is chosen
/// by the sound before it, as every case ending's is ([`cases`]): -ны/-ні after a vowel,
/// -ты/-ті after a voiceless consonant, -ды/-ді after р, й, у, л, з, ж, м, н, ң. So
/// "инспекторды", "полицейді", "сержантты" are accusatives, while "сержанты" is
/// "сержант|ы" (his sergeant, the possessive), not "сержан|ты", since н would take -ды.
/// After the possessive the accusative is -н ("инспекторын", "басшысын").
pub fn is_accusative(word: &str) -> bool {
    if word.chars().count() <= 4 {
        return false;
    }
    const POSSESSED: &[&str] = &["ерін", "ырын", "сін", "сын"];
    if POSSESSED.iter().any(|e| word.ends_with(e)) {
        return true;
    }
    for (ending, wants) in [
        ("ны", Some(Sound::Vowel)),
        ("ні", Some(Sound::Vowel)),
        ("ты", Some(Sound::Voiceless)),
        ("ті", Some(Sound::Voiceless)),
        ("ды", None),
        ("ді", None),
    ] {
        let Some(stem) = word.strip_suffix(ending) else {
            continue;
        };
        let Some(last) = stem.chars().last() else {
            return false;
        };
        let sound = sound_of(last);
        return match wants {
            Some(w) => sound == w,
            None => !matches!(sound, Sound::Vowel | Sound::Voiceless),
        };
    }
    false
}
