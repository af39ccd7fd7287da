#!/usr/bin/env bash
# Quick start, tests: set everything up, then run every test suite. Exit code is non-zero if any fails.
# The last line sums every suite (xunit, Vitest, Playwright) as "total: N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh || exit 1

status=0
passed=0
failed=0
skipped=0
add() { passed=$((passed + $1)); failed=$((failed + $2)); skipped=$((skipped + $3)); }

log=$(mktemp)
# The Slurm executor's tests run against a real one-node cluster on this machine (docs/slurm.md): up before the
# tests, down afterwards whatever happens. A cluster that does not come up makes those tests fail, never skip.
trap 'rm -f "$log"; ./scripts/slurm-down.sh >/dev/null 2>&1' EXIT
./scripts/slurm-up.sh || { echo "test: the Slurm cluster did not come up" >&2; status=1; }
# Release, like setup: the tests drive the same astrobench binary a user runs.
dotnet test AstroBench.sln -c Release --no-build -nologo 2>&1 | tee "$log"
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1
while read -r f p s; do add "$p" "$f" "$s"; done < <(
  sed -n 's/.*Failed: *\([0-9]*\), Passed: *\([0-9]*\), Skipped: *\([0-9]*\),.*/\1 \2 \3/p' "$log")
echo "dotnet: ${passed} passed, ${failed} failed, ${skipped} skipped"

# The run tests once more through astrobench-run, the Native AOT binary `scripts/astrobench run` uses (docs/engine.md):
# it has no reflection fallback, so a file type missing from ResultJsonContext failed there only (about 45 s).
aot="$PWD/src/AstroBench.Runner/bin/Release/aot/astrobench-run"
if [ -x "$aot" ]; then
  ASTROBENCH_TEST_ORCHESTRATOR="$aot" dotnet test tests/AstroBench.Cli.Tests -c Release --no-build -nologo \
    --filter "FullyQualifiedName~AstroBench.Cli.Tests.Run" 2>&1 | tee "$log"
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
  read -r f p s < <(sed -n 's/.*Failed: *\([0-9]*\), Passed: *\([0-9]*\), Skipped: *\([0-9]*\),.*/\1 \2 \3/p' "$log" | tail -1)
  add "${p:-0}" "${f:-1}" "${s:-0}"
  echo "dotnet, run tests through astrobench-run: ${p:-0} passed, ${f:-1} failed, ${s:-0} skipped"
else
  echo "test: $aot is missing (scripts/setup.sh publishes it)" >&2; status=1; add 0 1 0
fi

# Counts from a suite's JSON report; a suite that wrote none counts as one failure.
count_json() { # file, python expression over the parsed report giving (passed, failed, skipped)
  if [ -f "$1" ]; then python3 -c "import json,sys; r=json.load(open(sys.argv[1])); print(*($2))" "$1"; else echo "0 1 0"; fi
}

if [ -f web/package.json ] && grep -q '"test"' web/package.json; then
  rm -f web/test-results/vitest.json
  (cd web && npm test --silent) || status=1
  read -r p f s < <(count_json web/test-results/vitest.json \
    "r['numPassedTests'], r['numFailedTests'], r['numPendingTests'] + r.get('numTodoTests', 0)")
  add "$p" "$f" "$s"
  echo "vitest: ${p} passed, ${f} failed, ${s} skipped"
fi
if [ -f web/package.json ] && grep -q '"e2e"' web/package.json; then
  rm -f web/e2e/test-results/results.json
  # The e2e suite drives the build a user runs: scripts/astrobench (the ReadyToRun publish that set-up made).
  (cd web && ASTROBENCH_CLI="$PWD/../scripts/astrobench" npm run e2e --silent) || status=1
  read -r p f s < <(count_json web/e2e/test-results/results.json \
    "r['stats']['expected'] + r['stats']['flaky'], r['stats']['unexpected'], r['stats']['skipped']")
  add "$p" "$f" "$s"
  echo "playwright: ${p} passed, ${f} failed, ${s} skipped"
fi
[ "$failed" -eq 0 ] || status=1
echo "total: ${passed} passed, ${failed} failed, ${skipped} skipped"
exit $status
