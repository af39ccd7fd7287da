#!/usr/bin/env bash
# Benchmark of the results index and history (not a test), the figures of issue 11's closing note:
#   realistic run folders (default 10,000 runs × 33 experiments × 7 libraries, written directly by a small generator)
#   → `astrobench runs reindex` time, the regression scan of a newly published run (target < 1 s), and on the real
#   `astrobench serve` (127.0.0.1, a free port, a temp lab root): GET /api/history p99 (target < 50 ms), GET /api/runs
#   p99 (a page of 50, target < 20 ms; the full listing too), each with the server's CPU time per request.
# Options go to the benchmark: --runs N (number of runs), --experiments, --libraries, --requests, --scans,
# --work DIR --keep (keep the folders) and --reuse (reuse the folders of a kept --work DIR).
# Prints a compact table; the machine's load (printed) inflates latencies far more than CPU times.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
dotnet build src/AstroBench.Cli/AstroBench.Cli.csproj -c Release -nologo -v q >/dev/null
dotnet build benchmarks/AstroBench.HistoryBench/AstroBench.HistoryBench.csproj -c Release -nologo -v q >/dev/null
details=$(mktemp /tmp/astrobench-historybench.XXXXXX.log)
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
"$root/benchmarks/AstroBench.HistoryBench/bin/Release/net10.0/AstroBench.HistoryBench" "$@" 2>"$details"
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
echo "details: $details"
