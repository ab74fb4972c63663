//! An article cut into sentences, each marked with what every lexicon found in it.
//! Built once per article; the incident and statistics rules only read it.

use std::ops::Range;

use super::gazetteer::{PlaceHit, PlaceKind};
use super::lexicon::{Lexicon, PatLang, Tag};
use super::money::Amount;
use super::text::{normalise, sentences, word_count, Norm};
use crate::page::{Article, Lang};

/// A lexicon match inside a sentence (range in the normalised sentence).
#[derive(Debug, Clone)]
pub struct WordHit {
    pub tag: Tag,
    pub range: Range<usize>,
}

#[derive(Debug)]
pub struct Sentence {
    pub text: String,
    pub norm: Norm,
    pub para: usize,
    pub hits: Vec<WordHit>,
    pub places: Vec<PlaceHit>,
    pub amounts: Vec<Amount>,
    /// Counts written out in words, as ranges of `norm.text`: read only in sentences with a
    /// statistics measure, the one place they are used.
    pub number_words: Vec<(Range<usize>, u64)>,
}

impl Sentence {
    pub fn has(&self, pred: impl Fn(Tag) -> bool) -> bool {
        self.hits.iter().any(|h| pred(h.tag))
    }

    /// Whether the sentence begins with a cue of this kind ("Кроме того, …", "Читайте
    /// также").
    pub fn opens_with(&self, tag: Tag) -> bool {
        self.hits.iter().any(|h| h.tag == tag && h.range.start == 0)
    }

    /// Places, sums and counts written in words.
    fn read_figures(&mut self, lex: &Lexicon, lang: Lang) {
        self.places = lex.gazetteer.find_cased(&self.norm, &self.text);
        self.amounts = lex.money.find(&self.text);
        sum_cues(&mut self.hits, &self.amounts);
        if self.has(|t| matches!(t, Tag::Statistic(_))) {
            self.number_words = lex.money.number_words(&self.norm.text, lang);
        }
    }

    /// The original text of a normalised range.
    pub fn orig(&self, r: Range<usize>) -> &str {
        &self.text[self.norm.orig_range(r)]
    }

    /// Number of words between two ranges of the normalised text (0 when they touch).
    pub fn words_between(&self, a: &Range<usize>, b: &Range<usize>) -> usize {
        let (lo, hi) = if a.end <= b.start {
            (a.end, b.start)
        } else if b.end <= a.start {
            (b.end, a.start)
        } else {
            return 0;
        };
        word_count(&self.norm.text[lo..hi])
    }

    /// The word of the normalised text just before `pos` ("on charges of", "by two officers").
    pub fn word_before(&self, pos: usize) -> Option<&str> {
        self.norm.text[..pos].split_whitespace().next_back()
    }
}

#[derive(Debug)]
pub struct Para {
    pub sentences: Range<usize>,
    pub is_title: bool,
    /// A short line that names what follows ("TALGAR", "Кентау: участковый присвоил …").
    pub is_header: bool,
    /// A "read also" teaser of another story.
    pub is_teaser: bool,
    /// Ends as a sentence does (a full stop, a closing quote), not as a headline.
    pub ends_like_sentence: bool,
}

pub struct Doc {
    pub sents: Vec<Sentence>,
    pub paras: Vec<Para>,
    pub lang: Lang,
}

impl Doc {
    /// The article as the rules need it. Places, sums and counts are read only where a
    /// sentence names an offense or a statistic: without one, no rule can report anything,
    /// and most pages a crawl meets are of that kind.
    pub fn new(article: &Article, lex: &Lexicon) -> Doc {
        Self::build(article, lex, false)
    }

    /// Every sentence fully annotated, whether or not the article can report anything: for
    /// `explain`, whose reader wants to see what each lexicon found everywhere.
    pub fn full(article: &Article, lex: &Lexicon) -> Doc {
        Self::build(article, lex, true)
    }

    fn build(article: &Article, lex: &Lexicon, full: bool) -> Doc {
        let lang = match article.lang {
            Lang::Unknown => {
                let all: Vec<&str> = article
                    .title
                    .iter()
                    .chain(article.paragraphs.iter())
                    .map(String::as_str)
                    .collect();
                crate::page::detect_lang(&all.join("\n"))
            }
            l => l,
        };
        let mut doc = Doc {
            sents: Vec::new(),
            paras: Vec::new(),
            lang,
        };
        if let Some(t) = &article.title {
            doc.push_para(t, true, lex);
        }
        for p in &article.paragraphs {
            doc.push_para(p, false, lex);
        }
        if full || doc.may_report() {
            for s in &mut doc.sents {
                s.read_figures(lex, lang);
            }
        }
        doc.mark_teaser_lists();
        doc.resolve_generic_ranks();
        doc
    }

