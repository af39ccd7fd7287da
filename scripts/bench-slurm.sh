#!/usr/bin/env bash
# Benchmark of the Slurm executor (not a test; docs/slurm.md), issue 12's closing note:
#   0. the one-node cluster's bring-up time (scripts/slurm-down.sh, then scripts/slurm-up.sh, timed)
#   1. submit -> running and 2. cancel -> cancelled latency, p50/p99 over --jobs jobs (default 20), through the real
#      server (`astrobench serve --executor slurm`). Extra arguments go to scripts/bench_slurm.py (--jobs, --grace, --keep).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
dotnet build AstroBench.sln -c Release -nologo -v q >/dev/null
./scripts/slurm-down.sh >/dev/null
start=$(date +%s.%N)
./scripts/slurm-up.sh
awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "cluster bring-up (slurm-up.sh, packages installed): %.2f s\n", b - a }'
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
python3 "$root/scripts/bench_slurm.py" --cli "$root/src/AstroBench.Cli/bin/Release/net10.0/astrobench" --repo "$root" "$@"
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
