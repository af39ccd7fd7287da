#!/usr/bin/env python3
"""Event occurred_at -> receiver arrival latency from notify_receiver.py's file: p50, p99, max (ms)."""
import sys
from datetime import datetime, timezone

first = {}
bad = 0
lines = 0
for line in open(sys.argv[1], encoding="utf-8"):
    event_id, occurred, arrived, ok = line.split()
    lines += 1
    bad += ok != "1"
    t0 = datetime.strptime(occurred, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=timezone.utc).timestamp()
    first.setdefault(event_id, (float(arrived) - t0) * 1000)
lat = sorted(first.values())
if not lat:
    sys.exit("no event arrived at the receiver")


def pct(p):
    return lat[min(len(lat) - 1, max(0, round(p / 100 * len(lat)) - 1))]


print(f"notification latency (event occurred_at -> receiver), {len(lat)} events ({lines} requests, {bad} bad signatures): "
      f"p50 {pct(50):.1f} ms, p99 {pct(99):.1f} ms, max {lat[-1]:.1f} ms (occurred_at has 1 ms resolution)")
