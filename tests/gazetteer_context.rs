//! Foreign places, false positives (streets, people, common words) and lexicon errors.

use std::path::Path;
use std::sync::OnceLock;

use dozor::extract::gazetteer::{Gazetteer, PlaceHit, PlaceKind};
use dozor::extract::text::normalise;

fn g() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(Gazetteer::embedded)
}

fn cased(s: &str) -> Vec<PlaceHit> {
    let n = normalise(s);
    g().find_cased(&n, s)
}

fn plain(s: &str) -> Vec<PlaceHit> {
    g().find(&normalise(s).text)
}

fn names(h: &[PlaceHit]) -> Vec<&str> {
    h.iter().map(|h| h.name.as_str()).collect()
}

#[test]
fn foreign_places_resolve_to_their_country() {
    for (s, country, region) in [
        ("задержан в Бишкеке", "KG", Some("KG-GB")),
        ("Бішкекте ұсталды", "KG", Some("KG-GB")),
        ("Бишкекте", "KG", Some("KG-GB")),
        ("in Bishkek", "KG", Some("KG-GB")),
        ("в Оше", "KG", Some("KG-GO")),
        ("Ошская область", "KG", Some("KG-O")),
        ("Ош облысында", "KG", Some("KG-O")),
        ("Jalal-Abad", "KG", Some("KG-J")),
        ("в Джалал-Абаде", "KG", Some("KG-J")),
        ("Каракол", "KG", Some("KG-Y")),
        ("Иссык-Кульской области", "KG", Some("KG-Y")),
        ("Ыстықкөл облысында", "KG", Some("KG-Y")),
        ("Чуйской области", "KG", Some("KG-C")),
        ("Нарынской области", "KG", Some("KG-N")),
        ("Баткенская область", "KG", Some("KG-B")),
        ("Таласской области", "KG", Some("KG-T")),
        ("Кыргызстана", "KG", None),
        ("в Киргизии", "KG", None),
        ("Қырғызстанда", "KG", None),
        ("Kyrgyzstan's", "KG", None),
        ("в Ташкенте", "UZ", Some("UZ-TK")),
        ("Ташкентте", "UZ", Some("UZ-TK")),
        ("Ташкентской области", "UZ", Some("UZ-TO")),
        ("Самарканде", "UZ", Some("UZ-SA")),
        ("Бухаре", "UZ", Some("UZ-BU")),
        ("Андижане", "UZ", Some("UZ-AN")),
        ("Фергане", "UZ", Some("UZ-FA")),
        ("Namangan", "UZ", Some("UZ-NG")),
        ("в Нукусе", "UZ", Some("UZ-QR")),
        // Regions named by a noun of their own, without a region word.
        ("в Кашкадарье", "UZ", Some("UZ-QA")),
        ("в Сурхандарье", "UZ", Some("UZ-SU")),
        ("в Каракалпакстане", "UZ", Some("UZ-QR")),
        ("в Подмосковье", "RU", Some("RU-MOS")),
        ("в Татарстане", "RU", Some("RU-TA")),
        ("в Башкирии", "RU", Some("RU-BA")),
        ("Узбекистане", "UZ", None),
        ("Өзбекстанда", "UZ", None),
        ("в Душанбе", "TJ", Some("TJ-DU")),
        ("Худжанде", "TJ", Some("TJ-SU")),
        ("Таджикистана", "TJ", None),
        ("Ашхабаде", "TM", Some("TM-S")),
        ("Туркменистане", "TM", None),
        ("в Баку", "AZ", None),
        ("Гяндже", "AZ", None),
        ("Азербайджане", "AZ", None),
        ("в Москве", "RU", Some("RU-MOW")),
        ("Мәскеуде", "RU", Some("RU-MOW")),
        ("Санкт-Петербурге", "RU", Some("RU-SPE")),
        ("St Petersburg", "RU", Some("RU-SPE")),
        ("St. Petersburg", "RU", Some("RU-SPE")),
        ("Новосибирске", "RU", Some("RU-NVS")),
        ("Омске", "RU", Some("RU-OMS")),
        ("Оренбургской области", "RU", Some("RU-ORE")),
        ("Оренбурге", "RU", Some("RU-ORE")),
        ("в Астрахани", "RU", Some("RU-AST")),
        ("Челябинске", "RU", Some("RU-CHE")),
        ("Екатеринбурге", "RU", Some("RU-SVE")),
        ("Барнауле", "RU", Some("RU-ALT")),
        ("Алтайском крае", "RU", Some("RU-ALT")),
        ("Самаре", "RU", Some("RU-SAM")),
        ("России", "RU", None),
        ("Ресейде", "RU", None),
        ("в Китае", "CN", None),
        ("Қытайда", "CN", None),
        ("Урумчи", "CN", None),
    ] {
        let h = cased(s);
        assert_eq!(h.len(), 1, "{s}: {h:?}");
        assert_eq!(h[0].country, country, "{s}");
        assert_eq!(h[0].region.as_deref(), region, "{s}");
    }
}

