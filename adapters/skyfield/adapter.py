#!/usr/bin/python3
"""AstroBench adapter for Skyfield (protocol ABP 1, docs/adapter-protocol.md).

Runs with Debian's interpreter and packages (python3-skyfield, python3-numpy). Offline: the
built-in timescale (load.timescale(builtin=True)) and no ephemeris file - Debian ships none,
so the Sun, Moon and planet experiments answer `skipped`.

Accuracy mode: each experiment is one vectorised Skyfield call over all the cases (a Time
array built from the whole column). Perf mode: one op = one call on one case (see abp.perf() for
why; the vectorised per-case cost is stated in adapter.json).
"""

import math
import os
import sys
import warnings

# adapter.json runs `python3 -I -S`: without -S the site module would execute the interpreter's .pth files
# (setuptools' distutils shim, namespace-package and coverage hooks: none of them used here) in every process, and
# every timing round is a fresh process (docs/engine.md, "Adapter start-up"). Only the site directories
# themselves are added, existing ones in site's own order, so the same Debian packages are imported.
if sys.flags.no_site:
    import site

    sys.path.extend(d for d in site.getsitepackages() if os.path.isdir(d))

ADAPTER_VERSION = "1.0.0"

warnings.simplefilter("ignore")

import numpy as np  # noqa: E402

# The protocol reader/writer is shared with the astropy adapter: adapters/common/abp.py.
# `python3 -I` leaves the script's folder off sys.path, so the common folder is added
# explicitly; no bytecode is written into the checkout for it.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "common"))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
_dont_write_bytecode, sys.dont_write_bytecode = sys.dont_write_bytecode, True
import abp  # noqa: E402
import timescales  # noqa: E402  (time_scales, next to this file)
sys.dont_write_bytecode = _dont_write_bytecode

import skyfield  # noqa: E402
from skyfield import framelib  # noqa: E402
from skyfield.api import Angle, load, wgs84  # noqa: E402
from skyfield.constants import ASEC2RAD, tau  # noqa: E402
from skyfield.earthlib import earth_rotation_angle  # noqa: E402
from skyfield.functions import from_spherical, mxm, mxv, rot_x  # noqa: E402
from skyfield.keplerlib import eccentric_anomaly, true_anomaly_closed  # noqa: E402
from skyfield.nutationlib import mean_obliquity  # noqa: E402
from skyfield.positionlib import ICRF, position_of_radec  # noqa: E402
from skyfield.units import Distance, Velocity  # noqa: E402

NO_EPHEMERIS = "skyfield needs a JPL ephemeris file (de421.bsp) not shipped by Debian"

# --------------------------------------------------------------------------------------------
# Time scales
# --------------------------------------------------------------------------------------------

TS = load.timescale(builtin=True)  # TT-only experiments: Delta T is never used
_TIMESCALES = {}


def timescale_with_delta_t(delta_t):
    """A built-in timescale whose Delta T (TT - UT1) is the constant the lab's inputs use."""
    if delta_t not in _TIMESCALES:
        _TIMESCALES[delta_t] = load.timescale(builtin=True, delta_t=delta_t)
    return _TIMESCALES[delta_t]


def ut1_groups(jd_ut1, jd_tt):
    """Groups cases by their TT - UT1 (to the millisecond) -> [(indices, timescale)].

    Skyfield builds a UT1 time as ts.ut1_jd(jd_ut1) and derives TT with the timescale's Delta T.
    The lab uses a fixed TT - UT1 (69.184 s); its one-double JDs carry it only to ~20 us, so each
    group's Delta T is the group median rounded to the microsecond. UT1 is then exactly the lab's
    jd_ut1 and TT agrees with jd_tt to the rounding of the JD itself. Input preparation, untimed.
    """
    dt = (jd_tt - jd_ut1) * 86400.0
    keys = np.round(dt, 3)
    groups = []
    for key in np.unique(keys):
        idx = np.nonzero(keys == key)[0]
        groups.append((idx, timescale_with_delta_t(float(np.round(np.median(dt[idx]), 6)))))
    return groups


