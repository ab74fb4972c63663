//! One automaton for a whole lexicon: word patterns with stems, matched over normalised text.
//!
//! A pattern is a sequence of words separated by spaces, as a lexicon file writes it:
//!
//! - `полиция` — that word exactly;
//! - `полиц*` — a word that starts with `полиц` (the rest of the word is the *tail*,
//!   handed back so that a caller can check it against an ending class);
//! - `~` — up to two words of anything ("сотрудник* ~ полиц*" takes "сотрудник местной
//!   полиции"); `~N` — up to N words.
//!
//! Patterns are written in normalised form (see [`super::text::fold`]); [`Pattern::parse`]
//! normalises them so a lexicon may use capitals and ё.
//!
//! Only the first word of each pattern goes into the Aho-Corasick automaton, scanned
//! anchored from each word start; the rest are checked against the words that follow a
//! hit, so a lexicon of thousands of entries costs one short scan per word. A pattern must
//! therefore start with a letter or digit.

use std::ops::Range;

use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind, StartKind};

use super::text::{fold, is_word_char, words};

#[derive(Debug, Clone, PartialEq, Eq)]
enum WordPat {
    Exact(String),
    Prefix(String),
    Gap(u8),
}

/// A parsed word pattern; see the module documentation for the syntax.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    words: Vec<WordPat>,
}

impl Pattern {
    /// Parses a pattern, or says what is wrong with it in words a lexicon editor can act on.
    pub fn parse(src: &str) -> Result<Pattern, String> {
        let mut out = Vec::new();
        for w in src.split_whitespace() {
            if let Some(n) = w.strip_prefix('~') {
                let n = if n.is_empty() {
                    2
                } else {
                    n.parse::<u8>()
                        .map_err(|_| format!("`{w}`: a gap is `~` or `~N` with N a small number"))?
                };
                if out.is_empty() {
                    return Err(format!("`{src}`: a pattern cannot start with a gap"));
                }
                out.push(WordPat::Gap(n));
                continue;
            }
            let (lit, prefix) = match w.strip_suffix('*') {
                Some(stem) => (stem, true),
                None => (w, false),
            };
            if lit.is_empty() || lit.contains('*') {
                return Err(format!(
                    "`{w}`: `*` may only end a word, after at least one letter"
                ));
            }
            let lit: String = lit.chars().map(fold).collect();
            out.push(if prefix {
                WordPat::Prefix(lit)
            } else {
                WordPat::Exact(lit)
            });
        }
        match out.last() {
            None => Err("an empty pattern matches nothing; remove it".to_string()),
            Some(WordPat::Gap(_)) => Err(format!("`{src}`: a pattern cannot end with a gap")),
            Some(_) => Ok(Pattern { words: out }),
        }
    }

    /// A pattern of one word, prefix or exact, from code rather than a lexicon file.
    pub fn word(lit: &str, prefix: bool) -> Pattern {
        let lit: String = lit.chars().map(fold).collect();
        Pattern {
            words: vec![if prefix {
                WordPat::Prefix(lit)
            } else {
                WordPat::Exact(lit)
            }],
        }
    }

    /// Several words, each a prefix or exact.
    pub fn words(parts: &[(&str, bool)]) -> Pattern {
        Pattern {
            words: parts
                .iter()
                .map(|(lit, prefix)| {
                    let lit: String = lit.chars().map(fold).collect();
                    if *prefix {
                        WordPat::Prefix(lit)
                    } else {
                        WordPat::Exact(lit)
                    }
                })
                .collect(),
        }
    }

    fn first(&self) -> &str {
        match &self.words[0] {
            WordPat::Exact(s) | WordPat::Prefix(s) => s,
            WordPat::Gap(_) => unreachable!("parse refuses a leading gap"),
        }
    }
}

/// A place where a pattern matched.
#[derive(Debug, Clone)]
pub struct Hit<'m, T> {
    /// Byte range in the normalised text, from the first word to the end of the last.
    pub range: Range<usize>,
    pub value: &'m T,
    /// Index of the pattern in the order given to [`Matcher::new`].
    pub pattern: usize,
    /// For each non-gap word of the pattern, the part of the text word after the
    /// pattern's literal (empty for exact words).
    pub tails: Vec<Range<usize>>,
}

