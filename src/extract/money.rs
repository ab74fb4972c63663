//! Sums of money in a sentence, and which of them is the principal sum of the misconduct.
//!
//! [`MoneyLexicon::find`] reads every sum in a sentence — digits in any grouping
//! (`1 000 000`, `1,000,000`, `1.000.000`, NBSP / narrow NBSP / thin space), decimals
//! (`1,5 млн`, `2.5 million`), multipliers (`тыс.`, `млн`, `мың`, `million`, `$5k`), number
//! words in English, Russian and Kazakh (`два с половиной миллиона`, `бір жарым миллион`,
//! `half a million`), currencies before or after the number, ranges (`от 200 до 300 тысяч`,
//! `200–300 мың теңге`, `100-ден 200 мыңға дейін`), and a sum given in two currencies
//! (`$1,200 (about 600,000 tenge)`) — and judges each sum's [`Role`] from the cue words
//! around it. [`principal`] then picks the sum of the misconduct itself.
//!
//! The words live in `config/lexicon/money.toml` (embedded as the default); this file holds
//! the rules. Everything is compiled once in the constructor; `find` only looks things up.

use rustc_hash::FxHashMap as HashMap;

use super::text::is_letter;
use crate::page::Lang;
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use toml::Spanned;

/// The embedded default lexicon.
pub const EMBEDDED_TOML: &str = include_str!("../../config/lexicon/money.toml");

// ---------------------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------------------

/// A currency, written and serialized as its ISO 4217 code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Currency {
    KZT,
    USD,
    EUR,
    RUB,
    KGS,
    UZS,
    AZN,
    TJS,
    TMT,
    GBP,
    CNY,
}

impl Currency {
    /// Every currency the lexicon may name.
    pub const ALL: [Currency; 11] = [
        Currency::KZT,
        Currency::USD,
        Currency::EUR,
        Currency::RUB,
        Currency::KGS,
        Currency::UZS,
        Currency::AZN,
        Currency::TJS,
        Currency::TMT,
        Currency::GBP,
        Currency::CNY,
    ];

    /// The ISO 4217 code.
    pub fn code(self) -> &'static str {
        match self {
            Currency::KZT => "KZT",
            Currency::USD => "USD",
            Currency::EUR => "EUR",
            Currency::RUB => "RUB",
            Currency::KGS => "KGS",
            Currency::UZS => "UZS",
            Currency::AZN => "AZN",
            Currency::TJS => "TJS",
            Currency::TMT => "TMT",
            Currency::GBP => "GBP",
            Currency::CNY => "CNY",
        }
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Currency {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Currency::ALL
            .iter()
            .copied()
            .find(|c| c.code().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| {
                format!(
                    "unknown currency code `{s}` (expected an ISO 4217 code such as KZT, USD, KGS)"
                )
            })
    }
}

/// What a sum is in the story.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The sum of the misconduct: the bribe, the extorted or stolen sum, the damage.
    Principal,
    /// A fine imposed as punishment.
    Fine,
    /// A salary, allowance or pension.
    Salary,
    /// Bail.
    Bail,
    /// A confiscation ordered by the court.
    Confiscation,
    /// A reward or bonus.
    Reward,
    /// Compensation or moral damages paid to a victim.
    Compensation,
    /// Any other sum: budgets, contracts, loans, turnover, exchange rates.
    Other,
}

impl Role {
    fn parse(s: &str) -> Option<Role> {
        Some(match s {
            "principal" => Role::Principal,
            "fine" => Role::Fine,
            "salary" => Role::Salary,
            "bail" => Role::Bail,
            "confiscation" => Role::Confiscation,
            "reward" => Role::Reward,
            "compensation" => Role::Compensation,
            "other" => Role::Other,
            _ => return None,
        })
    }
}

/// One sum of money found in a sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Amount {
    /// In whole units of `currency`, rounded (`1,5 млн` → 1 500 000). The low end of a range.
    pub value: u64,
    pub currency: Currency,
    /// Byte range in the sentence, from the first word of the sum to its currency (and the
    /// other-currency form in brackets, when there is one).
    pub span: Range<usize>,
    /// The sum in tenge: `value` when the currency is KZT, or the tenge figure the text
    /// gives beside a foreign sum ("$5,000 (about 2.3 million tenge)"). Never converted.
    pub kzt: Option<u64>,
    pub role: Role,
    /// The high end of a range ("от 200 до 300 тысяч тенге": value 200000, high 300000).
    pub range_high: Option<u64>,
    /// Byte range of the cue word that decided `role`; `None` when no cue was near and the
    /// role is `Principal` by default.
    pub cue: Option<Range<usize>>,
    /// The text names no currency for this sum ("потребовал 100 тысяч"): the currency is
    /// another sum's in the same sentence, or the lexicon's default.
    pub currency_implied: bool,
}

/// A lexicon file that cannot be used: which file, which line, and why.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    #[error("{}:{line}:{column}: {message}", file.display())]
    Syntax {
        file: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{}:{line}: {message}", file.display())]
    Invalid {
        file: PathBuf,
        line: usize,
        message: String,
    },
}

/// The principal sum among the sums of one incident's sentences: the first sum a cue marks
/// as principal (bribe, extorted, stolen, damage); else the first sum with no cue at all;
/// never a fine, salary, bail, confiscation, reward, compensation or other sum. Sums whose
/// currency the text states win over those whose currency was implied.
pub fn principal(amounts: &[Amount]) -> Option<&Amount> {
    let rank = |a: &Amount| -> Option<u8> {
        if a.role != Role::Principal {
            return None;
        }
        Some(match (a.cue.is_some(), a.currency_implied) {
            (true, false) => 0,
            (true, true) => 1,
            (false, false) => 2,
            (false, true) => 3,
        })
    };
    let best = amounts.iter().filter_map(rank).min()?;
    amounts.iter().find(|a| rank(a) == Some(best))
}

/// `1500000 KZT`, `200000–300000 KZT`, `5000 USD (2300000 KZT)`: for tests and logs.
pub fn format_amount(a: &Amount) -> String {
    let mut s = a.value.to_string();
    if let Some(h) = a.range_high {
        s.push('–');
        s.push_str(&h.to_string());
    }
    s.push(' ');
    s.push_str(a.currency.code());
    if a.currency != Currency::KZT {
        if let Some(k) = a.kzt {
            s.push_str(&format!(" ({k} KZT)"));
        }
    }
    s
}

