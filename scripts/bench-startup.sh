#!/usr/bin/env bash
# Benchmark of the CLI's start-up (docs/engine.md, "Start-up and memory"; not a test): the plain Release build
# (IL, JIT at start) against the ReadyToRun publish that scripts/setup.sh makes and scripts/astrobench runs.
#   1. `astrobench --version` (runtime start, command tree), 2. the n = 1,000 accuracy-only run of bench-engine.sh
#   (the 24 ERFA experiments, erfa + libnova, seed 42, reference cache cold: a fresh results folder each run),
#   3. the issue's n = 1,000 figure through scripts/astrobench with --no-cache (hyperfine -w 2 -r 10), 4. one traced run,
#   5. CPU (user + sys, adapters included) per n = 1,000 run of each build, and of the launcher's choice with shards off
#   (--shard-rows 0: the accuracy path before C adapters were split at n = 1,000).
# astrobench-run (run only, Native AOT, published by scripts/setup.sh; what scripts/astrobench runs for `run`) is measured
# beside the other two.
# Needs hyperfine (Debian package) and scripts/setup.sh first. RUNS=N sets the runs per command (default 10).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
plain="$root/src/AstroBench.Cli/bin/Release/net10.0/astrobench"
fast="$root/src/AstroBench.Cli/bin/Release/publish/astrobench"
[ -x "$fast" ] || { echo "no publish at $fast: run scripts/setup.sh" >&2; exit 1; }
aot="$root/src/AstroBench.Runner/bin/Release/aot/astrobench-run"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
experiments=frame_rotation_bpn,gmst_era,equ_ecl,equ_horizontal,kepler_solver,frame_bias,inv_frame_bias,precession,inv_precession,nutation,inv_nutation,bias_precession,inv_bias_precession,precession_nutation,inv_precession_nutation,inv_bpn,icrs_ecl_j2000,inv_icrs_ecl_j2000,icrs_ecl_tod,inv_icrs_ecl_tod,obliquity,inv_obliquity,inv_equ_ecl,horiz_to_equ
run="run --experiments $experiments --libraries erfa,libnova --seed 42 --no-perf --n 1000 --results-dir $work/results"
load() { echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"; }
load
versions=(-n "plain --version" "$plain --version" -n "ReadyToRun --version" "$fast --version")
runs=(-n "plain n=1000" "$plain $run" -n "ReadyToRun n=1000" "$fast $run")
if [ -x "$aot" ]; then
  versions+=(-n "astrobench-run --version" "$aot --version")
  runs+=(-n "astrobench-run n=1000" "$aot $run")
fi
hyperfine -N -w 2 -r "${RUNS:-10}" "${versions[@]}"
load
hyperfine -w 1 -r "${RUNS:-10}" --prepare "rm -rf $work/results" "${runs[@]}"
load
# The issue's figure (target <= 0.6 s): the launcher (what users and the server run), cache cold, 2 warm-ups, 10 runs.
hyperfine -w 2 -r 10 --prepare "rm -rf $work/results" -n "n=1000 accuracy only, --no-cache" "$root/scripts/astrobench $run --no-cache"
load
# Where one such run's time goes (docs/engine.md, "Where a run's time goes"): the fixed phases, per-experiment lines left out.
rm -rf "$work/results"
ASTROBENCH_TRACE=1 "$root/scripts/astrobench" $run --no-cache 2>&1 >/dev/null \
  | grep -vE 'inputs generated|accuracy calls done|scored|finished|memory released' || true
load
# CPU per run (user + sys of the run and its adapters, GNU time), interleaved so that load changes hit every build alike.
cpu() { # label, command...
  local label=$1; shift
  rm -rf "$work/results"
  /usr/bin/time -f "%U %S %e %M" -o "$work/time" "$@" >/dev/null 2>&1
  read -r user sys wall rss < "$work/time"
  python3 -c "print(f'{\"$label\":34s} CPU {$user + $sys:5.2f} s (user {$user:.2f} + sys {$sys:.2f}), wall {$wall:5.2f} s, peak RSS {$rss / 1024:5.1f} MB')"
}
for _ in $(seq "${RUNS:-10}"); do
  cpu "ReadyToRun" $fast $run --no-cache
  [ -x "$aot" ] && cpu "astrobench-run" $aot $run --no-cache
  cpu "launcher, --shard-rows 0" "$root/scripts/astrobench" $run --no-cache --shard-rows 0
  cpu "launcher (default)" "$root/scripts/astrobench" $run --no-cache
done
load
