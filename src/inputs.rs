//! Files named on the command line: directories expanded, read in parallel, results in order.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// A file to read, with the name it is reported under.
#[derive(Debug, Clone)]
pub struct Input {
    /// The path as given on the command line, joined with the file's name inside a
    /// directory that was given.
    pub source: String,
    pub path: PathBuf,
}

impl Input {
    /// The content type its name implies, or `None` to let the reader sniff.
    pub fn content_type(&self) -> Option<&'static str> {
        match self
            .path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("txt" | "text") => Some("text/plain"),
            Some("html" | "htm" | "xhtml") => Some("text/html"),
            _ => None,
        }
    }
}

/// Expands directories (recursively, in name order, hidden files skipped). Paths that do
/// not exist or cannot be listed are reported on stderr and counted.
pub fn expand(paths: &[PathBuf]) -> (Vec<Input>, usize) {
    let mut out = Vec::new();
    let mut failed = 0;
    for p in paths {
        let source = p.to_string_lossy().to_string();
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => walk(p, &source, &mut out, &mut failed),
            Ok(_) => out.push(Input {
                source,
                path: p.clone(),
            }),
            Err(e) => {
                eprintln!("dozor: {source}: {e}");
                failed += 1;
            }
        }
    }
    (out, failed)
}

fn walk(dir: &Path, source: &str, out: &mut Vec<Input>, failed: &mut usize) {
    let entries = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            eprintln!("dozor: {source}: cannot list: {e}");
            *failed += 1;
            return;
        }
    };
    let mut names: Vec<(String, PathBuf)> = entries
        .filter_map(Result::ok)
        .map(|e| (e.file_name().to_string_lossy().to_string(), e.path()))
        .filter(|(n, _)| !n.starts_with('.'))
        .collect();
    names.sort();
    for (name, path) in names {
        let src = Path::new(source).join(&name).to_string_lossy().to_string();
        if path.is_dir() {
            walk(&path, &src, out, failed);
        } else {
            out.push(Input { source: src, path });
        }
    }
}

/// Reads each input and maps it on all cores; results come back in input order.
pub fn par_map<T: Send>(
    inputs: &[Input],
    f: impl Fn(&Input, &[u8]) -> T + Sync,
) -> Vec<Result<T, io::Error>> {
    let slots: Vec<Mutex<Option<Result<T, io::Error>>>> =
        inputs.iter().map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(inputs.len().max(1));
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(input) = inputs.get(i) else { break };
                let r = std::fs::read(&input.path).map(|bytes| f(input, &bytes));
                *slots[i]
                    .lock()
                    .expect("no worker panics while holding a slot") = Some(r);
            });
        }
    });
    slots
        .into_iter()
        .map(|m| {
            m.into_inner()
                .expect("no poisoned slot")
                .expect("every slot filled")
        })
        .collect()
}
