#!/usr/bin/env python3
"""Two timed runs' native results side by side, against what the machine did in each (docs/engine.md, "Issue 14, sixth
stop"). Not a test: it reads what the runs recorded.

For every result of the given libraries present in both runs: the medians' difference (run 2 vs run 1, %), the fastest
values' difference, each run's rounds_stop, the rounds kept although contended (performance.contention.contended_rounds:
a waiting or discarding limit was reached, so the round's sample is the contended machine's) and the experiment's probe
median. Then the share of results within 3 %, split by how many contended rounds the worse of the two runs kept: what
the reproducibility target loses to rounds that stood on a contended machine. Since such rounds are left out of the
statistics (docs/engine.md, "Contended rounds left out"), also: the results flagged in either run (invalid, e.g.
`contended`: fewer than 3 uncontended rounds) and the share within 3 % of those valid in both, the ones a ranking uses.

Usage: scripts/timing-pairs.py RUN_DIR_1 RUN_DIR_2 [--libraries erfa,libnova] [--rows]
"""
import argparse
import glob
import json
import os
import statistics


def load(run, libraries):
    out = {}
    for path in glob.glob(os.path.join(run, "*", "*.json")):
        experiment, library = path.split(os.sep)[-2], os.path.basename(path)[:-5]
        if library not in libraries:
            continue
        with open(path) as f:
            perf = json.load(f).get("performance")
        if perf and perf.get("median_ns"):
            out[(experiment, library)] = perf
    return out


def fastest(perf):
    values = perf.get("round_values_ns") or [[s] for s in perf["samples_ns"]]
    return min(min(v) for v in values)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("runs", nargs=2)
    parser.add_argument("--libraries", default="erfa,libnova")
    parser.add_argument("--rows", action="store_true", help="print every result's line")
    args = parser.parse_args()
    libraries = set(args.libraries.split(","))
    a, b = (load(run, libraries) for run in args.runs)
    rows = []
    for key in sorted(a.keys() & b.keys()):
        pa, pb = a[key], b[key]
        contended = tuple((p.get("contention") or {}).get("contended_rounds") for p in (pa, pb))
        rows.append({
            "key": key,
            "median": (pb["median_ns"] / pa["median_ns"] - 1) * 100,
            "fastest": (fastest(pb) / fastest(pa) - 1) * 100,
            "stop": (pa.get("rounds_stop"), pb.get("rounds_stop")),
            "valid": pa.get("valid") is True and pb.get("valid") is True,
            "flag": tuple((p.get("invalid_reason") or "valid").split(":")[0] for p in (pa, pb)),
            "contended": contended,
            "worse": max(c or 0 for c in contended),
            "probe": tuple(statistics.median(p["probe_ns"]) if p.get("probe_ns") else float("nan") for p in (pa, pb)),
        })
    if not rows:
        raise SystemExit("timing-pairs: no timed result of %s in both runs" % args.libraries)
    if args.rows:
        for r in sorted(rows, key=lambda r: abs(r["median"])):
            print("%-26s %-8s median %+6.1f %%  fastest %+6.1f %%  stop %s/%s  contended rounds %s/%s  probe %.1f/%.1f ns  %s/%s"
                  % (*r["key"], r["median"], r["fastest"], *r["stop"], *r["contended"], *r["probe"], *r["flag"]))
    within = lambda rs, field: sum(abs(r[field]) <= 3 for r in rs)
    print("results in both runs: %d; medians within 3 %%: %d; fastest values within 3 %%: %d"
          % (len(rows), within(rows, "median"), within(rows, "fastest")))
    valid = [r for r in rows if r["valid"]]
    flags = sorted({f for r in rows for f in r["flag"] if f != "valid"})
    print("valid in both runs: %d (flagged in either: %d%s); of those, medians within 3 %%: %d%s"
          % (len(valid), len(rows) - len(valid), " (%s)" % ", ".join(flags) if flags else "", within(valid, "median"),
             ", |difference| p50 %.1f %%, p90 %.1f %%" % (statistics.median(abs(r["median"]) for r in valid),
                                                          sorted(abs(r["median"]) for r in valid)[int(0.9 * (len(valid) - 1))]) if valid else ""))
    for label, lo, hi in (("0-2", 0, 2), ("3-6", 3, 6), ("7-10", 7, 10), ("11+", 11, 10**9)):
        group = [r for r in rows if lo <= r["worse"] <= hi]
        if group:
            print("  rounds stood although contended (the worse run) %-4s: %2d results, medians within 3 %% %2d, |difference| p50 %.1f %%"
                  % (label, len(group), within(group, "median"), statistics.median(abs(r["median"]) for r in group)))


if __name__ == "__main__":
    main()
