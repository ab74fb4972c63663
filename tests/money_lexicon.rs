//! The money lexicon is data: it can be replaced, and a bad file is reported by file and line.

use dozor::extract::money::{LexiconError, MoneyLexicon, Role, EMBEDDED_TOML};
use std::path::Path;

fn load(src: &str) -> Result<MoneyLexicon, LexiconError> {
    MoneyLexicon::from_toml(src, Path::new("/etc/dozor/money.toml"))
}

fn line_of(src: &str, needle: &str) -> usize {
    src[..src.find(needle).expect("needle present")]
        .matches('\n')
        .count()
        + 1
}

#[test]
fn embedded_lexicon_loads() {
    let lex = MoneyLexicon::embedded();
    assert_eq!(lex.find("взятка 5 млн тенге").len(), 1);
}

#[test]
fn syntax_error_names_file_and_line() {
    let src = EMBEDDED_TOML.replacen("hundred = [", "hundred = [[", 1);
    let err = load(&src).unwrap_err();
    let msg = err.to_string();
    assert!(msg.starts_with("/etc/dozor/money.toml:"), "{msg}");
    match err {
        LexiconError::Syntax { line, .. } => {
            let want = line_of(&src, "hundred = [[");
            assert!(line >= want, "line {line}, want about {want}: {msg}");
        }
        other => panic!("expected a syntax error, got {other:?}"),
    }
}

#[test]
fn unknown_currency_code_names_its_line() {
    let src = EMBEDDED_TOML.replacen("code = \"AZN\"", "code = \"AZM\"", 1);
    let err = load(&src).unwrap_err();
    let want = line_of(&src, "code = \"AZM\"");
    let msg = err.to_string();
    assert!(msg.contains(&format!("money.toml:{want}:")), "{msg}");
    assert!(msg.contains("AZM"), "{msg}");
}

#[test]
fn unknown_role_names_its_line() {
    let src = EMBEDDED_TOML.replacen("role = \"bail\"", "role = \"bale\"", 1);
    let msg = load(&src).unwrap_err().to_string();
    let want = line_of(&src, "role = \"bale\"");
    assert!(msg.contains(&format!("money.toml:{want}:")), "{msg}");
    assert!(msg.contains("unknown role"), "{msg}");
}

#[test]
fn misplaced_star_names_its_line() {
    let src = EMBEDDED_TOML.replacen("\"взятк*\"", "\"вз*ятк\"", 1);
    let msg = load(&src).unwrap_err().to_string();
    let want = line_of(&src, "\"вз*ятк\"");
    assert!(msg.contains(&format!("money.toml:{want}:")), "{msg}");
}

#[test]
fn unknown_number_language_names_its_line() {
    let src = EMBEDDED_TOML.replacen("lang = \"kk\"", "lang = \"kz\"", 1);
    let msg = load(&src).unwrap_err().to_string();
    let want = line_of(&src, "lang = \"kz\"");
    assert!(msg.contains(&format!("money.toml:{want}:")), "{msg}");
    assert!(msg.contains("expected ru, kk or en"), "{msg}");
}

#[test]
fn number_word_out_of_range_is_refused() {
    let src = EMBEDDED_TOML.replacen("value = 900", "value = 9000", 1);
    let msg = load(&src).unwrap_err().to_string();
    assert!(msg.contains("9000"), "{msg}");
}

#[test]
fn a_group_can_add_a_slang_word_without_a_compiler() {
    let base = MoneyLexicon::embedded();
    let s = "Ему дали на лапу 300 тысяч тенге.";
    // "на лапу" is not a cue in the default lexicon: default principal, no cue
    assert!(base.find(s)[0].cue.is_none());
    let src = EMBEDDED_TOML.replacen(
        "role = \"principal\"\ncues = [",
        "role = \"principal\"\ncues = [\"на лапу\", ",
        1,
    );
    let lex = load(&src).unwrap();
    let a = lex.find(s);
    assert_eq!(a[0].role, Role::Principal);
    assert_eq!(&s[a[0].cue.clone().unwrap()], "на лапу");

    // and a new currency spelling
    let src = EMBEDDED_TOML.replacen("words = [\"тенге\",", "words = [\"теньге\", \"тенге\",", 1);
    let lex = load(&src).unwrap();
    assert_eq!(lex.find("он получил 5 млн теньге")[0].value, 5_000_000);
}
