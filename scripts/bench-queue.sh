#!/usr/bin/env bash
# Benchmark of the job queue (not a test; docs/queue.md), issue 9's closing note, against the real
# `astrobench serve` started as a separate process on 127.0.0.1 (a free port, a temp lab root):
#   1. enqueue throughput: 1,000 POST /api/benchmark/jobs, one client, then 8 clients
#   2. p50/p99 of GET /api/benchmark/queue with 1,000 jobs queued (target p99 < 20 ms)
#   3. dispatch latency with >= 1,000 jobs queued: a job ends (finished_at) -> the next is claimed
#      (history "starting") and its process is up (started_at), p50/p99 over --dispatches jobs
#      (default 100; target p99 < 200 ms). Jobs are real: gmst_era, libnova, n = 1, no_perf, one at a time.
# Extra arguments go to the benchmark, e.g. --dispatches 30, --queued 2000, --keep.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
dotnet build AstroBench.sln -c Release -nologo -v q >/dev/null
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
python3 "$root/scripts/bench_queue.py" --cli "$root/src/AstroBench.Cli/bin/Release/net10.0/astrobench" --repo "$root" "$@"
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
