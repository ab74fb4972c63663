//! Plain-text documents: blocks separated by blank lines, a headline on the first line of
//! substance, and whatever a copy from a website drags along above it (breadcrumbs, the
//! site's name, share buttons, the date line) set aside.

use std::sync::LazyLock;

use regex::Regex;

use crate::date::find_dates;

fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn words(line: &str) -> usize {
    line.split_whitespace().count()
}

fn headline_like(line: &str) -> bool {
    line.chars().count() < 200 && !line.ends_with('.') && words(line) >= 2
}

/// "Главная / Новости / Происшествия", "Home > World", "Басты бет » Оқиға".
fn breadcrumb(line: &str) -> bool {
    words(line) <= 12
        && [" / ", " > ", " » ", " | ", " › "]
            .iter()
            .any(|s| line.contains(s))
}

const SHARE: &[&str] = &[
    "share",
    "tweet",
    "print",
    "email",
    "facebook",
    "twitter",
    "telegram",
    "whatsapp",
    "vk",
    "ok",
    "поделиться",
    "печать",
    "распечатать",
    "бөлісу",
    "басып шығару",
    "subscribe",
    "подписаться",
    "жазылу",
    "comments",
    "комментарии",
    "пікірлер",
    "x",
];

/// A line of share buttons or similar site furniture.
fn furniture(line: &str) -> bool {
    let lower = line.to_lowercase();
    let tokens: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .collect();
    !tokens.is_empty() && tokens.len() <= 6 && tokens.iter().all(|t| SHARE.contains(t))
}

static DOMAIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b[\w-]+\.(?:kz|kg|uz|ru|tj|tm|az|com|org|net|media|info|news|asia)\b")
        .unwrap()
});

static TIME: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b\d{1,2}:\d{2}\b").unwrap());

static DATE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:дата|публикации|опубликовано|обновлено|изменено|date|published|updated|posted|жарияланған|жарияланды|күні|уақыты|жаңартылды)\b",
    )
    .unwrap()
});

/// A line that only says when: "21:10, 30 июня 2024", "Дата публикации: 14.03.2024",
/// "Date: 10.10.2023", "14 May 2024, 11:20".
fn date_line(line: &str) -> bool {
    if line.chars().count() > 70 {
        return false;
    }
    let mut rest = line.to_string();
    let dates = find_dates(line, Some(2000));
    let had_date = !dates.is_empty() || TIME.is_match(line);
    for (r, _) in dates.iter().rev() {
        rest.replace_range(r.clone(), " ");
    }
    let rest = TIME.replace_all(&rest, " ");
    let rest = DATE_LABEL.replace_all(&rest, " ");
    let left = rest
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .count();
    had_date && left <= 1
}

/// "By Aigerim Seitkali", "Автор: …", "Фото: …".
fn byline(line: &str) -> bool {
    let l = line.to_lowercase();
    words(line) <= 8
        && [
            "by ",
            "автор:",
            "автор ",
            "фото:",
            "photo:",
            "author:",
            "авторы:",
        ]
        .iter()
        .any(|p| l.starts_with(p))
}

/// What is not the article, wherever it stands.
fn chrome(line: &str) -> bool {
    breadcrumb(line) || furniture(line) || date_line(line) || byline(line)
}

/// What a plain text is made of.
pub struct Parts {
    pub title: Option<String>,
    /// What stood above the headline and beside it (letterhead, date line): not part of the
    /// body, but a place to find the date.
    pub preamble: Option<String>,
    pub paragraphs: Vec<String>,
}

