#!/usr/bin/env bash
# Benchmark of the AstroBench server (not a test), the four figures of issue 3's closing note, against
# the real `astrobench serve` started as a separate process on 127.0.0.1 (a free port, a temp lab root):
#   1. log lines/s from the job's log file to 10 WebSocket clients (1,000,000 lines, none lost)
#   2. p50/p99 of GET /api/runs with 1,000 run folders (+ cold first request)
#   3. server RSS with a 1,000,000-line finished job log (tail=100 and a WebSocket replay from 999,900)
#   4. start-up time with 10,000 jobs in the history (+ GET /api/benchmark/jobs?limit=50)
# Prints one line per figure on stdout; details (per client, percentiles, CPU, load average) go to a
# log whose path is printed at the end. Extra arguments go to the benchmark, e.g. --only 2,4,
# --lines 200000, --clients 1, --flush-every 1000, --keep. The machine's load affects every figure.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
dotnet build AstroBench.sln -c Release -nologo -v q >/dev/null
dotnet build benchmarks/AstroBench.ServerBench/AstroBench.ServerBench.csproj -c Release -nologo -v q >/dev/null
details=$(mktemp /tmp/astrobench-serverbench.XXXXXX.log)
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
"$root/benchmarks/AstroBench.ServerBench/bin/Release/net10.0/AstroBench.ServerBench" "$@" 2>"$details"
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
echo "details: $details"
