#!/usr/bin/env bash
# Quick start, main job: set everything up, then start the AstroBench server with the web app at
# http://127.0.0.1:${PORT:-8000}/ (lab root: this checkout; results in ./results, job logs in ./logs).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
echo "start: AstroBench at http://${HOST:-127.0.0.1}:${PORT:-8000}/ (Ctrl+C to stop)"
exec ./scripts/astrobench serve --host "${HOST:-127.0.0.1}" --port "${PORT:-8000}" --root "$PWD"