/// Paragraphs are blocks separated by blank lines; a line break inside a block is a space.
/// Before the headline, site chrome is set aside: breadcrumbs, share buttons, date lines,
/// bylines, and the site's name (a line of one to three words above the headline). The
/// headline is the first line of substance when it reads like one (short, no final
/// period); it is not repeated as a paragraph.
pub fn parts(text: &str) -> Parts {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let mut preamble: Vec<&str> = Vec::new();
    let mut i = 0;
    let next_substantial = |from: usize| {
        lines[from..]
            .iter()
            .find(|l| !l.is_empty() && !chrome(l))
            .copied()
    };

    // Above the headline.
    while i < lines.len() {
        let l = lines[i];
        // The site's name or section ("Informburo.kz", "Происшествия") above a longer line.
        let site_name = (words(l) <= 3 && !l.ends_with(['.', '!', '?'])
            || DOMAIN.is_match(l) && words(l) <= 4)
            && next_substantial(i + 1).is_some_and(|n| words(n) > words(l).max(3));
        if l.is_empty() || chrome(l) || site_name {
            if !l.is_empty() {
                preamble.push(l);
            }
            i += 1;
        } else {
            break;
        }
    }
    // A letterhead block ("POLICE DEPARTMENT / Press release"): short lines, then a blank
    // line and a one-line headline.
    let block_end = (i..lines.len())
        .find(|&j| lines[j].is_empty())
        .unwrap_or(lines.len());
    if block_end - i >= 2
        && lines[i..block_end]
            .iter()
            .all(|l| l.chars().count() < 100 && !l.ends_with('.'))
    {
        let next = (block_end..lines.len()).find(|&j| !lines[j].is_empty());
        let one_line = next.is_some_and(|j| lines.get(j + 1).is_none_or(|l| l.is_empty()));
        if let (Some(j), true) = (next, one_line) {
            if headline_like(lines[j]) {
                preamble.extend(&lines[i..block_end]);
                i = j;
            }
        }
    }
    let mut title = None;
    if i < lines.len() && headline_like(lines[i]) {
        title = Some(fold(lines[i]));
        i += 1;
    }
    // Under the headline: the date line, share buttons.
    while i < lines.len() && (lines[i].is_empty() || chrome(lines[i])) {
        if !lines[i].is_empty() {
            preamble.push(lines[i]);
        }
        i += 1;
    }

    // The body: blocks; a heading line above a digest entry, and a date or chrome line
    // anywhere, stand alone rather than run into the text.
    let mut paragraphs = Vec::new();
    let mut block: Vec<&str> = Vec::new();
    let flush = |block: &mut Vec<&str>, out: &mut Vec<String>| {
        if !block.is_empty() {
            out.push(fold(&block.join(" ")));
            block.clear();
        }
    };
    for (k, l) in lines.iter().enumerate().skip(i) {
        if l.is_empty() {
            flush(&mut block, &mut paragraphs);
        } else if chrome(l) {
            flush(&mut block, &mut paragraphs);
        } else if block.is_empty()
            && lines
                .get(k + 1)
                .is_some_and(|n| !n.is_empty() && heading_line(l, n))
        {
            paragraphs.push(fold(l));
        } else {
            block.push(l);
        }
    }
    flush(&mut block, &mut paragraphs);
    Parts {
        title,
        preamble: (!preamble.is_empty()).then(|| fold(&preamble.join(" \n "))),
        paragraphs,
    }
}

/// A short line with no final punctuation, followed by a line that starts a sentence (a
/// hard-wrapped paragraph goes on in lower case instead).
fn heading_line(line: &str, next: &str) -> bool {
    words(line) <= 8
        && !line.ends_with(['.', ',', ';', '-', '–', '—'])
        && next
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || c == '«' || c == '"')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chrome_above_the_headline_is_set_aside() {
        let t = "Главная / Новости / Происшествия\nZakon.kz\nВодитель сбил инспектора полиции в Астане\n07:55, 21 мая 2024\nПоделиться\n\nНочью водитель сбил инспектора.\nОн скрылся.\n\n21:10\nВторой абзац.";
        let p = parts(t);
        assert_eq!(
            p.title.as_deref(),
            Some("Водитель сбил инспектора полиции в Астане")
        );
        assert_eq!(
            p.paragraphs,
            [
                "Ночью водитель сбил инспектора. Он скрылся.",
                "Второй абзац."
            ]
        );
        assert!(p.preamble.unwrap().contains("21 мая 2024"));
    }

    #[test]
    fn a_date_line_first_is_not_the_title() {
        let p = parts("Дата публикации: 05.02.2024 09:15\nБывшего оперативника осудили за пытки\n\nТекст статьи здесь.");
        assert_eq!(
            p.title.as_deref(),
            Some("Бывшего оперативника осудили за пытки")
        );
        assert_eq!(p.paragraphs, ["Текст статьи здесь."]);
    }

    #[test]
    fn site_names_and_share_words() {
        let p = parts("24.kg\nShare\nBishkek police officer detained for extortion\n\nText.");
        assert_eq!(
            p.title.as_deref(),
            Some("Bishkek police officer detained for extortion")
        );
        assert!(date_line("Date: 10.10.2023"));
        assert!(date_line("21:10, 30 июня 2024"));
        assert!(!date_line(
            "В Актобе 12 марта задержан участковый инспектор"
        ));
        assert!(breadcrumb("Басты бет / Оқиға"));
        assert!(furniture("Поделиться"));
    }
}
