//! The `dozor` command line, run as a real process: bad inputs never panic, the exit code
//! says whether anything was found or failed (README "Use"), and the output formats keep
//! the contract of shared/spec/incidents.md §6.
//!
//! Every test runs the binary from the package root, so fixture paths are relative and
//! `source` in the output can be compared with the path as given.

use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

/// Two short articles of our own about the same kind of case: a district police inspector
/// detained in Karaganda with a 500,000 tenge bribe (one Russian .txt, one English .html).
const ARTICLES: &str = "tests/fixtures/cli/articles";
const ARTICLE_RU: &str = "tests/fixtures/cli/articles/kz-bribe-ru.txt";
const ARTICLE_EN: &str = "tests/fixtures/cli/articles/kz-bribe-en.html";
/// The same kind of case told with a slang word for a bribe the built-in lexicon lacks.
const SLANG: &str = "tests/fixtures/cli/slang/mzda-ru.txt";

/// Runs `dozor` with `args` from the package root: (exit code, stdout, stderr).
fn run<S: AsRef<OsStr>>(args: &[S]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_dozor"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("dozor starts");
    let stdout = String::from_utf8(out.stdout).expect("stdout is UTF-8");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    // A panic is the one thing no input may cause; check it on every run.
    assert!(
        !stderr.contains("panicked"),
        "dozor panicked on {:?}:\n{stderr}",
        args.iter().map(|a| a.as_ref()).collect::<Vec<_>>()
    );
    let code = out
        .status
        .code()
        .unwrap_or_else(|| panic!("dozor was killed by a signal: {:?}\n{stderr}", out.status));
    (code, stdout, stderr)
}

/// A scratch directory under the system temp dir, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("dozor-cli-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("temp dir");
        Scratch(dir)
    }

    /// Writes `bytes` to `name` inside the directory and returns its path.
    fn file(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let p = self.0.join(name);
        if let Some(parent) = p.parent() {
            fs::create_dir_all(parent).expect("parent dir");
        }
        fs::write(&p, bytes).expect("write temp file");
        p
    }

    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        restore_permissions(&self.0);
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// Gives back read permission to everything under `dir` so it can be removed.
fn restore_permissions(dir: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let _ = fs::set_permissions(dir, fs::Permissions::from_mode(0o755));
    if let Ok(rd) = fs::read_dir(dir) {
        for e in rd.flatten() {
            let p = e.path();
            if fs::symlink_metadata(&p).is_ok_and(|m| m.is_dir()) {
                restore_permissions(&p);
            } else if !fs::symlink_metadata(&p).is_ok_and(|m| m.is_symlink()) {
                let _ = fs::set_permissions(&p, fs::Permissions::from_mode(0o644));
            }
        }
    }
}

/// Every stdout line as JSON; fails the test on a line that is not.
fn json_lines(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

/// The records of `source` in JSON Lines output.
fn records_of<'a>(records: &'a [Value], source: &str) -> Vec<&'a Value> {
    records.iter().filter(|r| r["source"] == source).collect()
}

/// Asserts the one Karaganda bribe incident of our fixtures (`kind` aside: the objects
/// inside `--format json` have none).
fn assert_karaganda_bribe(r: &Value) {
    assert_eq!(r["country"], "KZ", "{r}");
    assert_eq!(r["region"], "KZ-35", "{r}");
    assert_eq!(r["offense"], "bribery", "{r}");
    assert_eq!(r["amount_kzt"], 500_000, "{r}");
    assert_eq!(r["amount"]["value"], 500_000, "{r}");
    assert_eq!(r["amount"]["currency"], "KZT", "{r}");
}

/// Bytes that look like a binary file: pseudo-random, with runs of NULs (deterministic,
/// so a failure can be reproduced).
fn binary_bytes(n: usize) -> Vec<u8> {
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    (0..n)
        .map(|i| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            if i % 97 < 8 {
                0
            } else {
                x as u8
            }
        })
        .collect()
}

// ---------------------------------------------------------------------------------------
// Arguments

