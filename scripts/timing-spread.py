#!/usr/bin/env python3
"""Within-process against between-process spread of timed results, from run folders (docs/engine.md, "Fewer processes
for interpreted runtimes"). Not a test: it reads what runs recorded.

For every library of the given runs (results with round_values_ns, i.e. protocol 4 adapters):
  within   the spread of one process's values: per round 1.4826 x MAD / median of its values, median over the rounds
           and then over the library's results (a robust CV, %);
  between  the spread of the round samples (each round's sample is the median of its values): robust CV over the
           rounds, median over the results (%);
  sd_w/sd_b  one-way variance components of log(values): sd_w the pooled within-round standard deviation, sd_b the
           between-round one (var of the round means of log values minus var_w / V, at least 0), medians over results;
  unstable results (CV > 20 %), and the median relative width of the speedup intervals ((high - low) / speedup) of the
  library's valid results.
With --subsample K, every result of a library that has more than K rounds is also judged on each K-round subset of its
rounds (in order, all combinations): the mean unstable count and the median interval width it would have had with K
processes (the same values per process), the reference keeping all its rounds; width/same and width@K are the median
interval widths with all rounds and with K over the same results (those valid with all their rounds). Speedup intervals are recomputed with a
percentile bootstrap of the ratio of medians (2,000 resamples, seeded; the engine's rule, not its generator), for the
full rounds too, so the two columns compare like with like.

Usage: scripts/timing-spread.py RUN_DIR [RUN_DIR ...] [--subsample 3] [--libraries astropy,skyfield]
"""
import argparse
import glob
import itertools
import json
import math
import os
import random
import statistics
from collections import defaultdict

MAX_CV = 20.0


def median(xs):
    return statistics.median(xs)


def robust_cv(xs):
    m = median(xs)
    return 148.26 * median([abs(x - m) for x in xs]) / m if len(xs) > 1 and m > 0 else 0.0


def cv(xs):
    if len(xs) < 2:
        return 0.0
    mean = statistics.fmean(xs)
    return 100 * statistics.stdev(xs) / mean if mean > 0 else float("inf")


def components(values):
    """(sd_w, sd_b) of log values: pooled within-round sd and between-round sd (variance components)."""
    logs = [[math.log(v) for v in r if v > 0] for r in values]
    logs = [r for r in logs if len(r) > 1]
    if len(logs) < 2:
        return None
    var_w = statistics.fmean(statistics.variance(r) for r in logs)
    means = [statistics.fmean(r) for r in logs]
    v = statistics.fmean(len(r) for r in logs)
    var_b = max(0.0, statistics.variance(means) - var_w / v)
    return math.sqrt(var_w), math.sqrt(var_b)


def bootstrap_width(ref, cand, seed):
    """Relative width (high - low) / ratio of the 95 % percentile-bootstrap interval of median(ref) / median(cand)."""
    if min(cand) <= 0 or min(ref) <= 0:
        return float("nan")  # a net sample at or below 0 (empty-loop cost subtracted): no ratio
    rng = random.Random(seed)
    ratios = sorted(median(rng.choices(ref, k=len(ref))) / median(rng.choices(cand, k=len(cand))) for _ in range(2000))
    low, high = ratios[int(0.025 * 1999)], ratios[int(0.975 * 1999)]
    return (high - low) / (median(ref) / median(cand))


def load(run):
    results = []
    for f in sorted(glob.glob(os.path.join(run, "*", "*.json"))):
        r = json.load(open(f))
        if r.get("performance") and r["performance"].get("samples_ns"):
            results.append(r)
    return results


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("runs", nargs="+")
    ap.add_argument("--subsample", type=int, default=0)
    ap.add_argument("--libraries", default="")
    args = ap.parse_args()
    only = set(filter(None, args.libraries.split(",")))
    rows = defaultdict(lambda: defaultdict(list))
    for run in args.runs:
        results = load(run)
        manifest = json.load(open(os.path.join(run, "manifest.json")))
        language = {a["name"]: a["language"] for a in manifest["adapters"]}
        reference = {}
        for r in results:
            if r.get("role") == "reference":
                reference[r["experiment"]] = r
        for r in results:
            lib, p = r["library"], r["performance"]
            if only and lib not in only:
                continue
            d = rows[lib]
            d["language"] = language.get(lib, "?")
            d["results"].append(1)
            d["rounds"].append(p["rounds"])
            d["values"].append(p.get("values_per_round") or 1)
            samples = p["samples_ns"]
            d["unstable"].append(1 if (p.get("invalid_reason") or "").startswith("unstable") else 0)
            if p.get("round_values_ns"):
                d["within"].append(median([robust_cv(v) for v in p["round_values_ns"]]))
                if (c := components(p["round_values_ns"])) is not None:
                    d["sd_w"].append(100 * c[0])
                    d["sd_b"].append(100 * c[1])
            d["between"].append(robust_cv(samples))
            ref = reference.get(r["experiment"])
            is_ref = ref is r
            ref_ok = ref is not None and not is_ref and ref["performance"]["valid"]
            seed = hash((r["experiment"], lib)) & 0xFFFFFFFF
            if ref_ok and p["valid"]:
                d["width"].append(bootstrap_width(ref["performance"]["samples_ns"], samples, seed))
            k = args.subsample
            if k and len(samples) > k and not is_ref:
                subsets = list(itertools.combinations(range(len(samples)), k))
                unstable = 0
                ws = []
                for s in subsets:
                    sub = [samples[i] for i in s]
                    bad = cv(sub) > MAX_CV
                    unstable += bad
                    if ref_ok:  # every subset, so that the validity cut selects no narrow ones
                        ws.append(bootstrap_width(ref["performance"]["samples_ns"], sub, seed))
                d["unstable_k"].append(unstable / len(subsets))
                ws = [w for w in ws if w == w]
                if ws and ref_ok and p["valid"] and d["width"][-1] == d["width"][-1]:  # like for like: the results valid with all their rounds
                    d["width_k"].append(median(ws))
                    d["width_full"].append(d["width"][-1])
    med = lambda xs: median([x for x in xs if x == x]) if [x for x in xs if x == x] else float("nan")
    head = f"{'library':17s} {'lang':10s} {'results':>7s} {'rounds':>6s} {'values':>6s} {'within %':>8s} {'between %':>9s} {'sd_w %':>6s} {'sd_b %':>6s} {'unstable':>8s} {'width':>6s}"
    if args.subsample:
        head += f" {'unstable@' + str(args.subsample):>11s} {'width/same':>10s} {'width@' + str(args.subsample):>8s}"
    print(head)
    for lib, d in sorted(rows.items(), key=lambda kv: (kv[1]["language"], kv[0])):
        line = (f"{lib:17s} {d['language']:10s} {len(d['results']):7d} {med(d['rounds']):6.0f} {med(d['values']):6.0f} "
                f"{med(d['within']):8.1f} {med(d['between']):9.1f} {med(d['sd_w']):6.1f} {med(d['sd_b']):6.1f} "
                f"{sum(d['unstable']):8d} {med(d['width']):6.3f}")
        if args.subsample:
            line += (f" {sum(d['unstable_k']):11.1f} {med(d['width_full']):10.3f} {med(d['width_k']):8.3f}" if d["unstable_k"]
                     else f" {'-':>11s} {'-':>10s} {'-':>8s}")
        print(line)


if __name__ == "__main__":
    main()
