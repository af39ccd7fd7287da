#!/usr/bin/python3
"""mpmath-floor: a measuring instrument, not a library under test (docs/scoreboard.md, "Reference uncertainty").

It evaluates the reference's own model for six experiments at 40 significant digits (mpmath), so the
difference from the reference is the reference's double-precision error, its numerical floor:

  kepler_solver   Kepler's equation E - e sin E = M solved in mpmath (bisection on the monotone f(E), then
                  Newton to < 1e-38 rad), nu from the half-angle formula; both in the revolution of the input M,
                  as the reference states them. Nothing is shared with the reference except the inputs.
  equ_horizontal  GAST = ERA - EO: the Earth rotation angle (IAU 2000, its defining decimal constants) in
  horiz_to_equ    mpmath, minus the equation of the origins eraEo06a (pyerfa, the same liberfa as the
                  reference: EO is < 0.03 rad, so its double rounding is < 1e-17 rad); then the
                  hour-angle/declination <-> azimuth/altitude rotation of eraHd2ae/eraAe2hd in mpmath.

  apparent_place, observed_horizontal, time_scales: floor_place.py and floor_time.py (their docstrings).

Only accuracy matters here; perf mode times one mpmath case (never meaningful, never run by the preset).
Run with --adapters-dir scripts/reference-floor (scripts/measure-reference-uncertainty.sh mp-floor).
"""

import os
import sys
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "adapters", "common"))
sys.path.insert(0, HERE)

import abp  # noqa: E402
import erfa  # noqa: E402
import mpmath  # noqa: E402
import numpy as np  # noqa: E402
from mpmath import mp, mpf  # noqa: E402

import floor_place  # noqa: E402
import floor_time  # noqa: E402

ADAPTER_VERSION = "1.1.0"
mp.dps = 40
J2000 = 2451545.0
TWO_PI = 2 * mp.pi
# IAU 2000 Earth rotation angle: ERA = 2 pi (0.7790572732640 + 1.00273781191135448 Tu), Tu = JD(UT1) - 2451545.
ERA_0 = mpf("0.7790572732640")
ERA_RATE = mpf("1.00273781191135448")


def wrap(x):
    """x reduced to [0, 2 pi) in mpmath."""
    return x - TWO_PI * mpmath.floor(x / TWO_PI)


def gast(jd_ut1, jd_tt):
    """Greenwich apparent sidereal time (IAU 2006/2000A, CIO based) as eraGst06a defines it: ERA - EO."""
    tu = mpf(jd_ut1) - J2000
    era = TWO_PI * mpmath.frac(ERA_0 + ERA_RATE * tu)
    eo = erfa.eo06a(J2000, jd_tt - J2000)
    return era - mpf(float(eo))


def kepler(m, e):
    """(E, nu) for M = m, eccentricity e (0 <= e < 1), in the revolution of m; nan outside the domain."""
    if not (0.0 <= e < 1.0) or not np.isfinite(m):
        return float("nan"), float("nan")
    M, ecc = mpf(m), mpf(e)
    turns = mpmath.floor(M / TWO_PI + mpf("0.5"))
    mr = M - turns * TWO_PI  # in [-pi, pi)
    lo, hi = -mp.pi, mp.pi  # f(E) = E - e sin E - mr is increasing: f(-pi) <= 0 <= f(pi)
    for _ in range(64):
        mid = (lo + hi) / 2
        if mid - ecc * mpmath.sin(mid) - mr > 0:
            hi = mid
        else:
            lo = mid
    ea = (lo + hi) / 2
    for _ in range(20):
        d = (ea - ecc * mpmath.sin(ea) - mr) / (1 - ecc * mpmath.cos(ea))
        ea -= d
        if abs(d) < mpf("1e-38"):
            break
    nu = 2 * mpmath.atan2(mpmath.sqrt(1 + ecc) * mpmath.sin(ea / 2), mpmath.sqrt(1 - ecc) * mpmath.cos(ea / 2))
    nu += TWO_PI * mpmath.floor((ea - nu) / TWO_PI + mpf("0.5"))
    return float(ea + turns * TWO_PI), float(nu + turns * TWO_PI)


