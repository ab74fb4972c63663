//! Text plumbing shared by every rule family: normalisation, words, sentences.

use std::ops::Range;

/// Lower-cases and folds the letters that news sites spell both ways (ё → е), one
/// normalised character per original character, so that byte offsets map back.
pub fn normalise(s: &str) -> Norm {
    let mut text = String::with_capacity(s.len());
    let mut shifts = Vec::new();
    for (i, c) in s.char_indices() {
        let n = fold(c);
        text.push(n);
        if n.len_utf8() != c.len_utf8() {
            shifts.push((text.len(), i + c.len_utf8()));
        }
    }
    Norm { text, shifts }
}

/// One character in, one character out: lowercase, ё→е, typographic apostrophes and
/// dashes to their ASCII kin, all spaces to a plain space.
pub fn fold(c: char) -> char {
    // Lower-case ASCII and Cyrillic, most of any text, are already folded.
    if c.is_ascii_lowercase() || c == ' ' || ('а'..='я').contains(&c) {
        return c;
    }
    match c {
        'ё' | 'Ё' => 'е',
        '\u{2019}' | '\u{2018}' | '`' | '\u{02BC}' => '\'',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
        c if c.is_whitespace() => ' ',
        c => lower(c),
    }
}

/// Lower case of one character, when it is one character (else the character itself).
/// ASCII and Cyrillic, nearly all the text dozor reads, skip the Unicode tables.
pub fn lower(c: char) -> char {
    let u = c as u32;
    match u {
        0..=0x7f => c.to_ascii_lowercase(),
        0x410..=0x42f => char::from_u32(u + 0x20).unwrap_or(c),
        0x400..=0x40f => char::from_u32(u + 0x50).unwrap_or(c),
        0x430..=0x45f => c,
        // Pairs upper (even) / lower (odd): Ғ Қ Ң Ү Ұ Һ Ә Ө and the rest of the block.
        0x460..=0x481 | 0x48a..=0x4bf | 0x4d0..=0x4ff => {
            if u % 2 == 0 {
                char::from_u32(u + 1).unwrap_or(c)
            } else {
                c
            }
        }
        _ => {
            let mut l = c.to_lowercase();
            match (l.next(), l.next()) {
                (Some(one), None) => one,
                _ => c,
            }
        }
    }
}

/// A letter, quickly for ASCII and Cyrillic.
pub fn is_letter(c: char) -> bool {
    match c as u32 {
        0..=0x7f => c.is_ascii_alphabetic(),
        0x400..=0x481 | 0x48a..=0x4ff => true,
        _ => c.is_alphabetic(),
    }
}

/// A normalised text with a way back to the original offsets.
#[derive(Debug, Clone)]
pub struct Norm {
    pub text: String,
    /// (normalised offset, original offset) after each character whose folded form has
    /// another byte length (a dash, a no-break space); most sentences have none.
    shifts: Vec<(usize, usize)>,
}

impl Norm {
    /// The byte range in the original string of a byte range of the normalised one.
    pub fn orig_range(&self, r: Range<usize>) -> Range<usize> {
        self.orig(r.start)..self.orig(r.end)
    }

    fn orig(&self, at: usize) -> usize {
        match self.shifts.partition_point(|&(n, _)| n <= at) {
            0 => at,
            k => {
                let (n, o) = self.shifts[k - 1];
                o + (at - n)
            }
        }
    }
}

/// A word character: letters, digits and the joiners that live inside words.
pub fn is_word_char(c: char) -> bool {
    match c as u32 {
        0..=0x7f => c.is_ascii_alphanumeric(),
        0x400..=0x481 | 0x48a..=0x4ff => true,
        _ => c.is_alphanumeric(),
    }
}

/// Byte ranges of the words of `s` (maximal runs of word characters; a hyphen or
/// apostrophe between two word characters stays inside the word: "Усть-Каменогорск").
pub fn words(s: &str) -> Vec<Range<usize>> {
    Words::new(s).collect()
}

/// How many words `s` holds, as [`words`] counts them, without collecting them: the rules
/// that measure the distance between two hits ask this of many short gaps.
pub fn word_count(s: &str) -> usize {
    Words::new(s).count()
}

struct Words<'a> {
    s: &'a str,
    chars: std::iter::Peekable<std::str::CharIndices<'a>>,
}

impl<'a> Words<'a> {
    fn new(s: &'a str) -> Words<'a> {
        Words {
            s,
            chars: s.char_indices().peekable(),
        }
    }
}

impl Iterator for Words<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        let mut start: Option<usize> = None;
        while let Some((i, c)) = self.chars.next() {
            if is_word_char(c) {
                if start.is_none() {
                    start = Some(i);
                }
                continue;
            }
            if let Some(st) = start {
                let joiner = matches!(c, '-' | '\'');
                let next_is_word = self.chars.peek().is_some_and(|&(_, n)| is_word_char(n));
                if joiner && next_is_word {
                    continue;
                }
                return Some(st..i);
            }
        }
        start.map(|st| st..self.s.len())
    }
}

