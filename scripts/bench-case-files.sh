#!/usr/bin/env bash
# Benchmark (not a test) for issue 10 point 2: the size of the per-case files of the 24 experiments
# whose reference is erfa, with erfa + libnova at n = 100,000 and --no-perf, written by this checkout
# (cases.parquet) and, for "before", by another build (cases.csv; default: /work/main's build), then
# the server's latency for a cases page at offset 0 and at offset 99,500 on both files, served by this
# checkout's `astrobench serve`, and whether pandas reads the Parquet file.
# Usage: scripts/bench-case-files.sh [--before <astrobench binary>|--no-before] [--n <cases>] [--keep]
# Each run takes ~75 s on a 2-core machine; latencies depend on the machine's load.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
after_cli="$root/src/AstroBench.Cli/bin/Release/net10.0/astrobench"
before_cli="/work/main/src/AstroBench.Cli/bin/Release/net10.0/astrobench"
n=100000
keep=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --before) before_cli="$2"; shift 2 ;;
    --no-before) before_cli=""; shift ;;
    --n) n="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
[[ -x "$after_cli" ]] || { echo "build first: dotnet build AstroBench.sln -c Release" >&2; exit 1; }

# Every experiment whose reference is erfa, from the adapter manifest (the catalog's source of roles).
experiments=$(python3 -c '
import json, sys
m = json.load(open(sys.argv[1]))
print(",".join(k for k, v in m["experiments"].items() if v.get("role") == "reference"))' "$root/adapters/erfa/adapter.json")
echo "experiments ($(tr ',' '\n' <<<"$experiments" | wc -l)): $experiments"

lab=$(mktemp -d /tmp/astrobench-casebench.XXXXXX)
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  if [[ $keep -eq 0 ]]; then rm -rf "$lab"; else echo "kept $lab"; fi
}
trap cleanup EXIT

run() { # <label> <cli>
  local label=$1 cli=$2 start end
  mkdir -p "$lab/$label"
  start=$(date +%s.%N)
  (cd "$root" && "$cli" run --adapters-dir "$root/adapters" --experiments "$experiments" --libraries erfa,libnova \
     --n "$n" --no-perf --results-dir "$lab/$label") > "$lab/$label.log" 2>&1 || { tail -20 "$lab/$label.log" >&2; exit 1; }
  end=$(date +%s.%N)
  local folder; folder=$(find "$lab/$label" -mindepth 1 -maxdepth 1 -type d ! -name '.*' | head -1)
  mv "$folder" "$lab/results-root/results/"
  folder="$lab/results-root/results/$(basename "$folder")"
  echo "$label: run $(basename "$folder") in $(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }') s"
  echo "  run folder (du -sb): $(du -sb "$folder" | cut -f1) bytes"
  find "$folder" -name 'cases.*' -printf '%s %P\n' | sort -k2 | awk '{ printf "    %12d  %s\n", $1, $2; t += $1 } END { printf "  cases files: %d bytes in %d files\n", t, NR }'
  echo "$(basename "$folder")" > "$lab/$label.id"
}

mkdir -p "$lab/results-root/results"
[[ -n "$before_cli" && -x "$before_cli" ]] && run before "$before_cli" || echo "before: skipped (no build at '${before_cli}')"
run after "$after_cli"

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$after_cli" serve --root "$lab/results-root" --port "$port" > "$lab/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/api/health" >/dev/null && break; sleep 0.2; done

echo "page latency (GET …/experiments/frame_rotation_bpn/cases?limit=500; curl time_total; 1st request builds the cached index):"
for label in before after; do
  [[ -f "$lab/$label.id" ]] || continue
  id=$(cat "$lab/$label.id")
  for offset in 0 99500; do
    times=()
    for _ in 1 2 3 4 5; do
      times+=("$(curl -fs -o "$lab/page.json" -w '%{time_total}' "http://127.0.0.1:$port/api/runs/$id/experiments/frame_rotation_bpn/cases?offset=$offset&limit=500")")
    done
    rows=$(python3 -c 'import json, sys; p = json.load(open(sys.argv[1])); print(len(p["rows"]), p["rows"][0][0] if p["rows"] else None, p["total"])' "$lab/page.json")
    printf '  %-6s offset %-6s %s s   (rows, first index, total: %s)\n' "$label" "$offset" "$(IFS=' '; echo "${times[*]}")" "$rows"
  done
done

after_id=$(cat "$lab/after.id")
if python3 -c 'import pandas' 2>/dev/null; then
  python3 -c '
import sys, pandas
df = pandas.read_parquet(sys.argv[1])
print("pandas", pandas.__version__, "reads cases.parquet:", df.shape, list(df.columns)[:4], "…")' "$lab/results-root/results/$after_id/gmst_era/cases.parquet"
else
  echo "pandas: not installed here (python3 -c 'import pandas' fails); not checked"
fi
