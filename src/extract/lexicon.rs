//! The lexicon: every word list dozor reads with, loaded from `config/lexicon/*.toml`
//! (embedded defaults, or a directory given by the user) and compiled once.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use super::gazetteer::Gazetteer;
use super::lexicon_error::{LexiconError, LexiconErrors};
use super::lexmatch::{Matcher, Pattern};
use super::money::MoneyLexicon;
use super::types::{Measure, Offense, Stage};

/// The language a pattern was written for. Kazakh patterns are only trusted in Kazakh text,
/// where they cannot be confused with a Russian word of the same spelling ("пара").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PatLang {
    En,
    Ru,
    Kk,
}

/// What a matched pattern means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    Police,
    PoliceGeneric,
    PoliceBody,
    NotPolice,
    /// A force that is not the police (KNB, anti-corruption, customs, army).
    OtherForce,
    /// A person who is not an officer, as the subject of a sentence.
    Civilian,
    Ambiguous,
    Offense(Offense),
    /// A word that suggests the offense but does not name it ("promised to help"): it
    /// counts only where no named offense stands.
    WeakOffense(Offense),
    /// A word that suggests the offense only beside a sum of money ("получил 150 тысяч
    /// тенге"): read as a [`Tag::WeakOffense`] where the sentence names a principal sum.
    SumCue(Offense),
    DeathContext,
    /// The offense the case is charged with: a criminal-code article by its number ("ст.
    /// 366 УК РК", "146-бабы") or an offense word named as an article's title or a
    /// qualification ("по статье «Мошенничество»", "квалифицированы как пытки"). The
    /// strongest evidence of the offense.
    Charge(Offense),
    /// A word that introduces a charge or an article ("статья", "article", "квалифицированы
    /// как", "charged with"): an offense named right after it is a [`Tag::Charge`].
    Statute,
    /// A word that follows the title of an article, as Kazakh writes it ("«Пара алу» бабы").
    StatuteAfter,
    /// A foreign criminal code ("УК РФ", "Criminal Code of Kyrgyzstan"): article numbers
    /// right before it are not Kazakhstan's.
    ForeignCode,
    Stage(Stage),
    StageBlocker,
    Teaser,
    Victim,
    Suffered,
    Enforcement,
    /// A passive verb of law enforcement ("задержан"), whose agent may follow.
    EnforcementPassive,
    NotInvolved,
    /// "Подсудимый", "the defendant": the accused named by his role in the procedure.
    AccusedRole,
    BribeGiving,
    Impersonation,
    /// A pretence named after the role pretended ("полиция қызметкері деп таныстырған").
    ImpersonationAfter,
    Generic,
    /// "по данным", "according to", "айтуынша": the police named beside it are the source
    /// of the news, not its accused.
    Source,
    /// "Кроме того", "in a separate case": a paragraph that opens on one of these tells
    /// another case.
    AnotherCase,
    Statistic(Measure),
}

impl Tag {
    pub fn is_actor(self) -> bool {
        matches!(
            self,
            Tag::Police
                | Tag::PoliceGeneric
                | Tag::PoliceBody
                | Tag::NotPolice
                | Tag::OtherForce
                | Tag::Civilian
                | Tag::Ambiguous
        )
    }
}

/// A compiled lexicon, shared read-only by every extraction.
pub struct Lexicon {
    pub words: Matcher<(Tag, PatLang)>,
    pub offense_priority: BTreeMap<Offense, i32>,
    pub stage_rank: BTreeMap<Stage, usize>,
    pub gazetteer: Gazetteer,
    pub money: MoneyLexicon,
    /// A short hash of every lexicon file's text: which lexicon read an incident.
    pub version: String,
}

