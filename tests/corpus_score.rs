//! The labelled sets, scored by ../shared/tools/score.py exactly as the README says: a
//! regression below the targets fails the build.
//!
//! - `../shared/corpus`: the project's labelled corpus, with the corpus targets.
//! - `tests/probe`: texts of our own in the style of the held-out set (real news cut at
//!   about 2,000 bytes, site chrome at the top), with the held-out set's floors.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The floors on the corpus (issue "Extraction engine", "Done when").
const CORPUS_FLOORS: &[(&str, f64)] = &[
    ("precision", 0.92),
    ("recall", 0.90),
    ("region_acc", 0.95),
    ("offense_acc", 0.85),
    ("amount_acc", 0.95),
    ("stat_recall", 0.90),
];

/// The floors of the held-out set of real articles, which the probe set stands in for.
const PROBE_FLOORS: &[(&str, f64)] = &[("precision", 0.85), ("recall", 0.80)];

fn shared() -> PathBuf {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    assert!(
        shared.join("tools/score.py").exists(),
        "../shared (the corpus and its scorer) must sit beside this repository: {}",
        shared.display()
    );
    shared
}

/// Runs score.py over `gold` and `docs` and fails naming every figure below its floor.
fn assert_floors(gold: &Path, docs: &Path, floors: &[(&str, f64)]) {
    let bin = env!("CARGO_BIN_EXE_dozor");
    let out = Command::new("python3")
        .arg(shared().join("tools/score.py"))
        .arg(gold)
        .arg(docs)
        .arg("--cmd")
        .arg(format!("{bin} extract --format jsonl"))
        .arg("--json")
        .arg("--show")
        .output()
        .expect("python3 runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "score.py failed: {}\n{stdout}",
        String::from_utf8_lossy(&out.stderr)
    );
    let last = stdout.lines().last().expect("score.py prints its figures");
    let figures: serde_json::Value = serde_json::from_str(last).expect("the last line is JSON");
    let low: Vec<String> = floors
        .iter()
        .filter_map(|(name, floor)| {
            let v = figures[name].as_f64().unwrap_or(0.0);
            (v < *floor).then(|| format!("{name} = {v} (floor {floor})"))
        })
        .collect();
    assert!(
        low.is_empty(),
        "below the floor: {}\n\n{stdout}",
        low.join(", ")
    );
}

#[test]
fn corpus_scores_stay_above_the_floors() {
    let corpus = shared().join("corpus");
    assert_floors(&corpus.join("gold"), &corpus.join("docs"), CORPUS_FLOORS);
}

#[test]
fn probe_scores_stay_above_the_held_out_floors() {
    let probe = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/probe");
    assert_floors(&probe.join("gold"), &probe.join("docs"), PROBE_FLOORS);
}
