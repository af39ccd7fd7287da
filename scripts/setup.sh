#!/usr/bin/env bash
# Idempotent set-up on Debian 12 (as root): system packages, .NET restore/build, adapters, web app.
# Safe to run again: every step checks before it installs or rebuilds.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
for pkg in liberfa-dev libnova-dev libswe-dev swe-basic-data casacore-dev casacore-data-jpl-de405 casacore-data-tai-utc g++ python3-astropy python3-skyfield python3-mpmath python3-aiosmtpd gcc make chromium procps; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || need_apt+=("$pkg")
done
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "setup: installing ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

command -v dotnet >/dev/null || { echo "setup: the .NET 10 SDK is required (dotnet not on PATH)" >&2; exit 1; }
command -v node >/dev/null || { echo "setup: Node.js 20+ and npm are required for the web app" >&2; exit 1; }

echo "setup: building the .NET solution"
dotnet build AstroBench.sln -c Release -nologo -v quiet -clp:ErrorsOnly

# The CLI's ReadyToRun publish (docs/engine.md, "Start-up and memory"): scripts/astrobench runs it, and so does the
# server it starts for its orchestrators. Incremental like the build: nothing is redone when nothing changed.
echo "setup: publishing the CLI (ReadyToRun)"
dotnet publish src/AstroBench.Cli -c Release -nologo -v quiet -clp:ErrorsOnly
# astrobench-run (docs/engine.md, "The run-only executable"): `run` only, Native AOT; scripts/astrobench runs it for
# `run` and gives it to the server's orchestrators. About a minute of ILCompiler on 2 cores (it references no server
# code); incremental like the publish above.
echo "setup: publishing astrobench-run (Native AOT)"
dotnet publish src/AstroBench.Runner -c Release -nologo -v quiet -clp:ErrorsOnly

echo "setup: building adapters"
./scripts/astrobench adapters build
# Bytecode of the Python adapters' own modules (docs/engine.md, "Adapter start-up"): they import them with
# dont_write_bytecode set (nothing is written into the checkout at run time), so without this every adapter
# process, i.e. every timing round, compiles them from source. Stale files are harmless (Python checks the mtime).
/usr/bin/python3 -m compileall -q -l adapters/common adapters/astropy adapters/skyfield >/dev/null

if [ -f web/package.json ]; then
  echo "setup: building the web app"
  (cd web && { [ -d node_modules ] && [ node_modules -nt package-lock.json ] || npm ci --no-audit --no-fund --loglevel=error; } && npm run build --silent && npm run build:static --silent)
fi
echo "setup: done"
