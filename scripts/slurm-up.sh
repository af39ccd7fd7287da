#!/usr/bin/env bash
# Starts a real one-node Slurm cluster on this machine (no systemd): munged, slurmctld, slurmd.
# Idempotent: installs Debian's slurm-wlm and munge if missing, (re)writes the configuration for this
# host (CPU count and memory from `slurmd -C`), starts only what is not running, and waits until
# `sinfo` shows the node idle. Prints the bring-up time. Stop with scripts/slurm-down.sh (docs/slurm.md).
set -euo pipefail
started=$(date +%s.%N)
state=/var/lib/astrobench-slurm
run=/run/astrobench-slurm
conf=/etc/slurm

need=()
for pkg in slurm-wlm munge; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "slurm-up: installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need[@]}" >/dev/null
fi

mkdir -p "$state"/{ctld,d} "$run" /var/log/slurm /run/munge "$conf"
chown slurm:slurm "$state/ctld" /var/log/slurm
chown munge:munge /run/munge
if [ ! -s /etc/munge/munge.key ]; then
  dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
fi
chown munge:munge /etc/munge/munge.key
chmod 400 /etc/munge/munge.key

host=$(hostname -s)
# This host's real CPUs, sockets and memory, as slurmd itself sees them (a mismatch drains the node).
node_line=$(slurmd -C | head -n 1 | sed "s/^NodeName=[^ ]*/NodeName=$host/")
cat > "$conf/slurm.conf.new" <<EOF
# Written by scripts/slurm-up.sh: a one-node cluster for AstroBench's Slurm executor tests.
ClusterName=astrobench
SlurmctldHost=$host
SlurmUser=slurm
SlurmdUser=root
AuthType=auth/munge
StateSaveLocation=$state/ctld
SlurmdSpoolDir=$state/d
SlurmctldPidFile=$run/slurmctld.pid
SlurmdPidFile=$run/slurmd.pid
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
# cgroup tracking: every process of a job (setsid'ed or double-forked too) is found and killed.
ProctrackType=proctrack/cgroup
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
# Slurmdbd-less history: one line per finished job (state, exit code, node), read after squeue forgets it.
JobCompType=jobcomp/filetxt
JobCompLoc=/var/log/slurm/jobcomp.log
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
# Short intervals so state changes (start, cancel, end) show up within a second or so.
SchedulerType=sched/backfill
SchedulerParameters=sched_interval=1,bf_interval=1,defer_batch=0
MessageTimeout=5
SlurmdTimeout=30
KillWait=2
MinJobAge=60
InactiveLimit=0
# Feature "bench" so a job can ask for it (--constraint); a second partition over the same node so the tests can place jobs on
# two partitions (each is its own testbed, docs/slurm.md).
$node_line Features=bench State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
PartitionName=bench Nodes=$host Default=NO MaxTime=INFINITE State=UP
EOF
changed=0
cmp -s "$conf/slurm.conf.new" "$conf/slurm.conf" 2>/dev/null || changed=1
mv "$conf/slurm.conf.new" "$conf/slurm.conf"
cat > "$conf/cgroup.conf" <<'EOF'
# Required by proctrack/cgroup: without this file jobs on this machine type report COMPLETED with
# exit code 0 while never running. The container has cgroup v1 controllers (v2 only at unified/).
CgroupPlugin=cgroup/v1
CgroupMountpoint=/sys/fs/cgroup
ConstrainCores=no
ConstrainRAMSpace=no
ConstrainDevices=no
EOF
touch /var/log/slurm/jobcomp.log
chown slurm:slurm /var/log/slurm/jobcomp.log

alive() { [ -s "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

alive /run/munge/munged.pid || runuser -u munge -- /usr/sbin/munged --pid-file=/run/munge/munged.pid
munge -n | unmunge >/dev/null

if alive "$run/slurmctld.pid" && [ "$changed" = 1 ]; then
  # Already running with an older configuration (nodes or partitions changed): restart the daemons on the new one.
  kill -TERM "$(cat "$run/slurmd.pid")" "$(cat "$run/slurmctld.pid")" 2>/dev/null || true
  for _ in $(seq 1 100); do alive "$run/slurmctld.pid" || alive "$run/slurmd.pid" || break; sleep 0.1; done
fi
alive "$run/slurmctld.pid" || /usr/sbin/slurmctld -i
for _ in $(seq 1 100); do scontrol ping 2>/dev/null | grep -q UP && break; sleep 0.1; done
alive "$run/slurmd.pid" || /usr/sbin/slurmd
# A node left down/drained by an earlier run comes back.
scontrol update NodeName="$host" State=RESUME >/dev/null 2>&1 || true

for _ in $(seq 1 300); do
  if [ "$(sinfo -h -n "$host" -o %t 2>/dev/null)" = "idle" ]; then
    printf 'slurm-up: node %s idle after %.2f s\n' "$host" "$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')"
    exit 0
  fi
  sleep 0.1
done
echo "slurm-up: node $host not idle after 30 s: $(sinfo -h -o '%t %E' 2>&1)" >&2
tail -n 20 /var/log/slurm/slurmd.log /var/log/slurm/slurmctld.log >&2
exit 1