/// A compiled lexicon: patterns with a value each.
pub struct Matcher<T> {
    dfa: Option<DFA>,
    /// Byte length of each pattern's first word (what the automaton matched).
    first_len: Vec<usize>,
    patterns: Vec<(Pattern, T)>,
}

impl<T> Matcher<T> {
    pub fn new(items: impl IntoIterator<Item = (Pattern, T)>) -> Matcher<T> {
        let patterns: Vec<(Pattern, T)> = items.into_iter().collect();
        let dfa = if patterns.is_empty() {
            None
        } else {
            // A DFA: a few megabytes once, for the fastest scan of every sentence.
            Some(
                DFA::builder()
                    .match_kind(MatchKind::Standard)
                    .start_kind(StartKind::Anchored)
                    .build(patterns.iter().map(|(p, _)| p.first()))
                    .expect("literal patterns always compile"),
            )
        };
        let first_len = patterns.iter().map(|(p, _)| p.first().len()).collect();
        Matcher {
            dfa,
            first_len,
            patterns,
        }
    }

    pub fn len(&self) -> usize {
        self.patterns.len()
    }

    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    /// Every match in `norm` (a normalised text), overlapping ones included, in order of
    /// their start.
    pub fn find_all<'m>(&'m self, norm: &str) -> Vec<Hit<'m, T>> {
        self.find_all_in(norm, &words(norm))
    }

    /// [`find_all`](Self::find_all) for a caller that already has `words(norm)`.
    pub fn find_all_in<'m>(&'m self, norm: &str, toks: &[Range<usize>]) -> Vec<Hit<'m, T>> {
        let Some(dfa) = &self.dfa else {
            return Vec::new();
        };
        // Patterns start at a word's start: walk the automaton anchored from each word
        // start, instead of reporting (and rejecting) every match inside words.
        // Each candidate carries its word's end: a literal that ends inside the word ends
        // it where the word does, without scanning for it again.
        let mut found: Vec<(usize, usize, usize, usize)> = Vec::new();
        for t in toks {
            self.anchored_at(dfa, norm.as_bytes(), t.start, t.end, &mut found);
            // "Алматы-Бишкек": the parts of a compound of names start words too; a short
            // prefix does not ("pre-trial" holds no "trial", "экс-" no officer).
            let mut part = t.start;
            for (i, c) in norm[t.clone()].char_indices() {
                let at = t.start + i;
                if c == '-' {
                    if norm[part..at].chars().count() >= 5 {
                        self.anchored_at(dfa, norm.as_bytes(), at + 1, t.end, &mut found);
                    }
                    part = at + 1;
                }
            }
        }
        let mut out = Vec::new();
        for (start, lit_end, pid, tok_end) in found {
            let (pat, value) = &self.patterns[pid];
            let word_end = if lit_end <= tok_end {
                tok_end
            } else {
                end_of_word(norm, lit_end)
            };
            let mut tails = Vec::with_capacity(pat.words.len());
            match &pat.words[0] {
                WordPat::Exact(_) if !possessive_or_empty(&norm[lit_end..word_end]) => continue,
                _ => tails.push(lit_end..word_end),
            }
            let end = if pat.words.len() == 1 {
                word_end
            } else {
                let next = toks.partition_point(|t| t.start < word_end);
                match match_rest(norm, toks, next, &pat.words[1..], &mut tails) {
                    Some(e) => e,
                    None => continue,
                }
            };
            out.push(Hit {
                range: start..end,
                value,
                pattern: pid,
                tails,
            });
        }
        out.sort_by_key(|h| (h.range.start, std::cmp::Reverse(h.range.end)));
        out
    }
}

impl<T> Matcher<T> {
    /// Every pattern whose first word starts exactly at `start`: (start, end, pattern).
    fn anchored_at(
        &self,
        dfa: &DFA,
        hay: &[u8],
        start: usize,
        word_end: usize,
        out: &mut Vec<(usize, usize, usize, usize)>,
    ) {
        let Ok(mut sid) = dfa.start_state(Anchored::Yes) else {
            return;
        };
        for (i, &b) in hay[start..].iter().enumerate() {
            sid = dfa.next_state(Anchored::Yes, sid, b);
            if dfa.is_dead(sid) {
                return;
            }
            if dfa.is_match(sid) {
                let end = start + i + 1;
                for k in 0..dfa.match_len(sid) {
                    let pid = dfa.match_pattern(sid, k).as_usize();
                    // A state's matches include patterns that are suffixes of the path;
                    // only those as long as the path start here.
                    if self.first_len[pid] == end - start {
                        out.push((start, end, pid, word_end));
                    }
                }
            }
        }
    }
}