#[test]
fn no_arguments_is_a_usage_error() {
    // clap prints the usage and exits 2 when the subcommand is missing…
    let (code, stdout, stderr) = run::<&str>(&[]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stdout.is_empty());
    assert!(stderr.contains("Usage"), "{stderr}");
    // …and when a subcommand is given without the paths it requires.
    for cmd in ["extract", "read"] {
        let (code, stdout, stderr) = run(&[cmd]);
        assert_eq!(code, 2, "{cmd}: {stderr}");
        assert!(stdout.is_empty());
        assert!(stderr.contains("<PATHS>"), "{cmd}: {stderr}");
    }
}

#[test]
fn help_succeeds() {
    let (code, stdout, _) = run(&["--help"]);
    assert_eq!(code, 0);
    assert!(
        stdout.contains("extract") && stdout.contains("read"),
        "{stdout}"
    );
    let (code, stdout, _) = run(&["extract", "--help"]);
    assert_eq!(code, 0);
    for word in ["--format", "--lexicon", "jsonl", "table", "explain"] {
        assert!(
            stdout.contains(word),
            "`extract --help` lacks {word}:\n{stdout}"
        );
    }
}

#[test]
fn unknown_format_is_a_usage_error() {
    let (code, stdout, stderr) = run(&["extract", "--format", "xml", ARTICLE_RU]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stdout.is_empty());
    assert!(stderr.contains("xml"), "{stderr}");
}

// ---------------------------------------------------------------------------------------
// Bad inputs: a clear message or an empty result, never a panic; exit 2 only when an input
// could not be read, and the other inputs still printed.

#[test]
fn binary_file_finds_nothing() {
    let tmp = Scratch::new("binary");
    let bin = tmp.file("blob.bin", binary_bytes(64 * 1024));
    let (code, stdout, stderr) = run(&[OsStr::new("extract"), bin.as_os_str()]);
    assert_eq!(
        code, 1,
        "a binary file is read, and nothing is in it: {stderr}"
    );
    assert!(stdout.is_empty(), "{stdout}");
    // The same with a .txt or .html name, which skips the sniffing.
    let txt = tmp.file("blob.txt", binary_bytes(4096));
    let html = tmp.file("blob.html", binary_bytes(4096));
    for p in [&txt, &html] {
        let (code, _, stderr) = run(&[OsStr::new("extract"), p.as_os_str()]);
        assert_eq!(code, 1, "{}: {stderr}", p.display());
        let (code, _, stderr) = run(&[OsStr::new("read"), p.as_os_str()]);
        assert!(code == 0 || code == 1, "{}: {code} {stderr}", p.display());
    }
    // Beside a good article, the article is still found: exit 0.
    let (code, stdout, _) = run(&[OsStr::new("extract"), bin.as_os_str(), ARTICLE_RU.as_ref()]);
    assert_eq!(code, 0);
    assert_eq!(
        records_of(&json_lines(&stdout), ARTICLE_RU).len(),
        1,
        "{stdout}"
    );
}

#[test]
fn empty_file_finds_nothing() {
    let tmp = Scratch::new("empty");
    for name in ["empty.txt", "empty.html", "empty"] {
        let p = tmp.file(name, b"");
        let (code, stdout, stderr) = run(&[OsStr::new("extract"), p.as_os_str()]);
        assert_eq!(code, 1, "{name}: {stderr}");
        assert!(stdout.is_empty());
        // `read` has nothing to show either: exit 1, but the file is still listed.
        let (code, stdout, stderr) = run(&[OsStr::new("read"), p.as_os_str()]);
        assert_eq!(code, 1, "{name}: {stderr}");
        assert!(stdout.contains(&*p.to_string_lossy()), "{stdout}");
    }
}

