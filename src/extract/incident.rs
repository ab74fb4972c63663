//! Where a police actor and an offense meet, an incident; where one case is told across
//! paragraphs, one incident; where a briefing lists several, several.

use std::collections::BTreeMap;
use std::ops::Range;

use super::annotate::{is_foreign, is_kz_region, Doc, Sentence, WordHit};
use super::gazetteer::{PlaceHit, PlaceKind};
use super::lexicon::{Lexicon, Tag};
use super::money::{self, Amount, Currency};
use super::types::{GeoPrecision, Incident, Money, Offense, Stage};
use crate::date::PartialDate;

/// Why a sentence reports police misconduct: the offense words and the accused.
#[derive(Debug, Clone)]
struct Trigger {
    sent: usize,
    /// The police actor's text as written.
    actor: Option<String>,
    /// Where the actor stands in the sentence; `None` when carried from the sentence before.
    actor_range: Option<std::ops::Range<usize>>,
    ambiguous: bool,
}

/// One case: the sentences that tell it.
#[derive(Debug, Default)]
struct Segment {
    triggers: Vec<Trigger>,
    /// Every sentence of the paragraphs the case spans (triggers included).
    context: Vec<usize>,
    header: Option<usize>,
    region: Option<PlaceRef>,
    /// Opened by "Кроме того, в Темиртау …": another case, never one told twice.
    distinct: bool,
}

#[derive(Debug, Clone)]
struct PlaceRef {
    hit: PlaceHit,
    sent: usize,
}

pub fn assemble(doc: &Doc, lex: &Lexicon, published: Option<PartialDate>) -> Vec<Incident> {
    let triggers: Vec<Option<Trigger>> = (0..doc.sents.len()).map(|i| trigger(doc, i)).collect();
    // "Driver drags a patrol officer on his bonnet": a headline that makes the police the
    // victims tells what the story is, whatever the body's words suggest.
    // A page that opens on a dateline or site chrome ("Aktau, 21 August 2024. Kaztag") has
    // its headline in the header paragraphs that follow, before the body starts.
    let body_start = doc
        .paras
        .iter()
        .position(|p| !p.is_title && !p.is_header && !p.is_teaser)
        .unwrap_or(doc.paras.len());
    let title_sents = doc.paras[..body_start]
        .iter()
        .filter(|p| !p.is_teaser)
        .flat_map(|p| p.sentences.clone());
    // So does one where the officer is the one who suffered ("Полицейский стал жертвой
    // мошенников", "Officer injured in Taraz").
    let title_victim = title_sents.clone().any(|i| {
        doc.sents[i].has(|t| t == Tag::Victim) || police_suffered(&doc.sents[i], doc.lang)
    }) && !title_sents.clone().any(|i| triggers[i].is_some());
    if title_victim {
        return Vec::new();
    }
    let mut segments: Vec<Segment> = Vec::new();
    let mut current: Option<usize> = None;
    let mut header: Option<usize> = None;
    let title_para = doc.paras.iter().position(|p| p.is_title);

    for (pi, para) in doc.paras.iter().enumerate() {
        if para.is_title || para.is_teaser {
            continue;
        }
        let para_triggers: Vec<Trigger> = para
            .sentences
            .clone()
            .filter_map(|i| triggers[i].clone())
            .collect();
        if para.is_header && para_triggers.is_empty() {
            header = Some(pi);
            current = None;
            continue;
        }
        if para_triggers.is_empty() {
            // "In a separate development, customs seized goods worth 18 million": what
            // follows is another story, and its sums are not the case's.
            let other_story = doc
                .sents
                .get(para.sentences.start)
                .is_some_and(|s| s.opens_with(Tag::AnotherCase));
            match current {
                _ if other_story => current = None,
                Some(c) => segments[c].context.extend(para.sentences.clone()),
                None => {}
            }
            continue;
        }
        let place = first_place(doc, para_triggers.iter().map(|t| t.sent))
            .or_else(|| first_place(doc, para.sentences.clone()))
            .or_else(|| header.and_then(|h| first_place(doc, doc.paras[h].sentences.clone())));
        let another = opens_another_case(doc, para, &para_triggers);
        // "The lieutenant colonel received …", "Этот полицейский …": the accused already
        // named, unless the sentence itself moves the story to another place.
        let named_before = para_triggers.iter().any(|t| {
            let s = &doc.sents[t.sent];
            t.actor_range.as_ref().is_some_and(|r| {
                s.word_before(r.start).is_some_and(is_back_reference)
                    && !s.places.iter().any(|p| is_kz_region(p) || is_foreign(p))
            })
        });
        let joins = !another
            && current.is_some_and(|c| {
                let seg = &segments[c];
                named_before
                    || match (&seg.region, &place) {
                        // "В Кентау … . В Туркестане возбуждено дело …": a paragraph whose
                        // case names another town of the region tells another case.
                        (Some(a), Some(b)) => {
                            same_place(&a.hit, &b.hit)
                                && !(other_town(&a.hit, &b.hit)
                                    && town_by_noun(doc, a)
                                    && town_by_noun(doc, b))
                        }
                        _ => true,
                    }
            });
        let c = if joins {
            current.expect("joins only with a current segment")
        } else {
            segments.push(Segment {
                header,
                distinct: another,
                ..Segment::default()
            });
            segments.len() - 1
        };
        let seg = &mut segments[c];
        if seg.region.is_none() {
            seg.region = place;
        }
        seg.triggers.extend(para_triggers);
        seg.context.extend(para.sentences.clone());
        current = Some(c);
    }

    // A title that reports a case the body only tells around ("He was detained …").
    if segments.is_empty() {
        if let Some(tp) = title_para {
            let ts: Vec<Trigger> = doc.paras[tp]
                .sentences
                .clone()
                .filter_map(|i| triggers[i].clone())
                .collect();
            if !ts.is_empty() {
                let mut context: Vec<usize> = ts.iter().map(|t| t.sent).collect();
                context.extend(
                    doc.paras
                        .iter()
                        .filter(|p| !p.is_title && !p.is_teaser)
                        .flat_map(|p| p.sentences.clone()),
                );
                segments.push(Segment {
                    triggers: ts,
                    context,
                    header: None,
                    region: None,
                    distinct: false,
                });
            }
        }
    }

    // One case told twice (a bilingual page, a recap at the end): same region, same offense.
    let mut i = 0;
    while i < segments.len() {
        let mut j = i + 1;
        while j < segments.len() {
            let same = !segments[j].distinct
                && match (&segments[i].region, &segments[j].region) {
                    (Some(a), Some(b)) => {
                        same_place(&a.hit, &b.hit)
                            && a.hit.country == "KZ"
                            && !other_town(&a.hit, &b.hit)
                    }
                    _ => false,
                }
                && offense(doc, &segments[i], lex) == offense(doc, &segments[j], lex);
            if same {
                let absorbed = segments.remove(j);
                segments[i].triggers.extend(absorbed.triggers);
                segments[i].context.extend(absorbed.context);
            } else {
                j += 1;
            }
        }
        i += 1;
    }
    let single = segments.len() == 1;
    if single {
        // One case in the article: all of it tells that case.
        segments[0].context = doc
            .paras
            .iter()
            .filter(|p| !p.is_title && !p.is_teaser)
            .flat_map(|p| p.sentences.clone())
            .collect();
        if let Some(tp) = title_para {
            let ts: Vec<Trigger> = doc.paras[tp]
                .sentences
                .clone()
                .filter_map(|i| triggers[i].clone())
                .collect();
            let seg = &mut segments[0];
            if !seg
                .triggers
                .iter()
                .any(|t| doc.paras[doc.sents[t.sent].para].is_title)
            {
                seg.triggers.splice(0..0, ts);
            }
        }
    }
    let dominant = dominant_place(doc);
    let mut out: Vec<Incident> = Vec::new();
    for seg in &segments {
        let mut sents: Vec<usize> = seg.context.clone();
        if single {
            if let Some(tp) = title_para {
                sents.extend(doc.paras[tp].sentences.clone());
            }
        }
        let Some(offense) = offense(doc, seg, lex) else {
            continue;
        };
        // The headline of a one-case article names the place of the case; the body may name
        // the court's region first ("the court of Almaty Region sentenced the Taldykorgan …").
        let headline_place = if single {
            title_para.and_then(|tp| {
                first_place(
                    doc,
                    doc.paras[tp]
                        .sentences
                        .clone()
                        .filter(|i| triggers[*i].is_some()),
                )
            })
        } else {
            None
        };
        let place = headline_place
            .or_else(|| seg.region.clone())
            .or_else(|| {
                seg.header
                    .and_then(|h| first_place(doc, doc.paras[h].sentences.clone()))
            })
            .or_else(|| dateline_place(doc))
            .or_else(|| title_para.and_then(|tp| first_place(doc, doc.paras[tp].sentences.clone())))
            .or_else(|| dominant.clone())
            // "В Карши инспектор профилактики …" in a paragraph of its own: a foreign
            // place anywhere in the article, when it names no Kazakhstan region.
            .or_else(|| {
                first_place(
                    doc,
                    doc.paras
                        .iter()
                        .filter(|p| !p.is_teaser)
                        .flat_map(|p| p.sentences.clone()),
                )
            });
        let (amount, amount_kzt) = amount(doc, seg, offense);
        let stage = stage(doc, &sents, lex, offense);
        // "The question is how often officers who beat detainees are punished": no place,
        // no procedure, only talk. A case reported as news names where, or what was done.
        if place.is_none() && stage == Stage::Alleged {
            continue;
        }
        let first = &seg.triggers[0];
        let actor = first.actor.clone().unwrap_or_default();
        let date = incident_date(doc, seg, &sents, published);
        let (country, region, place_name, geo) = match &place {
            Some(p) if p.hit.country == "KZ" => (
                "KZ".to_string(),
                p.hit.region.clone(),
                Some(doc.sents[p.sent].norm.text[p.hit.range.clone()].to_string()),
                if matches!(p.hit.kind, PlaceKind::Region | PlaceKind::Country) {
                    GeoPrecision::Region
                } else {
                    GeoPrecision::Town
                },
            ),
            Some(p) => (
                p.hit.country.clone(),
                None,
                Some(doc.sents[p.sent].orig(p.hit.range.clone()).to_string()),
                match p.hit.kind {
                    PlaceKind::Country => GeoPrecision::Country,
                    PlaceKind::Region => GeoPrecision::Region,
                    _ => GeoPrecision::Town,
                },
            ),
            None => ("KZ".to_string(), None, None, GeoPrecision::Country),
        };
        let place_name = place
            .as_ref()
            .map(|p| doc.sents[p.sent].orig(p.hit.range.clone()).to_string())
            .or(place_name);
        let mut evidence: Vec<usize> = seg.triggers.iter().map(|t| t.sent).collect();
        evidence.dedup();
        let mut confidence: f32 = if first.ambiguous { 0.35 } else { 0.6 };
        if region.is_some() {
            confidence += 0.15;
        }
        if amount.is_some() {
            confidence += 0.1;
        }
        if seg.triggers.len() > 1 {
            confidence += 0.1;
        }
        out.push(Incident {
            country,
            region,
            place: place_name,
            geo_precision: geo,
            offense,
            amount,
            amount_kzt,
            stage,
            actor,
            date,
            date_precision: date.map(PartialDate::precision),
            evidence: evidence
                .iter()
                .map(|&i| doc.sents[i].text.clone())
                .collect(),
            confidence: confidence.min(0.95),
        });
    }
    out
}

