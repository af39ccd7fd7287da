#!/usr/bin/env bash
# Benchmark of the accuracy transport on the adapter side (docs/engine.md, "CPU of the accuracy path"; not a test):
# one protocol 2 request of N cases (default 100,000) to the erfa adapter, in each encoding, for nutation (IAU 2000A:
# compute-heavy) and obliquity (a constant rotation: almost all of its time is reading and writing the rows). The
# difference between the two experiments' CPU is the compute; obliquity's CPU is the transport.
# Each line: hyperfine's mean wall time and the CPU (user + sys, GNU time) of one run, with the command.
# Usage: scripts/bench-transport.sh [N]. Needs scripts/setup.sh first (the built erfa adapter).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
n=${1:-100000}
adapter="$root/adapters/erfa/build/erfa_adapter"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); n = $n"
for experiment in obliquity nutation; do
  for encoding in decimal hex binary; do
    request="$work/$experiment-$encoding"
    python3 "$root/scripts/bench_transport.py" "$experiment" "$n" "$encoding" "$request"
    runs=5
    [ "$experiment" = nutation ] && runs=2
    hyperfine --style none --runs "$runs" --export-json "$work/h.json" "'$adapter' < '$request' > /dev/null" > /dev/null
    /usr/bin/time -f "%U %S" -o "$work/t" "$adapter" < "$request" > /dev/null
    read -r user sys < "$work/t"
    python3 - "$experiment" "$encoding" "$work/h.json" "$user" "$sys" "$(stat -c %s "$request")" <<'PY'
import json, sys
experiment, encoding, path, user, sys_s, size = sys.argv[1:7]
mean = json.load(open(path))["results"][0]["mean"]
print(f"{experiment:10s} {encoding:8s} request {int(size)/1e6:6.1f} MB  wall {mean:7.3f} s  cpu {float(user)+float(sys_s):6.2f} s")
PY
  done
done
echo "  \$ ${adapter#"$root/"} < <request from scripts/bench_transport.py EXPERIMENT $n ENCODING>"