#[test]
fn invalid_utf8_is_read_not_rejected() {
    // An English article (a title line, then the text) with stray bytes that are not
    // UTF-8: still a page, still a case.
    let tmp = Scratch::new("utf8");
    let p = tmp.file(
        "broken.txt",
        b"Karaganda officer held \xff\xfe over bribe\n\n\
          A district police inspector was detained in Karaganda while taking a bribe of \
          500,000 tenge from a shop owner. \xc3\x28 caf\xe9 \x80\x81\n"
            .as_slice(),
    );
    let (code, stdout, stderr) = run(&[OsStr::new("extract"), p.as_os_str()]);
    assert_eq!(code, 0, "{stderr}");
    let recs = json_lines(&stdout);
    assert_eq!(recs.len(), 1, "{stdout}");
    assert_karaganda_bribe(&recs[0]);
    let (code, stdout, stderr) = run(&[OsStr::new("read"), p.as_os_str()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("Karaganda"), "{stdout}");
}

#[test]
fn invalid_utf8_in_a_russian_file_keeps_the_russian() {
    let tmp = Scratch::new("utf8-ru");
    let mut bytes = fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(ARTICLE_RU)).unwrap();
    bytes.extend_from_slice(b"\n\xff\xfe\xc3\x28 \x80\n");
    let p = tmp.file("broken-ru.txt", bytes);
    let (code, stdout, stderr) = run(&[OsStr::new("read"), p.as_os_str()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("Караганде"), "{stdout}");
}

#[test]
fn fifty_megabyte_page_finishes() {
    // A page far bigger than any news page: a huge navigation menu, then the article's
    // paragraph over and over. It must finish without a panic; no timing is asserted.
    let tmp = Scratch::new("huge");
    let mut html = String::with_capacity(51 << 20);
    html.push_str(
        "<!doctype html><html><head><meta charset=\"utf-8\">\
         <title>Участковый попался на взятке в Караганде</title></head><body><nav><ul>",
    );
    let mut i = 0;
    while html.len() < 4 << 20 {
        html.push_str(&format!(
            "<li><a href=\"/news/section-{i}\">Раздел новостей {i}</a></li>"
        ));
        i += 1;
    }
    html.push_str("</ul></nav><article>");
    let para = "<p>В Караганде задержали участкового инспектора полиции при получении взятки \
                в размере 500 000 тенге от местного предпринимателя. Начато досудебное \
                расследование.</p>\n";
    while html.len() < 50 << 20 {
        html.push_str(para);
    }
    html.push_str("</article></body></html>");
    let big = tmp.file("big.html", &html);
    drop(html);

    let (code, stdout, stderr) = run(&[OsStr::new("extract"), big.as_os_str()]);
    assert!(code == 0 || code == 1, "exit {code}: {stderr}");
    for r in json_lines(&stdout) {
        assert_eq!(r["source"], big.to_string_lossy().as_ref());
    }
    let (code, _, stderr) = run(&[OsStr::new("read"), big.as_os_str()]);
    assert!(code == 0 || code == 1, "exit {code}: {stderr}");
}

#[test]
fn missing_path_fails_but_the_others_are_read() {
    let missing = "tests/fixtures/cli/no-such-article.html";
    let (code, stdout, stderr) = run(&["extract", missing, ARTICLE_RU]);
    assert_eq!(
        code, 2,
        "a path that cannot be read is exit 2, even when a case is found"
    );
    assert!(
        stderr.contains(missing),
        "the message names the path: {stderr}"
    );
    let recs = json_lines(&stdout);
    assert_eq!(records_of(&recs, ARTICLE_RU).len(), 1, "{stdout}");
    // Alone it is the same exit 2, with nothing on stdout.
    let (code, stdout, stderr) = run(&["extract", missing]);
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    assert!(stderr.contains(missing), "{stderr}");
    // And the same for `read`.
    let (code, stdout, stderr) = run(&["read", missing, ARTICLE_RU]);
    assert_eq!(code, 2);
    assert!(stderr.contains(missing), "{stderr}");
    assert!(stdout.contains(ARTICLE_RU), "{stdout}");
}

#[test]
fn broken_symlink_fails_but_the_others_are_read() {
    // A broken link cannot be read even by root, unlike a chmod 000 file.
    let tmp = Scratch::new("symlink");
    let dir = tmp.path().join("dir");
    fs::create_dir_all(&dir).unwrap();
    fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join(ARTICLE_RU),
        dir.join("good.txt"),
    )
    .unwrap();
    std::os::unix::fs::symlink(tmp.path().join("gone.html"), dir.join("dangling.html")).unwrap();
    let link = tmp.path().join("top-link.html");
    std::os::unix::fs::symlink(tmp.path().join("also-gone.html"), &link).unwrap();

    // Given directly.
    let (code, stdout, stderr) =
        run(&[OsStr::new("extract"), link.as_os_str(), ARTICLE_EN.as_ref()]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains(&*link.to_string_lossy()), "{stderr}");
    assert_eq!(
        records_of(&json_lines(&stdout), ARTICLE_EN).len(),
        1,
        "{stdout}"
    );

    // Inside a directory: reported under the directory's name, the good file still read.
    let (code, stdout, stderr) = run(&[OsStr::new("extract"), dir.as_os_str()]);
    assert_eq!(code, 2, "{stderr}");
    let dangling = dir.join("dangling.html");
    assert!(stderr.contains(&*dangling.to_string_lossy()), "{stderr}");
    let good = dir.join("good.txt");
    let recs = json_lines(&stdout);
    assert_eq!(recs.len(), 1, "{stdout}");
    assert_eq!(recs[0]["source"], good.to_string_lossy().as_ref());
    assert_karaganda_bribe(&recs[0]);
}