/// Abbreviations after which a full stop does not end a sentence.
const NO_BREAK_AFTER: &[&str] = &[
    "г", "гг", "ул", "им", "т", "тыс", "млн", "млрд", "руб", "долл", "ст", "ч", "п", "пр", "д",
    "см", "обл", "р", "мкр", "пос", "с", "кв", "no", "mr", "mrs", "ms", "dr", "st", "jr", "vs",
    "inc", "ltd", "co", "gen", "col", "lt", "capt", "maj", "sgt", "жж", "ж", "б", "тг", "каз", "e",
    "g", "i", "u", "s", "a", "m", "n", "ltc", "сб", "вс", "пн", "вт", "ср", "чт", "пт",
];

/// Splits a paragraph into sentences, returning byte ranges (trimmed). A sentence ends at
/// `.`, `!`, `?` or `…` (and closing quotes or brackets after them) followed by a space
/// and an upper-case letter, a digit or an opening quote — but not after a known
/// abbreviation, an initial ("А. Иванов"), or inside a number ("1.5").
pub fn sentences(p: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let bytes = p.as_bytes();
    let mut start = 0;
    let mut iter = p.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if !matches!(c, '.' | '!' | '?' | '…') {
            continue;
        }
        // Swallow runs of terminal punctuation and closing quotes/brackets.
        let mut end = i + c.len_utf8();
        while let Some(&(j, n)) = iter.peek() {
            if matches!(
                n,
                '.' | '!' | '?' | '…' | '"' | '»' | '”' | ')' | '\'' | '“'
            ) {
                end = j + n.len_utf8();
                iter.next();
            } else {
                break;
            }
        }
        // Must be followed by whitespace and then a sentence opener.
        let rest = &p[end..];
        let trimmed = rest.trim_start();
        if trimmed.len() == rest.len() || trimmed.is_empty() {
            continue;
        }
        let next = trimmed.chars().next().unwrap_or(' ');
        let opener = next.is_uppercase()
            || next.is_ascii_digit()
            || matches!(next, '"' | '«' | '“' | '(' | '-' | '—' | '–' | '[');
        if !opener {
            continue;
        }
        if c == '.' && abbreviation_before(&p[start..i]) {
            continue;
        }
        let _ = bytes;
        push_trimmed(p, start..end, &mut out);
        start = p.len() - trimmed.len();
    }
    push_trimmed(p, start..p.len(), &mut out);
    out
}

fn abbreviation_before(before: &str) -> bool {
    let word: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if word.is_empty() {
        return false;
    }
    let single_upper = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    if single_upper {
        return true; // an initial
    }
    let lower = word.to_lowercase();
    NO_BREAK_AFTER.contains(&lower.as_str())
}

fn push_trimmed(p: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &p[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(r.start + lead..r.end - trail);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(p: &str) -> Vec<&str> {
        sentences(p).into_iter().map(|r| &p[r]).collect()
    }

    #[test]
    fn normalise_keeps_offsets() {
        let n = normalise("Ёлки В Актобе");
        assert_eq!(n.text, "елки в актобе");
        let i = n.text.find("актобе").unwrap();
        assert_eq!(n.orig_range(i..i + "актобе".len()), 12..24);
        let s = "Он \u{2014} в\u{a0}Актобе\u{2019}s";
        let n = normalise(s);
        assert_eq!(n.text, "он - в актобе's");
        let i = n.text.find("актобе").unwrap();
        assert_eq!(&s[n.orig_range(i..i + "актобе's".len())], "Актобе\u{2019}s");
    }

    #[test]
    fn fast_lower_agrees_with_unicode() {
        for u in 0..0x2000u32 {
            let Some(c) = char::from_u32(u) else { continue };
            let mut l = c.to_lowercase();
            let want = match (l.next(), l.next()) {
                (Some(one), None) => one,
                _ => c,
            };
            assert_eq!(lower(c), want, "U+{u:04X}");
            assert_eq!(is_letter(c), c.is_alphabetic(), "U+{u:04X}");
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "U+{u:04X}");
        }
    }

    #[test]
    fn words_keep_hyphenated_names() {
        let s = "в Усть-Каменогорске, 5 млн.";
        let w: Vec<&str> = words(s).into_iter().map(|r| &s[r]).collect();
        assert_eq!(w, ["в", "Усть-Каменогорске", "5", "млн"]);
    }

    #[test]
    fn sentences_respect_abbreviations_and_numbers() {
        let p =
            "Он получил 1,5 млн. тенге в 2023 г. в г. Актобе. Задержан А. Иванов. Why? Because.";
        assert_eq!(
            split(p),
            [
                "Он получил 1,5 млн. тенге в 2023 г. в г. Актобе.",
                "Задержан А. Иванов.",
                "Why?",
                "Because."
            ]
        );
    }

    #[test]
    fn sentences_after_quotes() {
        let p = "«Он требовал деньги», — сказал он. «Мы проверим». Дело передано в суд.";
        assert_eq!(
            split(p),
            [
                "«Он требовал деньги», — сказал он.",
                "«Мы проверим».",
                "Дело передано в суд."
            ]
        );
    }
}
