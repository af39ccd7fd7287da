#!/usr/bin/env bash
# Benchmark of the adapters' own timed loops (docs/engine.md, "Empty-loop cost, warm-up and equal work";
# not a test): one protocol 3 perf request per adapter runtime (kepler_solver, or gmst_era where an adapter
# has no Kepler solver), 8 sample cases, `warmup auto`, printed as the raw ns/op, the empty-loop ns/op the
# lab subtracts, the warm-up ops and whether the warm-up reached a steady state.
# Usage: scripts/bench-loop-cost.sh [OPS]   (default 2000000; Python adapters get OPS/1000). Needs scripts/setup.sh first.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
ops=${1:-2000000}
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-17s %-10s %-14s %10s %12s %11s %7s\n' adapter runtime experiment raw_ns/op empty_ns/op warmup_ops steady
# adapter runtime experiment ops-divisor
while read -r adapter runtime experiment div; do
  dir="$root/adapters/$adapter"
  mapfile -t cmd < <(python3 -c "import json,sys; print('\n'.join(json.load(open(sys.argv[1]))['run']))" "$dir/adapter.json")
  n=$((ops / div))
  if [ "$experiment" = kepler_solver ]; then rows='0.5 0.1\n1.0 0.3\n2.0 0.5\n3.0 0.7\n4.0 0.2\n5.0 0.4\n6.0 0.6\n0.1 0.9'
  else rows='2451545 2451545.0008\n2415020.5 2415020.5008\n2488069.5 2488069.5008\n2460000.5 2460000.5008\n2440000.5 2440000.5008\n2470000.5 2470000.5008\n2430000.5 2430000.5008\n2450000.5 2450000.5008'; fi
  answer=$(cd "$dir" && printf "ABP 1\nexperiment %s\nmode perf\ncolumns 2\nops %s\nwarmup auto\ncases 8\n$rows\nend\n" "$experiment" "$n" | "${cmd[@]}")
  field() { printf '%s\n' "$answer" | sed -n "s/^$1 //p"; }
  printf '%-17s %-10s %-14s %10.2f %12.2f %11s %7s\n' "$adapter" "$runtime" "$experiment" \
    "$(python3 -c "print($(field total_ns) / $(field ops))")" "$(field empty_loop_ns_per_op)" "$(field warmup_ops)" "$(field warmup_steady)"
done <<'LIST'
erfa C gmst_era 1
erfa C kepler_solver 1
libnova C kepler_solver 1
casacore C++ gmst_era 10
erfa-dotnet C# gmst_era 1
astronomy-engine JavaScript gmst_era 10
astronomia JavaScript kepler_solver 1
astropy Python gmst_era 1000
skyfield Python kepler_solver 100
LIST