/// Does sentence `i` report a police officer committing an offense?
fn trigger(doc: &Doc, i: usize) -> Option<Trigger> {
    let s = &doc.sents[i];
    if doc.paras[s.para].is_teaser {
        return None;
    }
    let offenses: Vec<&WordHit> = s
        .hits
        .iter()
        .filter(|h| match h.tag {
            Tag::Offense(Offense::Death) => s.has(|t| t == Tag::DeathContext),
            Tag::Offense(_) | Tag::WeakOffense(_) | Tag::Charge(_) => true,
            _ => false,
        })
        .collect();
    if offenses.is_empty()
        || s.has(|t| matches!(t, Tag::Victim | Tag::NotInvolved | Tag::BribeGiving | Tag::Generic))
        || police_at_work(s, doc.lang)
        || police_suffered(s, doc.lang)
        // "Criminal cases were opened against 57 officers": a figure, not a case.
        || !super::stats::figures(s, 0).is_empty()
    {
        return None;
    }
    let persons = |t: Tag| matches!(t, Tag::Police | Tag::PoliceGeneric | Tag::Ambiguous);
    // A death in custody needs no accused: the custody is the police's.
    let custody_death = offenses
        .iter()
        .any(|h| h.tag == Tag::Offense(Offense::Death));
    if custody_death && !s.has(persons) {
        let body = s.hits.iter().find(|h| h.tag == Tag::PoliceBody);
        return Some(Trigger {
            sent: i,
            actor: body.map(|b| s.orig(b.range.clone()).to_string()),
            actor_range: body.map(|b| b.range.clone()),
            ambiguous: false,
        });
    }
    // Any offense the sentence names may be the officer's: "the suspect in a robbery fled
    // when the escort was distracted" names the robbery first and the escape second.
    let doers: Vec<&WordHit> = offenses
        .iter()
        .filter_map(|o| accused(s, o, doc.lang))
        .collect();
    if let Some(a) = doers.iter().find(|a| persons(a.tag)) {
        return Some(Trigger {
            sent: i,
            actor: Some(s.orig(a.range.clone()).to_string()),
            actor_range: Some(a.range.clone()),
            ambiguous: a.tag == Tag::Ambiguous,
        });
    }
    // A civilian who may be the subject speaks of someone else. English does not mark case,
    // so there a civilian after the offense is its object ("he demanded money from a
    // driver"); the Russian and Kazakh civilian words are nominatives, the subject wherever
    // they stand.
    let civilian_subject = s.hits.iter().any(|h| {
        h.tag == Tag::Civilian
            && (doc.lang != crate::page::Lang::En
                || offenses.iter().any(|o| h.range.end <= o.range.start))
    });
    if civilian_subject
        || s.has(|t| {
            matches!(
                t,
                Tag::Police | Tag::PoliceGeneric | Tag::NotPolice | Tag::OtherForce
            )
        })
    {
        return None;
    }
    // "He demanded 100 thousand" after "A district inspector was detained.": the accused
    // of the previous sentence of the same paragraph, when this one speaks of a person
    // ("he", "их", "ол").
    if !has_subject_pronoun(s) {
        return None;
    }
    // "Ещё один эпизод касается инспектора … . Он получил … . Ему предъявлено обвинение в
    // мошенничестве.": a chain of sentences about "him" reaches back to the one naming him.
    let mut back = i;
    let (prev, a) = loop {
        back = back.checked_sub(1)?;
        let prev = &doc.sents[back];
        // "… Тергеуші органдардан шығып үлгерген еді.¶ Сот оны … кінәлі деп тапты.": a
        // paragraph that opens on "him" goes on about the one the paragraph before ended
        // with. Only the first sentence reaches back, only one paragraph, and only with a
        // charge or a verdict against "him": a procedure has one accused, while "He was
        // taken to hospital" may be anyone the paragraph before spoke of.
        let procedure = s.has(|t| {
            matches!(
                t,
                Tag::Charge(_) | Tag::Stage(Stage::Charged | Stage::Convicted | Stage::Sentenced)
            )
        });
        let opens_para =
            procedure && i == doc.paras[s.para].sentences.start && !s.opens_with(Tag::AnotherCase);
        let reachable = prev.para == s.para || (opens_para && prev.para + 1 == s.para);
        if !reachable || i - back > 3 {
            return None;
        }
        let officer = prev
            .hits
            .iter()
            .find(|h| matches!(h.tag, Tag::Police | Tag::PoliceGeneric));
        // "Сотрудниками КНБ задержан капитан полиции. Он …": the other force that did the
        // detaining is the agent of the passive, and "he" is the officer it caught.
        if prev.hits.iter().any(|h| {
            matches!(h.tag, Tag::NotPolice | Tag::OtherForce)
                && !(officer.is_some() && agent_of_passive(prev, h))
        }) {
            return None;
        }
        if let Some(a) = officer {
            break (prev, a);
        }
        // A sentence in between that speaks of a civilian may be the one "he" stands for.
        if prev.has(|t| t == Tag::Civilian) || !has_subject_pronoun(prev) {
            return None;
        }
    };
    Some(Trigger {
        sent: i,
        actor: Some(prev.orig(a.range.clone()).to_string()),
        actor_range: None,
        ambiguous: false,
    })
}