// ---------------------------------------------------------------------------------------
// The compiled lexicon
// ---------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Num(u64),
    /// The word is a number only in this language (Kazakh "он" is ten, Russian "он" is he).
    OnlyIn(Lang),
    Hundred,
    Mult(u64),
    Glued(u64),
    Half,
    AndHalf,
    OneAndHalf,
    Connector,
    Article,
    Alone,
    From,
    Between,
    To,
    RangeAnd,
    Until,
    Approx,
    Sign(Currency),
    CurWord(Currency),
    Qualifier(Currency),
    BareMoney,
    BareFollower,
    Cue(u32),
}

#[derive(Debug, Default)]
struct Table {
    exact: HashMap<String, Vec<Class>>,
    prefix: HashMap<String, Vec<Class>>,
}

impl Table {
    fn add(&mut self, word: &str, class: Class) {
        let (map, key) = match word.strip_suffix('*') {
            Some(stem) => (&mut self.prefix, stem),
            None => (&mut self.exact, word),
        };
        let v = map.entry(key.to_string()).or_default();
        if !v.contains(&class) {
            v.push(class);
        }
    }

    fn lookup(&self, word: &str, out: &mut Vec<Class>) {
        out.clear();
        if let Some(v) = self.exact.get(word) {
            out.extend_from_slice(v);
        }
        if !self.prefix.is_empty() {
            for (k, _) in word.char_indices().skip(1) {
                if let Some(v) = self.prefix.get(&word[..k]) {
                    out.extend_from_slice(v);
                }
            }
            if let Some(v) = self.prefix.get(word) {
                out.extend_from_slice(v);
            }
        }
    }
}

#[derive(Debug)]
struct Pat {
    text: String,
    prefix: bool,
}

impl Pat {
    fn matches(&self, w: &str) -> bool {
        if self.prefix {
            w.starts_with(&self.text)
        } else {
            w == self.text
        }
    }
}

#[derive(Debug)]
struct Phrase {
    rest: Vec<Pat>,
    role: Role,
}

/// The money lexicon compiled for matching.
#[derive(Debug)]
pub struct MoneyLexicon {
    table: Table,
    phrases: Vec<Phrase>,
    ablative: Vec<String>,
    default_currency: Currency,
}

// Raw TOML shape ------------------------------------------------------------------------

