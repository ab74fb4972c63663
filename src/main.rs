//! The `dozor` command line. Parses arguments, calls the library, prints.
//!
//! Exit codes (as ripgrep's): 0 — something was found (an incident or statistic for
//! `extract`, a readable page for `read`); 1 — every input was read and nothing was found;
//! 2 — an input or the configuration could not be read (the rest is still processed).
//! `check` exits 0 for a valid configuration and 2 for one with problems. `crawl` exits 0
//! when it fetched something (or was stopped by Ctrl-C / SIGTERM, to be resumed), 1 when
//! every fetch failed or nothing was due, 2 when the configuration or the store could not
//! be opened.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use serde::Serialize;

use dozor::config::{self, Config};
use dozor::crawl;
use dozor::extract::record::IncidentOut;
use dozor::extract::{self, Lexicon, Statistic};
use dozor::inputs;
use dozor::page;
use dozor::store::Store;

// html5ever allocates a node, an attribute map and a string per tag: the system allocator
// spends a fifth of the reading time on them, mimalloc a fraction of that.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "dozor",
    version,
    about = "Watches the news for police misconduct"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Read HTML or plain-text files and print the incidents and statistics they report.
    Extract {
        #[arg(long, value_enum, default_value = "jsonl")]
        format: ExtractFormat,
        /// A directory of lexicon files replacing the built-in ones (see config/lexicon).
        #[arg(long, value_name = "DIR")]
        lexicon: Option<PathBuf>,
        /// Files, or directories whose files are all read.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Show what dozor reads in a page: title, date, language and main text.
    Read {
        #[arg(long, value_enum, default_value = "text")]
        format: ReadFormat,
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Fetch the configured sources; read and extract every new article into the store.
    /// Killed or stopped at any point, the next run resumes where this one stopped.
    Crawl {
        /// The configuration file; without it, the built-in config/dozor.toml.
        #[arg(long, value_name = "PATH")]
        config: Option<PathBuf>,
        /// Fetch at most this many pages in this run (overrides `[crawl] max_pages`).
        #[arg(long, value_name = "N")]
        max_pages: Option<u64>,
    },
    /// Validate a configuration and print it with every default filled in.
    Check {
        /// The configuration file; without it, the built-in config/dozor.toml.
        #[arg(long, value_name = "PATH")]
        config: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum ExtractFormat {
    /// One JSON object per incident or statistic (shared/spec/incidents.md §6).
    Jsonl,
    /// One JSON document: an array with an object per input file.
    Json,
    /// Aligned columns for people.
    Table,
    /// Every sentence with what each lexicon found in it: why a case was read or missed.
    Explain,
}

#[derive(Clone, Copy, ValueEnum)]
enum ReadFormat {
    Text,
    Json,
}

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "warn".into()),
        )
        .with_writer(io::stderr)
        .init();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract {
            format,
            lexicon,
            paths,
        } => run_extract(format, lexicon.as_deref(), &paths),
        Command::Read { format, paths } => run_read(format, &paths),
        Command::Check { config } => run_check(config.as_deref()),
        Command::Crawl { config, max_pages } => run_crawl(config.as_deref(), max_pages),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("dozor: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// One object of `extract --format json`. Serialised directly rather than through
/// `serde_json::json!`, whose `Value` widens the f32 `confidence` (0.95 became
/// 0.949999988079071, unlike the same incident in jsonl).
#[derive(Serialize)]
struct FileOut<'a> {
    source: &'a str,
    lexicon: &'a str,
    incidents: Vec<IncidentOut<'a>>,
    statistics: &'a [Statistic],
}

/// The exit code for a run that found `found` things and met `failed` unreadable inputs.
fn exit_code(found: bool, failed: usize) -> ExitCode {
    match (failed, found) {
        (1.., _) => ExitCode::from(2),
        (0, true) => ExitCode::SUCCESS,
        (0, false) => ExitCode::from(1),
    }
}

fn run_extract(
    format: ExtractFormat,
    lexicon: Option<&Path>,
    paths: &[PathBuf],
) -> Result<ExitCode> {
    let lex = match lexicon {
        Some(dir) => Lexicon::load_dir(dir).map_err(anyhow::Error::new)?,
        None => Lexicon::embedded(),
    };
    let (files, mut failed) = inputs::expand(paths);
    let explain = matches!(format, ExtractFormat::Explain);
    let results = inputs::par_map(&files, |input, bytes| {
        let article = page::read(bytes, None, input.content_type());
        let why = explain.then(|| extract::explain(&article, &lex));
        (extract::extract(&article, &lex), why)
    });
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut found = false;
    let mut docs = Vec::new();
    for (input, res) in files.iter().zip(&results) {
        let (ex, why) = match res {
            Ok(r) => r,
            Err(e) => {
                eprintln!("dozor: {}: {e}", input.source);
                failed += 1;
                continue;
            }
        };
        found |= !ex.incidents.is_empty() || !ex.statistics.is_empty();
        match format {
            ExtractFormat::Jsonl => {
                for r in extract::record::records(&input.source, ex, &lex.version) {
                    serde_json::to_writer(&mut out, &r)?;
                    writeln!(out)?;
                }
            }
            ExtractFormat::Json => docs.push(FileOut {
                source: &input.source,
                lexicon: &lex.version,
                incidents: ex.incidents.iter().map(IncidentOut::from).collect(),
                statistics: &ex.statistics,
            }),
            ExtractFormat::Table => dozor::table::write(&mut out, &input.source, ex)?,
            ExtractFormat::Explain => {
                writeln!(
                    out,
                    "== {}\n{}",
                    input.source,
                    why.as_deref().unwrap_or_default()
                )?;
            }
        }
    }
    if let ExtractFormat::Json = format {
        serde_json::to_writer_pretty(&mut out, &docs)?;
        writeln!(out)?;
    }
    out.flush().context("writing the output")?;
    Ok(exit_code(found, failed))
}

fn run_read(format: ReadFormat, paths: &[PathBuf]) -> Result<ExitCode> {
    let (files, mut failed) = inputs::expand(paths);
    let results = inputs::par_map(&files, |input, bytes| {
        page::read(bytes, None, input.content_type())
    });
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut found = false;
    for (input, res) in files.iter().zip(results) {
        let a = match res {
            Ok(a) => a,
            Err(e) => {
                eprintln!("dozor: {}: {e}", input.source);
                failed += 1;
                continue;
            }
        };
        found |= !a.paragraphs.is_empty() || a.title.is_some();
        match format {
            ReadFormat::Json => {
                let v = serde_json::json!({
                    "source": input.source,
                    "title": a.title,
                    "published": a.published,
                    "lang": a.lang,
                    "charset": a.charset,
                    "canonical": a.canonical,
                    "looks_like_article": a.looks_like_article,
                    "text": a.paragraphs.join("\n\n"),
                });
                serde_json::to_writer(&mut out, &v)?;
                writeln!(out)?;
            }
            ReadFormat::Text => {
                writeln!(out, "== {}", input.source)?;
                writeln!(out, "title:     {}", a.title.as_deref().unwrap_or("-"))?;
                writeln!(
                    out,
                    "published: {}",
                    a.published
                        .map(|d| d.to_iso())
                        .unwrap_or_else(|| "-".into())
                )?;
                writeln!(out, "lang:      {:?}   charset: {}", a.lang, a.charset)?;
                writeln!(out)?;
                for p in &a.paragraphs {
                    writeln!(out, "{p}\n")?;
                }
            }
        }
    }
    out.flush().context("writing the output")?;
    Ok(exit_code(found, failed))
}

/// The configuration at `path`, or the built-in one; its problems, all of them, as an
/// error.
fn load_config(path: Option<&Path>) -> Result<Config> {
    let parsed = match path {
        Some(p) => Config::load(p),
        None => Config::parse(config::DEFAULT_TOML, config::DEFAULT_FILE),
    };
    parsed.map_err(|e| anyhow::anyhow!("{e}"))
}

fn run_crawl(config: Option<&Path>, max_pages: Option<u64>) -> Result<ExitCode> {
    let cfg = load_config(config)?;
    let store = Arc::new(Store::open(&cfg.store.path)?);
    let lex = Arc::new(Lexicon::embedded());
    let runtime = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    let summary = runtime.block_on(async {
        let (tx, rx) = tokio::sync::watch::channel(false);
        tokio::spawn(async move {
            shutdown_signal().await;
            eprintln!("dozor: stopping at the next safe point (the next run resumes)");
            let _ = tx.send(true);
        });
        let opts = crawl::Options {
            max_pages,
            progress: true,
        };
        crawl::run(&cfg, store.clone(), lex, opts, rx).await
    })?;
    print_summary(&summary);
    Ok(if summary.fetched + summary.not_modified > 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Ctrl-C, or SIGTERM from a service manager.
async fn shutdown_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {}
                    _ = term.recv() => {}
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

fn print_summary(s: &crawl::Summary) {
    eprintln!(
        "dozor: fetched {} pages ({} not modified), {} skipped by robots.txt, {} not pages, {} retried, {} failed",
        s.fetched + s.not_modified,
        s.not_modified,
        s.skipped_by_robots,
        s.skipped_by_type,
        s.retried,
        s.failed_total()
    );
    for (why, n) in &s.failed {
        eprintln!("  failed {n}: {why}");
    }
    eprintln!(
        "dozor: {} new articles ({} already stored under another address), {} incidents, {} statistics, in {:.1}s{}",
        s.new_articles,
        s.republished,
        s.incidents,
        s.statistics,
        s.elapsed_secs,
        if s.interrupted { ", interrupted" } else { "" }
    );
}

/// Exit 0 and the effective configuration when it is valid; 2 and every problem otherwise.
fn run_check(path: Option<&Path>) -> Result<ExitCode> {
    let parsed = match path {
        Some(p) => Config::load(p),
        None => Config::parse(config::DEFAULT_TOML, config::DEFAULT_FILE),
    };
    match parsed {
        Ok(c) => {
            let mut out = io::stdout().lock();
            out.write_all(c.effective_toml().as_bytes())?;
            out.flush().context("writing the output")?;
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            eprintln!("{e}");
            Ok(ExitCode::from(2))
        }
    }
}