/// An exact word still matches with an English possessive after it ("committee's").
fn possessive_or_empty(tail: &str) -> bool {
    matches!(tail, "" | "'s" | "'")
}

fn end_of_word(s: &str, from: usize) -> usize {
    let mut end = from;
    let mut it = s[from..].char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if is_word_char(c) {
            end = from + i + c.len_utf8();
        } else if matches!(c, '-' | '\'') && it.peek().is_some_and(|&(_, n)| is_word_char(n)) {
            continue;
        } else {
            break;
        }
    }
    end
}

/// Matches the remaining pattern words against tokens starting at `t`; returns the end of
/// the last matched token. Backtracks over gaps.
fn match_rest(
    s: &str,
    toks: &[Range<usize>],
    t: usize,
    rest: &[WordPat],
    tails: &mut Vec<Range<usize>>,
) -> Option<usize> {
    let Some((w, more)) = rest.split_first() else {
        return toks.get(t.wrapping_sub(1)).map(|r| r.end);
    };
    match w {
        WordPat::Gap(n) => {
            for skip in 0..=*n as usize {
                let keep = tails.len();
                if let Some(e) = match_rest(s, toks, t + skip, more, tails) {
                    return Some(e);
                }
                tails.truncate(keep);
            }
            None
        }
        WordPat::Exact(lit) | WordPat::Prefix(lit) => {
            let tok = toks.get(t)?;
            let word = &s[tok.clone()];
            let ok = match w {
                WordPat::Exact(_) => word
                    .strip_prefix(lit.as_str())
                    .is_some_and(possessive_or_empty),
                _ => word.starts_with(lit.as_str()),
            };
            if !ok {
                return None;
            }
            tails.push(tok.start + lit.len()..tok.end);
            match_rest(s, toks, t + 1, more, tails)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::text::normalise;
    use super::*;

    fn m(pats: &[&str]) -> Matcher<usize> {
        Matcher::new(
            pats.iter()
                .enumerate()
                .map(|(i, p)| (Pattern::parse(p).unwrap(), i)),
        )
    }

    fn found(mt: &Matcher<usize>, text: &str) -> Vec<(usize, String)> {
        let n = normalise(text);
        mt.find_all(&n.text)
            .into_iter()
            .map(|h| (*h.value, n.text[h.range].to_string()))
            .collect()
    }

    #[test]
    fn exact_prefix_and_boundaries() {
        let mt = m(&["полиция", "взятк*", "ивс"]);
        assert_eq!(
            found(&mt, "Полицияның? Нет: Полиция взяла ВЗЯТКУ в ИВС, живсе."),
            [
                (0, "полиция".into()),
                (1, "взятку".into()),
                (2, "ивс".into())
            ]
        );
    }

    #[test]
    fn multiword_with_gap_and_tails() {
        let mt = m(&["сотрудник* ~ полиц*"]);
        let n = normalise("Сотрудники местной районной полиции задержаны");
        let hits = mt.find_all(&n.text);
        assert_eq!(hits.len(), 1);
        assert_eq!(
            &n.text[hits[0].range.clone()],
            "сотрудники местной районной полиции"
        );
        let tails: Vec<&str> = hits[0].tails.iter().map(|r| &n.text[r.clone()]).collect();
        assert_eq!(tails, ["и", "ии"]);
        assert!(found(&mt, "сотрудник a b c полиции").is_empty());
    }

    #[test]
    fn bad_patterns_are_explained() {
        assert!(Pattern::parse("~ полиц*")
            .unwrap_err()
            .contains("start with a gap"));
        assert!(Pattern::parse("по*лиц")
            .unwrap_err()
            .contains("`*` may only end"));
        assert!(Pattern::parse("  ").is_err());
    }
}
