#!/usr/bin/env bash
# Benchmark of the accuracy engine (docs/engine.md; not a test): the 24 ERFA experiments of the original
# lab (every experiment whose reference is erfa: the non-Horizons set), erfa + libnova, seed 42, --no-perf.
#   n = 1,000 and n = 100,000: v1 sequential (the engine before protocol 2, for comparison; BASELINE=0 skips
#   it), the default engine with a cold reference cache, and again with the cache warm.
# Each line: wall time, CPU (user + sys, adapters included) and peak RSS of the astrobench process (GNU time: %M is the
# largest of the process and its children, and the adapters are small C processes, so it is the orchestrator's), the
# sum of the adapter calls' durations (manifest timing; they overlap when --jobs > 1) and the reference-cache hits.
# Usage: scripts/bench-engine.sh [N ...]   (default: 1000 100000). Needs scripts/setup.sh first.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="$root/scripts/astrobench"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
experiments=frame_rotation_bpn,gmst_era,equ_ecl,equ_horizontal,kepler_solver,frame_bias,inv_frame_bias,precession,inv_precession,nutation,inv_nutation,bias_precession,inv_bias_precession,precession_nutation,inv_precession_nutation,inv_bpn,icrs_ecl_j2000,inv_icrs_ecl_j2000,icrs_ecl_tod,inv_icrs_ecl_tod,obliquity,inv_obliquity,inv_equ_ecl,horiz_to_equ
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 100000)
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

# bench LABEL RESULTS_DIR ARGS...: one run into RESULTS_DIR (a shared folder keeps the reference cache warm).
bench() {
  local label=$1 results=$2; shift 2
  local out="$work/$(echo "$label" | tr -c 'a-z0-9' '_')"
  mkdir -p "$out"
  local cmd=("$bin" run --experiments "$experiments" --libraries erfa,libnova --seed 42 --no-perf --results-dir "$results" "$@")
  /usr/bin/time -f "%e %M %U %S" -o "$out/time" "${cmd[@]}" > "$out/log" 2>&1
  read -r wall rss_kb user sys < "$out/time"
  local run
  run=$(grep -o 'results in .*' "$out/log" | tail -1 | cut -d' ' -f3)
  python3 - "$label" "$wall" "$rss_kb" "$run/manifest.json" "${cmd[*]#"$root/"}" "$user" "$sys" <<'PY'
import json, sys
label, wall, rss_kb, path, cmd = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
cpu = float(sys.argv[6]) + float(sys.argv[7])
m = json.load(open(path))
t, e = m["timing"], m.get("engine", {})
print(f"{label:34s} wall {wall:7.2f} s  CPU {cpu:7.2f} s  peak RSS {rss_kb/1024:6.1f} MB  adapter calls {t['adapter_calls_s']:7.2f} s "
      f"({t['adapter_calls']} calls)  cache hits {e.get('cache_hits', 0)}")
print(f"{'':34s} $ {cmd}")
PY
  echo "$wall" > "$out/wall"
}

for n in "${sizes[@]}"; do
  if [ "${BASELINE:-1}" != 0 ]; then
    bench "n=$n v1, --jobs 1 (before)" "$work/base-$n" --n "$n" --transport v1 --jobs 1 --no-cache
  fi
  bench "n=$n default, cache cold" "$work/cache-$n" --n "$n"
  bench "n=$n default, cache warm" "$work/cache-$n" --n "$n"
  cold=$(cat "$work/n_${n}_default__cache_cold_/wall" 2>/dev/null || true)
  warm=$(cat "$work/n_${n}_default__cache_warm_/wall" 2>/dev/null || true)
  [ -n "$cold" ] && [ -n "$warm" ] && python3 -c "print(f'{\"\":34s} warm / cold = {100*$warm/$cold:.0f} %')"
done
