//! The labelled corpus in ../shared/corpus, scored by ../shared/tools/score.py exactly as the
//! README says: a regression below the targets fails the build.

use std::path::Path;
use std::process::Command;

/// The floors a change may not go below (issue "Extraction engine", "Done when").
const FLOORS: &[(&str, f64)] = &[
    ("precision", 0.92),
    ("recall", 0.90),
    ("region_acc", 0.95),
    ("offense_acc", 0.85),
    ("amount_acc", 0.95),
    ("stat_recall", 0.90),
];

#[test]
fn corpus_scores_stay_above_the_floors() {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    assert!(
        shared.join("tools/score.py").exists(),
        "../shared (the corpus and its scorer) must sit beside this repository: {}",
        shared.display()
    );
    let bin = env!("CARGO_BIN_EXE_dozor");
    let out = Command::new("python3")
        .arg(shared.join("tools/score.py"))
        .arg(shared.join("corpus/gold"))
        .arg(shared.join("corpus/docs"))
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
    let mut low = Vec::new();
    for (name, floor) in FLOORS {
        let v = figures[name].as_f64().unwrap_or(0.0);
        if v < *floor {
            low.push(format!("{name} = {v} (floor {floor})"));
        }
    }
    assert!(
        low.is_empty(),
        "below the floor: {}\n\n{stdout}",
        low.join(", ")
    );
}