#[test]
fn unreadable_file_in_a_directory() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = Scratch::new("unreadable");
    tmp.file(
        "dir/good.txt",
        fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(ARTICLE_RU)).unwrap(),
    );
    let locked = tmp.file("dir/locked.txt", "Nothing to see here.");
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    let dir = tmp.path().join("dir");
    let (code, stdout, stderr) = run(&[OsStr::new("extract"), dir.as_os_str()]);
    let recs = json_lines(&stdout);
    assert_eq!(recs.len(), 1, "the readable file is still read: {stdout}");
    assert_karaganda_bribe(&recs[0]);
    // Root reads a chmod 000 file anyway (tests run as root in some containers): then the
    // file is simply read. Otherwise it is a failure named on stderr.
    if fs::read(&locked).is_ok() {
        assert_eq!(code, 0, "{stderr}");
    } else {
        assert_eq!(code, 2, "{stderr}");
        assert!(stderr.contains(&*locked.to_string_lossy()), "{stderr}");
    }
}

#[test]
fn unlistable_subdirectory() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = Scratch::new("unlistable");
    tmp.file(
        "dir/good.txt",
        fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(ARTICLE_RU)).unwrap(),
    );
    tmp.file("dir/sub/inside.txt", "Nothing to see here.");
    let sub = tmp.path().join("dir/sub");
    fs::set_permissions(&sub, fs::Permissions::from_mode(0o000)).unwrap();
    let (code, stdout, stderr) = run(&[OsStr::new("extract"), tmp.path().join("dir").as_os_str()]);
    assert_eq!(json_lines(&stdout).len(), 1, "{stdout}");
    if fs::read_dir(&sub).is_ok() {
        assert_eq!(code, 0, "{stderr}");
    } else {
        assert_eq!(code, 2, "{stderr}");
        assert!(stderr.contains(&*sub.to_string_lossy()), "{stderr}");
    }
}

// ---------------------------------------------------------------------------------------
// Output formats

#[test]
fn jsonl_follows_the_spec() {
    // A directory argument: `source` is the directory as given joined with the file name.
    let (code, stdout, stderr) = run(&["extract", "--format", "jsonl", ARTICLES]);
    assert_eq!(code, 0, "{stderr}");
    let recs = json_lines(&stdout);
    assert!(!recs.is_empty());
    for r in &recs {
        assert!(r["kind"] == "incident" || r["kind"] == "statistic", "{r}");
        let source = r["source"].as_str().expect("source is a string");
        assert!(source == ARTICLE_RU || source == ARTICLE_EN, "{r}");
        assert!(r["lexicon"].is_string(), "{r}");
    }
    for article in [ARTICLE_RU, ARTICLE_EN] {
        let incidents: Vec<_> = records_of(&recs, article)
            .into_iter()
            .filter(|r| r["kind"] == "incident")
            .collect();
        assert_eq!(incidents.len(), 1, "{article}: {stdout}");
        let r = incidents[0];
        assert_eq!(r["kind"], "incident");
        assert_karaganda_bribe(r);
        assert_eq!(r["stage"], "detained", "{r}");
        for field in [
            "actor",
            "date",
            "evidence",
            "place",
            "geo_precision",
            "confidence",
        ] {
            assert!(r.get(field).is_some(), "{field} missing: {r}");
        }
        let c = r["confidence"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&c), "{r}");
    }
    // A file argument: `source` is the path exactly as given.
    let (_, stdout, _) = run(&["extract", ARTICLE_RU]);
    assert_eq!(json_lines(&stdout)[0]["source"], ARTICLE_RU);
    // jsonl is the default format.
    let (_, default, _) = run(&["extract", ARTICLES]);
    assert_eq!(default, run(&["extract", "--format", "jsonl", ARTICLES]).1);
}

