#!/usr/bin/env bash
# Benchmark of adapter start-up (docs/engine.md, "Adapter start-up"; not a test): every timing round is a fresh
# adapter process, so its start-up (interpreter/runtime, imports, data files, JIT) is paid once per round and call.
# For each adapter, hyperfine times its manifest `run` command (in the adapter folder, as the orchestrator runs it)
# answering a minimal perf request (1 op, `warmup auto`) and a minimal accuracy request (1 case) of a light
# experiment (gmst_era) and of one that loads data (solar_position: ephemeris files, VSOP tables).
# Prints the load average before and after each adapter. Needs hyperfine (Debian package) and scripts/setup.sh.
# Environment: RUNS (runs per command, default 10), ADAPTERS (space-separated names, default every adapter),
#   EXPERIMENTS (default "gmst_era solar_position"), MODES (default "perf accuracy"), EXPORT (a markdown file to write).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
load() { cut -d' ' -f1-3 /proc/loadavg; }

# One case per experiment: J2000.0 (UT1 and TT 69.184 s later) / the same TT for the ephemeris experiment.
declare -A columns=([gmst_era]=2 [solar_position]=1)
declare -A row=([gmst_era]="2451545 2451545.0008007407" [solar_position]="2451545.0008007407")
for e in "${!columns[@]}"; do
  printf 'ABP 1\nexperiment %s\nmode perf\ncolumns %s\nops 1\nwarmup auto\ncases 1\n%s\nend\n' \
    "$e" "${columns[$e]}" "${row[$e]}" > "$work/$e.perf"
  printf 'ABP 1\nexperiment %s\nmode accuracy\ncolumns %s\ncases 1\n%s\nend\n' \
    "$e" "${columns[$e]}" "${row[$e]}" > "$work/$e.accuracy"
done

adapters=${ADAPTERS:-$(cd "$root/adapters" && for d in */adapter.json; do printf '%s ' "${d%/adapter.json}"; done)}
echo "machine: $(nproc) cores; load average $(load); node $(node --version); $(python3 --version)"
for a in $adapters; do
  dir="$root/adapters/$a"
  # The manifest's run command, each argument shell-quoted.
  run=$(python3 -c 'import json, shlex, sys; print(shlex.join(json.load(open(sys.argv[1]))["run"]))' "$dir/adapter.json")
  cmds=()
  for e in ${EXPERIMENTS:-gmst_era solar_position}; do
    python3 -c 'import json, sys; sys.exit(sys.argv[2] not in json.load(open(sys.argv[1]))["experiments"])' \
      "$dir/adapter.json" "$e" || continue
    for m in ${MODES:-perf accuracy}; do
      cmds+=(-n "$a $e $m" "cd '$dir' && $run < '$work/$e.$m' > /dev/null")
    done
  done
  [ ${#cmds[@]} -gt 0 ] || continue
  echo "== $a ($run); load average $(load)"
  hyperfine -w 1 -r "${RUNS:-10}" ${EXPORT:+--export-markdown "$work/$a.md"} "${cmds[@]}"
  [ -z "${EXPORT:-}" ] || cat "$work/$a.md" >> "$EXPORT"
done
echo "load average $(load)"
