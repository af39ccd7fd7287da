#!/usr/bin/env bash
# Benchmark of timing (docs/engine.md, "Rounds: interleaving and adaptive count"; not a test), seed 42, n = N:
#   1. two default timed runs in a row of the 24 ERFA experiments (every experiment whose reference is erfa: the
#      original lab's non-Horizons set), erfa + libnova: wall time of each, and the distribution of the differences
#      between the two runs' medians over the C libraries' results (share within 3 %; target ≥ 90 %);
#   2. the same once more while `stress-ng --cpu 1` loads one core: results flagged unstable, and that none of the
#      flagged results is ranked (no speedup; a ⚠ cell, never a #rank, in `astrobench runs show`'s speed heatmap);
#   3. the full catalog with every library, default rounds: wall time and peak RSS (GNU time; target ≤ 3 min), and per
#      library the timing processes started (pilots + rounds), their seconds, the seconds inside timed values and the
#      unstable results (from ASTROBENCH_TRACE's `timing` lines), and the pre-started processes (protocol 6) with the
#      seconds the cycles waited for their ready lines; and for the interpreted runtimes the spread of the values within a
#      process against that between processes (scripts/timing-spread.py).
# Part 1 also prints the machine-speed probe (docs/engine.md, "The machine-speed probe"): each run's within-run drift,
# the probe's own run-to-run agreement, and the C medians' agreement with each experiment's probe ratio divided out:
# the floor the machine itself sets for the 3 % target; and (scripts/timing-pairs.py) that agreement by how many rounds
# were kept although the machine was contended.
# Every part prints the load average before and after it, and the command it ran. Each run's line also gives its CPU
# time (user + sys, adapters included), its adapter calls and their seconds per timed result, and the share of those
# seconds spent inside timed values (rounds x values x ops x median: the rest is start-up, pilots, warm-up, empty loops),
# and for the C libraries the processes per result, the medians' standard error and a split-half agreement inside the run.
# Environment: EXPERIMENTS (parts 1-2; default the 24), CATALOG_EXPERIMENTS (part 3; default all), N (default 1000),
#   RUN_ARGS (extra `astrobench run` options for every run, e.g. "--perf-rounds 3"), SKIP (words: twice stress catalog),
#   ASTROBENCH_PRESTART=0 (every timing process just in time, as before protocol 6: the comparison for part 3),
#   ASTROBENCH_CONTENTION=0 (every native round stands whatever the probe says: the comparison for part 1; docs/engine.md,
#   "Contended cycles"),
#   ASTROBENCH_TIMING_PARTS=1 (every experiment timed in one piece, as before: the comparison for part 1; docs/engine.md,
#   "Timing in two parts"),
#   KEEP=DIR (keep the runs, their logs and time figures in DIR instead of a temporary folder),
#   LEVELS=FILE (the machine's remembered contention levels, docs/engine.md "Remembered levels"; default one file in the
#   work folder): each run has its own results folder, so its reference cache is cold, but the levels file is carried
#   from run to run, as a lab's results folder carries it: the first run of a fresh LEVELS has none.
# Usage: scripts/bench-timing.sh   (needs scripts/setup.sh first; part 2 needs stress-ng)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="$root/scripts/astrobench"
# KEEP=DIR: work in DIR and keep it (every run's folder, log and GNU time figures) for later analysis.
if [ -n "${KEEP:-}" ]; then work=$KEEP; mkdir -p "$work"; else work=$(mktemp -d); fi
stress_pid=""
cleanup() {
  if [ -n "$stress_pid" ]; then kill "$stress_pid" 2>/dev/null || true; wait "$stress_pid" 2>/dev/null || true; fi
  if [ -z "${KEEP:-}" ]; then rm -rf "$work"; fi
}
trap cleanup EXIT
erfa24=frame_rotation_bpn,gmst_era,equ_ecl,equ_horizontal,kepler_solver,frame_bias,inv_frame_bias,precession,inv_precession,nutation,inv_nutation,bias_precession,inv_bias_precession,precession_nutation,inv_precession_nutation,inv_bpn,icrs_ecl_j2000,inv_icrs_ecl_j2000,icrs_ecl_tod,inv_icrs_ecl_tod,obliquity,inv_obliquity,inv_equ_ecl,horiz_to_equ
experiments=${EXPERIMENTS:-$erfa24}
catalog=${CATALOG_EXPERIMENTS:-all}
n=${N:-1000}
read -r -a extra <<< "${RUN_ARGS:-}"
levels=${LEVELS:-$work/contention-levels.json}
skip=" ${SKIP:-} "
# Part 2 without stress-ng would time an unloaded machine and call it loaded: refuse before part 1 is spent.
if [[ $skip != *" stress "* ]] && ! command -v stress-ng > /dev/null; then
  echo "bench-timing: part 2 needs stress-ng (apt-get install stress-ng), or SKIP=stress" >&2; exit 2