type Words = Vec<Spanned<String>>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLexicon {
    #[allow(dead_code)]
    version: Option<String>,
    default_currency: Spanned<String>,
    grammar: RawGrammar,
    #[serde(default)]
    currency: Vec<RawCurrency>,
    #[serde(default)]
    number: Vec<RawNumber>,
    #[serde(default)]
    multiplier: Vec<RawMultiplier>,
    #[serde(default)]
    role: Vec<RawRole>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGrammar {
    hundred: Words,
    half: Words,
    and_a_half: Words,
    one_and_a_half: Words,
    connector: Words,
    article: Words,
    alone: Words,
    range_from: Words,
    range_between: Words,
    range_to: Words,
    range_and: Words,
    until: Words,
    ablative_suffixes: Words,
    approx: Words,
    bare_money: Words,
    bare_followers: Words,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCurrency {
    code: Spanned<String>,
    #[serde(default)]
    signs: Words,
    #[serde(default)]
    words: Words,
    #[serde(default)]
    qualifiers: Words,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNumber {
    value: Spanned<u64>,
    words: Words,
    /// `ru`, `kk` or `en` when the words are numbers only in that language.
    #[serde(default)]
    lang: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMultiplier {
    value: Spanned<u64>,
    #[serde(default)]
    words: Words,
    #[serde(default)]
    glued: Words,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRole {
    role: Spanned<String>,
    cues: Words,
}

fn line_col(src: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(src.len());
    let before = &src[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

struct Builder<'a> {
    src: &'a str,
    file: &'a Path,
    table: Table,
}

impl Builder<'_> {
    fn invalid(&self, span: Range<usize>, message: impl Into<String>) -> LexiconError {
        LexiconError::Invalid {
            file: self.file.to_path_buf(),
            line: line_col(self.src, span.start).0,
            message: message.into(),
        }
    }

    /// Checks a single word and returns it folded.
    fn word(&self, w: &Spanned<String>, allow_space: bool) -> Result<String, LexiconError> {
        let s = w.get_ref().trim();
        if s.is_empty() || s == "*" {
            return Err(self.invalid(w.span(), "empty word"));
        }
        if !allow_space && s.chars().any(char::is_whitespace) {
            return Err(self.invalid(
                w.span(),
                format!("`{s}`: one word expected here (phrases are allowed only in role cues)"),
            ));
        }
        for part in s.split_whitespace() {
            if part.trim_end_matches('*').contains('*') {
                return Err(self.invalid(w.span(), format!("`{s}`: `*` may only end a word")));
            }
        }
        Ok(fold(s))
    }

    fn add_all(&mut self, words: &Words, class: Class) -> Result<(), LexiconError> {
        for w in words {
            let f = self.word(w, false)?;
            self.table.add(&f, class);
        }
        Ok(())
    }
}

impl MoneyLexicon {
    /// The lexicon embedded in the binary (`config/lexicon/money.toml`).
    pub fn embedded() -> MoneyLexicon {
        MoneyLexicon::from_toml(EMBEDDED_TOML, Path::new("config/lexicon/money.toml"))
            .expect("the embedded money lexicon is valid")
    }

    /// Reads a lexicon from TOML text; `file` names it in errors.
    pub fn from_toml(src: &str, file: &Path) -> Result<MoneyLexicon, LexiconError> {
        let raw: RawLexicon = toml::from_str(src).map_err(|e| {
            let (line, column) = e.span().map_or((0, 0), |s| line_col(src, s.start));
            LexiconError::Syntax {
                file: file.to_path_buf(),
                line,
                column,
                message: e.message().trim().to_string(),
            }
        })?;
        let mut b = Builder {
            src,
            file,
            table: Table::default(),
        };

        let default_currency = Currency::from_str(raw.default_currency.get_ref())
            .map_err(|m| b.invalid(raw.default_currency.span(), m))?;

        let g = &raw.grammar;
        b.add_all(&g.hundred, Class::Hundred)?;
        b.add_all(&g.half, Class::Half)?;
        b.add_all(&g.and_a_half, Class::AndHalf)?;
        b.add_all(&g.one_and_a_half, Class::OneAndHalf)?;
        b.add_all(&g.connector, Class::Connector)?;
        b.add_all(&g.article, Class::Article)?;
        b.add_all(&g.alone, Class::Alone)?;
        b.add_all(&g.range_from, Class::From)?;
        b.add_all(&g.range_between, Class::Between)?;
        b.add_all(&g.range_to, Class::To)?;
        b.add_all(&g.range_and, Class::RangeAnd)?;
        b.add_all(&g.until, Class::Until)?;
        b.add_all(&g.approx, Class::Approx)?;
        b.add_all(&g.bare_money, Class::BareMoney)?;
        b.add_all(&g.bare_followers, Class::BareFollower)?;
        let mut ablative = Vec::new();
        for w in &g.ablative_suffixes {
            let f = b.word(w, false)?;
            if f.ends_with('*') {
                return Err(b.invalid(w.span(), "a suffix cannot be a stem (`*`)"));
            }
            ablative.push(f);
        }

        for c in &raw.currency {
            let code =
                Currency::from_str(c.code.get_ref()).map_err(|m| b.invalid(c.code.span(), m))?;
            if c.signs.is_empty() && c.words.is_empty() {
                return Err(b.invalid(
                    c.code.span(),
                    format!("currency {code} has no signs or words"),
                ));
            }
            b.add_all(&c.signs, Class::Sign(code))?;
            b.add_all(&c.words, Class::CurWord(code))?;
            b.add_all(&c.qualifiers, Class::Qualifier(code))?;
        }
        for n in &raw.number {
            let v = *n.value.get_ref();
            if v == 0 || v >= 1000 {
                return Err(b.invalid(
                    n.value.span(),
                    format!(
                        "number word value {v}: expected 1..=999 (use [[multiplier]] for larger)"
                    ),
                ));
            }
            b.add_all(&n.words, Class::Num(v))?;
            if let Some(l) = &n.lang {
                let lang = match l.get_ref().as_str() {
                    "ru" => Lang::Ru,
                    "kk" => Lang::Kk,
                    "en" => Lang::En,
                    other => {
                        return Err(
                            b.invalid(l.span(), format!("lang `{other}`: expected ru, kk or en"))
                        )
                    }
                };
                b.add_all(&n.words, Class::OnlyIn(lang))?;
            }
        }
        for m in &raw.multiplier {
            let v = *m.value.get_ref();
            if !(1000..=1_000_000_000_000).contains(&v) {
                return Err(b.invalid(
                    m.value.span(),
                    format!("multiplier {v}: expected between 1000 and 10^12"),
                ));
            }
            b.add_all(&m.words, Class::Mult(v))?;
            b.add_all(&m.glued, Class::Glued(v))?;
        }
        let mut phrases = Vec::new();
        for r in &raw.role {
            let role = Role::parse(r.role.get_ref()).ok_or_else(|| {
                b.invalid(
                    r.role.span(),
                    format!(
                        "unknown role `{}` (expected principal, fine, salary, bail, confiscation, reward, compensation or other)",
                        r.role.get_ref()
                    ),
                )
            })?;
            for cue in &r.cues {
                let f = b.word(cue, true)?;
                let mut parts = f.split_whitespace();
                let first = parts.next().expect("non-empty");
                let rest = parts
                    .map(|p| match p.strip_suffix('*') {
                        Some(stem) => Pat {
                            text: stem.to_string(),
                            prefix: true,
                        },
                        None => Pat {
                            text: p.to_string(),
                            prefix: false,
                        },
                    })
                    .collect();
                let id = phrases.len() as u32;
                phrases.push(Phrase { rest, role });
                b.table.add(first, Class::Cue(id));
            }
        }

        Ok(MoneyLexicon {
            table: b.table,
            phrases,
            ablative,
            default_currency,
        })
    }

    /// Every number below a thousand written out in words ("триста двенадцать",
    /// "twenty-one", "екі жүз"), with its byte range in `text`: counts in reports. A word
    /// that is a number only in another language than `lang` is read as a word.
    pub fn number_words(&self, text: &str, lang: Lang) -> Vec<(Range<usize>, u64)> {
        let folded = fold(text);
        let toks = tokenize(&folded);
        let mut buf = Vec::new();
        let value: Vec<Option<Class>> = toks
            .iter()
            .map(|t| {
                if t.kind != Kind::Word {
                    return None;
                }
                self.table.lookup(&folded[t.start..t.end], &mut buf);
                if buf
                    .iter()
                    .any(|c| matches!(c, Class::OnlyIn(l) if *l != lang))
                {
                    return None;
                }
                buf.iter()
                    .copied()
                    .find(|c| matches!(c, Class::Num(_) | Class::Hundred))
            })
            .collect();
        let mut out = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            // Places fall as the words go: hundreds, then tens or teens, then units.
            let (mut total, mut below, mut end) = (0u64, 1000u64, None);
            let mut j = i;
            while j < toks.len() {
                match value[j] {
                    Some(Class::Num(v)) if v < below => {
                        total += v;
                        below = match v {
                            100.. => 100,
                            10..=99 if v % 10 == 0 => 10, // Kazakh "он бес" is 15
                            // a unit may still take "hundred" ("three hundred")
                            1..=9 if total == v => 1,
                            _ => 0,
                        };
                    }
                    Some(Class::Hundred) if below == 1 || end.is_none() => {
                        total = total.max(1) * 100;
                        below = 100;
                    }
                    _ => break,
                }
                end = Some(toks[j].end);
                j += 1;
                // "twenty-one": a dash inside one word
                if toks
                    .get(j)
                    .is_some_and(|t| t.kind == Kind::Punct('-') && t.glued)
                    && toks
                        .get(j + 1)
                        .is_some_and(|t| t.glued && value[j + 1].is_some())
                {
                    j += 1;
                }
            }
            match end {
                Some(e) => {
                    out.push((toks[i].start..e, total));
                    i = j;
                }
                None => i += 1,
            }
        }
        out
    }

    /// Every sum of money in the sentence, in order of appearance.
    pub fn find(&self, sentence: &str) -> Vec<Amount> {
        let folded = fold(sentence);
        let toks = tokenize(&folded);
        let mut cls: Vec<Vec<Class>> = Vec::with_capacity(toks.len());
        let mut buf = Vec::new();
        for t in &toks {
            if matches!(t.kind, Kind::Word | Kind::Punct(_)) {
                self.table.lookup(&folded[t.start..t.end], &mut buf);
                cls.push(buf.clone());
            } else {
                cls.push(Vec::new());
            }
        }
        let cx = Cx {
            lex: self,
            orig: sentence,
            text: &folded,
            toks: &toks,
            cls: &cls,
        };
        let cues = cx.cues();
        let mut found: Vec<Found> = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            match cx.amount_at(i, &cues) {
                Some(f) => {
                    i = f.tok.end.max(i + 1);
                    found.push(f);
                }
                None => i += 1,
            }
        }
        let first_stated = found.iter().find_map(|f| f.currency);
        let spans: Vec<Range<usize>> = found.iter().map(|f| f.tok.clone()).collect();
        found
            .into_iter()
            .map(|f| {
                let (mut role, cue) = cx.role(f.tok.clone(), &cues, &spans);
                if cue.is_none() && f.cents {
                    role = Role::Other;
                }
                let currency = f.currency.or(first_stated).unwrap_or(self.default_currency);
                let kzt = if currency == Currency::KZT {
                    Some(f.value)
                } else {
                    f.kzt
                };
                Amount {
                    value: f.value,
                    currency,
                    span: toks[f.tok.start].start..f.span_end,
                    kzt,
                    role,
                    range_high: f.high,
                    cue,
                    currency_implied: f.currency.is_none(),
                }
            })
            .collect()
    }
}

impl Default for MoneyLexicon {
    fn default() -> Self {
        MoneyLexicon::embedded()
    }
}

// ---------------------------------------------------------------------------------------
// Text: folding and tokens
// ---------------------------------------------------------------------------------------

/// Lower case with byte offsets unchanged; "ё" → "е".
fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let c2 = match c {
            'ё' | 'Ё' => 'е',
            _ => match super::text::lower(c) {
                l if l.len_utf8() == c.len_utf8() => l,
                _ => c,
            },
        };
        out.push(c2);
    }
    out
}

/// A decimal number as written: `int` scaled down by `10^frac`.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Dec {
    int: u128,
    frac: u32,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Num(Dec),
    /// Digits that are not a quantity: dates, times, codes.
    Junk,
    Word,
    Punct(char),
}