    /// Whether any sentence names what a case or a report is made of: an offense (or a word
    /// that suggests one beside a sum) or a statistic.
    fn may_report(&self) -> bool {
        self.sents.iter().flat_map(|s| &s.hits).any(|h| {
            matches!(
                h.tag,
                Tag::Offense(_)
                    | Tag::WeakOffense(_)
                    | Tag::SumCue(_)
                    | Tag::Charge(_)
                    | Tag::Statistic(_)
            )
        })
    }

    /// "Читайте также:" on a line of its own heads a list of other stories' headlines: the
    /// lines after it that end as headlines do (no full stop) are teasers too, up to the
    /// first line that reads as a sentence.
    fn mark_teaser_lists(&mut self) {
        let mut in_list = false;
        for pi in 0..self.paras.len() {
            let p = &self.paras[pi];
            if p.is_title {
                in_list = false;
                continue;
            }
            if p.is_teaser {
                let bare = p.sentences.len() == 1
                    && self.sents[p.sentences.start].hits.iter().any(|h| {
                        h.tag == Tag::Teaser
                            && word_count(&self.sents[p.sentences.start].norm.text[h.range.end..])
                                == 0
                    });
                in_list = bare;
                continue;
            }
            if in_list && !p.ends_like_sentence {
                self.paras[pi].is_teaser = true;
            } else {
                in_list = false;
            }
        }
    }

    /// "The officer" means an officer of whichever force the text last named: after
    /// "a KNB officer was detained", a later "the officer" is not a police officer.
    fn resolve_generic_ranks(&mut self) {
        let mut last: Option<Tag> = None;
        for s in &mut self.sents {
            for h in &mut s.hits {
                match h.tag {
                    Tag::Police | Tag::OtherForce => last = Some(h.tag),
                    Tag::PoliceGeneric if last == Some(Tag::OtherForce) => h.tag = Tag::OtherForce,
                    _ => {}
                }
            }
        }
    }

    fn push_para(&mut self, p: &str, is_title: bool, lex: &Lexicon) {
        let start = self.sents.len();
        let para = self.paras.len();
        for r in sentences(p) {
            let text = p[r].to_string();
            let norm = normalise(&text);
            let hits = self.word_hits(&norm.text, lex);
            self.sents.push(Sentence {
                text,
                norm,
                para,
                hits,
                places: Vec::new(),
                amounts: Vec::new(),
                number_words: Vec::new(),
            });
        }
        let n_words = p.split_whitespace().take(16).count();
        let ends_like_sentence = p.trim_end().ends_with(['.', '!', '?', '…', '"', '»']);
        let is_teaser = !is_title
            && self.sents[start..]
                .first()
                .is_some_and(|s| s.opens_with(Tag::Teaser));
        self.paras.push(Para {
            sentences: start..self.sents.len(),
            is_title,
            is_header: !is_title && (n_words <= 4 || (n_words <= 14 && !ends_like_sentence)),
            is_teaser,
            ends_like_sentence,
        });
    }

    fn word_hits(&self, norm: &str, lex: &Lexicon) -> Vec<WordHit> {
        let mut all: Vec<WordHit> = lex
            .words
            .find_all(norm)
            .into_iter()
            .filter(|h| h.value.1 != PatLang::Kk || self.lang == Lang::Kk)
            .map(|h| WordHit {
                tag: h.value.0,
                range: h.range,
            })
            .collect();
        resolve_actors(&mut all, norm);
        charges(&mut all, norm);
        // "Агентство по противодействию коррупции": a word of general talk inside the name
        // of a body is part of the name, not talk about policy.
        let bodies: Vec<Range<usize>> = all
            .iter()
            .filter(|h| h.tag.is_actor())
            .map(|h| h.range.clone())
            .collect();
        all.retain(|h| {
            h.tag != Tag::Generic
                || !bodies
                    .iter()
                    .any(|b| b.start <= h.range.start && h.range.end <= b.end)
        });
        sources_are_not_accused(&mut all, norm, self.lang);
        if self.lang == Lang::Ru {
            agents_of_enforcement_are_not_accused(&mut all, norm);
        }
        if self.lang == Lang::Kk {
            objects_are_not_accused(&mut all, norm);
        }
        all
    }
}

