#!/usr/bin/env bash
# Head-to-head crawl speed and memory: Scrapy vs `dozor crawl`, same local site, same run.
#
#     scripts/bench_crawl.sh [N_ARTICLES] [REPS]      (defaults: 20000 articles, 3 repetitions)
#
# Generates N article pages (plus ceil(N/50) listing pages) with ../shared/bench/gen_site.py
# into a temp dir, serves it with a private nginx on 127.0.0.1:$PORT (default 8088), then runs,
# REPS times each, interleaved, under /usr/bin/time -v (wall time, peak RSS):
#   scrapy  scrapy runspider ../shared/bench/scrapy_peer.py   (fetch, parse, select)
#   dozor   target/release/dozor crawl --config TMP/bench.toml (fetch, read, extract, store;
#           politeness off, a fresh store every repetition)
# and prints the median pages/s and peak RSS of each, and the ratios the issue sets targets
# for: dozor/scrapy pages/s >= 5, dozor RSS / scrapy RSS <= 0.5.
#
# Pages are counted in nginx's access log (distinct paths under /news/ answered 200 or 304, the log
# truncated before each run), not from what either tool says about itself, so both are
# counted the same way. Neither tool is pinned: crawling is the job of the whole machine.
#
# Environment: SHARED=/path/to/shared (where gen_site.py and the peer are), PORT=8088,
# SKIP_DOZOR=1 (run only the Scrapy peer, e.g. while `dozor crawl` does not build),
# DOZOR_BIN=path (use that binary and build nothing; default: cargo build --release, then
# $CARGO_TARGET_DIR/release/dozor, so a helper's own target dir is honoured).
# Installs nginx, Scrapy and GNU time when they are missing (apt-get / pip; we run as root).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-20000}
REPS=${2:-3}
PORT=${PORT:-8088}
SKIP_DOZOR=${SKIP_DOZOR:-0}
SHARED=${SHARED:-../shared}
GEN=$SHARED/bench/gen_site.py
PEER=$SHARED/bench/scrapy_peer.py
[ -f "$GEN" ] && [ -f "$PEER" ] || { echo "need $GEN and $PEER (set SHARED=...)" >&2; exit 2; }
PEER=$(realpath "$PEER")
BASE=http://127.0.0.1:$PORT
PAGES=$(((N + 49) / 50)) # gen_site.py puts 50 article links on each listing page

apt_install() {
    echo "installing Debian package $1" >&2
    apt-get install -y -q "$1" >&2 || { apt-get update -q >&2 && apt-get install -y -q "$1" >&2; }
}
# nginx, because the issue wants a server that is not the bottleneck; Debian keeps it in sbin.
NGINX=$(PATH=$PATH:/usr/sbin:/sbin command -v nginx || true)
if [ -z "$NGINX" ]; then
    apt_install nginx
    NGINX=$(PATH=$PATH:/usr/sbin:/sbin command -v nginx)
fi
echo "nginx: $("$NGINX" -v 2>&1)" >&2
# GNU time, for peak RSS: the shell's `time` keyword does not report memory.
[ -x /usr/bin/time ] || apt_install time
if ! python3 -c 'import scrapy' 2>/dev/null; then
    echo "installing Scrapy" >&2
    python3 -m pip install -q scrapy >&2
fi
echo "scrapy: $(python3 -c 'import scrapy; print(scrapy.__version__)')" >&2
command -v curl >/dev/null || apt_install curl

# dozor: build first so that a build failure is said before minutes of site generation.
BIN=${DOZOR_BIN:-${CARGO_TARGET_DIR:-target}/release/dozor}
if [ "$SKIP_DOZOR" != 1 ]; then
    if [ -z "${DOZOR_BIN:-}" ]; then
        cargo build -q --release || { echo "cargo build --release failed; SKIP_DOZOR=1 runs only the Scrapy peer" >&2; exit 1; }
    fi
    "$BIN" crawl --help >/dev/null 2>&1 || {
        echo "$BIN has no working 'crawl' subcommand ('$BIN crawl --help' fails); SKIP_DOZOR=1 runs only the Scrapy peer" >&2
        exit 1
    }
