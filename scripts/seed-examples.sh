#!/usr/bin/env bash
# Prints one real response per endpoint of the original lab's wire contract (docs/http-api.md,
# "Compatibility with the original lab"), as a client of the original lab would call it: a real
# server on a temporary lab root, real adapters, the gate fixture to hold a job while it is cancelled.
# Needs a built checkout (scripts/setup.sh). Usage: scripts/seed-examples.sh [port]
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
port="${1:-8765}"
root=$(mktemp -d /tmp/astrobench-seed-XXXX)
gates="$root/gates"
adapters="$root/adapters"
mkdir -p "$gates" "$adapters"
ln -s "$repo/tests/fixtures/adapters/gate" "$adapters/gate"
url="http://127.0.0.1:$port"

ASTROBENCH_GATE_DIR="$gates" AstroBench__AdapterDirs__0="$repo/adapters" AstroBench__AdapterDirs__1="$adapters" \
  setsid "$repo/scripts/astrobench" serve --root "$root" --port "$port" >"$root/server.log" 2>&1 &
server=$!
cleanup() { touch "$gates/all.open"; kill -TERM -- "-$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$root"; }
trap cleanup EXIT
for _ in $(seq 1 600); do curl -fs "$url/api/health" >/dev/null && break; sleep 0.1; done

show() { printf '\n## %s\n' "$1"; python3 -c 'import json,sys; d=json.load(sys.stdin); print(json.dumps(d, indent=1)[:int(sys.argv[1])])' "${2:-1500}"; }
job_status() { curl -fs "$url/api/benchmark/jobs/$1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])'; }
wait_terminal() { while :; do case "$(job_status "$1")" in completed|failed|cancelled) return ;; esac; sleep 0.2; done; }

# The original BenchmarkRequest, exactly as its clients send it.
start=$(curl -fs -X POST "$url/api/benchmark/start" -H 'Content-Type: application/json' \
  -d '{"experiments":["all"],"n":1000,"seed":42,"no_perf":false,"perf_rounds":5,"ci_mode":false,"notes":""}')
echo "$start" | show "POST /api/benchmark/start (original BenchmarkRequest)"
id=$(echo "$start" | python3 -c 'import json,sys; print(json.load(sys.stdin)["job_id"])')
for _ in $(seq 1 1200); do ls "$gates"/*.waiting >/dev/null 2>&1 && break; sleep 0.1; done   # held at the gate: running
curl -fs "$url/api/benchmark/jobs/$id" | show "GET /api/benchmark/jobs/{job_id} (running)"
curl -s -o /dev/null -w '%{http_code}\n' -X POST "$url/api/benchmark/start" -H 'Content-Type: application/json' -d '{}' | sed 's/^/second start while busy: HTTP /'
curl -s -X POST "$url/api/benchmark/start" -H 'Content-Type: application/json' -d '{}' | show "409 body"
curl -fs -X POST "$url/api/benchmark/jobs/$id/cancel" | show "POST /api/benchmark/jobs/{job_id}/cancel (no body)"
curl -s -X POST "$url/api/benchmark/jobs/$id/cancel" | show "409 cancel of a finished job"
curl -s -X POST "$url/api/benchmark/jobs/0123456789ab/cancel" | show "404 cancel of an unknown job"
printf '\n## GET /api/benchmark/jobs/{job_id}/logs (text/plain, last 3 lines)\n'; curl -fs "$url/api/benchmark/jobs/$id/logs" | tail -n 3; echo

for i in 1 2; do
  run=$(curl -fs -X POST "$url/api/benchmark/start" -H 'Content-Type: application/json' \
    -d '{"experiments":["gmst_era"],"libraries":["libnova"],"n":100,"ci_mode":true,"notes":"seed example"}' |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["job_id"])')
  wait_terminal "$run"
done
printf '\n## GET /api/benchmark/jobs (plain array, oldest first) headers\n'; curl -fs -D - -o /dev/null "$url/api/benchmark/jobs" | grep -i 'x-total-count'
curl -fs "$url/api/benchmark/jobs?order=desc&limit=1" | show "GET /api/benchmark/jobs?order=desc&limit=1" 900
runs=$(curl -fs "$url/api/runs")
echo "$runs" | show "GET /api/runs" 900
a=$(echo "$runs" | python3 -c 'import json,sys; print(json.load(sys.stdin)[1]["id"])')
b=$(echo "$runs" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
curl -fs "$url/api/runs/$a" | python3 -c '
import json,sys; d=json.load(sys.stdin)
print("\n## GET /api/runs/{run_id} (original members; experiments abbreviated)")
print(json.dumps({k: d[k] for k in ["id","timestamp","git_shas","machine","has_reports"]}, indent=1))
print("experiments:", {e: [r["candidate_library"] for r in rs] for e, rs in d["experiments"].items()})'
curl -fs "$url/api/runs/$a/experiments/gmst_era" | python3 -c '
import json,sys; r=[x for x in json.load(sys.stdin) if x["candidate_library"]=="libnova"][0]
keep=["experiment","candidate_library","reference_library","description","inputs","benchmark_config","run_metadata"]
out={k: r[k] for k in keep}
out["accuracy"]={k: r["accuracy"][k] for k in ["reference","candidate","nan_count","gmst_error_arcsec"]}
out["performance"]={k: r["performance"][k] for k in r["performance"] if k.startswith("per_op") or k in ["rounds","valid","warnings","batch_size"]}
print("\n## GET /api/runs/{run_id}/experiments/gmst_era (libnova; original members)"); print(json.dumps(out, indent=1))'
curl -fs "$url/api/compare?run_a=$a&run_b=$b" | python3 -c '
import json,sys; d=json.load(sys.stdin)
print("\n## GET /api/compare (original members)"); print(json.dumps({"run_a": d["run_a"], "run_b": d["run_b"], "deltas": d["deltas"][:3]}, indent=1))'