/// "Получил 150 тысяч тенге", "took 200,000 tenge": a verb of receiving suggests the
/// offense only where the sentence names a principal sum; elsewhere it says nothing.
fn sum_cues(hits: &mut Vec<WordHit>, amounts: &[Amount]) {
    let has_sum = amounts
        .iter()
        .any(|a| a.role == super::money::Role::Principal);
    hits.retain_mut(|h| match h.tag {
        Tag::SumCue(o) if has_sum => {
            h.tag = Tag::WeakOffense(o);
            true
        }
        Tag::SumCue(_) => false,
        _ => true,
    });
}

/// "По данным полиции", "according to the officers", "полицейлердің айтуынша": the police
/// as the source of what the sentence says, not its accused. Russian and English put the
/// source word before the police, Kazakh after it.
fn sources_are_not_accused(hits: &mut [WordHit], norm: &str, lang: Lang) {
    let sources: Vec<Range<usize>> = hits
        .iter()
        .filter(|h| h.tag == Tag::Source)
        .map(|h| h.range.clone())
        .collect();
    if sources.is_empty() {
        return;
    }
    for h in hits
        .iter_mut()
        .filter(|h| matches!(h.tag, Tag::Police | Tag::PoliceGeneric))
    {
        let cited = sources.iter().any(|src| {
            if lang == Lang::Kk {
                h.range.end <= src.start && word_count(&norm[h.range.end..src.start]) == 0
            } else {
                // "по данным ведомства, сотрудник …": the comma closes the source
                src.end <= h.range.start && {
                    let gap = &norm[src.end..h.range.start];
                    word_count(gap) <= 2 && !gap.contains([',', ';', ':', '.'])
                }
            }
        });
        if cited {
            h.tag = Tag::PoliceBody;
        }
    }
}

/// "По статье «Взяточничество»", "квалифицированы как пытки", "charged with bribe-taking",
/// "«Пара алу» бабы бойынша": an offense named as an article's title or a qualification is
/// the charge. "Ст. 290 УК РФ": an article number of another country's code is not
/// Kazakhstan's, and says nothing.
fn charges(hits: &mut Vec<WordHit>, norm: &str) {
    let gap = |a: &Range<usize>, b: &Range<usize>| {
        (a.end <= b.start).then(|| word_count(&norm[a.end..b.start]))
    };
    let foreign: Vec<Range<usize>> = hits
        .iter()
        .filter(|h| h.tag == Tag::ForeignCode)
        .map(|h| h.range.clone())
        .collect();
    hits.retain(|h| {
        !matches!(h.tag, Tag::Charge(_))
            || !foreign
                .iter()
                .any(|f| gap(&h.range, f).is_some_and(|n| n <= 4))
    });
    let mut named: Vec<WordHit> = Vec::new();
    for o in hits.iter() {
        let Tag::Offense(off) = o.tag else { continue };
        let charged = hits.iter().any(|c| match c.tag {
            Tag::Statute => gap(&c.range, &o.range).is_some_and(|n| n <= 5),
            Tag::StatuteAfter => gap(&o.range, &c.range).is_some_and(|n| n <= 3),
            Tag::Charge(_) => gap(&c.range, &o.range).is_some_and(|n| n <= 4),
            _ => false,
        });
        if charged {
            named.push(WordHit {
                tag: Tag::Charge(off),
                range: o.range.clone(),
            });
        }
    }
    // "По статье 362 УК РК «Халатность»": where the text names the charge in words, the
    // words are what it says; a number beside them may be misprinted or misremembered.
    if !named.is_empty() {
        hits.retain(|h| !matches!(h.tag, Tag::Charge(_)));
    }
    hits.extend(named);
    hits.sort_by_key(|h| h.range.start);
}

/// "Подозреваемый задержан оперативниками уголовной полиции", "изобличена сотрудником
/// полиции": police in the instrumental right after a passive verb of law enforcement are
/// its agent, the ones who caught someone, not the accused. (An instrumental after a verb
/// of the offense, "избит полицейскими", stays the accused.)
fn agents_of_enforcement_are_not_accused(hits: &mut [WordHit], norm: &str) {
    let passives: Vec<Range<usize>> = hits
        .iter()
        .filter(|h| h.tag == Tag::EnforcementPassive)
        .map(|h| h.range.clone())
        .collect();
    for h in hits
        .iter_mut()
        .filter(|h| matches!(h.tag, Tag::Police | Tag::PoliceGeneric))
    {
        let first = norm[h.range.clone()].split(' ').next().unwrap_or("");
        let instrumental = super::gazetteer::ru::is_instrumental(first);
        let after_passive = passives
            .iter()
            .any(|p| p.end <= h.range.start && word_count(&norm[p.end..h.range.start]) <= 3);
        if instrumental && after_passive {
            h.tag = Tag::PoliceBody;
        }
    }
}

