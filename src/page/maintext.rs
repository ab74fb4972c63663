//! The article's paragraphs among the page's blocks, by text and link density.
//!
//! Readability-style: every block that reads like prose (long enough, few links, not
//! under a boilerplate class) gives points to its container and less to the ones above;
//! the best container after a link-density penalty, plus siblings that score nearly as
//! well, hold the article. Inside it, blocks are kept one by one: link lists, short
//! labels, headlines, captions, bylines and "read also" teasers go.

use super::dom::{Boiler, Doc, Kind, NONE};
use regex::Regex;
use std::sync::LazyLock;

/// Lines that are not the article's own text even inside its body.
static JUNK_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^[\s«\x22(\[]*(?:
          читайте\s+(?:также|тоже|ещё|еще)|также\s+читайте|см\.\s+также|смотрите\s+также|
          по\s+теме|ранее\s+по\s+теме|подробнее\s*:|
          read\s+(?:also|more)|see\s+also|related\s*:|more\s*:|also\s+read|recommended\s*:|
          тағы\s+оқыңыз|оқи\s+отырыңыз|сондай-ақ\s+оқыңыз|ұқсас\s+жаңалықтар|
          фото\s*[:/©]|фото\s+\S+\s*[:/]|видео\s*:|photo\s*(?:by\b|[:/©])|image\s*:|credit\s*:|сурет\s*[:/]|
          источник\s*:|дереккөз\s*:|source\s*:|автор\s*:|author\s*:|by\s+[A-ZА-Я][\w.]+\s+[A-ZА-Я]\w+$|
          подписывайтесь|подпишитесь|subscribe\s+to|follow\s+us|жазылыңыз|присоединяйтесь|
          реклама$|жарнама$|advertisement$|sponsored$|
          ©|нашли\s+ошибку|found\s+a\s+(?:mistake|typo)|қате\s+тапсаңыз|
          (?:date\s+)?(?:created|published|posted|updated|last\s+updated|modified|
             опубликовано|обновлено|жарияланды)\s*(?:on\s*)?:\s*\d
        )",
    )
    .unwrap()
});

/// A credit line that is only the news agencies in brackets: "(FRANCE 24 with AFP,
/// REUTERS)", "(ТАСС)".
static AGENCY_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\(\s*[^()]{0,60}?\b(?:AFP|AP|Reuters|REUTERS|DPA|dpa|ANSA|EFE|TASS|ТАСС|РИА\s+Новости|Интерфакс|Kazinform|Казинформ)\b[^()]{0,60}\)\.?$",
    )
    .unwrap()
});

fn ends_like_sentence(t: &str) -> bool {
    t.trim_end()
        .ends_with(['.', '!', '?', '…', '»', '"', '”', ':', ')', ';', '“'])
}

fn block_score(text: &str, chars: u32) -> f32 {
    let commas = text.matches([',', '،', '，']).count() as f32;
    1.0 + commas + (chars as f32 / 100.0).min(3.0)
}

/// Is the boilerplate mark on element `b` real, or a wrapper around most of the page?
/// A "maybe" word counts below half the page's text; a "sure" word from class or id alone
/// counts below two thirds of it (a page wrapped in `<div id="ad-portal">`); tags and
/// roles (`<nav>`, `<footer>`, `role=navigation`) always count.
fn effective_boiler(doc: &Doc, mut b: u32) -> bool {
    while b != NONE {
        let e = &doc.elems[b as usize];
        let sure = e.boiler == Boiler::Sure
            && !(e.by_words && e.chars as u64 * 3 >= doc.total_chars as u64 * 2);
        if sure || (e.boiler == Boiler::Maybe && e.chars * 2 < doc.total_chars) {
            return true;
        }
        // Walk to the next boilerplate element further up.
        b = if e.parent == NONE {
            NONE
        } else {
            doc.elems[e.parent as usize].boiler_anc
        };
    }
    false
}