#[derive(Debug, Clone)]
struct Tok {
    start: usize,
    end: usize,
    kind: Kind,
    /// No whitespace between this token and the one before.
    glued: bool,
}

#[derive(Clone, Copy, PartialEq)]
enum Sep {
    Space,
    Comma,
    Point,
    Apos,
}

fn sep_at(s: &str, i: usize) -> Option<(Sep, usize)> {
    let c = s[i..].chars().next()?;
    let k = match c {
        ' ' | '\u{00A0}' | '\u{202F}' | '\u{2009}' | '\u{2007}' => Sep::Space,
        ',' => Sep::Comma,
        '.' => Sep::Point,
        '\'' | '’' => Sep::Apos,
        _ => return None,
    };
    Some((k, c.len_utf8()))
}

fn digits_at(b: &[u8], i: usize) -> usize {
    b[i.min(b.len())..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count()
}

/// Reads the number starting at `start` (an ASCII digit). Returns its end and its value,
/// or `None` for digits that are not a quantity (dates like 12.03.2024, times, codes).
fn scan_number(s: &str, start: usize) -> (usize, Option<Dec>) {
    let b = s.as_bytes();
    let first = digits_at(b, start);
    let mut i = start + first;
    let mut digits: String = s[start..i].to_string();
    let mut group: Option<Sep> = None;
    if first <= 3 {
        while let Some((k, l)) = sep_at(s, i) {
            if group.is_some_and(|g| g != k) {
                break;
            }
            let n = digits_at(b, i + l);
            if n != 3 {
                break;
            }
            // "1,500" is one thousand five hundred; a grouping space must be followed by a
            // full group, and "1 234 5678" is not a number with grouping.
            digits.push_str(&s[i + l..i + l + 3]);
            i += l + 3;
            group = Some(k);
        }
    }
    let mut frac = String::new();
    if let Some((k, l)) = sep_at(s, i) {
        if matches!(k, Sep::Comma | Sep::Point) && Some(k) != group {
            let n = digits_at(b, i + l);
            if n > 0 {
                frac = s[i + l..i + l + n].to_string();
                i += l + n;
            }
        }
    }
    // What follows must not continue a digit pattern (dates, times, versions, 1,2,3).
    if let Some(c) = s[i..].chars().next() {
        if matches!(c, '.' | ',' | ':' | '/') && digits_at(b, i + 1) > 0 {
            let mut j = i;
            while j < b.len()
                && (b[j].is_ascii_digit() || matches!(b[j], b'.' | b',' | b':' | b'/'))
            {
                j += 1;
            }
            return (j, None);
        }
    }
    if digits.len() > 20 || frac.len() > 9 {
        return (i, None);
    }
    let int_all = format!("{digits}{frac}");
    let int = match int_all.parse::<u128>() {
        Ok(v) => v,
        Err(_) => return (i, None),
    };
    (
        i,
        Some(Dec {
            int,
            frac: frac.len() as u32,
        }),
    )
}

fn tokenize(s: &str) -> Vec<Tok> {
    let mut toks = Vec::new();
    let mut i = 0;
    let mut gap = true;
    while i < s.len() {
        let c = s[i..].chars().next().expect("in bounds");
        if c.is_whitespace() || matches!(c, '\u{200B}' | '\u{FEFF}' | '\u{00AD}') {
            gap = true;
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let kind;
        if c.is_ascii_digit() {
            let (end, dec) = scan_number(s, i);
            i = end;
            kind = dec.map_or(Kind::Junk, Kind::Num);
        } else if is_letter(c) {
            i += c.len_utf8();
            loop {
                let mut it = s[i..].chars();
                match it.next() {
                    Some(d) if is_letter(d) => i += d.len_utf8(),
                    Some(d @ ('\'' | '’' | 'ʼ')) if it.next().is_some_and(is_letter) => {
                        i += d.len_utf8()
                    }
                    _ => break,
                }
            }
            kind = Kind::Word;
        } else {
            i += c.len_utf8();
            kind = Kind::Punct(c);
        }
        toks.push(Tok {
            start,
            end: i,
            kind,
            glued: !gap,
        });
        gap = false;
    }
    toks
}

// ---------------------------------------------------------------------------------------
// Grammar
// ---------------------------------------------------------------------------------------

/// An exact non-negative rational.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Q {
    n: u128,
    d: u128,
}

const LIMIT: u128 = 1_000_000_000_000_000_000; // 10^18: anything larger is not a sum

impl Q {
    const ZERO: Q = Q { n: 0, d: 1 };
    fn int(n: u128) -> Q {
        Q { n, d: 1 }
    }
    fn half() -> Q {
        Q { n: 1, d: 2 }
    }
    fn from_dec(d: Dec) -> Option<Q> {
        Some(Q {
            n: d.int,
            d: 10u128.checked_pow(d.frac)?,
        })
    }
    fn is_zero(self) -> bool {
        self.n == 0
    }
    fn add(self, o: Q) -> Option<Q> {
        let n = self
            .n
            .checked_mul(o.d)?
            .checked_add(o.n.checked_mul(self.d)?)?;
        let d = self.d.checked_mul(o.d)?;
        Q { n, d }.norm()
    }
    fn mul(self, m: u128) -> Option<Q> {
        Q {
            n: self.n.checked_mul(m)?,
            d: self.d,
        }
        .norm()
    }
    fn norm(self) -> Option<Q> {
        let g = gcd(self.n, self.d).max(1);
        let q = Q {
            n: self.n / g,
            d: self.d / g,
        };
        (q.n / q.d <= LIMIT).then_some(q)
    }
    fn round(self) -> Option<u64> {
        let v = (self.n + self.d / 2) / self.d;
        u64::try_from(v).ok()
    }
    fn le(self, o: Q) -> bool {
        self.n * o.d <= o.n * self.d
    }
}

fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

/// A quantity read from tokens `start..end`.
#[derive(Debug, Clone, Copy)]
struct Quantity {
    q: Q,
    end: usize,
    /// The largest multiplier in it (`тысяч`, `million`), if any.
    top_mult: Option<u64>,
}

#[derive(Debug)]
struct Found {
    /// A small figure with cents: a price or a rate.
    cents: bool,
    value: u64,
    high: Option<u64>,
    currency: Option<Currency>,
    kzt: Option<u64>,
    /// Tokens of the sum itself (without a bracketed other-currency form).
    tok: Range<usize>,
    span_end: usize,
}

/// A cue word matched in the sentence: tokens and role.
#[derive(Debug, Clone)]
struct CueHit {
    tok: Range<usize>,
    role: Role,
}

struct Cx<'a> {
    lex: &'a MoneyLexicon,
    orig: &'a str,
    text: &'a str,
    toks: &'a [Tok],
    cls: &'a [Vec<Class>],
}

