#!/usr/bin/env bash
# Stops the one-node cluster started by scripts/slurm-up.sh, by the pids it recorded (never by name).
set -uo pipefail
run=/run/astrobench-slurm
stop() { # pid file
  [ -s "$1" ] || return 0
  local pid
  pid=$(cat "$1")
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
}
stop "$run/slurmd.pid"
stop "$run/slurmctld.pid"
stop /run/munge/munged.pid
rm -f "$run/slurmd.pid" "$run/slurmctld.pid"
echo "slurm-down: stopped"