/// Choose the article's blocks; returns block indices in page order.
pub fn select(doc: &Doc, roots: Option<&[u32]>) -> Vec<usize> {
    let n = doc.elems.len();
    let boiler: Vec<bool> = doc
        .blocks
        .iter()
        .map(|b| effective_boiler(doc, doc.elems[b.owner as usize].boiler_anc))
        .collect();

    let roots: Vec<u32> = match roots {
        Some(r) => r.to_vec(),
        None => {
            let mut score = vec![0f32; n];
            // Owners of the blocks that scored.
            let mut scored: Vec<u32> = Vec::new();
            for (i, b) in doc.blocks.iter().enumerate() {
                if boiler[i] || b.chars < 25 || b.link_chars * 2 > b.chars {
                    continue;
                }
                scored.push(b.owner);
                let s = block_score(&b.text, b.chars);
                let owner = &doc.elems[b.owner as usize];
                // Text right inside a container scores that container; a paragraph
                // scores the element holding it.
                let mut target = if owner.kind == Kind::Container {
                    b.owner
                } else {
                    owner.parent
                };
                let mut level = 0;
                while target != NONE && level < 4 {
                    score[target as usize] += s / [1.0, 2.0, 6.0, 9.0][level];
                    target = doc.elems[target as usize].parent;
                    level += 1;
                }
            }
            let mut best = NONE;
            let mut best_score = 0f32;
            for (i, e) in doc.elems.iter().enumerate() {
                if score[i] <= 0.0 {
                    continue;
                }
                let ld = if e.chars > 0 {
                    e.link_chars as f32 / e.chars as f32
                } else {
                    0.0
                };
                let mut s = score[i] * (1.0 - ld);
                if e.positive {
                    s *= 1.25;
                }
                if e.boiler != Boiler::No && effective_boiler(doc, i as u32) {
                    s *= 0.2;
                }
                score[i] = s;
                if s > best_score {
                    best_score = s;
                    best = i as u32;
                }
            }
            if best == NONE {
                return fallback(doc, &boiler);
            }
            // A best container that holds a single scoring paragraph and is the only
            // scoring child of its parent is one wrapper of a paragraph-per-wrapper body (`<div class="article__block">
            // <div class="article__text">…`): climb to the wrapper, whose siblings are
            // the other paragraphs. At most two levels.
            let best_end = doc.elems[best as usize].end;
            let single = scored
                .iter()
                .filter(|&&o| o >= best && o < best_end)
                .count()
                == 1;
            let mut climbed = false;
            for _ in 0..if single { 2 } else { 0 } {
                let parent = doc.elems[best as usize].parent;
                if parent == NONE
                    || score[parent as usize] <= 0.0
                    || effective_boiler(doc, doc.elems[parent as usize].boiler_anc)
                    || scoring_children(doc, &score, parent) > 1
                {
                    break;
                }
                best = parent;
                best_score = score[parent as usize];
                climbed = true;
            }
            // Siblings that score nearly as well belong to the article too. The floor
            // of 10 keeps single stray paragraphs out of long articles; a short article
            // split in two by an ad block scores less than that in each half, and the
            // wrappers of a paragraph-per-wrapper body are each one paragraph.
            let mut roots = vec![best];
            let parent = doc.elems[best as usize].parent;
            if parent != NONE {
                let threshold = if climbed {
                    best_score * 0.2
                } else {
                    (best_score * 0.2).max(10f32.min(best_score * 0.5))
                };
                let mut i = parent + 1;
                while i < doc.elems[parent as usize].end {
                    let e = &doc.elems[i as usize];
                    if i != best
                        && score[i as usize] >= threshold
                        && !effective_boiler(doc, e.boiler_anc)
                    {
                        roots.push(i);
                    }
                    i = e.end.max(i + 1);
                }
            }
            roots
        }
    };

    let root_of = |owner: u32| {
        roots
            .iter()
            .copied()
            .find(|&r| owner >= r && owner < doc.elems[r as usize].end)
    };
    let mut out: Vec<usize> = Vec::new();
    for (i, b) in doc.blocks.iter().enumerate() {
        let Some(root) = root_of(b.owner) else {
            continue;
        };
        if boiler[i] && !prose_under_maybe(doc, doc.elems[b.owner as usize].boiler_anc, root) {
            continue;
        }
        if keep_block(doc, i) && !(out.is_empty() && standfirst(doc, i)) {
            out.push(i);
        }
    }
    out
}

