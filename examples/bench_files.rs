//! Head-to-head timing helper for `scripts/bench_read.sh`.
//!
//!     bench_files DIR N [--parse-only] [--read-only] [--extract-only] [--rounds R]
//!
//! Reads DIR/0.html .. DIR/(N-1).html (gen_site.py's article pages, the same files the
//! trafilatura peer takes) and times, on this one thread, per file: `page::read` +
//! `extract::extract` (default), `page::read` alone (`--read-only`), or a bare
//! `scraper::Html::parse_document` of the UTF-8 text (`--parse-only`, the floor), or
//! `extract::extract` alone over articles read before the clock (`--extract-only`, to
//! profile the extractor without the parser's samples drowning it).
//! Like the peer, the clock covers reading each file from disk too; the lexicon is
//! compiled before the clock starts. Prints one line in the peer's format:
//! `N docs X MB in Ts: D docs/s M MB/s, ...` (MB = 10^6 bytes of HTML).

use std::path::Path;
use std::time::Instant;

// html5ever allocates a node, an attribute map and a string per tag: the system allocator
// spends a fifth of the reading time on them, mimalloc a fraction of that.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

enum Mode {
    Extract,
    ExtractOnly,
    Read,
    Parse,
}

fn main() {
    let mut args = std::env::args().skip(1);
    let usage =
        "usage: bench_files DIR N [--parse-only] [--read-only] [--extract-only] [--rounds R]";
    let dir = args.next().expect(usage);
    let n: usize = args.next().and_then(|s| s.parse().ok()).expect(usage);
    let mut mode = Mode::Extract;
    let mut rounds = 1usize;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--parse-only" => mode = Mode::Parse,
            "--read-only" => mode = Mode::Read,
            "--extract-only" => mode = Mode::ExtractOnly,
            "--rounds" => rounds = args.next().and_then(|s| s.parse().ok()).expect(usage),
            _ => panic!("{usage}"),
        }
    }
    let files: Vec<_> = (0..n)
        .map(|i| Path::new(&dir).join(format!("{i}.html")))
        .collect();
    if let Some(missing) = files.iter().find(|p| !p.is_file()) {
        eprintln!(
            "{} is missing: DIR must hold 0.html .. {}.html",
            missing.display(),
            n - 1
        );
        std::process::exit(2);
    }
    let lexicon = dozor::extract::Lexicon::embedded();

    if let Mode::ExtractOnly = mode {
        let articles: Vec<_> = files
            .iter()
            .map(|p| {
                dozor::page::read(
                    &std::fs::read(p).expect("read file"),
                    None,
                    Some("text/html"),
                )
            })
            .collect();
        let chars: usize = articles
            .iter()
            .flat_map(|a| &a.paragraphs)
            .map(|p| p.len())
            .sum();
        let t = Instant::now();
        let mut incidents = 0usize;
        for _ in 0..rounds {
            for a in &articles {
                incidents += dozor::extract::extract(a, &lexicon).incidents.len();
            }
        }
        let dt = t.elapsed().as_secs_f64();
        let docs = articles.len() * rounds;
        println!(
            "{docs} docs {:.1} MB of text in {dt:.2}s: {:.1} docs/s {:.2} MB/s, {incidents} incidents",
            (chars * rounds) as f64 / 1e6,
            docs as f64 / dt,
            (chars * rounds) as f64 / 1e6 / dt,
        );
        return;
    }
    let t = Instant::now();
    let (mut total, mut out, mut empty, mut incidents) = (0usize, 0usize, 0usize, 0usize);
    for _ in 0..rounds {
        for path in &files {
            let bytes = std::fs::read(path).expect("read file");
            total += bytes.len();
            match mode {
                Mode::Parse => {
                    let text = String::from_utf8_lossy(&bytes);
                    let doc = scraper::Html::parse_document(&text);
                    out += doc.tree.nodes().len();
                }
                Mode::ExtractOnly => unreachable!("handled above"),
                Mode::Read | Mode::Extract => {
                    let article = dozor::page::read(&bytes, None, Some("text/html"));
                    let chars: usize = article.paragraphs.iter().map(|p| p.chars().count()).sum();
                    if chars == 0 {
                        empty += 1;
                    }
                    out += chars;
                    if let Mode::Extract = mode {
                        let x = dozor::extract::extract(&article, &lexicon);
                        incidents += x.incidents.len();
                    }
                }
            }
        }
    }
    let dt = t.elapsed().as_secs_f64();
    let docs = files.len() * rounds;
    let tail = match mode {
        Mode::Parse => format!("{out} nodes"),
        Mode::Read => format!("{out} chars out, {empty} empty"),
        Mode::Extract => format!("{out} chars out, {empty} empty, {incidents} incidents"),
        Mode::ExtractOnly => unreachable!("handled above"),
    };
    println!(
        "{docs} docs {:.1} MB in {dt:.2}s: {:.1} docs/s {:.2} MB/s, {tail}",
        total as f64 / 1e6,
        docs as f64 / dt,
        total as f64 / 1e6 / dt,
    );
}