/// Kazakh marks the object of a verb: "полицейді соққыға жықты" (beat the policeman),
/// "инспекторды сүйреді". An officer in the accusative is the one acted upon.
fn objects_are_not_accused(hits: &mut [WordHit], norm: &str) {
    for h in hits
        .iter_mut()
        .filter(|h| matches!(h.tag, Tag::Police | Tag::PoliceGeneric))
    {
        let last = norm[h.range.clone()].rsplit(' ').next().unwrap_or("");
        // The ending must be the one the stem's last sound selects: "сержанты" is a
        // possessive ("полицияның сержанты", the police's sergeant), the subject.
        if super::gazetteer::kk::is_accusative(last) {
            h.tag = Tag::PoliceBody;
        }
    }
}

/// Actor patterns overlap ("customs officer" and "officer"): keep the leftmost-longest,
/// then let a not-police body claim a generic rank right beside it ("KNB officer",
/// "officer of the KNB").
fn resolve_actors(hits: &mut Vec<WordHit>, norm: &str) {
    let mut actors: Vec<WordHit> = hits.iter().filter(|h| h.tag.is_actor()).cloned().collect();
    hits.retain(|h| !h.tag.is_actor());
    // On the same words, the pattern that says "not the police" is the more specific one
    // ("бывший полицейский-пенсионер" over "бывший полицейский").
    actors.sort_by_key(|h| {
        let not_police = matches!(h.tag, Tag::NotPolice | Tag::OtherForce);
        (h.range.start, std::cmp::Reverse(h.range.end), !not_police)
    });
    let mut kept: Vec<WordHit> = Vec::new();
    for a in actors {
        if kept.last().is_some_and(|k| a.range.start < k.range.end) {
            continue;
        }
        kept.push(a);
    }
    let bodies: Vec<(Range<usize>, Tag)> = kept
        .iter()
        .filter(|h| matches!(h.tag, Tag::NotPolice | Tag::OtherForce))
        .map(|h| (h.range.clone(), h.tag))
        .collect();
    for h in kept.iter_mut().filter(|h| h.tag == Tag::PoliceGeneric) {
        let near = bodies.iter().find(|(b, _)| {
            let (lo, hi) = if b.end <= h.range.start {
                (b.end, h.range.start)
            } else {
                (h.range.end, b.start)
            };
            // "прокуратура выявила, что дознаватель …": a clause break between them
            lo <= hi && word_count(&norm[lo..hi]) <= 2 && !norm[lo..hi].contains([',', ';', ':'])
        });
        if let Some((_, tag)) = near {
            h.tag = *tag;
        }
    }
    // "патрульдік полиция инспекторын", "district police inspector": a modifier and its
    // head are one actor, whose role the head word carries.
    let mut merged: Vec<WordHit> = Vec::with_capacity(kept.len());
    for h in kept {
        match merged.last_mut() {
            Some(prev)
                if matches!(prev.tag, Tag::Police | Tag::PoliceGeneric)
                    && norm[prev.range.end..h.range.start].trim().is_empty() =>
            {
                prev.range.end = h.range.end;
                prev.tag = match (prev.tag, h.tag) {
                    (_, t @ (Tag::NotPolice | Tag::OtherForce)) => t,
                    (Tag::Police, _) | (_, Tag::Police) => Tag::Police,
                    // "следователь УП", "инспектор ДП": a rank of a police body named with
                    // it is a police officer, whatever force the text spoke of before.
                    (_, Tag::PoliceBody) => Tag::Police,
                    (_, Tag::PoliceGeneric) => Tag::PoliceGeneric,
                    (_, t) => t,
                };
            }
            // "инспектор батальона патрульной полиции", "следователь отдела полиции": the
            // rank and its police body with a unit in the genitive between them. The rank
            // is a police officer; it keeps its own words as the actor.
            Some(prev)
                if prev.tag == Tag::PoliceGeneric
                    && matches!(h.tag, Tag::PoliceBody | Tag::Police)
                    && genitive_unit(&norm[prev.range.end..h.range.start]) =>
            {
                prev.tag = Tag::Police;
                merged.push(h);
            }
            _ => merged.push(h),
        }
    }
    let mut kept = merged;
    // "представился следователем", "posing as police officers": a pretence, not an officer.
    // Kazakh names the role first: "полиция қызметкері деп таныстырған алаяқ".
    let pretences: Vec<(Range<usize>, bool)> = hits
        .iter()
        .filter(|h| matches!(h.tag, Tag::Impersonation | Tag::ImpersonationAfter))
        .map(|h| (h.range.clone(), h.tag == Tag::ImpersonationAfter))
        .collect();
    for h in kept
        .iter_mut()
        .filter(|h| matches!(h.tag, Tag::Police | Tag::PoliceGeneric))
    {
        let pretended = pretences.iter().any(|(p, after)| {
            if *after {
                h.range.end <= p.start && word_count(&norm[h.range.end..p.start]) <= 2
            } else {
                p.end <= h.range.start && {
                    let gap = &norm[p.end..h.range.start];
                    let n = word_count(gap);
                    // "posed as bank staff and as police investigators", "представлялись
                    // сотрудниками банка или следователями": the pretence reaches over a
                    // list of roles joined by "and"/"or".
                    n <= 3 || (n <= 8 && coordinated(gap))
                }
            }
        }) || claims_in_first_person(norm, &h.range);
        if pretended {
            h.tag = Tag::NotPolice;
        }
    }
    hits.extend(kept);
    hits.sort_by_key(|h| h.range.start);
}