#[test]
fn json_is_one_array_with_an_object_per_file() {
    let (code, stdout, stderr) = run(&["extract", "--format", "json", ARTICLES]);
    assert_eq!(code, 0, "{stderr}");
    let doc: Value = serde_json::from_str(&stdout).expect("one JSON document");
    let files = doc.as_array().expect("an array");
    let sources: Vec<&str> = files
        .iter()
        .map(|f| f["source"].as_str().unwrap())
        .collect();
    assert_eq!(
        sources,
        [ARTICLE_EN, ARTICLE_RU],
        "one object per file, in name order"
    );
    for f in files {
        assert!(f["lexicon"].is_string(), "{f}");
        assert!(f["statistics"].is_array(), "{f}");
        let incidents = f["incidents"].as_array().expect("incidents array");
        assert_eq!(incidents.len(), 1, "{f}");
        assert_karaganda_bribe(&incidents[0]);
    }
}

#[test]
fn json_and_jsonl_agree() {
    // The same incidents, field for field: `--format json` is not a second serialisation
    // with its own rounding (it once printed confidence 0.95 as 0.949999988079071).
    let (_, jsonl, _) = run(&["extract", "--format", "jsonl", ARTICLES]);
    let (_, json, _) = run(&["extract", "--format", "json", ARTICLES]);
    let doc: Value = serde_json::from_str(&json).unwrap();
    let mut from_json = Vec::new();
    for f in doc.as_array().unwrap() {
        for i in f["incidents"].as_array().unwrap() {
            let mut i = i.clone();
            i["kind"] = "incident".into();
            i["source"] = f["source"].clone();
            i["lexicon"] = f["lexicon"].clone();
            from_json.push(i);
        }
    }
    let from_jsonl: Vec<Value> = json_lines(&jsonl)
        .into_iter()
        .filter(|r| r["kind"] == "incident")
        .collect();
    assert_eq!(from_json, from_jsonl);
}

#[test]
fn table_has_a_line_per_record() {
    let (_, jsonl, _) = run(&["extract", ARTICLES]);
    let (code, stdout, stderr) = run(&["extract", "--format", "table", ARTICLES]);
    assert_eq!(code, 0, "{stderr}");
    let lines: Vec<&str> = stdout.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(lines.len(), json_lines(&jsonl).len(), "{stdout}");
    for l in &lines {
        assert!(l.contains("KZ-35") && l.contains("bribery"), "{l}");
    }
}

#[test]
fn explain_shows_the_sentences() {
    let (code, stdout, stderr) = run(&["extract", "--format", "explain", ARTICLE_RU]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains(ARTICLE_RU), "{stdout}");
    assert!(
        stdout.contains("задержали участкового инспектора полиции при получении взятки"),
        "{stdout}"
    );
}

#[test]
fn read_json_has_an_object_per_file() {
    let (code, stdout, stderr) = run(&["read", "--format", "json", ARTICLES]);
    assert_eq!(code, 0, "{stderr}");
    let pages = json_lines(&stdout);
    assert_eq!(pages.len(), 2, "{stdout}");
    for p in &pages {
        for field in ["source", "title", "published", "lang", "charset", "text"] {
            assert!(p.get(field).is_some(), "{field} missing: {p}");
        }
    }
    let en = &pages[0];
    assert_eq!(en["source"], ARTICLE_EN);
    assert_eq!(en["title"], "Karaganda district officer held over bribe");
    assert_eq!(en["published"], "2024-05-15");
    assert_eq!(en["lang"], "en");
    assert!(
        en["text"].as_str().unwrap().contains("500,000 tenge"),
        "{en}"
    );
    // The menu and footer are not the article.
    assert!(
        !en["text"].as_str().unwrap().contains("Example News"),
        "{en}"
    );
    let ru = &pages[1];
    assert_eq!(ru["source"], ARTICLE_RU);
    assert_eq!(ru["lang"], "ru");
    assert!(
        ru["text"].as_str().unwrap().contains("500 000 тенге"),
        "{ru}"
    );
}