/// How far a cue may stand before (words between) or after (tokens between) the sum it marks.
const CUE_BEFORE: usize = 10;
const CUE_AFTER: usize = 3;

impl Cx<'_> {
    fn has(&self, i: usize, f: impl Fn(Class) -> bool) -> bool {
        self.cls.get(i).is_some_and(|v| v.iter().any(|&c| f(c)))
    }
    fn get<T>(&self, i: usize, f: impl Fn(Class) -> Option<T>) -> Option<T> {
        self.cls.get(i)?.iter().find_map(|&c| f(c))
    }
    fn punct(&self, i: usize) -> Option<char> {
        match self.toks.get(i)?.kind {
            Kind::Punct(c) => Some(c),
            _ => None,
        }
    }
    fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Word)
    }
    fn word(&self, i: usize) -> &str {
        let t = &self.toks[i];
        &self.text[t.start..t.end]
    }
    fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.glued)
    }
    fn is_dash(&self, i: usize) -> bool {
        matches!(self.punct(i), Some('-' | '–' | '—' | '‒' | '−'))
    }

    /// Every role cue, leftmost-longest, not overlapping.
    fn cues(&self) -> Vec<CueHit> {
        let mut hits = Vec::new();
        let mut i = 0;
        while i < self.toks.len() {
            let mut best: Option<(usize, Role)> = None;
            if self.is_word(i) {
                for &c in &self.cls[i] {
                    if let Class::Cue(id) = c {
                        let p = &self.lex.phrases[id as usize];
                        let n = p.rest.len();
                        let ok = p.rest.iter().enumerate().all(|(k, pat)| {
                            self.is_word(i + 1 + k) && pat.matches(self.word(i + 1 + k))
                        });
                        if ok && best.is_none_or(|(len, _)| n + 1 > len) {
                            best = Some((n + 1, p.role));
                        }
                    }
                }
            }
            match best {
                Some((len, role)) => {
                    hits.push(CueHit {
                        tok: i..i + len,
                        role,
                    });
                    i += len;
                }
                None => i += 1,
            }
        }
        hits
    }

    /// The role of the sum in tokens `tok`: the nearest cue before (up to `CUE_BEFORE`
    /// tokens between) or right after (up to `CUE_AFTER`); before wins a tie.
    /// A cue does not reach across another sum.
    fn role(
        &self,
        tok: Range<usize>,
        cues: &[CueHit],
        sums: &[Range<usize>],
    ) -> (Role, Option<Range<usize>>) {
        let mut best: Option<(usize, &CueHit)> = None;
        for c in cues {
            let d = if c.tok.end <= tok.start {
                // words between: Russian puts the subject far from its figure
                // ("зарплата начальника отдела, по данным суда, составляла 430 тысяч")
                let d = (c.tok.end..tok.start)
                    .filter(|&k| matches!(self.toks[k].kind, Kind::Word | Kind::Num(_)))
                    .count();
                if d > CUE_BEFORE
                    || sums
                        .iter()
                        .any(|s| s.start >= c.tok.end && s.end <= tok.start)
                {
                    continue;
                }
                2 * d
            } else if c.tok.start >= tok.end {
                let d = c.tok.start - tok.end;
                if d > CUE_AFTER
                    || sums
                        .iter()
                        .any(|s| s.start >= tok.end && s.end <= c.tok.start)
                {
                    continue;
                }
                2 * d + 1
            } else {
                continue;
            };
            if best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, c));
            }
        }
        match best {
            Some((_, c)) => (
                c.role,
                Some(self.toks[c.tok.start].start..self.toks[c.tok.end - 1].end),
            ),
            None => (Role::Principal, None),
        }
    }

    /// A currency written at `i` (with its qualifiers): `$`, `US$`, `АҚШ доллары`,
    /// `долларов США`, `тенге`. `signs_only` for a currency before the number.
    fn currency_at(&self, i: usize, signs_only: bool) -> Option<(Currency, usize)> {
        let mut k = i;
        let mut qual = None;
        while let Some(q) = self.get(k, |c| match c {
            Class::Qualifier(q) => Some(q),
            _ => None,
        }) {
            if self.has(k, |c| matches!(c, Class::Sign(_) | Class::CurWord(_))) {
                break;
            }
            qual = Some(q);
            k += 1;
            // "u.s." / "u.s.$"
            if self.punct(k) == Some('.') {
                k += 1;
            }
        }
        let cur = self.get(k, |c| match c {
            Class::Sign(c) => Some(c),
            Class::CurWord(c) if !signs_only || qual.is_some() => Some(c),
            _ => None,
        })?;
        if qual.is_some_and(|q| q != cur) {
            return None;
        }
        k += 1;
        // "долларов США", "долл. США"
        let mut j = k;
        if self.punct(j) == Some('.') {
            j += 1;
        }
        if self.has(j, |c| c == Class::Qualifier(cur)) {
            k = j + 1;
        }
        Some((cur, k))
    }

    /// A quantity starting at token `i`: digits, number words, multipliers.
    fn quantity(&self, i: usize, stop_at_and: bool) -> Option<Quantity> {
        let mut total = Q::ZERO;
        let mut cur = Q::ZERO;
        let mut cur_digits = false; // `cur` came from digits
        let mut cur_any = false; // something is in `cur`
        let mut last_mult = u64::MAX;
        let mut top_mult = None;
        let mut committed: Option<(Q, usize)> = None; // after the last multiplier
        let mut pending_and = false;
        let mut any = false;
        let mut crossed_dot = false;
        let mut j = i;
        while j < self.toks.len() {
            let t = &self.toks[j];
            if let Kind::Num(d) = t.kind {
                if cur_any || pending_and {
                    break;
                }
                cur = Q::from_dec(d)?;
                cur_digits = true;
                cur_any = true;
                any = true;
                j += 1;
                continue;
            }
            if t.kind == Kind::Punct('.')
                && committed.is_some_and(|(_, e)| e == j)
                && self.toks.get(j + 1).is_some_and(|n| {
                    matches!(n.kind, Kind::Num(_))
                        || self.has(j + 1, |x| matches!(x, Class::Num(_)))
                })
            {
                // "1 млн. 200 тыс. тенге"; undone below unless a smaller multiplier follows
                crossed_dot = true;
                j += 1;
                continue;
            }
            if self.is_dash(j) && t.glued && self.glued(j + 1) {
                // "twenty-five", "пол-миллиона"
                let prev_word = cur_any && !cur_digits;
                let next_ok = self.has(j + 1, |c| matches!(c, Class::Num(_) | Class::Mult(_)));
                if prev_word && next_ok {
                    j += 1;
                    continue;
                }
                break;
            }
            if t.kind != Kind::Word {
                break;
            }
            let c = &self.cls[j];
            let find = |f: &dyn Fn(Class) -> bool| c.iter().copied().find(|&x| f(x));
            let glued_mult = if t.glued && cur_digits {
                find(&|x| matches!(x, Class::Glued(_)))
            } else {
                None
            };
            if let Some(Class::Mult(m) | Class::Glued(m)) =
                find(&|x| matches!(x, Class::Mult(_))).or(glued_mult)
            {
                if m >= last_mult {
                    break;
                }
                // "миллион тенге" is one million; "тысячи тенге", "millions" are not a sum
                if !cur_any && !self.has(j, |x| x == Class::Alone) {
                    break;
                }
                let base = if cur.is_zero() { Q::int(1) } else { cur };
                total = total.add(base.mul(m as u128)?)?;
                cur = Q::ZERO;
                cur_any = false;
                cur_digits = false;
                pending_and = false;
                last_mult = m;
                top_mult.get_or_insert(m);
                any = true;
                j += 1;
                committed = Some((total, j));
                crossed_dot = false;
                continue;
            }
            if cur_digits {
                // digits take only multipliers and "с половиной"
                if find(&|x| x == Class::Connector).is_some()
                    && self.has(j + 1, |x| x == Class::Half)
                {
                    pending_and = true;
                    j += 1;
                    continue;
                }
                if pending_and && find(&|x| x == Class::Half).is_some() {
                    cur = cur.add(Q::half())?;
                    pending_and = false;
                    j += 1;
                    continue;
                }
                break;
            }
            if let Some(Class::Num(v)) = find(&|x| matches!(x, Class::Num(_))) {
                cur = cur.add(Q::int(v as u128))?;
                cur_any = true;
                pending_and = false;
                any = true;
                j += 1;
                continue;
            }
            if find(&|x| x == Class::OneAndHalf).is_some() && !cur_any {
                cur = Q { n: 3, d: 2 };
                cur_any = true;
                any = true;
                j += 1;
                continue;
            }
            if find(&|x| x == Class::Hundred).is_some() {
                cur = if cur.is_zero() { Q::int(1) } else { cur }.mul(100)?;
                cur_any = true;
                pending_and = false;
                any = true;
                j += 1;
                continue;
            }
            if find(&|x| x == Class::AndHalf).is_some() && cur_any {
                cur = cur.add(Q::half())?;
                j += 1;
                continue;
            }
            if find(&|x| x == Class::Half).is_some() {
                // "half a million", "пол-миллиона", "жарты миллион": needs a multiplier next
                let mut k = j + 1;
                if self.is_dash(k) || self.has(k, |x| x == Class::Article) {
                    k += 1;
                }
                if pending_and {
                    cur = cur.add(Q::half())?;
                    pending_and = false;
                    j += 1;
                    continue;
                }
                if !cur_any && self.has(k, |x| matches!(x, Class::Mult(_))) {
                    cur = Q::half();
                    cur_any = true;
                    any = true;
                    j = k;
                    continue;
                }
                break;
            }
            if find(&|x| x == Class::Article).is_some() {
                // "a million", "a hundred thousand", "and a half"
                if pending_and && self.has(j + 1, |x| x == Class::Half) {
                    j += 1;
                    continue;
                }
                if !cur_any && self.has(j + 1, |x| matches!(x, Class::Mult(_) | Class::Hundred)) {
                    cur = Q::int(1);
                    cur_any = true;
                    j += 1;
                    continue;
                }
                break;
            }
            if find(&|x| x == Class::Connector).is_some() && (cur_any || any) {
                if stop_at_and && self.word(j) == "and" {
                    break;
                }
                let next_word_number =
                    self.has(j + 1, |x| {
                        matches!(
                            x,
                            Class::Num(_) | Class::Half | Class::Hundred | Class::Article
                        )
                    }) && !matches!(self.toks.get(j + 1).map(|t| t.kind), Some(Kind::Num(_)));
                if next_word_number {
                    pending_and = true;
                    j += 1;
                    continue;
                }
                break;
            }
            break;
        }
        if pending_and {
            // a dangling "and": give it back
            j -= 1;
        }
        if !any {
            return None;
        }
        // "5 млн 2024" — digits after the last multiplier that no multiplier follows are
        // not part of the sum; words are ("one thousand five hundred").
        if let Some((t, end)) = committed {
            // ("5 тысяч 200 тенге" keeps its 200: a currency follows)
            if (cur_digits || crossed_dot) && end < j && self.currency_after(j).is_none() {
                total = t;
                cur = Q::ZERO;
                j = end;
            }
        }
        let q = total.add(cur)?;
        if q.is_zero() {
            return None;
        }
        Some(Quantity {
            q,
            end: j,
            top_mult,
        })
    }

    /// Skips a glued Kazakh case ending written after a hyphen ("100-ден", "200-ге").
    /// Returns the new position and whether the ending is ablative ("from").
    fn case_ending(&self, j: usize) -> (usize, bool) {
        if self.is_dash(j)
            && self.glued(j)
            && self.is_word(j + 1)
            && self.glued(j + 1)
            && self.cls[j + 1].is_empty()
            && self.word(j + 1).chars().count() <= 4
        {
            let w = self.word(j + 1);
            return (j + 2, self.ablative(w));
        }
        (j, false)
    }

    fn ablative(&self, w: &str) -> bool {
        self.lex.ablative.iter().any(|s| w.ends_with(s.as_str()))
    }

    /// Skips an abbreviation's dot: "тыс. тенге".
    fn skip_dot(&self, j: usize) -> usize {
        if self.punct(j) == Some('.') && j > 0 && self.is_word(j - 1) {
            j + 1
        } else {
            j
        }
    }

    /// A currency after the quantity ending at `j`: "5 млн тенге", "5,000-tenge", "тыс. тенге".
    fn currency_after(&self, j: usize) -> Option<(Currency, usize)> {
        if let Some(r) = self.currency_at(j, false) {
            return Some(r);
        }
        if self.is_dash(j) && self.glued(j) && self.glued(j + 1) {
            if let Some(r) = self.currency_at(j + 1, false) {
                return Some(r);
            }
        }
        let k = self.skip_dot(j);
        if k != j {
            return self.currency_at(k, false);
        }
        None
    }

    /// The sum starting at token `i`, if one does.
    fn amount_at(&self, i: usize, cues: &[CueHit]) -> Option<Found> {
        let start = i;
        let pre = self.currency_at(i, true);
        let qi = pre.map_or(i, |(_, k)| k);
        if pre.is_none() && !matches!(self.toks[i].kind, Kind::Num(_) | Kind::Word) {
            return None;
        }
        let between = i > 0 && self.has(i - 1, |c| c == Class::Between);
        // "cash-3381", "ст.189-2": digits glued to a word by a hyphen or slash are a code
        if pre.is_none()
            && qi > 1
            && self.glued(qi)
            && matches!(self.punct(qi - 1), Some('-' | '/' | '#' | '№' | '_'))
            && self.glued(qi - 1)
            && self.is_word(qi - 2)
        {
            return None;
        }
        let q1 = self.quantity(qi, between)?;
        let mut j = q1.end;
        let (j2, abl_suffix) = self.case_ending(j);
        j = j2;
        let ablative =
            abl_suffix || (self.is_word(q1.end - 1) && self.ablative(self.word(q1.end - 1)));

        // A range?
        let mut high: Option<Quantity> = None;
        let mut after_high = j;
        let mut until_needed = false;
        {
            let k = self.skip_dot(j);
            let conn = if self.is_dash(k)
                || self.has(k, |c| c == Class::To)
                || (between && self.has(k, |c| c == Class::RangeAnd))
            {
                Some(k + 1)
            } else if ablative {
                until_needed = true;
                Some(k)
            } else {
                None
            };
            if let Some(k2) = conn {
                // "$200–$300"
                let k3 = match (pre, self.currency_at(k2, true)) {
                    (Some((c, _)), Some((c2, e))) if c == c2 => e,
                    _ => k2,
                };
                if let Some(q2) = self.quantity(k3, false) {
                    let (e, _) = self.case_ending(q2.end);
                    let mut e = e;
                    let mut ok = true;
                    if until_needed {
                        // "... 200 мыңға дейін теңге" or "... 200 мың теңгеге дейін"
                        if self.has(e, |c| c == Class::Until) {
                            e += 1;
                        } else if let Some((_, ce)) = self.currency_after(e) {
                            if !self.has(ce, |c| c == Class::Until) {
                                ok = false;
                            }
                        } else {
                            ok = false;
                        }
                    }
                    if ok {
                        high = Some(q2);
                        after_high = e;
                    }
                }
            }
        }
        let mut low = q1.q;
        if let Some(h) = &high {
            let mut bad = false;
            if q1.top_mult.is_none() {
                if let Some(m) = h.top_mult {
                    let scaled = low.mul(m as u128)?;
                    if scaled.le(h.q) {
                        low = scaled;
                    } else {
                        // "статья 190 – 2 млн тенге" is no range
                        bad = true;
                    }
                }
            }
            if bad || !low.le(h.q) || low == h.q {
                high = None;
                low = q1.q;
            } else {
                j = after_high;
            }
        }

        // "50 000 (пятьдесят тысяч) тенге": the sum again in words, in brackets
        if high.is_none() && self.punct(j) == Some('(') {
            if let Some(w) = self.quantity(j + 1, false) {
                if self.punct(w.end) == Some(')') && w.q == q1.q {
                    j = w.end + 1;
                }
            }
        }

        // The currency.
        let mut currency = pre.map(|(c, _)| c);
        let mut end = j;
        if let Some((c, e)) = self.currency_after(j) {
            if currency.is_none() || currency == Some(c) {
                currency = Some(c);
                end = e;
                // "200 мың теңгеге дейін"
                if high.is_some() && ablative && self.has(end, |x| x == Class::Until) {
                    end += 1;
                }
            }
        }
        // A range must have its currency; without one, try the low end alone.
        if currency.is_none() && high.is_some() {
            return None;
        }
        let value = low.round()?;
        let high_v = match &high {
            Some(h) => Some(h.q.round()?),
            None => None,
        };
        if value == 0 {
            return None;
        }

        if currency.is_none() && !self.bare_is_money(start, end, &q1, cues) {
            return None;
        }

        // "USD 446.35", "доллар 4.97": a figure with cents and no multiplier is a price or
        // a rate, not a sum of misconduct (unless a cue says so)
        let cents = q1.top_mult.is_none()
            && high.is_none()
            && matches!(self.toks[qi].kind, Kind::Num(d) if d.frac == 2)
            && value < 10_000;
        let mut found = Found {
            cents,
            value,
            high: high_v,
            currency,
            kzt: None,
            tok: start..end,
            span_end: self.toks[end - 1].end,
        };
        if currency.is_some() {
            self.other_form(&mut found, cues);
        }
        Some(found)
    }

    /// A number with no currency is a sum only with a multiplier or digit grouping, right
    /// after a money word or a role cue, and followed by punctuation, the end, a cue or a
    /// small word ("потребовал 100 тысяч, но…", "сумма 500 тыс.").
    fn bare_is_money(&self, start: usize, end: usize, q: &Quantity, cues: &[CueHit]) -> bool {
        let big = q.top_mult.is_some() || q.q.round().is_some_and(|v| v >= 1000);
        if !big {
            return false;
        }
        if matches!(self.toks[start].kind, Kind::Num(d) if d.frac == 0 && d.int >= 1000 && d.int < 2100)
            && q.top_mult.is_none()
        {
            return false; // a year
        }
        let before = (start.saturating_sub(3)..start).any(|k| {
            self.has(k, |c| c == Class::BareMoney) || cues.iter().any(|h| h.tok.contains(&k))
        });
        if !before {
            return false;
        }
        let e = self.skip_dot(end);
        if e != end
            && self
                .toks
                .get(e)
                .is_some_and(|t| self.orig[t.start..].starts_with(char::is_uppercase))
        {
            return true; // "…получил 5 млн. Два дня спустя…": the dot ended the sentence
        }
        match self.toks.get(e) {
            None => true,
            Some(t) => match t.kind {
                Kind::Punct(c) => !matches!(c, '%' | '-' | '–' | '/'),
                Kind::Word => {
                    self.has(e, |c| c == Class::BareFollower)
                        || cues.iter().any(|h| h.tok.start == e)
                }
                _ => false,
            },
        }
    }

    /// "$1,200 (about 600,000 tenge)", "100 тыс. сомов (около 550 тыс. тенге)",
    /// "500 000 тенге ($1,000)": the second form belongs to the first sum.
    fn other_form(&self, f: &mut Found, cues: &[CueHit]) {
        let mut k = f.tok.end;
        let mut paren = false;
        let mut approx = false;
        let mut steps = 0;
        while k < self.toks.len() && steps < 6 {
            match self.punct(k) {
                Some('(') if steps == 0 => paren = true,
                Some(',' | '—' | '–' | '-' | '/') => {}
                Some('~' | '≈') => approx = true,
                _ if self.has(k, |c| c == Class::Approx) => approx = true,
                _ => break,
            }
            k += 1;
            steps += 1;
        }
        if !paren && !approx {
            return;
        }
        let Some(cur) = f.currency else { return };
        let Some(b) = self.amount_at(k, cues) else {
            return;
        };
        let Some(bc) = b.currency else { return };
        let mut end = b.span_end;
        if paren {
            // the bracket closes within a few tokens ("at the current rate)")
            let close = (b.tok.end..(b.tok.end + 8).min(self.toks.len()))
                .find(|&t| self.punct(t) == Some(')'));
            match close {
                Some(t) => {
                    end = self.toks[t].end;
                    f.tok.end = t + 1;
                }
                None => return,
            }
        } else {
            if bc == cur {
                return;
            }
            f.tok.end = b.tok.end;
        }
        if cur != Currency::KZT && bc == Currency::KZT {
            f.kzt = Some(b.value);
        }
        f.span_end = end;
    }
}

