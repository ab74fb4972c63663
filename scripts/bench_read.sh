#!/usr/bin/env bash
# Head-to-head read speed on ONE core: trafilatura vs dozor vs a bare scraper parse.
#
#     scripts/bench_read.sh [N_PAGES] [REPS]      (defaults: 2000 pages, 5 repetitions)
#
# Generates N article pages with ../shared/bench/gen_site.py into a temp dir, then runs,
# REPS times each, interleaved, pinned to CPU 0 with `taskset -c 0`:
#   trafilatura  python3 ../shared/bench/trafilatura_peer.py DIR N   (read + extract)
#   dozor        examples/bench_files DIR N               (page::read + extract::extract)
#   dozor-read   examples/bench_files DIR N --read-only   (page::read alone)
#   bare-parse   examples/bench_files DIR N --parse-only  (scraper::Html::parse_document)
# and prints the median docs/s and MB/s of each, and the ratios the issue sets targets for:
# dozor/trafilatura >= 5, dozor/bare-parse >= 0.5. Every tool reads the same N files, from
# disk, inside its clock. SHARED=/path/to/shared overrides where gen_site.py and the peer are.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-2000}
REPS=${2:-5}
SHARED=${SHARED:-../shared}
GEN=$SHARED/bench/gen_site.py
PEER=$SHARED/bench/trafilatura_peer.py
[ -f "$GEN" ] && [ -f "$PEER" ] || { echo "need $GEN and $PEER (set SHARED=...)" >&2; exit 2; }
command -v taskset >/dev/null || { echo "need taskset (util-linux)" >&2; exit 2; }

# trafilatura; recent lxml split its html cleaner (which justext imports) into a package.
if ! python3 -c 'import trafilatura' 2>/dev/null; then
    python3 -m pip install -q trafilatura >&2 || true
    python3 -c 'import trafilatura' 2>/dev/null || python3 -m pip install -q lxml_html_clean >&2
    python3 -c 'import trafilatura'
fi

cargo build -q --release --example bench_files
BIN=target/release/examples/bench_files

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
python3 "$GEN" "$TMP" "$N" >/dev/null
DIR=$TMP/news
RES=$TMP/results.tsv

# One line in the peer's format → "tool<TAB>docs/s<TAB>MB/s".
record() {
    local tool=$1 line
    line=$(cat)
    echo "  $tool: $line" >&2
    echo "$line" | sed -E 's/.*: ([0-9.]+) docs\/s ([0-9.]+) MB\/s.*/\1\t\2/' | sed "s/^/$tool\t/" >>"$RES"
}

echo "$N pages ($(du -sm "$DIR" | cut -f1) MB) in $DIR, $REPS repetitions, CPU 0" >&2
for r in $(seq "$REPS"); do
    echo "repetition $r" >&2
    taskset -c 0 python3 "$PEER" "$DIR" "$N" | record trafilatura
    taskset -c 0 "$BIN" "$DIR" "$N" | record dozor
    taskset -c 0 "$BIN" "$DIR" "$N" --read-only | record dozor-read
    taskset -c 0 "$BIN" "$DIR" "$N" --parse-only | record bare-parse
done

python3 - "$RES" <<'EOF'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    tool, docs, mb = line.split("\t")
    rows.setdefault(tool, []).append((float(docs), float(mb)))
med = {t: (statistics.median(d for d, _ in v), statistics.median(m for _, m in v)) for t, v in rows.items()}
print(f"{'tool':<12} {'docs/s':>9} {'MB/s':>8}  (median of {len(rows['dozor'])}, one core)")
for t in ("trafilatura", "dozor", "dozor-read", "bare-parse"):
    print(f"{t:<12} {med[t][0]:>9.1f} {med[t][1]:>8.2f}")
d, tr, bp, rd = med["dozor"][0], med["trafilatura"][0], med["bare-parse"][0], med["dozor-read"][0]
print(f"dozor / trafilatura  {d / tr:5.2f}x   (target >= 5)")
print(f"dozor / bare-parse   {d / bp:5.2f}x   (target >= 0.5)")
print(f"dozor-read / bare-parse {rd / bp:5.2f}x (read alone, no extract)")
EOF