fi

TMP=$(mktemp -d)
NGINX_PID=
cleanup() {
    [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null && wait "$NGINX_PID" 2>/dev/null
    rm -rf "$TMP"
}
trap cleanup EXIT
python3 "$GEN" "$TMP/site" "$N" "$BASE" >&2
LOG=$TMP/nginx/access.log
RES=$TMP/results.tsv

# A private nginx: its own prefix, config, pid, logs and temp paths in $TMP, so it neither reads
# nor writes /etc/nginx or /var/lib/nginx and leaves any system nginx alone. `daemon off` keeps
# it our child, so the trap can stop it by pid. Run as root, nginx would hand the workers to
# `nobody`, who cannot read the 0700 temp dir: `user root` keeps them able to (ignored when not
# root). The access log is unbuffered so it is complete the moment a tool exits.
mkdir -p "$TMP/nginx"
USER_LINE=
[ "$(id -u)" = 0 ] && USER_LINE="user root;"
cat >"$TMP/nginx/nginx.conf" <<EOF
$USER_LINE
daemon off;
worker_processes 1;
# One descriptor per connection and per cached file: the default 1024 ran out mid-crawl and
# nginx refused pages ("Too many open files"), which both tools then retried.
worker_rlimit_nofile 16384;
pid $TMP/nginx/nginx.pid;
error_log $TMP/nginx/error.log warn;
events { worker_connections 4096; }
http {
    types { text/html html; application/xml xml; text/plain txt; }
    default_type application/octet-stream;
    log_format counted '\$status \$request_uri';
    access_log $LOG counted;
    sendfile on;
    tcp_nopush on;
    keepalive_timeout 65;
    keepalive_requests 1000000;
    open_file_cache max=2000 inactive=60s;
    client_body_temp_path $TMP/nginx/body;
    proxy_temp_path $TMP/nginx/proxy;
    fastcgi_temp_path $TMP/nginx/fastcgi;
    uwsgi_temp_path $TMP/nginx/uwsgi;
    scgi_temp_path $TMP/nginx/scgi;
    server {
        listen 127.0.0.1:$PORT;
        root $TMP/site;
    }
}
EOF
# Something already answering on the port would be benchmarked in nginx's place: refuse.
if curl -s -o /dev/null --max-time 2 "$BASE/"; then
    echo "something already listens on 127.0.0.1:$PORT; set PORT=another" >&2
    exit 1
fi
"$NGINX" -e "$TMP/nginx/error.log" -p "$TMP/nginx" -c "$TMP/nginx/nginx.conf" &
NGINX_PID=$!
for _ in $(seq 50); do
    curl -fsS -o /dev/null "$BASE/robots.txt" 2>/dev/null && break
    kill -0 "$NGINX_PID" 2>/dev/null || { echo "nginx did not start:" >&2; cat "$TMP/nginx/error.log" >&2; exit 1; }
    sleep 0.1
done
kill -0 "$NGINX_PID" 2>/dev/null || { echo "nginx exited:" >&2; cat "$TMP/nginx/error.log" >&2; exit 1; }
code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/news/page-0.html")
[ "$code" = 200 ] || { echo "nginx answers $code for $BASE/news/page-0.html, not 200" >&2; exit 1; }

# Pages each run fetched: distinct paths under /news/ (listing pages and articles; not
# robots.txt) answered 200 or 304, from the access log, which is then truncated for the next
# run. Distinct, and without the query, so a tool that fetches a page twice (say under two utm_*
# spellings) is not credited twice; that it did is said on stderr. nginx opens the log
# O_APPEND, so truncating it in place is safe while it runs.
served() {
    local counts
    counts=$(awk '($1 == 200 || $1 == 304) && $2 ~ /^\/news\// { n++; sub(/\?.*/, "", $2); u[$2] = 1 }
                  END { printf "%d %d\n", length(u), n }' "$LOG")
    : >"$LOG"
    [ "${counts% *}" = "${counts#* }" ] || echo "  note: ${counts#* } requests for ${counts% *} distinct pages" >&2
    echo "${counts% *}"
}

# `/usr/bin/time -v` report → "wall_seconds<TAB>max_rss_kib".
time_of() {
    awk '/Elapsed \(wall clock\)/ { n = split($NF, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i] }
         /Maximum resident set size/ { rss = $NF }
         END { printf "%s\t%s\n", s, rss }' "$1"
}

# Run "$@" under /usr/bin/time -v and append "tool<TAB>pages<TAB>seconds<TAB>rss_kib".
measure() {
    local tool=$1 out=$TMP/$1.time pages t
    shift
    : >"$LOG"
    if ! /usr/bin/time -v -o "$out" "$@" >"$TMP/$tool.stdout" 2>"$TMP/$tool.stderr"; then
        echo "$tool failed:" >&2
        tail -20 "$TMP/$tool.stderr" >&2
        exit 1
    fi
    pages=$(served)
    t=$(time_of "$out")
    printf '%s\t%s\t%s\n' "$tool" "$pages" "$t" >>"$RES"
    echo "  $tool: $pages pages in ${t%%$'\t'*} s, peak RSS ${t##*$'\t'} KiB" >&2
    # Fewer pages than the site has means the run measured less work than the other tool's.
    [ "$pages" -ge $((N + PAGES)) ] || echo "  warning: $tool fetched $pages of the site's $((N + PAGES)) pages" >&2
}

echo "$N articles + $PAGES listing pages ($(du -sm "$TMP/site" | cut -f1) MB) served at $BASE, $REPS repetitions" >&2
for r in $(seq "$REPS"); do
    echo "repetition $r" >&2
    # Exactly as the peer's docstring runs it; a fresh output file, since -o appends.
    measure scrapy scrapy runspider "$PEER" -a base="$BASE" -a pages="$PAGES" -o "$TMP/scrapy-$r.jsonl"
    echo "  scrapy wrote $(wc -l <"$TMP/scrapy-$r.jsonl") articles" >&2
    rm -f "$TMP/scrapy-$r.jsonl"
    [ "$SKIP_DOZOR" = 1 ] && continue
    # Politeness off, as the issue says; a fresh store, so every repetition does the whole job.
    cat >"$TMP/bench.toml" <<EOF
[store]
path = "$TMP/store-$r"
[crawl]
concurrency = 64
per_host_concurrency = 64
per_host_delay_ms = 0
respect_robots = true
timeout_secs = 30
[[sources]]
name = "bench"
start = ["$BASE/news/page-0.html"]
follow = ['^http://127\.0\.0\.1:$PORT/news/']
max_depth = 1
EOF
    measure dozor "$BIN" crawl --config "$TMP/bench.toml"
    grep -m1 '^dozor: fetched' "$TMP/dozor.stderr" | sed 's/^/  says: /' >&2 || true
    rm -rf "$TMP/store-$r"
done

python3 - "$RES" <<'EOF'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    tool, pages, secs, rss = line.split("\t")
    rows.setdefault(tool, []).append((int(pages) / float(secs), int(rss) / 1024))
med = {t: (statistics.median(p for p, _ in v), statistics.median(m for _, m in v)) for t, v in rows.items()}
print(f"{'tool':<8} {'pages/s':>9} {'peak RSS MiB':>13}  (median of {len(rows['scrapy'])})")
for t in ("scrapy", "dozor"):
    if t in med:
        print(f"{t:<8} {med[t][0]:>9.1f} {med[t][1]:>13.1f}")
if "dozor" in med:
    (d, dm), (s, sm) = med["dozor"], med["scrapy"]
    print(f"dozor / scrapy pages/s  {d / s:5.2f}x   (target >= 5)")
    print(f"dozor / scrapy RSS      {dm / sm:5.2f}x   (target <= 0.5)")
EOF
