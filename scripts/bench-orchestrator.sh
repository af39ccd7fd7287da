#!/usr/bin/env bash
# Benchmark of the orchestrator itself (not a test): the seven core experiments with erfa and libnova.
#   (a) --n 1000 --no-perf   (b) --n 100000 --no-perf   (c) a timed run with default perf rounds
# For each: wall time and peak RSS of the astrobench process (GNU time), and the share of wall
# time spent outside adapter processes (manifest.json "timing"). Needs scripts/setup.sh first.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="$root/scripts/astrobench"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
experiments=frame_rotation_bpn,gmst_era,equ_ecl,equ_horizontal,solar_position,lunar_position,kepler_solver

bench() {
  local label=$1; shift
  local out="$work/$label"
  mkdir -p "$out"
  /usr/bin/time -f "%e %M" -o "$out/time" "$bin" run --experiments "$experiments" --libraries erfa,libnova \
      --results-dir "$out/results" "$@" > "$out/log" 2>&1
  read -r wall rss_kb < "$out/time"
  local manifest
  manifest=$(ls -d "$out"/results/2*/manifest.json)
  python3 - "$label" "$wall" "$rss_kb" "$manifest" <<'PY'
import json, sys
label, wall, rss_kb, path = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
m = json.load(open(path))
t = m["timing"]
overhead = wall - t["adapter_calls_s"]
cvs = []
import glob, os
for f in glob.glob(os.path.join(os.path.dirname(path), "*", "*.json")):
    p = json.load(open(f)).get("performance")
    if p: cvs.append(p["cv_percent"])
cvs.sort()
med_cv = f"{cvs[len(cvs)//2]:.2f} %" if cvs else "-"
print(f"{label:28s} wall {wall:7.2f} s  peak RSS {rss_kb/1024:7.1f} MB  in adapters {t['adapter_calls_s']:7.2f} s  "
      f"orchestrator overhead {overhead:6.2f} s ({100*overhead/wall:4.1f} %)  calls {t['adapter_calls']}  median CV {med_cv}")
PY
}

bench "a: n=1000 no-perf" --n 1000 --no-perf
bench "b: n=100000 no-perf" --n 100000 --no-perf
bench "c: n=1000 timed (5 rounds)" --n 1000