fi
load() { cut -d' ' -f1-3 /proc/loadavg; }
echo "machine: $(nproc) cores; load average $(load)"

# timed LABEL ARGS...: one timed run in its own results folder; prints its line and leaves the run path in $work/LABEL.run.
timed() {
  local label=$1; shift
  local out="$work/$label" before
  mkdir -p "$out"
  local cmd=("$bin" run --seed 42 --n "$n" --results-dir "$out/results" "${extra[@]}" "$@")
  local remembered="$out/results/.cache/machine/contention-levels.json"
  if [ -f "$levels" ]; then mkdir -p "$(dirname "$remembered")"; cp "$levels" "$remembered"; fi
  before=$(load)
  /usr/bin/time -f "%e %M %U %S" -o "$out/time" "${cmd[@]}" > "$out/log" 2>&1 || { tail -5 "$out/log"; exit 1; }
  if [ -f "$remembered" ]; then cp "$remembered" "$levels"; fi
  local wall rss_kb user sys run
  read -r wall rss_kb user sys < "$out/time"
  run=$(grep -o 'results in .*' "$out/log" | tail -1 | cut -d' ' -f3)
  echo "$run" > "$work/$label.run"
  python3 - "$label" "$wall" "$rss_kb" "$run" "$before" "$(load)" "${cmd[*]#"$root/"}" "$user" "$sys" <<'PY'
import glob, json, os, statistics, sys
label, wall, rss_kb, run, before, after, cmd, user, sys_s = sys.argv[1:10]
m = json.load(open(os.path.join(run, "manifest.json")))
perf = [r["performance"] for f in glob.glob(os.path.join(run, "*", "*.json")) if (r := json.load(open(f)))["performance"]]
r = m.get("rounds") or {}
cv = statistics.median(p["cv_percent"] for p in perf) if perf else float("nan")
print(f"{label:10s} wall {float(wall):7.1f} s  peak RSS {int(rss_kb)/1024:6.1f} MB  {len(perf)} timed results, median CV {cv:.1f} %, "
      f"invalid {sum(not p['valid'] for p in perf)} (unstable {r.get('unstable')}, contended {r.get('contended')}), rounds {r.get('rounds_done')} "
      f"(extra {r.get('extra_rounds')}; stopped {r.get('stopped')})  load {before} -> {after}")
t = m.get("timing") or {}
timed_s = sum(p["rounds"] * (p.get("values_per_round") or 1) * p["ops_per_round"] * p["median_ns"] for p in perf) / 1e9
calls_s = t.get("adapter_calls_s") or float("nan")
print(f"{'':10s} CPU user {float(user):.1f} s + sys {float(sys_s):.1f} s; {t.get('adapter_calls')} adapter calls, "
      f"{calls_s:.1f} s ({calls_s / max(1, len(perf)):.2f} s per timed result), {100 * timed_s / calls_s:.0f} % of it inside timed values")
mp = (m.get("machine") or {}).get("probe")
if mp:
    print(f"{'':10s} machine probe: {mp['samples']} samples, median {mp['median_ns']:.3f} ns/op, drift {mp['drift_percent']:.1f} % "
          f"(min {mp['min_ns']:.3f}, max {mp['max_ns']:.3f}), robust CV {mp['robust_cv_percent']:.1f} %")
# The C libraries' results (docs/engine.md, "Many short processes for C"): processes per result, the median's relative
# standard error (1.2533 x 1.4826 x MAD / median / sqrt(n), the stop rule's figure), and a split-half check inside this
# one run (the median of the odd rounds against that of the even rounds: each half has half the processes, so this
# agreement is a pessimistic stand-in for two runs' agreement that load hits alike).
native = {x["name"] for x in m["adapters"] if x["language"] in ("c", "c++")}
cres = [(r["library"], r["performance"]) for f in glob.glob(os.path.join(run, "*", "*.json"))
        if (r := json.load(open(f)))["performance"] and r["library"] in native]
if cres:
    def mad_se(s):
        md = statistics.median(s)
        return 125.33 * 1.4826 * statistics.median(abs(x - md) for x in s) / md / len(s) ** 0.5 if md > 0 else float("nan")
    q = lambda xs, p: sorted(xs)[min(len(xs) - 1, int(p * len(xs)))]
    procs = [p["rounds"] for _, p in cres]
    ses = [mad_se(p["samples_ns"]) for _, p in cres]
    halves = [abs(statistics.median(p["samples_ns"][1::2]) / statistics.median(p["samples_ns"][0::2]) - 1) * 100
              for _, p in cres if len(p["samples_ns"]) >= 4]
    stops = {}
    for _, p in cres:
        stops[p["rounds_stop"]] = stops.get(p["rounds_stop"], 0) + 1
    print(f"{'':10s} C results: {len(cres)}, processes per result p10 {q(procs, .1)} p50 {q(procs, .5)} p90 {q(procs, .9)} "
          f"(sum {sum(procs)}; values per process {cres[0][1].get('values_per_round')}); stopped {stops}")
    print(f"{'':10s} C medians' standard error p50 {q(ses, .5):.2f} %, p90 {q(ses, .9):.2f} %, max {max(ses):.2f} %; "
          f"split-half (odd vs even rounds) within 3 % {sum(d <= 3 for d in halves)}/{len(halves)}, |difference| p50 {q(halves, .5):.2f} %")
    # Contended cycles (docs/engine.md): rounds discarded and taken again, rounds kept although contended (a limit was
    # reached), probes retaken before a cycle (once per experiment: the same figure is in each of its libraries' files).
    cont = [p["contention"] for _, p in cres if p.get("contention")]
    if cont:
        waits = {e: p["contention"]["gate_waits"] for f in glob.glob(os.path.join(run, "*", "*.json"))
                 if (r := json.load(open(f)))["library"] in native and (p := r["performance"]) and p.get("contention") for e in [r["experiment"]]}
        print(f"{'':10s} contended cycles: {sum(c['discarded_rounds'] for c in cont)} native rounds discarded and taken again, "
              f"{sum(c['contended_rounds'] for c in cont)} kept although contended, {sum(waits.values())} probes retaken before a cycle; "
              f"level {cont[-1]['level_ns']} ns/op, threshold {cont[-1]['threshold_percent']} %")
    else:
        print(f"{'':10s} contended cycles: not judged (ASTROBENCH_CONTENTION=0, no probe, or an older engine)")
print(f"{'':10s} $ {cmd}")
PY
}