# --------------------------------------------------------------------------------------------
# Frames and matrices
# --------------------------------------------------------------------------------------------

B = framelib.ICRS_to_J2000


def transpose(m):
    return np.swapaxes(m, 0, 1)


def broadcast(m, n):
    return np.repeat(m[:, :, None], n, axis=2)


class MeanEclipticOfDate(object):
    """Mean ecliptic and equinox of date, as a Skyfield frame (an object with rotation_at(t)).

    Skyfield's own `ecliptic_frame` is the TRUE ecliptic of date (it includes nutation); the
    lab's ecliptic experiments use the MEAN one. Built from Skyfield's own pieces: its frame bias
    (framelib.ICRS_to_J2000), its precession (Time.precession_matrix, P03) and its mean obliquity
    (nutationlib.mean_obliquity, IAU 2006), rotated about x: Rx(eps_A) P B.
    """

    @staticmethod
    def rotation_at(t):
        eps = mean_obliquity(t.tdb) * ASEC2RAD
        return mxm(rot_x(-eps), mxm(t.precession_matrix(), B))


MEAN_ECLIPTIC = MeanEclipticOfDate()
TRUE_OF_DATE = framelib.true_equator_and_equinox_of_date
ECLIPTIC_J2000 = framelib.ecliptic_J2000_frame


def frame_forward(frame):
    def run(t, v):
        return ICRF(v, t=t).frame_xyz(frame).au

    def matrix(t, n):
        m = frame.rotation_at(t)
        return m if m.ndim == 3 else broadcast(m, n)

    return run, matrix


def frame_inverse(frame):
    def run(t, v):
        return ICRF.from_time_and_frame_vectors(t, frame, Distance(au=v), Velocity(au_per_d=np.zeros_like(v))).position.au

    def matrix(t, n):
        m = frame.rotation_at(t)
        return transpose(m if m.ndim == 3 else broadcast(m, n))

    return run, matrix


def matrix_rotation(build, inverse=False):
    """A rotation given by Skyfield's matrices (no frame object exists for it)."""

    def matrix(t, n):
        m = build(t)
        if m.ndim == 2:
            m = broadcast(m, n)
        return transpose(m) if inverse else m

    def run(t, v):
        m = build(t)
        return mxv(transpose(m) if inverse else m, v)

    return run, matrix


def _bias(t):
    return B


def _prec(t):
    return t.precession_matrix()


def _nut(t):
    return t.nutation_matrix()


def _bias_prec(t):
    return mxm(t.precession_matrix(), B)


def _prec_nut(t):
    return mxm(t.nutation_matrix(), t.precession_matrix())


def _obliquity(t):
    return ECLIPTIC_J2000.rotation_at(t)


ROTATIONS = {
    "frame_rotation_bpn": frame_forward(TRUE_OF_DATE),
    "inv_bpn": frame_inverse(TRUE_OF_DATE),
    "frame_bias": matrix_rotation(_bias),
    "inv_frame_bias": matrix_rotation(_bias, True),
    "precession": matrix_rotation(_prec),
    "inv_precession": matrix_rotation(_prec, True),
    "nutation": matrix_rotation(_nut),
    "inv_nutation": matrix_rotation(_nut, True),
    "bias_precession": matrix_rotation(_bias_prec),
    "inv_bias_precession": matrix_rotation(_bias_prec, True),
    "precession_nutation": matrix_rotation(_prec_nut),
    "inv_precession_nutation": matrix_rotation(_prec_nut, True),
    "icrs_ecl_j2000": frame_forward(ECLIPTIC_J2000),
    "inv_icrs_ecl_j2000": frame_inverse(ECLIPTIC_J2000),
    "icrs_ecl_tod": frame_forward(MEAN_ECLIPTIC),
    "inv_icrs_ecl_tod": frame_inverse(MEAN_ECLIPTIC),
    "obliquity": matrix_rotation(_obliquity),
    "inv_obliquity": matrix_rotation(_obliquity, True),
}


