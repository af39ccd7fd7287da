#!/usr/bin/env python3
"""Writes one protocol 2 accuracy request (docs/adapter-protocol.md, "Version 2") for scripts/bench-transport.sh.

Usage: bench_transport.py EXPERIMENT N ENCODING OUT
Inputs are `jd_tt x y z` rows (the direction transforms' columns): epochs 2000-2100 and unit vectors, seeded,
so every encoding of one (experiment, n) carries the same numbers.
"""
import math
import random
import struct
import sys


def rows(n):
    rng = random.Random(42)
    for _ in range(n):
        jd = 2451545.0 + rng.random() * 36525.0
        z = rng.uniform(-1.0, 1.0)
        phi = rng.uniform(0.0, 2.0 * math.pi)
        r = math.sqrt(1.0 - z * z)
        yield (jd, r * math.cos(phi), r * math.sin(phi), z)


def main():
    experiment, n, encoding, out = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
    with open(out, "wb") as f:
        f.write(f"ABP 2\nexperiment {experiment}\nmode accuracy\nencoding {encoding}\ncolumns 4\ncases {n}\n".encode())
        if encoding == "binary":
            f.write(b"".join(struct.pack("<4d", *row) for row in rows(n)))
        else:
            spell = float.hex if encoding == "hex" else repr
            f.write("".join(" ".join(spell(v) for v in row) + "\n" for row in rows(n)).encode())
        f.write(b"end\n")


if __name__ == "__main__":
    main()
