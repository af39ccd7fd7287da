#!/usr/bin/python3
"""eraDtdb's own double-precision noise (docs/scoreboard.md, time_scales): mpmath-floor takes TDB - TT from ERFA's
eraDtdb in double, so its error must be shown far below the two-part JD's resolution (2^-52 day = 1.92e-11 s).

Measurement: TDB - TT is smooth on the scale of seconds (its fastest terms have periods of days), so around each of
N random TT instants (1972-2027, the span of time_scales' cases) it is sampled at 41 points 1 s apart, each date an
exact two-part JD, and a cubic fitted by least squares; the residuals are the evaluation's rounding noise
(argument and ~800-term sum together). A cubic's own misfit over 40 s is < 1e-22 s for a 1.7 ms annual term and
< 1e-20 s for the 14-day lunar terms of ~1e-6 s.
Usage: scripts/measure-dtdb-noise.py [N] [SEED]   (defaults 2000, 42)
"""

import sys

import erfa
import numpy as np

n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
rng = np.random.default_rng(int(sys.argv[2]) if len(sys.argv) > 2 else 42)
centres = np.floor(rng.uniform(2441317.5, 2461406.5, n) - 0.5) + 0.5 + rng.uniform(0.01, 0.99, n)
k = np.arange(-20, 21, dtype=float)
design = np.vander(k / 20, 4)
noise = []
for c in centres:
    d1 = np.floor(c - 0.5) + 0.5
    d2 = (c - d1) + k / 86400
    v = erfa.dtdb(np.full(k.shape, d1), d2, d2, 0.0, 0.0, 0.0)
    coef, *_ = np.linalg.lstsq(design, v - v[20], rcond=None)
    noise.append(np.max(np.abs(v - v[20] - design @ coef)))
noise = np.array(noise)
print("eraDtdb noise around %d TT instants (41 samples 1 s apart, cubic fit): p99 %.3g s, max %.3g s; "
      "two-part JD resolution 2^-52 day = %.3g s" % (n, np.percentile(noise, 99), noise.max(), 2.0 ** -52 * 86400))
