//! Offers 1,000,000 URLs to a fresh store's frontier and prints peak RSS, to check that a
//! big frontier stays on disk rather than in memory (issue 4: under 250 MB).
//!
//! `cargo run --release --example frontier_mem [DIR]`

// The allocator `dozor crawl` uses (src/main.rs): under glibc malloc the same frontier
// measures the allocator's fragmentation, not what the crawl would hold.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> anyhow::Result<()> {
    let dir = std::env::args()
        .nth(1)
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| {
            std::env::temp_dir().join(format!("dozor-frontier-mem-{}", std::process::id()))
        });
    let _ = std::fs::remove_dir_all(&dir);
    let store = dozor::store::Store::open(&dir)?;
    let f = store.frontier();
    let started = std::time::Instant::now();
    // FRONTIER_MEM_N: fewer URLs for a quick comparison; the figure is for the default.
    let n: u64 = std::env::var("FRONTIER_MEM_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    for i in 0..n {
        let url = format!(
            "https://example-news.kz/ru/news/2026/12/{:02}/article-{i}.html",
            i % 28 + 1
        );
        f.offer(&url, "example", dozor::store::UrlKind::Article, 2, 10, i)?;
    }
    store.flush()?;
    let due = f.due(u64::MAX, 1000)?;
    let counts = store.counts()?;
    println!(
        "queued {} in {:.1} s, due batch {}, {} MB on disk, peak RSS {}",
        counts.frontier.queued,
        started.elapsed().as_secs_f64(),
        due.len(),
        counts.bytes_on_disk >> 20,
        peak_rss()
    );
    drop(store);
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

fn peak_rss() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(|l| l[6..].trim().to_string())
        })
        .unwrap_or_else(|| "unknown (no /proc)".into())
}
