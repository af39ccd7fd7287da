#!/usr/bin/env bash
# Benchmark (not a test): notification delivery latency, event -> webhook receiver, p50/p99.
# Starts the real `astrobench serve` (a temp lab root, a free port) and a Python receiver that verifies
# the signature (scripts/bench/notify_receiver.py), registers one webhook endpoint, then runs N real
# jobs one after another through POST /api/benchmark/start. The orchestrator is a stand-in shell script
# that writes a "completed" exit record at once, so each job goes through the server's real settle path
# (status + job.completed event in one transaction) in milliseconds; the figure is the time from the
# event's occurred_at to the receiver's arrival. Usage: scripts/bench-notifications.sh [N=500]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
n="${1:-500}"
dotnet build AstroBench.sln -c Release -nologo -v q >/dev/null
work="$(mktemp -d /tmp/astrobench-notifybench.XXXXXX)"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
port="$(free_port)"; rport="$(free_port)"
secret="bench-secret-$RANDOM"

cat > "$work/fake-orchestrator.sh" <<'SH'
#!/bin/sh
# Stand-in for `astrobench run`: write the exit record (temp + rename, like the real one) and exit.
for a in "$@"; do
  case "$a" in
    --exit-record=*) record="${a#--exit-record=}" ;;
    --log-file=*) log="${a#--log-file=}" ;;
  esac
done
: > "$log"
printf '{"status":"completed","exit_code":0,"run_id":null,"run_path":null,"reason":null,"pid":%s,"finished_at":"%s"}' \
  "$$" "$(date -u +%Y-%m-%dT%H:%M:%S.000Z)" > "$record.tmp"
mv "$record.tmp" "$record"
SH
chmod +x "$work/fake-orchestrator.sh"

python3 scripts/bench/notify_receiver.py --port "$rport" --secret "$secret" --out "$work/arrivals.txt" &
receiver=$!
AstroBench__OrchestratorPath="$work/fake-orchestrator.sh" Logging__LogLevel__Default=Warning \
  ./scripts/astrobench serve --root "$work" --port "$port" > "$work/server.log" 2>&1 &
server=$!
trap 'kill "$server" "$receiver" 2>/dev/null || true; wait 2>/dev/null || true' EXIT
base="http://127.0.0.1:$port"
for _ in $(seq 1 300); do curl -sf "$base/api/health" >/dev/null && break; sleep 0.1; done

curl -sf -X POST "$base/api/notifications/endpoints" -H 'Content-Type: application/json' \
  -d "{\"kind\":\"webhook\",\"url\":\"http://127.0.0.1:$rport/hook\",\"secret\":\"$secret\",\"event_types\":[\"job.completed\"]}" >/dev/null
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores); $n jobs"
start=$(date +%s.%N)
for i in $(seq 1 "$n"); do
  curl -sf -X POST "$base/api/benchmark/start" -H 'Content-Type: application/json' \
    -d '{"experiments":["gmst_era"],"n":1,"no_perf":true}' >/dev/null
  # The next start is accepted once this job has settled (204: no active job).
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/api/benchmark/active")" = 204 ]; do sleep 0.005; done
done
for _ in $(seq 1 600); do [ "$(wc -l < "$work/arrivals.txt" 2>/dev/null || echo 0)" -ge "$n" ] && break; sleep 0.1; done
end=$(date +%s.%N)
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg); $(python3 -c "print(f'{$end-$start:.1f}')") s for the jobs"
python3 scripts/bench/notify_latency.py "$work/arrivals.txt"
echo "work dir: $work"