/// A body named as the agent of a passive: after "by" ("detained by the KNB"), in the
/// instrumental ("сотрудниками КНБ", "Агентством"), or the genitive of an instrumental
/// ("сотрудниками Агентства по противодействию коррупции"), or before Kazakh "тарапынан".
fn agent_of_passive(s: &Sentence, h: &WordHit) -> bool {
    let instr = super::gazetteer::ru::is_instrumental;
    let own = s.norm.text[h.range.clone()].split(' ').next().unwrap_or("");
    let before = s.word_before(h.range.start).unwrap_or("");
    let after = s.norm.text[h.range.end..]
        .split_whitespace()
        .next()
        .unwrap_or("");
    instr(own)
        || instr(before.trim_matches(|c: char| !c.is_alphanumeric()))
        || before == "by"
        || after.starts_with("тарапынан")
}

/// Who did `offense` in `s`: the actor nearest it, looking back first (the subject of a
/// Russian, Kazakh or English sentence stands before its verb). A police actor is returned
/// only as the doer; `None` when the nearest actor is the one it was done to, or there is
/// none. Any other actor comes back as itself, so the caller sees it is not the police.
fn accused<'s>(s: &'s Sentence, offense: &WordHit, lang: crate::page::Lang) -> Option<&'s WordHit> {
    // A detainee who escapes or dies is the subject of the sentence, and the police's
    // negligence its matter.
    let suffered = matches!(
        offense.tag,
        Tag::Offense(Offense::Negligence | Offense::Death)
            | Tag::WeakOffense(Offense::Negligence | Offense::Death)
    );
    // «…», – деді полиция өкілі: the one quoted tells of the deed, and did not do it.
    let speech = quoted_speech(&s.norm.text);
    let in_speech = |r: &Range<usize>| {
        speech
            .iter()
            .position(|q| q.start <= r.start && r.end <= q.end)
    };
    let said = in_speech(&offense.range);
    let nearest = s
        .hits
        .iter()
        .filter(|h| said.is_none() || in_speech(&h.range) == said)
        .filter(|h| {
            matches!(h.tag, Tag::Police | Tag::PoliceGeneric | Tag::NotPolice | Tag::OtherForce | Tag::Ambiguous)
            // A civilian counts as the subject only before the offense; after it, the
            // civilian is the one it was done to.
            || (h.tag == Tag::Civilian && h.range.end <= offense.range.start && !suffered)
        })
        .min_by_key(|a| {
            if a.range.end <= offense.range.start {
                s.words_between(&a.range, &offense.range)
            } else {
                2 * s.words_between(&a.range, &offense.range) + 3
            }
        })?;
    let object = nearest.range.start >= offense.range.end
        && s.words_between(&offense.range, &nearest.range) <= 2
        && is_object(s, nearest, lang);
    (!object && !kazakh_object_before(s, nearest, offense, lang)).then_some(nearest)
}

/// The spans of `text` that quote someone's words: a quotation followed by a dash or closed
/// by a comma before the speaker ("«…», – сказал он", "\"…,\" he said"). A quotation opened in an
/// earlier sentence runs from the start; a title in quotes («Получение взятки») is not speech.
fn quoted_speech(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<usize> = Some(0);
    let mut straight_open = false;
    for (i, c) in text.char_indices() {
        let closing = match c {
            '«' | '“' | '„' => {
                open = Some(i + c.len_utf8());
                continue;
            }
            '"' => {
                straight_open = !straight_open;
                if straight_open {
                    open = Some(i + 1);
                    continue;
                }
                true
            }
            '»' | '”' => true,
            _ => false,
        };
        if !closing {
            continue;
        }
        let Some(start) = open.take() else { continue };
        let before = text[..i].trim_end().chars().next_back();
        let rest = text[i + c.len_utf8()..].trim_start();
        let rest = rest.strip_prefix(',').unwrap_or(rest).trim_start();
        // Russian and Kazakh name the speaker after a dash, English after a comma inside
        // the quotation; "по статье «Халатность», сообщили" is a title, not speech.
        let speech = rest.starts_with(['–', '—', '-'])
            || (matches!(before, Some(',' | '!' | '?')) && !rest.is_empty());
        if speech {
            out.push(start..i);
        }
    }
    out
}

