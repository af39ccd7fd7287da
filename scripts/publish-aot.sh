#!/usr/bin/env bash
# The Native AOT build of the CLI for `astrobench run` (docs/engine.md, "Native AOT for run"): no JIT and no type
# loading at start, about half the CPU of the ReadyToRun publish at n = 1,000. scripts/astrobench runs it for `run`
# (and points the server's orchestrators at it) while it is not older than the plain build.
# It is published from a copy of the sources in a temporary folder: a PublishAot restore of the checkout's own
# project would rewrite the assets file that `dotnet build` and the ReadyToRun publish share (and so rebuild both).
# Output: src/AstroBench.Cli/bin/Release/aot/astrobench (one self-contained executable). Takes minutes (ILCompiler).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/src/AstroBench.Cli/bin/Release/aot"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root"
# Tracked and new source files of src/ as they are in the work tree (uncommitted edits included), no bin/ or obj/.
git ls-files -co --exclude-standard -- src Directory.Build.props Directory.Packages.props \
  | grep -vE '(^|/)(bin|obj)/' | tar -cf - -T - | tar -xf - -C "$work"
# IL2026/IL3050/IL2104 stay warnings here: they name reflection-based JSON and minimal-API code of `serve` and other
# commands (which the AOT binary is never used for) and the run path's JsonSerializer calls, which resolve the run's
# types from the source-generated ResultJsonContext (docs/engine.md lists them).
dotnet publish "$work/src/AstroBench.Cli" -c Release -nologo -v quiet -clp:ErrorsOnly \
  -p:PublishAot=true -p:SelfContained=true -p:PublishReadyToRun=false -p:TreatWarningsAsErrors=false \
  -p:DebugType=none -p:StripSymbols=true -o "$work/out"
mkdir -p "$out"
cp "$work/out/astrobench" "$out/astrobench.new"
# libe_sqlite3.so: Microsoft.Data.Sqlite's native library, loaded from beside the executable.
cp "$work/out/"*.so "$out/" 2>/dev/null || true
mv -f "$out/astrobench.new" "$out/astrobench"
echo "publish-aot: $out/astrobench"
