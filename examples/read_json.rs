//! Scoring helper (temporary): `read_json FILE_OR_DIR...` prints one JSON object per page,
//! the shape `dozor read --format json` prints. `read_json --bench DIR [N]` times read.
use std::path::{Path, PathBuf};

fn files(args: &[String]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for a in args {
        let p = Path::new(a);
        if p.is_dir() {
            let mut v: Vec<_> = std::fs::read_dir(p)
                .unwrap()
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file())
                .collect();
            v.sort();
            out.extend(v);
        } else {
            out.push(p.to_path_buf());
        }
    }
    out
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--bench") {
        let paths = files(&args[1..2]);
        let rounds: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1);
        let pages: Vec<Vec<u8>> = paths.iter().map(|p| std::fs::read(p).unwrap()).collect();
        let t = std::time::Instant::now();
        let mut n = 0usize;
        for _ in 0..rounds {
            for b in &pages {
                let a = dozor::page::read(b, None, Some("text/html"));
                n += a.paragraphs.len();
            }
        }
        let dt = t.elapsed().as_secs_f64();
        let docs = (pages.len() * rounds) as f64;
        eprintln!(
            "read: {docs} docs in {dt:.2}s = {:.0} docs/s ({n} paragraphs)",
            docs / dt
        );
        let t = std::time::Instant::now();
        for _ in 0..rounds {
            for b in &pages {
                let s = String::from_utf8_lossy(b);
                std::hint::black_box(scraper::Html::parse_document(&s));
            }
        }
        let dt = t.elapsed().as_secs_f64();
        eprintln!("bare parse: {:.0} docs/s", docs / dt);
        return;
    }
    for p in files(&args) {
        let bytes = std::fs::read(&p).unwrap();
        let ct = if p.extension().is_some_and(|e| e == "txt") {
            Some("text/plain")
        } else {
            None
        };
        let a = dozor::page::read(&bytes, None, ct);
        let v = serde_json::json!({
            "source": p.display().to_string(),
            "title": a.title,
            "published": a.published,
            "lang": a.lang,
            "charset": a.charset,
            "text": a.paragraphs.join("\n\n"),
        });
        println!("{v}");
    }
}
