#!/usr/bin/env bash
# Benchmark (not a test) of GET /api/storage with many runs, against the real `astrobench serve` on
# 127.0.0.1 (a free port, a temp lab root): one small real run (gmst_era, erfa, n = 100, --no-perf) is
# copied into RUNS synthetic run folders (default 10,000), then
#   cold: the first request (every run folder walked once, RunSizeCache filled)
#   warm: p50 / p95 / max of REPEAT further requests (default 20; one stat per run)
# Usage: scripts/bench-storage.sh [RUNS] [REPEAT]; KEEP=1 keeps the lab root. The machine's load affects every figure.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-10000}"
repeat="${2:-20}"
cd "$root"
dotnet build AstroBench.sln -c Release -nologo -v q >/dev/null
lab="$(mktemp -d /tmp/astrobench-benchstorage.XXXXXX)"
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  if [ "${KEEP:-0}" != 1 ]; then rm -rf "$lab"; else echo "lab kept: $lab"; fi
}
trap cleanup EXIT

"$root/scripts/astrobench" run --experiments gmst_era --libraries erfa --no-perf --n 100 --results-dir "$lab/seed" >/dev/null
python3 - "$lab" "$runs" <<'PY'
import datetime, os, shutil, sys
lab, runs = sys.argv[1], int(sys.argv[2])
seed = os.path.join(lab, "seed", next(d for d in os.listdir(os.path.join(lab, "seed")) if not d.startswith(".")))
results = os.path.join(lab, "results")
os.makedirs(results)
t = datetime.datetime(2020, 1, 1)
for i in range(runs):
    shutil.copytree(seed, os.path.join(results, (t + datetime.timedelta(seconds=i)).strftime("%Y-%m-%d_%H-%M-%S")))
PY
files=$(find "$lab/results" -type f | wc -l)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$root/scripts/astrobench" serve --root "$lab" --port "$port" >"$lab/serve.log" 2>&1 &
server=$!
for _ in $(seq 600); do curl -sf "http://127.0.0.1:$port/api/health" >/dev/null && break; sleep 0.1; done
url="http://127.0.0.1:$port/api/storage"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
cold=$(curl -sf -o "$lab/storage.json" -w '%{time_total}' "$url")
count=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["runs_count"])' "$lab/storage.json")
[ "$count" = "$runs" ] || { echo "expected $runs runs, the server reported $count" >&2; exit 1; }
warm=()
for _ in $(seq "$repeat"); do warm+=("$(curl -sf -o /dev/null -w '%{time_total}' "$url")"); done
printf '%s\n' "${warm[@]}" | python3 -c '
import sys
cold, runs, files, size = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
w = sorted(float(x) for x in sys.stdin)
pick = lambda q: w[min(len(w) - 1, int(q * len(w)))]
print(f"GET /api/storage, {runs} runs ({files} files), response {int(size):,} bytes")
print(f"  cold (first request, walks every run): {float(cold) * 1000:.0f} ms")
print(f"  warm ({len(w)} requests): p50 {pick(0.5) * 1000:.1f} ms, p95 {pick(0.95) * 1000:.1f} ms, max {w[-1] * 1000:.1f} ms")
' "$cold" "$runs" "$files" "$(stat -c %s "$lab/storage.json")"
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