#[test]
fn read_text_shows_title_and_paragraphs() {
    let (code, stdout, stderr) = run(&["read", ARTICLE_EN]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.starts_with(&format!("== {ARTICLE_EN}\n")),
        "{stdout}"
    );
    assert!(
        stdout.contains("title:     Karaganda district officer held over bribe"),
        "{stdout}"
    );
    assert!(stdout.contains("published: 2024-05-15"), "{stdout}");
    assert!(stdout.contains("detained in Karaganda"), "{stdout}");
}

// ---------------------------------------------------------------------------------------
// --lexicon

/// The built-in lexicon file `name`, as text.
fn builtin_lexicon(name: &str) -> String {
    fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("config/lexicon")
            .join(name),
    )
    .expect("built-in lexicon file")
}

/// The 1-based number of the first line of `text` that satisfies `pred`.
fn line_of(text: &str, pred: impl Fn(&str) -> bool) -> usize {
    text.lines().position(pred).expect("line present") + 1
}

#[test]
fn broken_lexicon_names_every_error_and_prints_nothing() {
    let tmp = Scratch::new("lexicon-broken");
    // offenses.toml: a valid file, but one offense renamed to an id that does not exist.
    let offenses = builtin_lexicon("offenses.toml");
    let bad_id = line_of(&offenses, |l| l.trim() == "id = \"theft\"");
    let offenses = offenses.replacen("id = \"theft\"", "id = \"thievery\"", 1);
    tmp.file("offenses.toml", offenses);
    // stages.toml: one string left unterminated, a syntax error.
    let stages = builtin_lexicon("stages.toml");
    let bad_syntax = line_of(&stages, |l| l.starts_with("en = [\""));
    let stages: Vec<String> = stages
        .lines()
        .enumerate()
        .map(|(i, l)| {
            if i + 1 == bad_syntax {
                "en = [\"accus*".to_string()
            } else {
                l.to_string()
            }
        })
        .collect();
    tmp.file("stages.toml", stages.join("\n"));

    let (code, stdout, stderr) = run(&[
        OsStr::new("extract"),
        OsStr::new("--lexicon"),
        tmp.path().as_os_str(),
        ARTICLE_RU.as_ref(),
    ]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stdout.is_empty(),
        "nothing is read with a broken lexicon: {stdout}"
    );
    // Both mistakes at once, each with its file and line.
    let at =
        |file: &str, line: usize| format!("{}:{line}:", tmp.path().join(file).to_string_lossy());
    assert!(stderr.contains(&at("offenses.toml", bad_id)), "{stderr}");
    assert!(stderr.contains("thievery"), "{stderr}");
    assert!(stderr.contains(&at("stages.toml", bad_syntax)), "{stderr}");
}

#[test]
fn missing_lexicon_directory_is_exit_2() {
    let (code, stdout, stderr) = run(&[
        "extract",
        "--lexicon",
        "tests/fixtures/cli/no-such-lexicon",
        ARTICLE_RU,
    ]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stdout.is_empty());
    assert!(
        stderr.contains("tests/fixtures/cli/no-such-lexicon"),
        "{stderr}"
    );
}

#[test]
fn custom_lexicon_teaches_a_new_word() {
    // "мзда" (an old word for a bribe) is not in the built-in lexicon; "мздоимство" is.
    let offenses = builtin_lexicon("offenses.toml");
    assert!(!offenses.contains("\"мзд*\"") && !offenses.contains("\"мзда"));
    let (code, stdout, stderr) = run(&["extract", SLANG]);
    assert_eq!(code, 1, "not found without the word: {stdout}{stderr}");

    let tmp = Scratch::new("lexicon-custom");
    let taught = offenses.replacen("\"мздоимств*\"", "\"мздоимств*\", \"мзд*\"", 1);
    assert_ne!(taught, offenses);
    tmp.file("offenses.toml", taught);
    let (code, stdout, stderr) = run(&[
        OsStr::new("extract"),
        OsStr::new("--lexicon"),
        tmp.path().as_os_str(),
        SLANG.as_ref(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    let recs = json_lines(&stdout);
    assert_eq!(recs.len(), 1, "{stdout}");
    assert_karaganda_bribe(&recs[0]);
    assert_eq!(recs[0]["source"], SLANG);
    // The record names the lexicon that read it, and an edited lexicon is another version.
    let (_, builtin, _) = run(&["extract", ARTICLE_RU]);
    assert_ne!(recs[0]["lexicon"], json_lines(&builtin)[0]["lexicon"]);
}