#[test]
fn kazakhstan_itself() {
    for s in [
        "в Казахстане",
        "Қазақстанда",
        "Kazakhstan",
        "Республики Казахстан",
        "Қазақстан Республикасының",
    ] {
        let h = cased(s);
        assert_eq!(h.len(), 1, "{s}: {h:?}");
        assert_eq!(
            (h[0].country.as_str(), h[0].region.as_deref(), h[0].kind),
            ("KZ", None, PlaceKind::Country),
            "{s}"
        );
    }
    // a region named after the country wins over the country inside it
    assert_eq!(
        cased("Солтүстік Қазақстан облысында")[0].region.as_deref(),
        Some("KZ-59")
    );
}

#[test]
fn streets_are_not_places() {
    for s in [
        "На проспекте Абая задержан водитель",
        "по ул. Абая, 10",
        "улица Жамбыла",
        "Абай даңғылында",
        "Абай көшесінде",
        "Abai Avenue",
        "on Abay street",
        "проспект Назарбаева",
        "Сатпаева көшесі",
        "улица Сатпаева",
    ] {
        assert!(cased(s).is_empty(), "{s}: {:?}", cased(s));
        assert!(plain(s).is_empty(), "{s}: {:?}", plain(s));
    }
    // the street is skipped, the city after it is not
    assert_eq!(names(&cased("на улице Абая в Алматы")), ["Almaty"]);
    assert_eq!(names(&cased("Алматы, Абай даңғылы")), ["Almaty"]);
}

#[test]
fn people_are_not_places() {
    for s in [
        "Абай Құнанбайұлы",
        "стихи Абая",
        "памятник Абаю в сквере",
        "Жамбыл Жабаев",
        "акын Жамбыл",
        "академик Каныш Сатпаев",
        "Тогда Динмухамед Конаев был первым секретарём",
        "Д. Конаев",
        "им. Д. Кунаева",
        "Махамбет Өтемісұлы",
        "Талгар Ахметов задержан",
        "физик Игорь Курчатов",
    ] {
        assert!(cased(s).is_empty(), "{s}: {:?}", cased(s));
    }
    // the same names with a locality word are towns
    assert_eq!(names(&cased("в городе Сатпаев")), ["Satpayev"]);
    assert_eq!(names(&cased("в г. Абай")), ["Abai (Karaganda)"]);
    assert_eq!(names(&cased("Талғар қаласында")), ["Talgar"]);
    assert_eq!(names(&cased("Полицейские Талгара задержали")), ["Talgar"]);
    assert_eq!(names(&plain("в Конаеве и Талгаре")), ["Konaev", "Talgar"]);
    assert_eq!(names(&cased("В Конаеве задержан")), ["Konaev"]);
}

#[test]
fn common_words_need_context_or_a_capital() {
    // common words
    for s in [
        "в зале был шум",
        "үлкен шу шықты",
        "он оралды үйге",
        "an oral statement",
        "многодетных семей",
        "есік ашық болды",
        "Арал теңізі тартылып жатыр",
        "the Aral Sea",
        "Аральское море",
        "в ходе спора",
        "караул у входа",
        "алға қарай",
    ] {
        assert!(cased(s).is_empty(), "{s}: {:?}", cased(s));
        assert!(plain(s).is_empty(), "{s}: {:?}", plain(s));
    }
    // with a locality word, in either mode
    for (s, name) in [
        ("в г. Шу", "Shu"),
        ("Шу қаласында", "Shu"),
        ("the city of Oral", "Oral"),
        ("Орал қаласында", "Oral"),
        ("город Семей", "Semey"),
        ("Арал қаласы", "Aral"),
        ("в городе Есик", "Esik"),
    ] {
        assert_eq!(names(&plain(s)), [name], "{s}");
        assert_eq!(names(&cased(s)), [name], "{s}");
    }
    // capitalised in mid-sentence: only with the original text
    for (s, name) in [
        ("Police in Oral detained two officers", "Oral"),
        ("Жители Семей возмущены", "Semey"),
        ("Полицейский из Шу задержан", "Shu"),
        ("Ол Орал жаққа кетті", "Oral"),
    ] {
        assert_eq!(names(&cased(s)), [name], "{s}");
        assert!(plain(s).is_empty(), "{s}: {:?}", plain(s));
    }
    // unambiguous declined forms need nothing
    assert_eq!(names(&plain("в Семее задержан")), ["Semey"]);
    assert_eq!(names(&plain("Оралда ұсталды")), ["Oral"]);
    // organisations in quotes
    assert!(cased("ФК «Астана» победил").is_empty());
}

#[test]
fn aksu_defaults_to_pavlodar_and_hyphens_split() {
    assert_eq!(cased("в Аксу")[0].region.as_deref(), Some("KZ-55"));
    assert_eq!(cased("Ақсу қаласында")[0].region.as_deref(), Some("KZ-55"));
    let h = cased("на трассе Алматы-Бишкек");
    assert_eq!(names(&h), ["Almaty", "Bishkek"]);
    assert_eq!(h[1].country, "KG");
}

