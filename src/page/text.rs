//! Plain-text documents: blocks separated by blank lines, a headline on the first line.

fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn headline_like(line: &str) -> bool {
    line.chars().count() < 200 && !line.ends_with('.') && line.split_whitespace().count() >= 2
}

/// A short line with no final punctuation, followed by a line that starts a sentence (a
/// hard-wrapped paragraph goes on in lower case instead).
fn heading_line(line: &str, next: &str) -> bool {
    let words = line.split_whitespace().count();
    words <= 8
        && !line.ends_with(['.', ',', ';', '-', '–', '—'])
        && next
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || c == '«' || c == '"')
}

/// What a plain text is made of.
pub struct Parts {
    pub title: Option<String>,
    /// A letterhead above the headline ("POLICE DEPARTMENT / Press release / 20.01.2025"),
    /// not part of the body but a place to find the date.
    pub preamble: Option<String>,
    pub paragraphs: Vec<String>,
}

/// Paragraphs = blocks separated by blank lines, a line break inside a block is a space.
/// The title is the first line when it reads like a headline (short, no final period);
/// it is not repeated as a paragraph.
pub fn parts(text: &str) -> Parts {
    let mut blocks: Vec<Vec<&str>> = Vec::new();
    let mut cur: Vec<&str> = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            if !cur.is_empty() {
                blocks.push(std::mem::take(&mut cur));
            }
        } else {
            cur.push(line);
        }
    }
    if !cur.is_empty() {
        blocks.push(cur);
    }
    let mut title = None;
    let mut preamble = None;
    let mut skip = 0;
    if let Some(first) = blocks.first() {
        if headline_like(first[0]) {
            if first.len() == 1 {
                title = Some(fold(first[0]));
                skip = 1;
            } else if first
                .iter()
                .all(|l| l.chars().count() < 100 && !l.ends_with('.'))
                && blocks
                    .get(1)
                    .is_some_and(|b| b.len() == 1 && headline_like(b[0]))
            {
                preamble = Some(fold(&first.join(" ")));
                title = Some(fold(blocks[1][0]));
                skip = 2;
            } else {
                // The headline shares its block with the text: take just its line off.
                title = Some(fold(first[0]));
                blocks[0].remove(0);
            }
        }
    }
    let mut paragraphs = Vec::new();
    for b in blocks.iter().skip(skip).filter(|b| !b.is_empty()) {
        // "TALGAR" or "Кентау: участковый присвоил телефоны" on its own line above the text
        // of a digest entry is a heading, not the start of the paragraph.
        let (head, rest) = match b.split_first() {
            Some((h, rest)) if !rest.is_empty() && heading_line(h, rest[0]) => (Some(*h), rest),
            _ => (None, &b[..]),
        };
        paragraphs.extend(head.map(fold));
        paragraphs.push(fold(&rest.join(" ")));
    }
    Parts {
        title,
        preamble,
        paragraphs,
    }
}
