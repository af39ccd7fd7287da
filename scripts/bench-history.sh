#!/usr/bin/env bash
# Benchmark of the results index and history (not a test), the figures of issue 11's closing note:
#   realistic run folders (default 10,000 runs × 33 experiments × 7 libraries, written directly by a small generator)
#   → `astrobench runs reindex` time, the regression scan of a newly published run (target < 1 s), and on the real
#   `astrobench serve` (127.0.0.1, a free port, a temp lab root): GET /api/history p99 (target < 50 ms), GET /api/runs
#   p99 (a page of 50, target < 20 ms; the full listing too), each with the server's CPU time per request.
#   Then `astrobench publish` of the 100 newest runs (needs web/dist-static: scripts/setup.sh builds it).
# Options go to the benchmark: --runs N (number of runs), --experiments, --libraries, --requests, --scans,
# --publish-runs N (0 skips publish), --work DIR --keep (keep the folders), --reuse (reuse the folders of a kept
# --work DIR), --no-reindex (keep the kept index instead of timing a reindex), --publish-only (write the lab and time
# only the publish: `./scripts/bench-history.sh --runs 200 --publish-runs 100 --publish-only` takes a few minutes).
# Environment, for repeated measurements over one generated lab (10,000 folders take minutes to write, a reindex of
# them many minutes on a cold page cache):
#   KEEP=DIR   keep the lab in DIR and reuse it when it is there (= --work DIR --keep --reuse): the first invocation
#              writes the folders, later ones start at once (the few runs step 3 publishes are dropped and re-published).
#   REINDEX=0  do not time `astrobench runs reindex` (= --no-reindex): the index kept in DIR is used (built once when
#              missing); history p99, runs p99, the scan of a newly published run and publish are still measured.
# e.g. KEEP=/var/tmp/hb-10000 ./scripts/bench-history.sh             (first: writes, reindexes, measures everything)
#      KEEP=/var/tmp/hb-10000 REINDEX=0 ./scripts/bench-history.sh   (again: only the figures that matter for p99)
# Prints a compact table; the machine's load (printed) inflates latencies far more than CPU times.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
dotnet build src/AstroBench.Cli/AstroBench.Cli.csproj -c Release -nologo -v q >/dev/null
dotnet build benchmarks/AstroBench.HistoryBench/AstroBench.HistoryBench.csproj -c Release -nologo -v q >/dev/null
details=$(mktemp /tmp/astrobench-historybench.XXXXXX.log)
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
extra=()
if [[ -n "${KEEP:-}" ]]; then extra+=(--work "$KEEP" --keep --reuse); fi
if [[ "${REINDEX:-1}" == "0" ]]; then extra+=(--no-reindex); fi
"$root/benchmarks/AstroBench.HistoryBench/bin/Release/net10.0/AstroBench.HistoryBench" "${extra[@]}" "$@" 2>"$details"
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
echo "details: $details"