#[test]
fn districts() {
    for (s, region) in [
        ("в Кордайском районе", "KZ-31"),
        ("Қордай ауданында", "KZ-31"),
        ("Kordai district", "KZ-31"),
        ("Талгарского района", "KZ-19"),
        ("Жетысайском районе", "KZ-61"),
        ("Шуский район", "KZ-31"),
        ("Медеуского района", "KZ-75"),
        ("Медеу ауданында", "KZ-75"),
        ("Есильском районе", "KZ-71"),
        ("Қарасай ауданындағы", "KZ-19"),
        ("Аральского района", "KZ-43"),
    ] {
        let h = cased(s);
        assert_eq!(h.len(), 1, "{s}: {h:?}");
        assert_eq!(
            (h[0].kind, h[0].region.as_deref()),
            (PlaceKind::District, Some(region)),
            "{s}"
        );
    }
    // a micro-district is not a district
    assert!(cased("Самал шағын ауданында").is_empty());
}

#[test]
fn ranges_are_leftmost_longest_and_in_the_normalised_text() {
    let s = "Сотрудник ДП Карагандинской области задержан в Темиртау, затем доставлен в Караганду.";
    let n = normalise(s);
    let h = g().find_cased(&n, s);
    let got: Vec<(&str, Option<&str>)> = h
        .iter()
        .map(|h| (&n.text[h.range.clone()], h.region.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            ("карагандинской области", Some("KZ-35")),
            ("темиртау", Some("KZ-35")),
            ("караганду", Some("KZ-35"))
        ]
    );
    assert!(h[1].coords.is_some());
    assert_eq!(h[0].coords, g().region_centre("KZ-35"));
}

#[test]
fn coverage() {
    // 150+ places in Kazakhstan (towns, villages, districts), plus regions and foreign places
    assert!(g().place_count() > 400, "{}", g().place_count());
}

// ---------------------------------------------------------------------------------------
// Lexicon errors

#[test]
fn malformed_toml_names_file_and_line() {
    let src = "[[place]]\nname = \"X\"\nkind = = \"city\"\n";
    let e = match Gazetteer::from_toml(&[(Path::new("lex/bad.toml"), src)]) {
        Err(e) => e,
        Ok(_) => panic!("a malformed file must not load"),
    };
    assert_eq!(e.0.len(), 1);
    assert_eq!(e.0[0].file, Path::new("lex/bad.toml"));
    assert_eq!(e.0[0].line, 3);
    assert!(e.to_string().contains("lex/bad.toml:3:"), "{e}");
}

#[test]
fn unknown_region_code_and_other_mistakes_are_all_reported() {
    let regions = "[[region]]\ncode = \"KZ-15\"\nname = \"Aktobe Region\"\ncentre = [50.3, 57.2]\n";
    let places = r#"
[[place]]
name = "Khromtau"
kind = "city"
region = "KZ-99"
ru = ["Хромтау"]

[[place]]
name = "Aktobe"
kind = "metropolis"
region = "KZ-15"
ru = ["Актобе"]

[[place]]
name = "Alga"
kind = "town"
region = "KZ-15"
ru = ["Алга"]
ambiguous = ["Алғa"]

[[region]]
code = "Aktobe"
name = "broken"
"#;
    let e = match Gazetteer::from_toml(&[
        (Path::new("a.toml"), regions),
        (Path::new("b.toml"), places),
    ]) {
        Err(e) => e,
        Ok(_) => panic!("mistakes must not load"),
    };
    let got: Vec<(String, usize)> =
        e.0.iter()
            .map(|e| (e.file.display().to_string(), e.line))
            .collect();
    assert!(got.contains(&("b.toml".into(), 5)), "{e}");
    assert!(got.contains(&("b.toml".into(), 10)), "{e}");
    assert!(got.contains(&("b.toml".into(), 19)), "{e}");
    assert!(got.contains(&("b.toml".into(), 22)), "{e}");
    let text = e.to_string();
    assert!(text.contains("unknown region code `KZ-99`"), "{text}");
    assert!(text.contains("metropolis"), "{text}");
}

#[test]
fn a_small_lexicon_works_on_its_own() {
    let src = r#"
[words]
region_after = ["облыс*", "област*"]

[[region]]
code = "KZ-15"
name = "Aktobe Region"
ru_adj = ["Актюбинская"]
kk = ["Ақтөбе"]

[[place]]
name = "Aktobe"
kind = "city"
region = "KZ-15"
at = [50.28, 57.17]
ru = ["Актобе"]
kk = ["Ақтөбе"]
"#;
    let g = Gazetteer::from_toml(&[(Path::new("x.toml"), src)]).unwrap();
    let n = normalise("Ақтөбеде және Актюбинской области");
    let h = g.find(&n.text);
    assert_eq!(
        h.iter().map(|h| h.kind).collect::<Vec<_>>(),
        [PlaceKind::City, PlaceKind::Region]
    );
}
