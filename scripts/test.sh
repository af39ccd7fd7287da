#!/usr/bin/env bash
# Quick start, tests: set everything up, then run every test suite. Exit code is non-zero if any fails.
set -uo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh || exit 1

status=0
passed=0
failed=0
log=$(mktemp)
# Release, like setup: the tests drive the same astrobench binary a user runs.
dotnet test AstroBench.sln -c Release --no-build -nologo 2>&1 | tee "$log"
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1
while read -r f p; do passed=$((passed + p)); failed=$((failed + f)); done < <(
  sed -n 's/.*Failed: *\([0-9]*\), Passed: *\([0-9]*\),.*/\1 \2/p' "$log")

if [ -f web/package.json ] && grep -q '"test"' web/package.json; then
  (cd web && npm test --silent) || status=1
fi
if [ -f web/package.json ] && grep -q '"e2e"' web/package.json; then
  # The e2e suite drives the same Release build of astrobench that set-up made.
  (cd web && ASTROBENCH_CLI="$PWD/../src/AstroBench.Cli/bin/Release/net10.0/astrobench" npm run e2e --silent) || status=1
fi
rm -f "$log"
echo "dotnet: ${passed} passed, ${failed} failed"
exit $status