/// Kazakh marks the one a deed is done to by case, and the doer stays bare: "инспекторына
/// күш қолданған тұрғын" (the resident who used force on the inspector), "полицейді ұрған".
/// An officer in the dative or accusative just before the offense is its object — unless
/// "қатысты" (concerning) makes the officer the matter of a case instead.
fn kazakh_object_before(
    s: &Sentence,
    actor: &WordHit,
    offense: &WordHit,
    lang: crate::page::Lang,
) -> bool {
    const OBJECT_CASE: &[&str] = &[
        "ға", "ге", "қа", "ке", "на", "не", "ына", "іне", "сына", "сіне", "ды", "ді", "ты", "ті",
        "ны", "ні", "ын", "ін", "сын", "сін",
    ];
    if lang != crate::page::Lang::Kk || actor.range.end > offense.range.start {
        return false;
    }
    // Only a deed done to a person reads so; "инспекторына … асыра пайдаланды деген айып
    // тағылды" and "лейтенантын есірткі өткізгені үшін … айырды" put the accused himself in
    // the dative or accusative of the charge or the sentence.
    let done_to_person = matches!(
        offense.tag,
        Tag::Offense(Offense::Violence) | Tag::WeakOffense(Offense::Violence)
    );
    if !done_to_person || !matches!(actor.tag, Tag::Police | Tag::PoliceGeneric) {
        return false;
    }
    let last = s.norm.text[actor.range.clone()]
        .rsplit(' ')
        .next()
        .unwrap_or("");
    let between = &s.norm.text[actor.range.end..offense.range.start];
    last.chars().count() > 4
        && OBJECT_CASE.iter().any(|e| last.ends_with(e))
        && s.words_between(&actor.range, &offense.range) <= 2
        && !between.contains("қатысты")
}

/// The category the case's sentences charge. In each trigger sentence the offense named
/// nearest the accused (after it first: the verb follows its subject) gets a vote, the
/// lead sentence two; named offenses win over suggested ones, the lexicon's priority
/// settles a tie.
fn offense(doc: &Doc, seg: &Segment, lex: &Lexicon) -> Option<Offense> {
    // The article or the qualification the case is charged under ("по статье 366 УК РК",
    // "квалифицированы как мошенничество") decides over whatever else its sentences name
    // ("за управление в состоянии опьянения"): from the case's sentences that speak of the
    // officer or of no one else (a sentence about a civilian's charge is the civilian's).
    let mut charged: BTreeMap<Offense, u32> = BTreeMap::new();
    let trig: Vec<usize> = seg.triggers.iter().map(|t| t.sent).collect();
    let mut pool: Vec<usize> = trig.iter().chain(&seg.context).copied().collect();
    pool.sort_unstable();
    pool.dedup();
    for i in pool {
        let s = &doc.sents[i];
        if doc.paras[s.para].is_teaser
            || s.has(|t| {
                matches!(
                    t,
                    Tag::BribeGiving
                        | Tag::Victim
                        | Tag::NotInvolved
                        | Tag::Generic
                        // "He could be charged with …, which carries a prison term": a threat
                        // or a possibility, not the case's charge.
                        | Tag::StageBlocker
                )
            })
            || someone_elses(s)
        {
            continue;
        }
        let weight = if trig.contains(&i) { 2 } else { 1 };
        let mut seen: Vec<Offense> = Vec::new();
        for h in &s.hits {
            if let Tag::Charge(o) = h.tag {
                if !seen.contains(&o) {
                    seen.push(o);
                    *charged.entry(o).or_default() += weight;
                }
            }
        }
    }
    let charged = charged
        .iter()
        .max_by_key(|(o, n)| (**n, lex.offense_priority[o]))
        .map(|(o, _)| *o);
    let read = offense_by_votes(doc, seg, lex);
    // A death in custody is what happened, whatever the officers are charged with for it
    // ("по статье «Халатность»").
    if read == Some(Offense::Death) {
        return read;
    }
    charged.or(read)
}

/// The offense by the votes of the trigger sentences, when no charge decides it.
fn offense_by_votes(doc: &Doc, seg: &Segment, lex: &Lexicon) -> Option<Offense> {
    let mut named: BTreeMap<Offense, u32> = BTreeMap::new();
    let mut weak: BTreeMap<Offense, u32> = BTreeMap::new();
    for (k, t) in seg.triggers.iter().enumerate() {
        let s = &doc.sents[t.sent];
        // "Им предъявлено обвинение в получении взятки": what the officer is charged or
        // tried with outweighs what the lead sentence happens to name.
        let charges = s.has(|t| {
            matches!(
                t,
                Tag::Stage(
                    Stage::Charged
                        | Stage::Trial
                        | Stage::Convicted
                        | Stage::Sentenced
                        | Stage::Acquitted
                )
            )
        });
        let weight = if k == 0 { 2 } else { 1 } + if charges { 1 } else { 0 };
        let death_ok = s.has(|t| t == Tag::DeathContext);
        let threatened = s.has(|t| t == Tag::StageBlocker);
        let nearest = |want_weak: bool| {
            s.hits
                .iter()
                // "He could be charged with theft, which carries a prison term": a charge
                // threatened or possible is not the case's.
                .filter(|h| {
                    !(threatened
                        && s.hits
                            .iter()
                            .any(|c| matches!(c.tag, Tag::Charge(_)) && c.range == h.range))
                })
                // Offenses someone else did ("the suspect in a robbery") are not charged.
                .filter(|h| {
                    t.actor_range.is_none()
                        || accused(s, h, doc.lang).is_none_or(|a| {
                            matches!(a.tag, Tag::Police | Tag::PoliceGeneric | Tag::Ambiguous)
                        })
                })
                .filter_map(|h| match h.tag {
                    Tag::Offense(Offense::Death) if !death_ok => None,
                    Tag::Offense(o) if !want_weak => Some((o, &h.range)),
                    Tag::WeakOffense(o) if want_weak => Some((o, &h.range)),
                    _ => None,
                })
                .min_by_key(|(o, r)| {
                    let d = match &t.actor_range {
                        Some(a) if a.end <= r.start => s.words_between(a, r),
                        Some(a) => s.words_between(a, r) + 3,
                        None => super::text::word_count(&s.norm.text[..r.start]),
                    };
                    (d, -lex.offense_priority[o])
                })
                .map(|(o, _)| o)
        };
        if let Some(o) = nearest(false) {
            *named.entry(o).or_default() += weight;
        } else if let Some(o) = nearest(true) {
            *weak.entry(o).or_default() += weight;
        }
    }
    let pick = |m: &BTreeMap<Offense, u32>| {
        m.iter()
            .max_by_key(|(o, n)| (**n, lex.offense_priority[o]))
            .map(|(o, _)| *o)
    };
    pick(&named).or_else(|| pick(&weak))
}