# compare A B: the differences of the C libraries' medians between two runs.
compare() {
  python3 - "$(cat "$work/$1.run")" "$(cat "$work/$2.run")" <<'PY'
import json, os, sys
a, b = sys.argv[1:3]
native = {x["name"] for x in json.load(open(os.path.join(a, "manifest.json")))["adapters"] if x["language"] in ("c", "c++")}
diffs = []
for e in json.load(open(os.path.join(a, "manifest.json")))["results"]:
    if e["library"] not in native:
        continue
    pa = json.load(open(os.path.join(a, e["file"])))["performance"]
    pb = json.load(open(os.path.join(b, e["file"])))["performance"]
    if pa and pb:
        diffs.append(abs(pb["median_ns"] / pa["median_ns"] - 1) * 100)
diffs.sort()
q = lambda p: diffs[min(len(diffs) - 1, int(p * len(diffs)))]
within = sum(d <= 3 for d in diffs)
print(f"{'':10s} medians of the C libraries' {len(diffs)} results, run 2 vs run 1: within 3 % {within}/{len(diffs)} "
      f"({100 * within / max(1, len(diffs)):.0f} %; target >= 90 %); |difference| p50 {q(0.5):.2f} %, p75 {q(0.75):.2f} %, "
      f"p90 {q(0.9):.2f} %, max {diffs[-1]:.2f} %")

# The same for low statistics of the same rounds (docs/engine.md, "Contended cycles": a diagnostic, not a figure the
# engine reports as its headline): the fastest value of all the result's processes, their 5th percentile, and min_ns
# (the fastest round sample). Interference only ever adds time, so these follow the machine's fast state, while the
# median follows the share of the run the machine spent contended (Chen & Revels, "Robust benchmarking in noisy
# environments", arXiv:1608.04295, 2016).
def low(p):
    values = sorted(x for v in (p.get("round_values_ns") or [[s] for s in p["samples_ns"]]) for x in v)
    h = (len(values) - 1) * 0.05
    return {"fastest value": values[0], "values' p5": values[int(h)] + (h - int(h)) * (values[min(int(h) + 1, len(values) - 1)] - values[int(h)]),
            "min_ns": p["min_ns"]}
lows = {}
for e in json.load(open(os.path.join(a, "manifest.json")))["results"]:
    pa = json.load(open(os.path.join(a, e["file"])))["performance"] if e["library"] in native else None
    pb = json.load(open(os.path.join(b, e["file"])))["performance"] if pa else None
    if pa and pb:
        la, lb = low(pa), low(pb)
        for k in la:
            lows.setdefault(k, []).append(abs(lb[k] / la[k] - 1) * 100)
print(f"{'':10s} low statistics, run 2 vs run 1, within 3 % (diagnostic): "
      + ", ".join(f"{k} {sum(d <= 3 for d in v)}/{len(v)}" for k, v in lows.items()))

# The floor the machine sets (docs/engine.md, "The machine-speed probe"): the probe's own drift within each run, its
# run-to-run agreement (whole run and per experiment), and the C medians' agreement once each experiment's probe ratio
# is divided out (a diagnostic only: the engine never corrects a figure by the probe).
def probe(run):
    m = json.load(open(os.path.join(run, "manifest.json")))
    per = {}
    for e in m["results"]:
        p = json.load(open(os.path.join(run, e["file"])))["performance"]
        if p and p.get("probe_ns"):
            per.setdefault(e["experiment"], sorted(p["probe_ns"]))
    return (m.get("machine") or {}).get("probe"), {k: v[len(v) // 2] if len(v) % 2 else (v[len(v) // 2 - 1] + v[len(v) // 2]) / 2 for k, v in per.items()}
(ma, ea), (mb, eb) = probe(a), probe(b)
if not ma or not mb:
    print(f"{'':10s} machine probe: not recorded (adapters/probe not built?)")
    sys.exit(0)
for name, x in (("run 1", ma), ("run 2", mb)):
    print(f"{'':10s} machine probe {name}: median {x['median_ns']:.3f} ns/op, min {x['min_ns']:.3f}, max {x['max_ns']:.3f}, "
          f"within-run drift {x['drift_percent']:.1f} %, robust CV {x['robust_cv_percent']:.1f} %, {x['samples']} samples")
common = sorted(set(ea) & set(eb))
pd = sorted(abs(eb[k] / ea[k] - 1) * 100 for k in common)
pw = sum(d <= 3 for d in pd)
print(f"{'':10s} machine probe run 2 vs run 1: medians differ by {abs(mb['median_ns'] / ma['median_ns'] - 1) * 100:.2f} %; per experiment "
      f"within 3 % {pw}/{len(pd)}, |difference| p50 {pd[len(pd) // 2]:.2f} %, max {pd[-1]:.2f} %")
norm = []
for e in json.load(open(os.path.join(a, "manifest.json")))["results"]:
    if e["library"] in native and e["experiment"] in common:
        pa = json.load(open(os.path.join(a, e["file"])))["performance"]
        pb = json.load(open(os.path.join(b, e["file"])))["performance"]
        if pa and pb:
            ratio = eb[e["experiment"]] / ea[e["experiment"]]
            norm.append(abs(pb["median_ns"] / pa["median_ns"] / ratio - 1) * 100)
nw = sum(d <= 3 for d in norm)
print(f"{'':10s} C medians divided by their experiment's probe ratio (diagnostic): within 3 % {nw}/{len(norm)}")
PY
}

if [[ $skip != *" twice "* ]]; then
  echo "1. default timed run, twice in a row: ${experiments//,/ }"
  timed run1 --experiments "$experiments" --libraries erfa,libnova
  timed run2 --experiments "$experiments" --libraries erfa,libnova
  compare run1 run2
  # What the medians' differences owe to rounds kept although the machine was contended (docs/engine.md, "Issue 14, sixth stop").
  python3 "$root/scripts/timing-pairs.py" "$(cat "$work/run1.run")" "$(cat "$work/run2.run")" | sed 's/^/           /'
fi

if [[ $skip != *" stress "* ]]; then
  echo "2. the same under stress-ng --cpu 1"
  stress-ng --cpu 1 --quiet &
  stress_pid=$!
  timed stress --experiments "$experiments" --libraries erfa,libnova
  kill "$stress_pid"; wait "$stress_pid" 2>/dev/null || true; stress_pid=""
  run=$(cat "$work/stress.run")
  COLUMNS=250 "$bin" runs show "$(basename "$run")" --results-dir "$(dirname "$run")" > "$work/show.txt" 2>&1
  python3 - "$run" "$work/show.txt" <<'PY'
import collections, glob, json, os, sys
run, show = sys.argv[1:3]
perf = [(r["experiment"], r["library"], r["performance"]) for f in sorted(glob.glob(os.path.join(run, "*", "*.json")))
        if (r := json.load(open(f)))["performance"]]
unstable = [(e, l) for e, l, p in perf if (p["invalid_reason"] or "").startswith("unstable")]
invalid = [(e, l) for e, l, p in perf if not p["valid"]]
with_speedup = [(e, l) for e, l, p in perf if not p["valid"] and p["speedup_vs_reference"] is not None]
text = open(show, encoding="utf-8").read()
heat = text[text.find("Speed heatmap"):]
heat = heat[heat.find("\n"):]  # past the title, whose legend shows the mark once
heat = heat[:heat.find("FROM")] if "FROM" in heat else heat
codes = collections.Counter((p["invalid_reason"] or "").split(":")[0] for e, l, p in perf if not p["valid"])
print(f"{'':10s} flagged unstable {len(unstable)} of {len(perf)} timed results ({len(invalid)} invalid in all: "
      f"{', '.join(f'{c} {n}' for c, n in sorted(codes.items())) or 'none'}): {', '.join(f'{e}/{l}' for e, l in unstable) or 'none'}")
print(f"{'':10s} invalid results with a speedup: {len(with_speedup)}; speed heatmap of `astrobench runs show`: "
      f"{heat.count(chr(0x26a0))} cells marked invalid (never ranked), {len(invalid)} expected")
PY
fi

if [[ $skip != *" catalog "* ]]; then
  echo "3. the full catalog, every library, default rounds: $catalog"
  ASTROBENCH_TRACE=1 timed catalog --experiments "$catalog"
  # Per library: timing processes started (pilots + rounds; protocol 5 adapters need no pilot process), their summed
  # wall time and the part inside timed values (the ASTROBENCH_TRACE `timing` lines), and its unstable results.
  python3 - "$work/catalog/log" "$(cat "$work/catalog.run")" <<'PY'
import collections, glob, json, os, re, statistics, sys
log, run = sys.argv[1:3]
agg = collections.defaultdict(lambda: [0, 0, 0, 0.0, 0.0])
pattern = re.compile(r"timing (\S+) (\S+): (\d+) processes \((\d+) pilot\), ([\d.]+) s in calls, ([\d.]+) s timed")
for line in open(log, encoding="utf-8", errors="replace"):
    if m := pattern.search(line):
        a = agg[m[2]]
        a[0] += 1; a[1] += int(m[3]); a[2] += int(m[4]); a[3] += float(m[5]); a[4] += float(m[6])
perf = [(r["library"], r["performance"]) for f in glob.glob(os.path.join(run, "*", "*.json")) if (r := json.load(open(f))).get("performance")]
unstable = collections.Counter(lib for lib, p in perf if (p["invalid_reason"] or "").startswith("unstable"))
# Round 1 over the median of the later rounds: a protocol 5 first round also ran the pilot (more warm-up than the others).
first = collections.defaultdict(list)
for lib, p in perf:
    if len(p["samples_ns"]) > 1 and statistics.median(p["samples_ns"][1:]) > 0:
        first[lib].append(p["samples_ns"][0] / statistics.median(p["samples_ns"][1:]))
med = lambda xs: statistics.median(xs) if xs else float("nan")
print(f"{'':10s} {'library':18s} {'results':>7s} {'processes':>9s} {'pilots':>6s} {'calls s':>8s} {'timed s':>8s} {'unstable':>8s} {'round 1/rest':>12s}")
for lib, (results, procs, pilots, calls, timed) in sorted(agg.items(), key=lambda kv: -kv[1][3]):
    print(f"{'':10s} {lib:18s} {results:7d} {procs:9d} {pilots:6d} {calls:8.1f} {timed:8.1f} {unstable[lib]:8d} {med(first[lib]):12.2f}")
tot = [sum(a[k] for a in agg.values()) for k in range(5)]
print(f"{'':10s} {'all':18s} {tot[0]:7d} {tot[1]:9d} {tot[2]:6d} {tot[3]:8.1f} {tot[4]:8.1f} {sum(unstable.values()):8d} {med([x for v in first.values() for x in v]):12.2f}")
# Pre-started processes (protocol 6, docs/engine.md "Pre-started timing processes"): a pre-started round's "calls s" is its
# exchange only; the start-ups ran side by side in the cycles' waits for ready lines, summed here.
pre = re.compile(r"timing \S+ prestart: (\d+) processes started ahead, peak (\d+) idle, ([\d.]+) s waiting for ready lines")
hits = [m for line in open(log, encoding="utf-8", errors="replace") if (m := pre.search(line))]
if hits:
    print(f"{'':10s} pre-started: {sum(int(m[1]) for m in hits)} processes in {len(hits)} experiments, at most {max(int(m[2]) for m in hits)} idle at once, "
          f"{sum(float(m[3]) for m in hits):.1f} s waiting for ready lines (start-ups side by side, outside every timed round)")
PY
  # Within- against between-process spread of the interpreted runtimes (docs/engine.md, "Fewer processes for interpreted runtimes").
  python3 "$root/scripts/timing-spread.py" "$(cat "$work/catalog.run")" --libraries astropy,skyfield,erfa-dotnet,astronomia,astronomy-engine,ephemeris | sed 's/^/           /'
fi
