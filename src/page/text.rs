//! Plain-text documents: blocks separated by blank lines, a headline on the first line.

/// Paragraphs of a plain text, and its title when the first line looks like a headline.
pub fn paragraphs(text: &str) -> (Option<String>, Vec<String>) {
    let mut paras: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut first_line: Option<String> = None;
    let mut first_block_lines = 0;
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            if !cur.is_empty() {
                paras.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if first_line.is_none() {
            first_line = Some(line.to_string());
        }
        if paras.is_empty() {
            first_block_lines += 1;
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.extend(line.split_whitespace().flat_map(|w| [w, " "]));
        cur.truncate(cur.trim_end().len());
    }
    if !cur.is_empty() {
        paras.push(cur);
    }
    let mut title = None;
    if let Some(line) = first_line {
        let headline = line.chars().count() < 200
            && !line.ends_with('.')
            && line.split_whitespace().count() >= 2;
        if headline {
            let t = line.split_whitespace().collect::<Vec<_>>().join(" ");
            if first_block_lines == 1 {
                paras.remove(0);
            } else if let Some(p) = paras.first_mut() {
                // The headline shares its block with the text: take just its line off.
                *p = p[t.len().min(p.len())..].trim_start().to_string();
            }
            title = Some(t);
        }
    }
    (title, paras)
}