/// A sentence that speaks of a person other than the officer: a civilian named as such
/// ("водитель", "the driver"), not the "suspect" a police story calls the officer, with no
/// officer beside.
fn someone_elses(s: &Sentence) -> bool {
    const SUSPECT: &[&str] = &[
        "suspect",
        "suspects",
        "подозреваемый",
        "подозреваемая",
        "подозреваемые",
        "күдікті",
        "күдіктілер",
    ];
    !s.has(|t| matches!(t, Tag::Police | Tag::PoliceGeneric | Tag::Ambiguous))
        && s.hits
            .iter()
            .any(|h| h.tag == Tag::Civilian && !SUSPECT.contains(&&s.norm.text[h.range.clone()]))
}

/// The principal sum: from the sentences that charge the officer, else from the case's
/// sentences that name the officer, else from those that name the offense.
fn amount(doc: &Doc, seg: &Segment, offense: Offense) -> (Option<Money>, Option<u64>) {
    let collect =
        |pred: &dyn Fn(&Sentence) -> bool, pool: &mut dyn Iterator<Item = usize>| -> Vec<Amount> {
            pool.filter(|&i| pred(&doc.sents[i]))
                .flat_map(|i| doc.sents[i].amounts.iter().cloned())
                .collect()
        };
    let mut trig: Vec<usize> = seg.triggers.iter().map(|t| t.sent).collect();
    trig.dedup();
    let names_accused = |s: &Sentence| {
        s.has(|t| matches!(t, Tag::Police | Tag::PoliceGeneric)) || has_subject_pronoun(s)
    };
    // "Customs seized goods worth 18 million": a sum another body's sentence gives is
    // that body's.
    let police_or_nobody = |s: &Sentence| {
        names_accused(s) || !s.has(|t| matches!(t, Tag::OtherForce | Tag::NotPolice))
    };
    let cued_principal = |a: &Amount| a.role == money::Role::Principal && a.cue.is_some();
    let tiers: [Vec<Amount>; 5] = [
        collect(&|_| true, &mut trig.iter().copied()),
        collect(&names_accused, &mut seg.context.iter().copied()),
        collect(
            &|s| s.has(|t| t == Tag::Offense(offense) || t == Tag::WeakOffense(offense)),
            &mut seg.context.iter().copied(),
        ),
        collect(&police_or_nobody, &mut seg.context.iter().copied())
            .into_iter()
            .filter(cued_principal)
            .collect(),
        // Last, any sum the case's paragraphs give ("the money seized as evidence — 2.3 million").
        collect(&police_or_nobody, &mut seg.context.iter().copied()),
    ];
    let chosen = tiers.iter().find_map(|t| money::principal(t).cloned());
    match chosen {
        Some(a) => {
            // The headline's "$10,000" and the body's "10 000 долларов (около 5 млн тенге)"
            // are one sum: the tenge the text gives beside it anywhere in the case counts.
            let kzt = if a.currency == Currency::KZT {
                Some(a.value)
            } else {
                a.kzt.or_else(|| {
                    tiers
                        .iter()
                        .flatten()
                        .chain(trig.iter().flat_map(|&i| doc.sents[i].amounts.iter()))
                        .find(|b| b.currency == a.currency && b.value == a.value && b.kzt.is_some())
                        .and_then(|b| b.kzt)
                })
            };
            (
                Some(Money {
                    value: a.value,
                    currency: a.currency,
                }),
                kzt,
            )
        }
        None => (None, None),
    }
}

/// The furthest stage the case's sentences report. In a death in custody or an escape,
/// "detained" tells of the one who died or fled (and was caught again), not of the officers.
fn stage(doc: &Doc, sents: &[usize], lex: &Lexicon, offense: Offense) -> Stage {
    let mut best: Option<Stage> = None;
    for &i in sents {
        let s = &doc.sents[i];
        // "In several cases, officers were dismissed": talk in general, not this case; "7
        // criminal cases were opened, 4 officers convicted": the year's figures.
        if s.has(|t| matches!(t, Tag::StageBlocker | Tag::Generic))
            || !super::stats::figures(s, 0).is_empty()
        {
            continue;
        }
        for h in &s.hits {
            if let Tag::Stage(st) = h.tag {
                if matches!(offense, Offense::Death | Offense::Negligence) && st == Stage::Detained
                {
                    continue;
                }
                // "A criminal case was opened on charges of fraud": the article an
                // investigation is opened under, not an indictment.
                if st == Stage::Charged
                    && s.word_before(h.range.start) == Some("on")
                    && s.has(|t| t == Tag::Stage(Stage::Investigated))
                {
                    continue;
                }
                // "The man had been detained for hooliganism": the victim's detention.
                if st == Stage::Detained && civilian_detained(s) {
                    continue;
                }
                if best.is_none_or(|b| lex.stage_rank[&st] > lex.stage_rank[&b]) {
                    best = Some(st);
                }
            }
        }
    }
    best.unwrap_or(Stage::Alleged)
}

/// A sentence that speaks of a civilian and of no officer: its "detained" is the
/// civilian's ("the man had been detained on suspicion of hooliganism").
fn civilian_detained(s: &Sentence) -> bool {
    s.has(|t| t == Tag::Civilian)
        && !s.has(|t| matches!(t, Tag::Police | Tag::PoliceGeneric | Tag::Ambiguous))
        && !has_subject_pronoun(s)
}

/// The first place in these sentences that says where: a Kazakhstan region, else a
/// foreign place (not a citizen's origin: "from a citizen of Uzbekistan").
fn first_place(doc: &Doc, sents: impl Iterator<Item = usize>) -> Option<PlaceRef> {
    let sents: Vec<usize> = sents.collect();
    // "ASTANA –", "ALMATY (Reuters) -", "Астана. 5 декабря. KAZINFORM –": a wire dateline
    // names where the story was filed; any other place in these sentences says where it
    // happened, and the dateline counts only when there is none.
    let body = first_place_of(doc, &sents, true);
    body.or_else(|| first_place_of(doc, &sents, false))
}

fn first_place_of(doc: &Doc, sents: &[usize], skip_datelines: bool) -> Option<PlaceRef> {
    let mut foreign: Option<PlaceRef> = None;
    for &i in sents {
        let s = &doc.sents[i];
        // "3 тысяч долларов США", "АҚШ доллары": a currency, not a place.
        let in_money = |p: &&PlaceHit| {
            let o = s.norm.orig_range(p.range.clone());
            s.amounts
                .iter()
                .any(|a| o.start >= a.span.start && o.end <= a.span.end)
        };
        for p in s.places.iter().filter(|p| {
            !in_money(p) && !road_end(s, p) && !(skip_datelines && is_dateline(doc, i, p))
        }) {
            if is_kz_region(p) && !ablative(s, p) {
                return Some(PlaceRef {
                    hit: p.clone(),
                    sent: i,
                });
            }
            if foreign.is_none() && is_foreign(p) && !origin_only(s, p) {
                foreign = Some(PlaceRef {
                    hit: p.clone(),
                    sent: i,
                });
            }
        }
    }
    foreign
}