/// The files of a lexicon directory, with the embedded default of each.
const FILES: &[(&str, &str)] = &[
    (
        "actors.toml",
        include_str!("../../config/lexicon/actors.toml"),
    ),
    (
        "offenses.toml",
        include_str!("../../config/lexicon/offenses.toml"),
    ),
    (
        "stages.toml",
        include_str!("../../config/lexicon/stages.toml"),
    ),
    ("cues.toml", include_str!("../../config/lexicon/cues.toml")),
    (
        "places_words.toml",
        include_str!("../../config/lexicon/places_words.toml"),
    ),
    (
        "places_kz.toml",
        include_str!("../../config/lexicon/places_kz.toml"),
    ),
    (
        "places_kz_towns.toml",
        include_str!("../../config/lexicon/places_kz_towns.toml"),
    ),
    (
        "places_foreign.toml",
        include_str!("../../config/lexicon/places_foreign.toml"),
    ),
    (
        "money.toml",
        include_str!("../../config/lexicon/money.toml"),
    ),
];

impl Lexicon {
    /// The lexicon built into the binary.
    pub fn embedded() -> Lexicon {
        let files: Vec<(PathBuf, String)> = FILES
            .iter()
            .map(|(name, src)| (Path::new("config/lexicon").join(name), src.to_string()))
            .collect();
        Self::compile(&files).unwrap_or_else(|e| panic!("the embedded lexicon is broken:\n{e}"))
    }

    /// A lexicon from a directory: each known file found there replaces the default, the
    /// others keep theirs. An unknown `.toml` file is an error (probably a misspelt name).
    pub fn load_dir(dir: &Path) -> Result<Lexicon, LexiconErrors> {
        let mut errors = Vec::new();
        let entries = std::fs::read_dir(dir).map_err(|e| LexiconError {
            file: dir.to_path_buf(),
            line: 0,
            message: format!("cannot read the lexicon directory: {e}"),
        })?;
        let mut found = BTreeMap::new();
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().to_string();
            if !name.ends_with(".toml") {
                continue;
            }
            if !FILES.iter().any(|(n, _)| *n == name) {
                let known: Vec<&str> = FILES.iter().map(|(n, _)| *n).collect();
                errors.push(LexiconError {
                    file: path,
                    line: 0,
                    message: format!(
                        "unknown lexicon file; the known ones are {}",
                        known.join(", ")
                    ),
                });
                continue;
            }
            match std::fs::read_to_string(&path) {
                Ok(src) => {
                    found.insert(name, (path, src));
                }
                Err(e) => errors.push(LexiconError {
                    file: path,
                    line: 0,
                    message: format!("cannot read: {e}"),
                }),
            }
        }
        let files: Vec<(PathBuf, String)> = FILES
            .iter()
            .map(|(name, src)| {
                found
                    .remove(*name)
                    .unwrap_or_else(|| (Path::new("config/lexicon").join(name), src.to_string()))
            })
            .collect();
        match Self::compile(&files) {
            Ok(lex) if errors.is_empty() => Ok(lex),
            Ok(_) => Err(LexiconErrors(errors)),
            Err(LexiconErrors(more)) => {
                errors.extend(more);
                Err(LexiconErrors(errors))
            }
        }
    }

    fn compile(files: &[(PathBuf, String)]) -> Result<Lexicon, LexiconErrors> {
        let src = |name: &str| {
            files
                .iter()
                .find(|(p, _)| p.file_name().is_some_and(|f| f == name))
                .map(|(p, s)| (p.as_path(), s.as_str()))
                .expect("every known file is present")
        };
        let mut b = Builder::default();
        b.actors(src("actors.toml"));
        let offense_priority = b.offenses(src("offenses.toml"));
        let stage_rank = b.stages(src("stages.toml"));
        b.cues(src("cues.toml"));
        let places: Vec<(&Path, &str)> = [
            "places_words.toml",
            "places_kz.toml",
            "places_kz_towns.toml",
            "places_foreign.toml",
        ]
        .into_iter()
        .map(src)
        .collect();
        let gazetteer = Gazetteer::from_toml(&places);
        let (mp, ms) = src("money.toml");
        let money = MoneyLexicon::from_toml(ms, mp);
        let mut errors = b.errors;
        let gazetteer = gazetteer.map_err(|e| errors.extend(e.0)).ok();
        let money = money.map_err(|e| errors.push(e.into())).ok();
        match (gazetteer, money) {
            (Some(gazetteer), Some(money)) if errors.is_empty() => Ok(Lexicon {
                words: Matcher::new(b.patterns),
                offense_priority,
                stage_rank,
                gazetteer,
                money,
                version: version(files),
            }),
            _ => Err(LexiconErrors(errors)),
        }
    }
}