/// The words between a Russian rank and the body it serves, when they are one or two
/// nouns of a unit in the genitive ("батальона", "отдела", "роты специального"): no
/// punctuation, no verb ("инспектор задержан полицией" is not his body).
fn genitive_unit(gap: &str) -> bool {
    const GENITIVE: &[&str] = &["а", "я", "ы", "и", "ого", "его", "ой", "ей"];
    let ws: Vec<&str> = gap.split_whitespace().collect();
    (1..=2).contains(&ws.len())
        && ws.iter().all(|w| {
            w.chars().count() > 3
                && w.chars().all(|c| c.is_alphabetic() && !c.is_ascii())
                && w.chars().next().is_some_and(|c| c.is_lowercase())
                && GENITIVE.iter().any(|e| w.ends_with(e))
                // "избили", "задержали", "заперся": a verb's plural or reflexive ending.
                && !["ли", "ся", "сь"].iter().any(|e| w.ends_with(e))
        })
}

/// A gap between a pretence and a role that is a list of roles: joined by a coordinator and
/// with no clause break (a full stop, a semicolon or a dash) inside.
fn coordinated(gap: &str) -> bool {
    const JOINS: &[&str] = &[
        "and",
        "or",
        "и",
        "или",
        "либо",
        "және",
        "немесе",
        "мен",
        "бен",
        "пен",
    ];
    !gap.contains([';', '.', '—', '–'])
        && gap
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| JOINS.contains(&w))
}

/// Kazakh predicates a noun with a first-person ending and quotes it with "деп": "«полиция
/// қызметкеріміз» деп қоңырау шалады" (they call saying "we are police officers"). Said of
/// oneself, a police role is a claim — the words of callers and impostors — not the report
/// of an officer. ("Қызметкеріміз" alone may be "our officer", so the quoting "деп" decides.)
fn claims_in_first_person(norm: &str, actor: &Range<usize>) -> bool {
    const FIRST_PERSON: &[&str] = &[
        "мын", "мін", "бын", "бін", "пын", "пін", "мыз", "міз", "быз", "біз", "пыз", "піз",
    ];
    let last = norm[actor.clone()].rsplit(' ').next().unwrap_or("");
    let quoted = norm[actor.end..]
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .starts_with("деп");
    quoted && last.chars().count() > 5 && FIRST_PERSON.iter().any(|e| last.ends_with(e))
}

/// Whether a place is a Kazakhstan place that pins a region.
pub fn is_kz_region(p: &PlaceHit) -> bool {
    p.country == "KZ" && p.region.is_some()
}

/// Whether a place is outside Kazakhstan (and more than a passing mention of a country).
pub fn is_foreign(p: &PlaceHit) -> bool {
    p.country != "KZ" && p.kind != PlaceKind::Village
}
