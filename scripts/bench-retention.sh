#!/usr/bin/env bash
# Benchmark of retention (not a test), the figure of issue 10's closing note: the sweep time over 10,000 runs.
# Builds a temp lab whose results/ holds N (default 10,000) copies of one small real run folder (made by
# `astrobench run` at n = 10, accuracy only) under distinct run ids one hour apart, then times with
# /usr/bin/time -v:
#   1. `astrobench runs gc --dry-run --keep-last K` (plans only; every run is listed and measured)
#   2. `astrobench runs gc --keep-last K`            (removes N − K runs: archive off, trash rename + delete)
# and prints wall time, peak RSS and the removal rate. Usage: scripts/bench-retention.sh [N] [K]
# (default 10000 1000). The machine's load and file system affect every figure.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-10000}"
keep="${2:-1000}"
lab="$(mktemp -d /tmp/astrobench-bench-retention.XXXXXX)"
trap 'rm -rf "$lab"' EXIT
cli="$root/scripts/astrobench"

"$cli" run --results-dir "$lab/seed" --adapters-dir "$root/adapters" --experiments gmst_era --libraries erfa --n 10 --no-perf >/dev/null
seed="$(find "$lab/seed" -mindepth 1 -maxdepth 1 -type d ! -name '.*' | head -n 1)"
echo "seed run: $(du -sb "$seed" | cut -f1) bytes, $(find "$seed" -type f | wc -l) files"

python3 - "$seed" "$lab/results" "$runs" <<'PY'
import datetime, shutil, sys
seed, results, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
start = datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc)
for i in range(count):
    run_id = (start + datetime.timedelta(hours=i)).strftime("%Y-%m-%d_%H-%M-%S")
    shutil.copytree(seed, f"{results}/{run_id}")
PY
echo "results: $runs runs, $(du -sb "$lab/results" | cut -f1) bytes"
sync

measure() {
  local label="$1"
  shift
  local out="$lab/time.txt"
  /usr/bin/time -v "$@" >"$lab/stdout.txt" 2>"$out"
  local wall rss
  wall="$(grep 'Elapsed (wall clock)' "$out" | awk '{print $NF}')"
  rss="$(grep 'Maximum resident set size' "$out" | awk '{print $NF}')"
  echo "$label: wall $wall, peak RSS $((rss / 1024)) MiB; $(tail -n 1 "$lab/stdout.txt")"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
measure "gc --dry-run over $runs runs" "$cli" runs gc --results-dir "$lab/results" --dry-run --keep-last "$keep"
start_ns=$(date +%s%N)
measure "gc removing $((runs - keep)) of $runs runs" "$cli" runs gc --results-dir "$lab/results" --keep-last "$keep"
end_ns=$(date +%s%N)
left="$(find "$lab/results" -mindepth 1 -maxdepth 1 -type d ! -name '.*' | wc -l)"
trash="$(find "$lab/results/.trash" -mindepth 1 -maxdepth 1 | wc -l)"
echo "after gc: $left runs listed, $trash left in .trash; $(( (runs - keep) * 1000000000 / (end_ns - start_ns) )) runs removed/s"
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
