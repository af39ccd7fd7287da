#!/usr/bin/env bash
# Quick start, main job: set everything up, then run the main job.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
echo "start: full benchmark run (every experiment, every available library)"
./scripts/astrobench run --experiments all --n 1000
