//! Speed of the pure stages on realistic pages: `cargo bench --bench read_extract`.
//!
//! Three measurements over the same set of pages, each iteration going over the whole set:
//! - `bare_parse`:   `scraper::Html::parse_document` alone, the floor `page::read` stands on;
//! - `read`:         `dozor::page::read(bytes, None, Some("text/html"))`;
//! - `read_extract`: `read` then `dozor::extract::extract` with the embedded lexicon
//!   (compiled once, outside the timed loop).
//!
//! Each is reported twice, as bytes of HTML per second (`*-bytes` groups) and as pages per
//! second (`*-pages` groups).
//!
//! Pages (no network):
//! - `site`: `DOZOR_BENCH_SITE=DIR` names a site made by `gen_site.py` (its `news/<i>.html`
//!   article pages, or a directory holding `<i>.html` directly). Otherwise, when
//!   `../shared/bench/gen_site.py` exists, the site is generated once with python3 into
//!   `target/bench-site`. `DOZOR_BENCH_PAGES` sets how many pages are taken (200).
//! - `corpus`: the labelled corpus pages `../shared/corpus/docs/*.html`, when present.
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

const DEFAULT_PAGES: usize = 200;

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The directory holding `0.html`, `1.html`, ... of a gen_site.py site.
fn articles_dir(site: &Path) -> PathBuf {
    let news = site.join("news");
    if news.join("0.html").is_file() {
        news
    } else {
        site.to_path_buf()
    }
}

fn site_pages(n: usize) -> Option<(String, Vec<Vec<u8>>)> {
    let dir = if let Some(site) = std::env::var_os("DOZOR_BENCH_SITE") {
        articles_dir(Path::new(&site))
    } else {
        let gen = manifest_dir().join("../shared/bench/gen_site.py");
        let out = manifest_dir().join("target/bench-site");
        let dir = out.join("news");
        if !dir.join(format!("{}.html", n - 1)).is_file() {
            if !gen.is_file() {
                eprintln!(
                    "no DOZOR_BENCH_SITE and no {}: skipping the site pages",
                    gen.display()
                );
                return None;
            }
            eprintln!("generating {n} pages into {}", out.display());
            let ok = Command::new("python3")
                .arg(&gen)
                .arg(&out)
                .arg(n.to_string())
                .stdout(std::process::Stdio::null())
                .status()
                .map(|s| s.success())
                .unwrap_or(false);
            if !ok {
                eprintln!("python3 {} failed: skipping the site pages", gen.display());
                return None;
            }
        }
        dir
    };
    let mut pages = Vec::with_capacity(n);
    for i in 0..n {
        match std::fs::read(dir.join(format!("{i}.html"))) {
            Ok(b) => pages.push(b),
            Err(_) => break,
        }
    }
    if pages.is_empty() {
        eprintln!("{} holds no 0.html: skipping the site pages", dir.display());
        return None;
    }
    Some(("site".to_string(), pages))
}

fn corpus_pages() -> Option<(String, Vec<Vec<u8>>)> {
    let dir = manifest_dir().join("../shared/corpus/docs");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "html"))
        .collect();
    paths.sort();
    let pages: Vec<Vec<u8>> = paths.iter().filter_map(|p| std::fs::read(p).ok()).collect();
    (!pages.is_empty()).then(|| ("corpus".to_string(), pages))
}

fn bench_set(c: &mut Criterion, name: &str, pages: &[Vec<u8>], lexicon: &dozor::extract::Lexicon) {
    let bytes: usize = pages.iter().map(Vec::len).sum();
    eprintln!(
        "{name}: {} pages, {:.1} MB, {:.0} KB a page on average",
        pages.len(),
        bytes as f64 / 1e6,
        bytes as f64 / 1e3 / pages.len() as f64
    );
    for (unit, throughput) in [
        ("bytes", Throughput::Bytes(bytes as u64)),
        ("pages", Throughput::Elements(pages.len() as u64)),
    ] {
        let mut g = c.benchmark_group(format!("{name}-{unit}"));
        g.throughput(throughput)
            .sample_size(10)
            .warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(4));
        g.bench_function("bare_parse", |b| {
            b.iter(|| {
                for p in pages {
                    let text = String::from_utf8_lossy(p);
                    black_box(scraper::Html::parse_document(&text));
                }
            })
        });
        g.bench_function("read", |b| {
            b.iter(|| {
                for p in pages {
                    black_box(dozor::page::read(black_box(p), None, Some("text/html")));
                }
            })
        });
        g.bench_function("read_extract", |b| {
            b.iter(|| {
                for p in pages {
                    let article = dozor::page::read(black_box(p), None, Some("text/html"));
                    black_box(dozor::extract::extract(&article, lexicon));
                }
            })
        });
        g.finish();
    }
}

fn benches(c: &mut Criterion) {
    let n = std::env::var("DOZOR_BENCH_PAGES")
        .ok()
        .and_then(|s| s.parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or(DEFAULT_PAGES);
    let lexicon = dozor::extract::Lexicon::embedded();
    let sets: Vec<_> = [site_pages(n), corpus_pages()]
        .into_iter()
        .flatten()
        .collect();
    if sets.is_empty() {
        eprintln!("no pages to measure: set DOZOR_BENCH_SITE or provide ../shared");
    }
    for (name, pages) in &sets {
        bench_set(c, name, pages, &lexicon);
    }
}

criterion_group!(read_extract, benches);
criterion_main!(read_extract);
