//! Property: any sum, printed in any digit format the extractor supports, reads back as
//! itself.

use dozor::extract::money::{Currency, MoneyLexicon};
use proptest::prelude::*;
use std::sync::OnceLock;

fn lex() -> &'static MoneyLexicon {
    static L: OnceLock<MoneyLexicon> = OnceLock::new();
    L.get_or_init(MoneyLexicon::embedded)
}

/// `n` with groups of three digits joined by `sep`.
fn grouped(n: u64, sep: &str) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

const SEPS: [&str; 7] = ["", " ", "\u{00A0}", "\u{202F}", "\u{2009}", ",", "."];

/// (multiplier value, words after the number, decimal mark allowed)
const MULTS: [(u64, &str); 8] = [
    (1_000, "тыс."),
    (1_000, "тысяч"),
    (1_000, "мың"),
    (1_000, "thousand"),
    (1_000_000, "млн"),
    (1_000_000, "million"),
    (1_000_000, "миллиона"),
    (1_000_000_000, "млрд"),
];

const CURRENCIES: [(&str, bool, Currency); 9] = [
    ("тенге", false, Currency::KZT),
    ("теңге", false, Currency::KZT),
    ("tenge", false, Currency::KZT),
    ("₸", true, Currency::KZT),
    ("KZT", true, Currency::KZT),
    ("$", true, Currency::USD),
    ("долларов", false, Currency::USD),
    ("сомов", false, Currency::KGS),
    ("рублей", false, Currency::RUB),
];

/// A number printed with a multiplier when it divides: "1,5 млн", "250 тыс.", "2.5 million".
fn with_multiplier(n: u64, mult: u64, word: &str, point: bool) -> Option<String> {
    // one decimal digit at most
    if n % (mult / 10) != 0 || n < mult {
        return None;
    }
    let whole = n / mult;
    let tenth = (n % mult) / (mult / 10);
    let mark = if point { "." } else { "," };
    // the whole part must not look grouped with the decimal part
    let num = if tenth == 0 {
        whole.to_string()
    } else {
        format!("{whole}{mark}{tenth}")
    };
    Some(format!("{num} {word}"))
}

fn check(text: &str, n: u64, cur: Currency) -> Result<(), TestCaseError> {
    let sentence = format!("Он потребовал {text} у водителя.");
    let found = lex().find(&sentence);
    prop_assert_eq!(found.len(), 1, "{:?} → {:?}", sentence, found);
    prop_assert_eq!(found[0].value, n, "{:?}", sentence);
    prop_assert_eq!(found[0].currency, cur, "{:?}", sentence);
    Ok(())
}

fn placed(num: &str, cur: (&str, bool, Currency), before: bool) -> String {
    if before && cur.1 {
        format!("{}{num}", cur.0)
    } else {
        format!("{num} {}", cur.0)
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn digits_read_back(n in 1u64..=1_000_000_000_000, sep in 0..SEPS.len(),
                        cur in 0..CURRENCIES.len(), before in any::<bool>()) {
        let num = grouped(n, SEPS[sep]);
        let text = placed(&num, CURRENCIES[cur], before);
        check(&text, n, CURRENCIES[cur].2)?;
    }

    #[test]
    fn multipliers_read_back(k in 1u64..=9_999, scale in 0usize..MULTS.len(),
                             point in any::<bool>(), cur in 0..CURRENCIES.len(),
                             before in any::<bool>()) {
        let (mult, word) = MULTS[scale];
        // k tenths of the multiplier
        let n = k * (mult / 10);
        prop_assume!(n >= mult);
        let num = with_multiplier(n, mult, word, point).unwrap();
        let text = placed(&num, CURRENCIES[cur], before);
        check(&text, n, CURRENCIES[cur].2)?;
    }

    #[test]
    fn decimal_sums_read_back(n in 1u64..=1_000_000_000, cents in 1u64..=99) {
        // "1 234,56 тенге" rounds to the whole unit
        let text = format!("{},{:02} тенге", grouped(n, " "), cents);
        check(&text, n + u64::from(cents >= 50), Currency::KZT)?;
    }
}