# --------------------------------------------------------------------------------------------
# Experiments: prepare (untimed input handling) and run (the timed library call)
# --------------------------------------------------------------------------------------------


class Rotation:
    columns = 12

    def __init__(self, pair):
        self.run_rotation, self.matrix = pair

    def prepare(self, cols):
        return (cols[0], np.array([cols[1], cols[2], cols[3]]))

    def run(self, args):
        jd, v = args
        return self.run_rotation(TS.tt_jd(jd), v)[0]

    def accuracy(self, cols):
        jd, v = self.prepare(cols)
        t = TS.tt_jd(jd)
        out = np.empty((len(jd), 12))
        out[:, 0:3] = self.run_rotation(t, v).T
        m = self.matrix(t, len(jd))  # (3, 3, n)
        for row in range(3):
            for col in range(3):
                out[:, 3 + 3 * row + col] = m[row, col]
        return out


class Ut1Experiment:
    """Experiments with (jd_ut1, jd_tt) inputs: one vectorised call per TT-UT1 group (one group for lab inputs)."""

    def prepare(self, cols):
        return ([(idx, ts, [c[idx] for c in cols]) for idx, ts in ut1_groups(cols[0], cols[1])], len(cols[0]))

    def run(self, args):
        groups, n = args
        if len(groups) == 1:
            _, ts, cols = groups[0]
            return self.compute(ts, cols)
        out = np.empty((n, self.columns))
        for idx, ts, cols in groups:
            out[idx] = self.compute(ts, cols)
        return out

    def accuracy(self, cols):
        return self.run(self.prepare(cols))


class GmstEra(Ut1Experiment):
    columns = 2

    def compute(self, ts, cols):
        t = ts.ut1_jd(cols[0])
        gmst = t.gmst * (tau / 24.0)
        era = earth_rotation_angle(t.whole, t.ut1_fraction) * tau
        return np.column_stack([gmst, era])


class EquHorizontal(Ut1Experiment):
    columns = 2

    def compute(self, ts, cols):
        _, _, ra, dec, lat, lon = cols
        t = ts.ut1_jd(cols[0])
        topos = wgs84.latlon(np.degrees(lat), np.degrees(lon))
        p = position_of_radec(ra * (12.0 / math.pi), np.degrees(dec), epoch=t, t=t)
        alt, az, _ = p.frame_latlon(topos)
        return np.column_stack([az.radians, alt.radians])


class HorizToEqu(Ut1Experiment):
    columns = 2

    def compute(self, ts, cols):
        _, _, az, alt, lat, lon = cols
        t = ts.ut1_jd(cols[0])
        topos = wgs84.latlon(np.degrees(lat), np.degrees(lon))
        apparent = topos.at(t).from_altaz(alt=Angle(radians=alt), az=Angle(radians=az))
        ra, dec, _ = ICRF(apparent.position.au, t=t).radec(epoch="date")
        return np.column_stack([ra.radians, dec.radians])


class EquEcl:
    columns = 4

    def __init__(self, inverse):
        self.inverse = inverse

    def prepare(self, cols):
        return (cols[0], cols[1], cols[2])

    def run(self, args):
        jd, a, b = args
        t = TS.tt_jd(jd)
        if not self.inverse:
            p = position_of_radec(a * (12.0 / math.pi), np.degrees(b), t=t)
            lat, lon, _ = p.frame_latlon(MEAN_ECLIPTIC)
            back = ICRF.from_time_and_frame_vectors(t, MEAN_ECLIPTIC, Distance(au=from_spherical(1.0, lat.radians, lon.radians)),
                                                    Velocity(au_per_d=np.zeros((3, len(jd)))))
            ra, dec, _ = back.radec()
            return np.column_stack([lon.radians, lat.radians, ra.radians, dec.radians])
        p = ICRF.from_time_and_frame_vectors(t, MEAN_ECLIPTIC, Distance(au=from_spherical(1.0, b, a)),
                                             Velocity(au_per_d=np.zeros((3, len(jd)))))
        ra, dec, _ = p.radec()
        lat, lon, _ = ICRF(from_spherical(1.0, dec.radians, ra.radians), t=t).frame_latlon(MEAN_ECLIPTIC)
        return np.column_stack([ra.radians, dec.radians, lon.radians, lat.radians])

    def accuracy(self, cols):
        return self.run(self.prepare(cols))