/// A heading that opens the article and is a whole long sentence is the standfirst
/// deck ("A blogger was hacked to death … on Tuesday, the third attack …."), not a
/// subheading: in-body subheadings are short.
fn standfirst(doc: &Doc, i: usize) -> bool {
    let b = &doc.blocks[i];
    matches!(doc.elems[b.owner as usize].kind, Kind::Heading(_))
        && b.text.split_whitespace().count() >= 20
        && b.text.trim_end().ends_with(['.', '!', '…'])
}

/// How many children of `parent` got a positive score.
fn scoring_children(doc: &Doc, score: &[f32], parent: u32) -> usize {
    let mut n = 0;
    let mut i = parent + 1;
    while i < doc.elems[parent as usize].end {
        if score[i as usize] > 0.0 {
            n += 1;
        }
        i = doc.elems[i as usize].end.max(i + 1);
    }
    n
}

/// Inside the article, a "maybe" mark ("read-more", "story-more", "lead") on an element
/// that carries a large share of the article's text with few links is a name, not
/// boilerplate: pages that fold the rest of the story behind a "read more" button keep
/// it in such a wrapper. Every boilerplate element between the block and the root must
/// be of that kind; a surely-boilerplate one (ads, share bars) still drops the block.
fn prose_under_maybe(doc: &Doc, mut b: u32, root: u32) -> bool {
    let r = &doc.elems[root as usize];
    let mut any = false;
    while b != NONE && b >= root && b < r.end {
        let e = &doc.elems[b as usize];
        if e.boiler != Boiler::Maybe || e.chars * 3 < r.chars || e.link_chars * 5 > e.chars {
            return false;
        }
        any = true;
        b = if e.parent == NONE {
            NONE
        } else {
            doc.elems[e.parent as usize].boiler_anc
        };
    }
    // Marks above the root were already judged when the root was chosen.
    any && (b == NONE || !effective_boiler(doc, b))
}

fn keep_block(doc: &Doc, i: usize) -> bool {
    let b = &doc.blocks[i];
    let owner = &doc.elems[b.owner as usize];
    let text = b.text.as_str();
    if let Kind::Heading(1) = owner.kind {
        return false;
    }
    // Link lists and link-only lines.
    // A sentence whose subject happens to be a link stays; a line of links goes.
    let sentence = owner.tag != "li" && b.chars >= 40 && ends_like_sentence(text);
    let too_linky = if sentence {
        b.link_chars * 10 > b.chars * 8
    } else if owner.tag == "li" {
        // An item that is mostly its own words with a link inside ("The UK must stay
        // in the EU to have influence") is body text; a related-story item is nearly all
        // link.
        b.link_chars * 10 > b.chars * 6
    } else {
        b.link_chars * 2 > b.chars
    };
    if too_linky {
        return false;
    }
    if JUNK_LINE.is_match(text) || AGENCY_LINE.is_match(text.trim()) {
        return false;
    }
    let words = text.split_whitespace().count();
    let heading = matches!(owner.kind, Kind::Heading(_)) || (b.all_bold && words <= 15);
    if heading {
        return words >= 1 && b.chars >= 3 && !text.ends_with(':');
    }
    // Short labels: "Поделиться", "Теги", "28.01.2025, 13:30".
    if words < 4 && !ends_like_sentence(text) {
        return false;
    }
    if b.chars < 15 && !ends_like_sentence(text) {
        return false;
    }
    true
}

/// No container stands out: keep prose-like blocks anywhere outside boilerplate.
fn fallback(doc: &Doc, boiler: &[bool]) -> Vec<usize> {
    doc.blocks
        .iter()
        .enumerate()
        .filter(|(i, b)| {
            !boiler[*i] && b.chars >= 40 && b.link_chars * 3 < b.chars && keep_block(doc, *i)
        })
        .map(|(i, _)| i)
        .collect()
}
