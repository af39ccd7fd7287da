#!/usr/bin/env bash
# Benchmark of `astrobench publish` (not a test), the figure of issue 11's closing note: publish time for 100 runs.
# Makes one real run of realistic shape — every experiment of the catalog × every available library, n = 1,000,
# accuracy only (or reuses SEED_RUN=<run folder>) — clones it N times (default 100) under distinct run ids (manifest
# run_id rewritten), then times `astrobench publish --out SITE` over them with /usr/bin/time -v and prints wall time,
# peak RSS, data files and site size. Usage: scripts/bench-publish.sh [N]. The machine's load affects every figure.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-100}"
lab="$(mktemp -d /tmp/astrobench-bench-publish.XXXXXX)"
trap 'rm -rf "$lab"' EXIT
cli="$root/scripts/astrobench"
[ -f "$root/web/dist-static/index.html" ] || (cd "$root/web" && npm run build:static --silent)

if [ -n "${SEED_RUN:-}" ]; then
  seed="$SEED_RUN"
else
  # Accuracy only: a full timed catalog run takes the better part of an hour on a small machine, and the perf
  # sections add little to what publish reads and writes. Pass SEED_RUN to publish a timed run instead.
  "$cli" run --results-dir "$lab/seed" --adapters-dir "$root/adapters" --n 1000 --no-perf >/dev/null
  seed="$(find "$lab/seed" -mindepth 1 -maxdepth 1 -type d ! -name '.*' | head -n 1)"
fi
echo "seed run: $(find "$seed" -name '*.json' -path '*/*/*' | wc -l) results, $(du -sb "$seed" | cut -f1) bytes, $(find "$seed" -type f | wc -l) files"

mkdir -p "$lab/results"
for i in $(seq 0 $((runs - 1))); do
  # One run id per hour from 2024-01-01, the manifest's run_id rewritten to match its folder.
  id="$(date -u -d "2024-01-01 00:00:00 UTC + $i hour" +%Y-%m-%d_%H-%M-%S)"
  cp -r "$seed" "$lab/results/$id"
  sed -i "s/\"run_id\": *\"[^\"]*\"/\"run_id\": \"$id\"/" "$lab/results/$id/manifest.json"
done
echo "results: $runs runs, $(du -sb "$lab/results" | cut -f1) bytes"
sync

out="$lab/time.txt"
/usr/bin/time -v "$cli" publish --out "$lab/site" --results-dir "$lab/results" >"$lab/stdout.txt" 2>"$out"
cat "$lab/stdout.txt"
echo "publish $runs runs: wall $(grep 'Elapsed (wall clock)' "$out" | awk '{print $NF}'), peak RSS $(grep 'Maximum resident set size' "$out" | awk '{print $NF}') kB"
echo "site: $(find "$lab/site/data" -type f | wc -l) data files, $(du -sb "$lab/site" | cut -f1) bytes"
