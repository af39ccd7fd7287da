#!/usr/bin/env bash
# Benchmark of `astrobench publish` (not a test), the figure of issue 11's closing note: publish time for 100 runs.
# Makes one real run of realistic shape — every experiment of the catalog × every available library, n = 1,000,
# accuracy only (or reuses SEED_RUN=<run folder>) — clones it N times (default 100) under distinct run ids (manifest
# run_id rewritten), then times `astrobench publish --out SITE` over them with /usr/bin/time -v and prints wall time,
# CPU time, peak RSS, data files and site size, and the load average before and after (on a shared machine wall time
# follows the load; CPU time much less). Clones share every chunk (docs/publish-import.md), the best case: the line
# "without sharing" is what the site would weigh if no two runs had a chunk in common (each run's cases, results and
# manifest its own), the worst case. A second publish over the first (a republish) is timed too.
# Usage: scripts/bench-publish.sh [N].
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

publish() { # $1: label
  local out="$lab/time.txt"
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  /usr/bin/time -v "$cli" publish --out "$lab/site" --results-dir "$lab/results" >"$lab/stdout.txt" 2>"$out"
  cat "$lab/stdout.txt"
  echo "$1 $runs runs: wall $(grep 'Elapsed (wall clock)' "$out" | awk '{print $NF}'), CPU user $(grep 'User time' "$out" | awk '{print $NF}') s + system $(grep 'System time' "$out" | awk '{print $NF}') s, peak RSS $(grep 'Maximum resident set size' "$out" | awk '{print $NF}') kB"
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
}
publish publish
echo "site: $(find "$lab/site/data" -type f | wc -l) data files, $(du -sb "$lab/site" | cut -f1) bytes"
python3 - "$lab/site/data" <<'PY'
# Without sharing between runs: each run's files with every chunk they reach (transitively) counted once per run,
# i.e. as if no two runs had a chunk in common; lab-wide files likewise as one group.
import os, re, sys
data = sys.argv[1]
size, refs, groups = {}, {}, {}
for name in os.listdir(data):
    text = open(os.path.join(data, name), encoding='utf-8').read()
    size[name] = len(text.encode())
    ids = set(re.findall(r'"\$chunk":"([0-9a-f]{32})"', text))
    if '#published' in text[:300]:
        ids |= set(re.findall(r'"id":"([0-9a-f]{32})"', text))
    refs[name] = ['_2Fchunks_2F%s.js' % i for i in ids]
    if not name.startswith('_2Fchunks_2F'):
        run = re.match(r'_2Fapi_2Fruns_2F([0-9-]+_5F[0-9-]+)', name)
        groups.setdefault(run.group(1) if run else '', []).append(name)
def reach(name, seen):
    for r in refs.get(name, []):
        if r not in seen:
            seen.add(r)
            reach(r, seen)
total = 0
for files in groups.values():
    seen = set()
    for f in files:
        reach(f, seen)
    total += sum(size[f] for f in files) + sum(size.get(c, 0) for c in seen)
print("site without sharing between runs: %d bytes of data files" % total)
PY
publish republish