/// A place that opens the first sentence of a paragraph as a wire dateline: followed by a
/// dash after at most an agency in brackets and a date ("ASTANA –", "ALMATY (Reuters) -",
/// "Aktau, 5 December –"), or standing in a sentence of its own with at most a date and an
/// agency ("Астана. 5 декабря. KAZINFORM –", cut at the full stops).
fn is_dateline(doc: &Doc, i: usize, p: &PlaceHit) -> bool {
    let s = &doc.sents[i];
    let para = &doc.paras[s.para];
    if para.is_title || p.range.start > 2 {
        return false;
    }
    let first_of_para = para.sentences.start == i;
    let after_dateline = i > para.sentences.start
        && (para.sentences.start..i).all(|k| super::text::word_count(&doc.sents[k].norm.text) <= 4);
    if !first_of_para && !after_dateline {
        return false;
    }
    // What may stand between the place and the story: a date, an agency ("Reuters",
    // "KAZINFORM", capitalised), brackets and commas.
    const MONTHS: &[&str] = &[
        "jan",
        "feb",
        "mar",
        "apr",
        "may",
        "jun",
        "jul",
        "aug",
        "sep",
        "oct",
        "nov",
        "dec",
        "январ",
        "феврал",
        "март",
        "апрел",
        "мая",
        "июн",
        "июл",
        "август",
        "сентябр",
        "октябр",
        "ноябр",
        "декабр",
        "қаңтар",
        "ақпан",
        "наурыз",
        "сәуір",
        "мамыр",
        "маусым",
        "шілде",
        "тамыз",
        "қыркүйек",
        "қазан",
        "қараша",
        "желтоқсан",
    ];
    let datelike = |w: &str| {
        let lw = w.to_lowercase();
        w.chars().all(|c| c.is_ascii_digit())
            || w.chars().next().is_some_and(char::is_uppercase)
            || MONTHS.iter().any(|m| lw.starts_with(m))
    };
    let rest = &s.text[s.norm.orig_range(p.range.clone()).end..];
    let mut words_seen = 0;
    for tok in rest.split_whitespace() {
        let tok = tok.trim_matches(|c: char| matches!(c, ',' | '.' | '(' | ')' | ':'));
        if tok.is_empty() {
            continue;
        }
        if tok.chars().all(|c| matches!(c, '-' | '–' | '—')) {
            return true;
        }
        if !datelike(tok) || words_seen >= 5 {
            return false;
        }
        words_seen += 1;
    }
    // The sentence ended: a dateline cut off at its full stop ("Астана. 5 декабря.").
    p.range.start == 0 && first_of_para
}

/// A town that names an end of a road: "на трассе Алматы – Бишкек", "автодорога
/// Астана-Караганда", "the Almaty-Bishkek highway", "Алматы-Бішкек тас жолында". The road
/// runs through many places; where on it the case happened is said elsewhere ("у села …").
fn road_end(s: &Sentence, p: &PlaceHit) -> bool {
    const ROADS: &[&str] = &[
        "трасс",
        "автотрасс",
        "автодорог",
        "автомагистрал",
        "магистрал",
        "шоссе",
        "дорог",
        "highway",
        "road",
        "motorway",
        "тас жол",
        "автожол",
        "жолы",
        "жолын",
        "жолда",
    ];
    let norm = &s.norm.text;
    let road = |w: &str| ROADS.iter().any(|r| w.starts_with(r));
    let dash = |t: &str| !t.is_empty() && t.chars().all(|c| c == '-');
    let before: Vec<&str> = norm[..p.range.start]
        .split_whitespace()
        .rev()
        .take(4)
        .collect();
    let after: Vec<&str> = norm[p.range.end..].split_whitespace().take(4).collect();
    let after_dash = norm[p.range.end..].starts_with('-') || after.first().is_some_and(|t| dash(t));
    let before_dash =
        norm[..p.range.start].ends_with('-') || before.first().is_some_and(|t| dash(t));
    // The first end: a road word right before it, a dash after it.
    let first = before.first().is_some_and(|w| road(w)) && after_dash;
    // The second end: a dash before it and a road word before the first end.
    let second = before_dash && before.iter().skip(1).any(|w| road(w));
    // Kazakh and English name the road after its ends: "Алматы – Бішкек тас жолы".
    let trailing = (after_dash && after.iter().take(3).any(|w| road(w)))
        || (before_dash && after.iter().take(2).any(|w| road(w)));
    first || second || trailing
}

/// Kazakh ablative: "Шымкенттен келе жатқан" (coming from Shymkent) names where someone
/// came from, not where it happened.
fn ablative(s: &Sentence, p: &PlaceHit) -> bool {
    const ABLATIVE: &[&str] = &["дан", "ден", "тан", "тен", "нан", "нен"];
    let word = &s.norm.text[p.range.clone()];
    ABLATIVE.iter().any(|e| word.ends_with(e))
}

fn origin_only(s: &Sentence, p: &PlaceHit) -> bool {
    if ablative(s, p) {
        return true;
    }
    let before = &s.norm.text[..p.range.start];
    let last: Vec<&str> = before.split_whitespace().rev().take(2).collect();
    last.iter().any(|w| {
        w.starts_with("citizen")
            || w.starts_with("граждан")
            || w.starts_with("азамат")
            || w.starts_with("уроженц")
            || *w == "from"
            || *w == "из"
    })
}

/// Two places of one case: the same Kazakhstan region, or the same foreign country (whose
/// regions dozor does not report).
fn same_place(a: &PlaceHit, b: &PlaceHit) -> bool {
    a.country == b.country && (a.country != "KZ" || a.region == b.region)
}

/// A town named by its noun ("в Кентау", "Туркестане"), not by an adjective ("павлодарский
/// майор"), which may as well mean the region.
fn town_by_noun(doc: &Doc, p: &PlaceRef) -> bool {
    const ADJ: &[&str] = &[
        "ский",
        "ского",
        "скому",
        "ским",
        "ском",
        "ская",
        "ской",
        "скую",
        "ские",
        "ских",
        "цкий",
        "цкого",
        "цкая",
        "цкой",
    ];
    let w = doc.sents[p.sent]
        .norm
        .text
        .get(p.hit.range.clone())
        .unwrap_or("");
    !ADJ.iter().any(|e| w.ends_with(e))
}

/// Two towns of one region ("Караганда" and "Темиртау"): two cases, not one told twice.
fn other_town(a: &PlaceHit, b: &PlaceHit) -> bool {
    let town = |p: &PlaceHit| matches!(p.kind, PlaceKind::City | PlaceKind::Village);
    town(a) && town(b) && a.name != b.name
}