def swap_frame(a, b, phi):
    """The rotation of eraHd2ae and eraAe2hd in mpmath: the same formula both ways, (ha, dec) <-> (az, el) about the
    east-west axis by the latitude phi; returns (atan2(y, x), atan2(z, r)), the first 0 at the pole."""
    sa, ca, sb, cb, sp, cp = mpmath.sin(a), mpmath.cos(a), mpmath.sin(b), mpmath.cos(b), mpmath.sin(phi), mpmath.cos(phi)
    x = -ca * cb * sp + sb * cp
    y = -sa * cb
    z = ca * cb * cp + sb * sp
    r = mpmath.sqrt(x * x + y * y)
    return (mpmath.atan2(y, x) if r != 0 else mpf(0)), mpmath.atan2(z, r)


def equ_horizontal(jd_ut1, jd_tt, ra, dec, lat, lon):
    az, alt = swap_frame(gast(jd_ut1, jd_tt) + mpf(lon) - mpf(ra), mpf(dec), mpf(lat))
    return float(wrap(az)), float(alt)


def horiz_to_equ(jd_ut1, jd_tt, az, alt, lat, lon):
    ha, dec = swap_frame(mpf(az), mpf(alt), mpf(lat))
    return float(wrap(gast(jd_ut1, jd_tt) + mpf(lon) - ha)), float(dec)


class PerCase:
    """An experiment computed case by case in mpmath."""

    def __init__(self, fn, columns=2):
        self.fn = fn
        self.columns = columns

    def accuracy(self, cols):
        return np.array([self.fn(*(float(c[i]) for c in cols)) for i in range(len(cols[0]))], dtype=float)

    def run(self, args):
        return self.fn(*args)


def _contexts(make, cases):
    """ERFA's astrometry contexts for all cases at once (pyerfa, vectorised); None where ERFA refuses the date."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "dubious year" (a date far beyond the leap-second table) is not an error
        try:
            return list(zip(*make(*(np.asarray(c, dtype=float) for c in cases))))
        except erfa.ErfaError:
            out = []
            for row in zip(*cases):
                try:
                    out.append(make(*(np.asarray([x], dtype=float) for x in row)))
                except erfa.ErfaError:
                    out.append(None)
            return [None if o is None else tuple(v[0] for v in o) for o in out]


class WithContext:
    """A star experiment: ERFA's astrometry context from pyerfa (given inputs), the star's chain in mpmath."""

    columns = 2

    def __init__(self, context_args, make, chain):
        self.context_args, self.make, self.chain = context_args, make, chain

    def accuracy(self, cols):
        rows = list(zip(*(np.asarray(c, dtype=float) for c in cols)))
        contexts = _contexts(self.make, self.context_args(cols))
        return np.array([(np.nan, np.nan) if ctx is None else self.chain(row, *ctx) for row, ctx in zip(rows, contexts)],
                        dtype=float).reshape(len(rows), 2)

    def run(self, args):
        return self.accuracy([np.asarray([a]) for a in args])[0]


def _apparent_args(cols):
    jd = np.asarray(cols[0], dtype=float)
    return np.full(jd.shape, J2000), jd - J2000


def _observed_args(cols):
    d1 = np.floor(np.asarray(cols[0], dtype=float) - 0.5) + 0.5
    return [d1, np.asarray(cols[0], dtype=float) - d1] + [cols[i] for i in range(7, 17)]


EXPERIMENTS = {
    "kepler_solver": PerCase(kepler),
    "equ_horizontal": PerCase(equ_horizontal),
    "horiz_to_equ": PerCase(horiz_to_equ),
    "apparent_place": WithContext(_apparent_args, erfa.apci13, floor_place.apparent_place),
    "observed_horizontal": WithContext(_observed_args, lambda *a: erfa.apco13(*a)[:1], floor_place.observed),
    "time_scales": PerCase(floor_time.time_scales, columns=4),
}
INPUT_COLUMNS = {"kepler_solver": 2, "equ_horizontal": 6, "horiz_to_equ": 6, "apparent_place": 7, "observed_horizontal": 17,
                 "time_scales": 2}


def prepare_cases(experiment, rows, width):
    return [tuple(float(v) for v in row) for row in rows]


def main():
    version = "mpmath-floor %s; mpmath %s at %d digits, pyerfa %s (ERFA %s) for eraEo06a, the astrometry contexts and eraDtdb" % (
        ADAPTER_VERSION, mpmath.__version__, mp.dps, erfa.__version__, erfa.version.erfa_version)
    return abp.main(sys.argv, version, EXPERIMENTS, lambda name: INPUT_COLUMNS.get(name, -1), prepare_cases)


if __name__ == "__main__":
    sys.exit(main())
