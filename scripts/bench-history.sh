#!/usr/bin/env bash
# Benchmark of the results index and history (not a test), the figures of issue 11's closing note:
#   index rows of 10,000 runs × 33 experiments × 7 libraries → GET /api/history p99 (target < 50 ms),
#   GET /api/runs p99 (target < 20 ms, a page of 50; the full 10,000-run listing too), the regression scan of a
#   newly published run (target < 1 s), and `astrobench runs reindex` time over real folders (extrapolated to 10,000).
# Against the real `astrobench serve` on 127.0.0.1 (a free port, a temp lab root). Extra arguments go to the
# benchmark, e.g. --runs 2000 --folders 50 --requests 100 --keep. The machine's load affects every figure.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
dotnet build AstroBench.sln -c Release -nologo -v q >/dev/null
dotnet build benchmarks/AstroBench.HistoryBench/AstroBench.HistoryBench.csproj -c Release -nologo -v q >/dev/null
details=$(mktemp /tmp/astrobench-historybench.XXXXXX.log)
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
"$root/benchmarks/AstroBench.HistoryBench/bin/Release/net10.0/AstroBench.HistoryBench" "$@" 2>"$details"
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
echo "details: $details"