fn version(files: &[(PathBuf, String)]) -> String {
    // FNV-1a: stable across builds and platforms, unlike std's hasher.
    let mut h: u64 = 0xcbf29ce484222325;
    for (_, src) in files {
        for &b in src.as_bytes() {
            h ^= b as u64;
            h = h.wrapping_mul(0x100000001b3);
        }
    }
    format!("{:012x}", h >> 16)
}

/// Words in the three languages, each with its place in the file.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Words {
    #[serde(default)]
    en: Vec<Spanned<String>>,
    #[serde(default)]
    ru: Vec<Spanned<String>>,
    #[serde(default)]
    kk: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ActorsFile {
    police: Words,
    police_generic: Words,
    police_body: Words,
    other_forces: Words,
    not_police: Words,
    civilians: Words,
    ambiguous: Words,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OffensesFile {
    offense: Vec<OffenseEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OffenseEntry {
    id: Spanned<String>,
    priority: i32,
    #[serde(default)]
    needs_context: Vec<Spanned<String>>,
    #[serde(default)]
    weak: Vec<Spanned<String>>,
    #[serde(default)]
    with_sum: Vec<Spanned<String>>,
    /// Article numbers of the Criminal Code of Kazakhstan (2014) for this category.
    #[serde(default)]
    articles: Vec<Spanned<String>>,
    #[serde(default)]
    en: Vec<Spanned<String>>,
    #[serde(default)]
    ru: Vec<Spanned<String>>,
    #[serde(default)]
    kk: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StagesFile {
    order: Spanned<Vec<String>>,
    stage: BTreeMap<String, Spanned<Words>>,
    blockers: Words,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CuesFile {
    teaser: Words,
    victim: Words,
    suffered: Words,
    enforcement: Words,
    enforcement_passive: Words,
    accused_role: Words,
    not_involved: Words,
    bribe_giving: Words,
    impersonation: Words,
    impersonation_after: Words,
    generic: Words,
    source: Words,
    another_case: Words,
    statute: Words,
    statute_after: Words,
    article_before: Words,
    article_after: Words,
    foreign_code: Words,
    statistic: BTreeMap<String, Spanned<Words>>,
}

#[derive(Default)]
struct Builder {
    patterns: Vec<(Pattern, (Tag, PatLang))>,
    errors: Vec<LexiconError>,
    /// Article numbers by offense, made into patterns with the article words of cues.toml.
    articles: Vec<(Offense, Spanned<String>)>,
}

impl Builder {
    fn parse<T: serde::de::DeserializeOwned>(&mut self, (file, src): (&Path, &str)) -> Option<T> {
        toml::from_str(src)
            .map_err(|e| self.errors.push(LexiconError::from_toml(file, src, &e)))
            .ok()
    }

    fn add(&mut self, (file, src): (&Path, &str), words: &Words, tag: Tag) {
        for (list, lang) in [
            (&words.en, PatLang::En),
            (&words.ru, PatLang::Ru),
            (&words.kk, PatLang::Kk),
        ] {
            for w in list {
                match Pattern::parse(w.get_ref()) {
                    Ok(p) => self.patterns.push((p, (tag, lang))),
                    Err(msg) => self
                        .errors
                        .push(LexiconError::at(file, src, Some(w.span()), msg)),
                }
            }
        }
    }

    fn actors(&mut self, f: (&Path, &str)) {
        let Some(a) = self.parse::<ActorsFile>(f) else {
            return;
        };
        self.add(f, &a.police, Tag::Police);
        self.add(f, &a.police_generic, Tag::PoliceGeneric);
        self.add(f, &a.police_body, Tag::PoliceBody);
        self.add(f, &a.other_forces, Tag::OtherForce);
        self.add(f, &a.not_police, Tag::NotPolice);
        self.add(f, &a.civilians, Tag::Civilian);
        self.add(f, &a.ambiguous, Tag::Ambiguous);
    }

    fn offenses(&mut self, f: (&Path, &str)) -> BTreeMap<Offense, i32> {
        let mut prio = BTreeMap::new();
        let Some(o) = self.parse::<OffensesFile>(f) else {
            return prio;
        };
        for e in o.offense {
            let Some(off) = Offense::from_id(e.id.get_ref()) else {
                let known: Vec<&str> = Offense::ALL.iter().map(|o| o.id()).collect();
                let msg = format!(
                    "unknown offense `{}`; use one of {}",
                    e.id.get_ref(),
                    known.join(", ")
                );
                self.errors
                    .push(LexiconError::at(f.0, f.1, Some(e.id.span()), msg));
                continue;
            };
            prio.insert(off, e.priority);
            let words = Words {
                en: e.en,
                ru: e.ru,
                kk: e.kk,
            };
            self.add(f, &words, Tag::Offense(off));
            let weak = Words {
                en: e.weak,
                ..Words::default()
            };
            self.add(f, &weak, Tag::WeakOffense(off));
            let with_sum = Words {
                en: e.with_sum,
                ..Words::default()
            };
            self.add(f, &with_sum, Tag::SumCue(off));
            let ctx = Words {
                en: e.needs_context,
                ..Words::default()
            };
            self.add(f, &ctx, Tag::DeathContext);
            for a in e.articles {
                if a.get_ref().is_empty()
                    || !a.get_ref().chars().all(|c| c.is_ascii_digit() || c == '-')
                {
                    let msg = format!(
                        "`{}`: an article is its number (\"366\", \"366-1\")",
                        a.get_ref()
                    );
                    self.errors
                        .push(LexiconError::at(f.0, f.1, Some(a.span()), msg));
                    continue;
                }
                self.articles.push((off, a));
            }
        }
        for off in Offense::ALL {
            prio.entry(off).or_insert(0);
        }
        prio
    }

    fn stages(&mut self, f: (&Path, &str)) -> BTreeMap<Stage, usize> {
        let mut rank = BTreeMap::new();
        let Some(s) = self.parse::<StagesFile>(f) else {
            return rank;
        };
        for (i, id) in s.order.get_ref().iter().enumerate() {
            match Stage::from_id(id) {
                Some(st) => {
                    rank.insert(st, i);
                }
                None => self.errors.push(LexiconError::at(
                    f.0,
                    f.1,
                    Some(s.order.span()),
                    format!("unknown stage `{id}` in `order`"),
                )),
            }
        }
        if rank.len() != Stage::ALL.len() {
            let missing: Vec<&str> = Stage::ALL
                .iter()
                .filter(|st| !rank.contains_key(st))
                .map(|st| st.id())
                .collect();
            if !missing.is_empty() {
                self.errors.push(LexiconError::at(
                    f.0,
                    f.1,
                    Some(s.order.span()),
                    format!(
                        "`order` must list every stage; missing {}",
                        missing.join(", ")
                    ),
                ));
            }
        }
        for (id, words) in &s.stage {
            match Stage::from_id(id) {
                Some(st) => self.add(f, words.get_ref(), Tag::Stage(st)),
                None => self.errors.push(LexiconError::at(
                    f.0,
                    f.1,
                    Some(words.span()),
                    format!("unknown stage `[stage.{id}]`"),
                )),
            }
        }
        self.add(f, &s.blockers, Tag::StageBlocker);
        rank
    }

    fn cues(&mut self, f: (&Path, &str)) {
        let Some(c) = self.parse::<CuesFile>(f) else {
            return;
        };
        self.add(f, &c.teaser, Tag::Teaser);
        self.add(f, &c.victim, Tag::Victim);
        self.add(f, &c.suffered, Tag::Suffered);
        self.add(f, &c.enforcement, Tag::Enforcement);
        self.add(f, &c.enforcement_passive, Tag::EnforcementPassive);
        self.add(f, &c.accused_role, Tag::AccusedRole);
        self.add(f, &c.not_involved, Tag::NotInvolved);
        self.add(f, &c.bribe_giving, Tag::BribeGiving);
        self.add(f, &c.impersonation, Tag::Impersonation);
        self.add(f, &c.impersonation_after, Tag::ImpersonationAfter);
        self.add(f, &c.generic, Tag::Generic);
        self.add(f, &c.source, Tag::Source);
        self.add(f, &c.another_case, Tag::AnotherCase);
        self.add(f, &c.statute, Tag::Statute);
        self.add(f, &c.statute_after, Tag::StatuteAfter);
        self.add(f, &c.foreign_code, Tag::ForeignCode);
        // "ст. 366", "статьи 366", "article 366": an article word, then the number;
        // "366-бабы", "366 бабы": the number, then the Kazakh word for article.
        let articles = std::mem::take(&mut self.articles);
        for (off, n) in &articles {
            let n = n.get_ref();
            let mut gen = Words::default();
            for (list, out) in [
                (&c.article_before.en, &mut gen.en),
                (&c.article_before.ru, &mut gen.ru),
                (&c.article_before.kk, &mut gen.kk),
            ] {
                for w in list {
                    out.push(Spanned::new(w.span(), format!("{} {n}", w.get_ref())));
                }
            }
            for w in c
                .article_after
                .en
                .iter()
                .chain(&c.article_after.ru)
                .chain(&c.article_after.kk)
            {
                gen.kk
                    .push(Spanned::new(w.span(), format!("{n}-{}", w.get_ref())));
                gen.kk
                    .push(Spanned::new(w.span(), format!("{n} {}", w.get_ref())));
            }
            self.add(f, &gen, Tag::Charge(*off));
        }
        for (id, words) in &c.statistic {
            match Measure::from_id(id) {
                Some(m) => self.add(f, words.get_ref(), Tag::Statistic(m)),
                None => self.errors.push(LexiconError::at(
                    f.0,
                    f.1,
                    Some(words.span()),
                    format!("unknown statistic measure `[statistic.{id}]`"),
                )),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lexicon_compiles() {
        let lex = Lexicon::embedded();
        assert!(lex.words.len() > 500);
        assert_eq!(lex.version.len(), 12);
    }

    #[test]
    fn errors_are_collected_with_lines() {
        let dir = std::env::temp_dir().join(format!("dozor-lex-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("offenses.toml"),
            "[[offense]]\nid = \"bribery\"\npriority = 1\nen = [\"~ bribe\"]\n\n[[offense]]\nid = \"bribes\"\npriority = 2\n",
        )
        .unwrap();
        std::fs::write(dir.join("offences.toml"), "").unwrap();
        let errs = Lexicon::load_dir(&dir).err().expect("errors").0;
        let text: Vec<String> = errs.iter().map(|e| e.to_string()).collect();
        assert_eq!(errs.len(), 3, "{text:#?}");
        assert!(text
            .iter()
            .any(|t| t.contains("offences.toml") && t.contains("unknown lexicon file")));
        assert!(text
            .iter()
            .any(|t| t.contains("offenses.toml:4:") && t.contains("gap")));
        assert!(text
            .iter()
            .any(|t| t.contains("offenses.toml:7:") && t.contains("unknown offense `bribes`")));
        std::fs::remove_dir_all(&dir).ok();
    }
}