// ---------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;

    fn num(s: &str) -> Option<(u128, u32)> {
        let (end, d) = scan_number(s, 0);
        assert!(end <= s.len());
        d.map(|d| (d.int, d.frac))
    }

    #[test]
    fn grouping_is_told_from_decimals() {
        assert_eq!(num("1 000 000"), Some((1_000_000, 0)));
        assert_eq!(num("1,000,000"), Some((1_000_000, 0)));
        assert_eq!(num("1.000.000"), Some((1_000_000, 0)));
        assert_eq!(num("1\u{202F}000"), Some((1_000, 0)));
        assert_eq!(num("1,5"), Some((15, 1)));
        assert_eq!(num("2.25"), Some((225, 2)));
        assert_eq!(num("1,500"), Some((1_500, 0)));
        assert_eq!(num("1,000,000.50"), Some((100_000_050, 2)));
        assert_eq!(num("1.234.567,5"), Some((12_345_675, 1)));
        assert_eq!(num("2024 500"), Some((2024, 0)));
        assert_eq!(num("12 3456"), Some((12, 0)));
    }

    #[test]
    fn dates_times_and_codes_are_not_numbers() {
        assert_eq!(num("12.03.2024"), None);
        assert_eq!(num("14:30"), None);
        assert_eq!(num("1,2,3"), None);
        assert_eq!(num("99999999999999999999999"), None);
    }

    #[test]
    fn folding_keeps_byte_offsets() {
        for s in [
            "ПОЛУТОРА Миллионов ТЕҢГЕ",
            "Ёлка İstanbul ẞ",
            "$5,000 ₸ € ½",
        ] {
            let f = fold(s);
            assert_eq!(f.len(), s.len());
            assert!(s.char_indices().all(|(i, _)| f.is_char_boundary(i)));
        }
        assert_eq!(fold("ТРЁХ"), "трех");
    }

    #[test]
    fn stems_and_exact_words() {
        let lex = MoneyLexicon::embedded();
        let mut out = Vec::new();
        lex.table.lookup("теңгеден", &mut out);
        assert!(out.contains(&Class::CurWord(Currency::KZT)));
        lex.table.lookup("стоимость", &mut out);
        assert!(!out.iter().any(|c| matches!(c, Class::Num(_))));
        lex.table.lookup("euros", &mut out);
        assert!(out.contains(&Class::CurWord(Currency::EUR)));
        lex.table.lookup("europe", &mut out);
        assert!(out.is_empty(), "{out:?}");
    }

    #[test]
    fn principal_never_takes_a_fine() {
        let lex = MoneyLexicon::embedded();
        let a = lex.find("Оған 25 млн теңге айыппұл салынды, кепіл 3 млн теңге.");
        assert_eq!(a.len(), 2);
        assert!(principal(&a).is_none());
    }
}

impl From<LexiconError> for super::lexicon_error::LexiconError {
    fn from(e: LexiconError) -> Self {
        match e {
            LexiconError::Syntax {
                file,
                line,
                message,
                ..
            }
            | LexiconError::Invalid {
                file,
                line,
                message,
            } => super::lexicon_error::LexiconError {
                file,
                line,
                message,
            },
        }
    }
}