/// "Кроме того, в Темиртау задержаны двое инспекторов …", "In a separate case, a Taraz
/// officer …": a paragraph that opens on a new-case word and names its own place and its
/// own accused tells another case, even in the region of the one before.
/// A determiner that points back at someone already named: "the officer", "этот
/// сотрудник", "аталған полицей". A closed class of the grammar, not a lexicon.
fn is_back_reference(word: &str) -> bool {
    let w = word
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    matches!(
        w.as_str(),
        "the"
            | "this"
            | "that"
            | "этот"
            | "этого"
            | "этому"
            | "этим"
            | "данный"
            | "данного"
            | "данному"
            | "данным"
            | "указанный"
            | "указанного"
            | "указанному"
            | "указанным"
            | "бұл"
            | "аталған"
            | "осы"
    )
}

/// "Екіншіден, …", "Екіншісі Текелі қаласында тіркелді", "Во-вторых, …", "Второе.",
/// "Secondly, …": an enumeration's later item opens a paragraph. Kazakh builds the ordinal from a numeral stem
/// (a closed class) with -ыншы/-інші (-ншы/-нші after a vowel), then the adverb -дан/-ден
/// ("secondly") or the possessive -сы/-сі ("the second one"). The first item is left out:
/// it may continue the lead that announced the list.
fn later_ordinal(word: &str) -> bool {
    let w = word
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    const NUMERALS: &[&str] = &[
        "екі",
        "үш",
        "төрт",
        "бес",
        "алты",
        "жеті",
        "сегіз",
        "тоғыз",
        "он",
    ];
    let kazakh = NUMERALS.iter().any(|n| {
        w.strip_prefix(n).is_some_and(|rest| {
            ["ыншы", "інші", "ншы", "нші"].iter().any(|o| {
                rest.strip_prefix(o)
                    .is_some_and(|t| matches!(t, "дан" | "ден" | "сы" | "сі"))
            })
        })
    });
    // "Во-вторых", "В-третьих"; "Второе." as a heading
    let russian = w.starts_with("во-втор")
        || ["в-трет", "в-четв", "в-пят"]
            .iter()
            .any(|p| w.starts_with(p))
        || matches!(
            w.as_str(),
            "второе" | "третье" | "четвертое" | "пятое" | "шестое" | "седьмое"
        );
    let english = matches!(
        w.as_str(),
        "second" | "secondly" | "third" | "thirdly" | "fourth" | "fourthly" | "fifth"
    );
    kazakh || russian || english
}

fn opens_another_case(doc: &Doc, para: &super::annotate::Para, triggers: &[Trigger]) -> bool {
    let Some(first) = doc.sents.get(para.sentences.start) else {
        return false;
    };
    // "Второе. Завершено расследование …", "Екіншісі Текелі қаласында тіркелді.
    // Учаскелік инспектор …": an enumeration's next item is the next case, whatever its
    // place, even when the accused comes a sentence later.
    let enumerated = first
        .norm
        .text
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .find(|w| !w.is_empty())
        .is_some_and(later_ordinal);
    if enumerated && !triggers.is_empty() {
        return true;
    }
    let opens = first.opens_with(Tag::AnotherCase);
    // "Ещё один эпизод касается инспектора миграционной полиции Павлодара. Он …": the
    // opening sentence may name the accused and leave the deed to the next, which carries him.
    let names_accused = first
        .hits
        .iter()
        .any(|h| matches!(h.tag, Tag::Police | Tag::PoliceGeneric));
    opens
        // "Екінші іс Атырау қаласында тіркелген. Патрульдік полиция … қызметкері …": or the
        // opener names only the place, and a later sentence its own accused.
        && triggers
            .iter()
            .any(|t| t.actor_range.is_some() || names_accused)
        && first
            .places
            .iter()
            .any(|p| is_kz_region(p) || is_foreign(p))
}

/// "TALDYKORGAN, August 19 –": a place at the very start of the first body paragraph.
fn dateline_place(doc: &Doc) -> Option<PlaceRef> {
    let p = doc.paras.iter().position(|p| !p.is_title)?;
    let i = doc.paras[p].sentences.start;
    let s = doc.sents.get(i)?;
    s.places
        .iter()
        .find(|h| h.range.start <= 2 && (is_kz_region(h) || is_foreign(h)))
        .map(|h| PlaceRef {
            hit: h.clone(),
            sent: i,
        })
}

/// The region the article names most often, for a case told without a place.
fn dominant_place(doc: &Doc) -> Option<PlaceRef> {
    let mut count: BTreeMap<String, (usize, PlaceRef)> = BTreeMap::new();
    for (i, s) in doc.sents.iter().enumerate() {
        if doc.paras[s.para].is_teaser {
            continue;
        }
        for p in s.places.iter().filter(|p| is_kz_region(p)) {
            let key = p.region.clone().unwrap_or_default();
            count
                .entry(key)
                .or_insert((
                    0,
                    PlaceRef {
                        hit: p.clone(),
                        sent: i,
                    },
                ))
                .0 += 1;
        }
    }
    count.into_values().max_by_key(|(n, _)| *n).map(|(_, p)| p)
}

/// When it happened: a date written in the sentences that charge the officer, else in the
/// case's other sentences, else the day the article was published. Dates without a year
/// take the publication's, and a date after publication is a misreading.
fn incident_date(
    doc: &Doc,
    seg: &Segment,
    sents: &[usize],
    published: Option<PartialDate>,
) -> Option<PartialDate> {
    let year = published.map(PartialDate::year);
    let plausible = |d: &PartialDate| {
        published.is_none_or(|p| d.year() <= p.year() && d.year() >= p.year() - 15)
    };
    let pick = |idx: &mut dyn Iterator<Item = usize>| {
        idx.flat_map(|i| crate::date::find_dates(&doc.sents[i].text, year))
            .map(|(_, d)| d)
            .find(|d| plausible(d) && d.precision() != crate::date::DatePrecision::Year)
    };
    pick(&mut seg.triggers.iter().map(|t| t.sent))
        .or_else(|| pick(&mut sents.iter().copied()))
        .or(published)
}

/// "He", "она", "ол" …: in a story about one officer, the officer.
fn has_subject_pronoun(s: &Sentence) -> bool {
    const PRONOUNS: &[&str] = &[
        "he",
        "she",
        "they",
        "him",
        "her",
        "them",
        "his",
        "their",
        "он",
        "она",
        "они",
        "его",
        "ему",
        "им",
        "их",
        "ее",
        "ей",
        "ол",
        "олар",
        "оған",
        "оны",
        "оның",
        "оларға",
        "оларды",
        "олардың",
    ];
    let ws = super::text::words(&s.norm.text);
    let within = ws.get(11).map_or(s.norm.text.len(), |r| r.end);
    ws.iter()
        .take(12)
        .any(|r| PRONOUNS.contains(&&s.norm.text[r.clone()]))
        // "Подсудимый", "the defendant": the accused named by his role in the procedure.
        || s.hits
            .iter()
            .any(|h| h.tag == Tag::AccusedRole && h.range.start < within)
}