def kepler_one(m, e):
    """Skyfield's solver (keplerlib.eccentric_anomaly, arXiv:2108.03215) for one case."""
    try:
        big_e = eccentric_anomaly(e, m)
    except (ValueError, ZeroDivisionError, FloatingPointError):
        return math.nan, math.nan
    # Skyfield reduces M to [-pi, pi): put E back in the revolution of the input M, and the true
    # anomaly (returned in (-pi, pi)) in the revolution of E, as the reference does.
    big_e += m - ((m + math.pi) % tau - math.pi)
    nu = float(true_anomaly_closed(e, big_e))
    nu += tau * round((big_e - nu) / tau)
    return float(big_e), nu


class Kepler:
    columns = 2

    def prepare(self, cols):
        return [(np.float64(m), np.float64(e)) for m, e in zip(cols[0].tolist(), cols[1].tolist())]

    def run(self, args):
        return np.array([kepler_one(m, e) for m, e in args])

    def accuracy(self, cols):
        return self.run(self.prepare(cols))


class Skipped:
    """An experiment answered `status skipped` (abp.main reads skip_reason)."""

    columns = 3

    def __init__(self, reason):
        self.skip_reason = reason


EXPERIMENTS = {name: Rotation(pair) for name, pair in ROTATIONS.items()}
EXPERIMENTS.update({
    "gmst_era": GmstEra(),
    "equ_ecl": EquEcl(False),
    "inv_equ_ecl": EquEcl(True),
    "equ_horizontal": EquHorizontal(),
    "horiz_to_equ": HorizToEqu(),
    "kepler_solver": Kepler(),
    "solar_position": Skipped(NO_EPHEMERIS),
    "lunar_position": Skipped(NO_EPHEMERIS),
})
for _planet in ("mercury", "venus", "mars", "jupiter", "saturn", "uranus", "neptune"):
    EXPERIMENTS[_planet + "_position"] = Skipped(NO_EPHEMERIS)
# Star reduction needs the Earth's barycentric position, i.e. an ephemeris file.
EXPERIMENTS["apparent_place"] = Skipped(NO_EPHEMERIS)
EXPERIMENTS["observed_horizontal"] = Skipped(NO_EPHEMERIS)
EXPERIMENTS["time_scales"] = timescales.TimeScales(TS)

INPUT_COLUMNS = {"gmst_era": 2, "equ_ecl": 3, "inv_equ_ecl": 3, "equ_horizontal": 6, "horiz_to_equ": 6, "kepler_solver": 2,
                 "apparent_place": 7, "observed_horizontal": 17, "time_scales": 2}


def input_columns(name):
    if name in INPUT_COLUMNS:
        return INPUT_COLUMNS[name]
    return 4 if name in ROTATIONS else 1


# --------------------------------------------------------------------------------------------
# Modes (the protocol itself, perf timing included: adapters/common/abp.py)
# --------------------------------------------------------------------------------------------


def prepare_cases(experiment, rows, width):
    """Per-case arguments (input preparation, outside the timed loop)."""
    return [experiment.prepare(abp.columns_of(rows[i:i + 1], width)) for i in range(len(rows))]


def version_line():
    return ("skyfield-adapter %s; skyfield %s (numpy %s, Python %s)"
            % (ADAPTER_VERSION, skyfield.__version__, np.__version__, sys.version.split()[0]))


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--data-versions":
        print("\n".join("%s: %s" % kv for kv in timescales.data_versions(TS, skyfield.__version__)))
        return 0
    return abp.main(sys.argv, version_line(), EXPERIMENTS, input_columns, prepare_cases)


if __name__ == "__main__":
    sys.exit(main())