/// "Полицейские задержали подозреваемого в краже", "police arrested a man who stole": the
/// police as the subject of an active verb of law enforcement, and no officer after it as
/// the one it was done to.
fn police_at_work(s: &Sentence, lang: crate::page::Lang) -> bool {
    use crate::page::Lang;
    let police = |t: Tag| matches!(t, Tag::Police | Tag::PoliceGeneric | Tag::PoliceBody);
    s.hits
        .iter()
        .filter(|e| e.tag == Tag::Enforcement)
        .any(|e| {
            let officer_after = s.hits.iter().any(|h| {
                matches!(h.tag, Tag::Police | Tag::PoliceGeneric) && h.range.start >= e.range.end
            });
            if officer_after {
                return false;
            }
            s.hits
                .iter()
                .filter(|p| police(p.tag) && p.range.end <= e.range.start)
                .any(|p| {
                    let actor = &s.norm.text[p.range.clone()];
                    let between = &s.norm.text[p.range.end..e.range.start];
                    // Kazakh puts the verb last, after everything else the sentence says;
                    // English may name the unit after the subject ("officers of the
                    // department for combating drug crime detained …").
                    let reach = match lang {
                        Lang::Kk => 12,
                        Lang::En if between.trim_start().starts_with("of ") => 10,
                        _ => 4,
                    };
                    if s.words_between(&p.range, &e.range) > reach {
                        return false;
                    }
                    let after = s.norm.text[e.range.end..]
                        .split_whitespace()
                        .next()
                        .unwrap_or("");
                    match lang {
                        Lang::En => {
                            let passive = between.split_whitespace().any(|w| {
                                matches!(w, "was" | "were" | "been" | "be" | "being" | "is" | "are")
                            });
                            let plural_or_body = p.tag == Tag::PoliceBody
                                || actor.ends_with('s')
                                || actor.ends_with("men");
                            // "Police officer detained for bribery" is a passive headline.
                            let object_follows = !matches!(
                                after.trim_matches(|c: char| !c.is_alphanumeric()),
                                "" | "for"
                                    | "in"
                                    | "on"
                                    | "at"
                                    | "after"
                                    | "while"
                                    | "over"
                                    | "by"
                                    | "with"
                                    | "during"
                                    | "near"
                                    | "from"
                            );
                            !passive && plural_or_body && object_follows
                        }
                        Lang::Kk => {
                            let last = actor.rsplit(' ').next().unwrap_or("");
                            !super::gazetteer::kk::is_accusative(last)
                        }
                        _ => russian_nominative(actor.split(' ').next().unwrap_or("")),
                    }
                })
        })
}

/// Whether a Russian noun or adjective can be in the nominative, so the subject of the verb:
/// "полицейские", "инспектор", "следователь", "полиция" — not "полицейского", "инспектора".
fn russian_nominative(word: &str) -> bool {
    const OBLIQUE: &[&str] = &[
        "ого", "его", "ому", "ему", "ых", "их", "ым", "им", "ую", "юю", "ой", "ей", "ов", "ев",
        "ам", "ям", "ах", "ях", "ом", "ем", "а", "у", "ю", "е",
    ];
    const NOMINATIVE: &[&str] = &["ые", "ие", "ый", "ий"];
    NOMINATIVE.iter().any(|e| word.ends_with(e)) || !OBLIQUE.iter().any(|e| word.ends_with(e))
}

/// An officer named after the offense as its object: "сбил сотрудника полиции", "injuring
/// a police officer". Not when the words before name a case against them ("в отношении
/// инспектора", "opened against two officers") or the officer does it ("by police").
fn is_object(s: &Sentence, actor: &super::annotate::WordHit, lang: crate::page::Lang) -> bool {
    use crate::page::Lang;
    let before: Vec<&str> = s.norm.text[..actor.range.start]
        .split_whitespace()
        .rev()
        .take(3)
        .collect();
    let has = |w: &str| before.contains(&w);
    let first = s.norm.text[actor.range.clone()]
        .split(' ')
        .next()
        .unwrap_or("");
    match lang {
        Lang::En => {
            let case_words = s.has(|t| {
                matches!(
                    t,
                    Tag::Stage(Stage::Investigated | Stage::Charged | Stage::Trial)
                )
            });
            !(has("by") || (has("against") && case_words))
        }
        Lang::Ru => {
            !(has("отношении") || has("против") && s.has(|t| matches!(t, Tag::Stage(_))))
                && !russian_nominative(first)
        }
        _ => false,
    }
}

/// "Участковый погиб в ДТП", "officer injured", "injuring a police officer", "полицейский
/// стал жертвой мошенников": the officer is the one who suffered.
fn police_suffered(s: &Sentence, lang: crate::page::Lang) -> bool {
    use crate::page::Lang;
    let persons: Vec<&super::annotate::WordHit> = s
        .hits
        .iter()
        .filter(|h| matches!(h.tag, Tag::Police | Tag::PoliceGeneric))
        .collect();
    s.hits.iter().filter(|h| h.tag == Tag::Suffered).any(|v| {
        let word = &s.norm.text[v.range.clone()];
        persons.iter().any(|p| {
            if p.range.end <= v.range.start {
                let reach = if lang == Lang::Kk { 6 } else { 3 };
                // "officer killed a man" is what the officer did; "injuring" looks ahead.
                let after = s.norm.text[v.range.end..]
                    .split_whitespace()
                    .next()
                    .unwrap_or("");
                let object_follows = lang == Lang::En
                    && matches!(
                        after,
                        "a" | "an"
                            | "the"
                            | "his"
                            | "her"
                            | "their"
                            | "two"
                            | "three"
                            | "him"
                            | "them"
                    );
                // "beaten by two officers and suffered a broken rib": the officers are the
                // agents of a passive, and the one who suffered is someone else.
                let agent = lang == Lang::En && s.word_before(p.range.start) == Some("by");
                // "Police sergeant charged after detainee hospitalised": a subordinating
                // conjunction between them opens another clause, whose subject is not the
                // officer. A closed class of the grammar.
                let between = &s.norm.text[p.range.end..v.range.start];
                let other_clause = between.split_whitespace().any(|w| {
                    let w = w.trim_matches(|c: char| !c.is_alphanumeric());
                    match lang {
                        Lang::En => matches!(
                            w,
                            "after"
                                | "when"
                                | "while"
                                | "because"
                                | "as"
                                | "since"
                                | "before"
                                | "until"
                                | "once"
                        ),
                        Lang::Ru => matches!(w, "после" | "когда" | "пока" | "потому"),
                        _ => false,
                    }
                });
                s.words_between(&p.range, &v.range) <= reach
                    && !other_clause
                    && !word.ends_with("ing")
                    && !object_follows
                    && !agent
            } else {
                v.range.end <= p.range.start && s.words_between(&v.range, &p.range) <= 2
            }
        })
    })
}
