#!/usr/bin/python3
"""AstroBench adapter for astropy (protocol ABP 1, docs/adapter-protocol.md).

Runs with Debian's interpreter and packages (python3-astropy, python3-erfa, python3-numpy).
Everything is offline: no IERS or leap-second download is attempted (see configure_offline).

Accuracy mode: each experiment is ONE vectorised astropy call over all the cases of a request,
the way astropy is meant to be used (SkyCoord / frame transforms and Time methods on arrays).
Perf mode: one op = one call on one case (see abp.perf() for why; the vectorised per-case cost is
stated in adapter.json).
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

# --------------------------------------------------------------------------------------------
# astropy, offline
# --------------------------------------------------------------------------------------------


def configure_offline():
    """No network, ever: astropy's data downloads are disabled before anything is computed.

    Polar motion and UT1-UTC are NOT taken from IERS tables: the lab's references use no polar
    motion and the inputs carry their own UT1 and TT. A two-row IERS-B-style table of zeros
    (MJD -200000 .. 300000) is installed as the Earth orientation table, so astropy's frame
    transforms use xp = yp = 0 (the TIO locator s' is still applied by astropy: |s'| < 47 uas
    per century), and UT1-UTC is set per case on each Time (delta_ut1_utc) so that astropy's
    UT1 is exactly the lab's jd_ut1 and its TT is the lab's jd_tt.
    """
    warnings.simplefilter("ignore")  # ERFA "dubious year", expired leap-second file, ...
    from astropy.utils.data import conf as data_conf
    from astropy.utils import iers
    import astropy.units as u
    from astropy.table import QTable

    data_conf.allow_internet = False
    iers.conf.auto_download = False
    iers.conf.auto_max_age = None
    iers.conf.iers_degraded_accuracy = "ignore"
    zeros = QTable(
        {
            "MJD": [-200000.0, 300000.0] * u.d,
            "UT1_UTC": [0.0, 0.0] * u.s,
            "PM_x": [0.0, 0.0] * u.arcsec,
            "PM_y": [0.0, 0.0] * u.arcsec,
            "dX_2000A": [0.0, 0.0] * u.arcsec,
            "dY_2000A": [0.0, 0.0] * u.arcsec,
        }
    )
    iers.earth_orientation_table.set(iers.IERS_B(zeros))


configure_offline()

import numpy as np  # noqa: E402

# The protocol reader/writer is shared with the skyfield adapter: adapters/common/abp.py.
# `python3 -I` leaves the script's folder off sys.path, so the common folder is added
# explicitly; no bytecode is written into the checkout for it.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "common"))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
_dont_write_bytecode, sys.dont_write_bytecode = sys.dont_write_bytecode, True
import abp  # noqa: E402
import apparent  # noqa: E402  (the issue-13 experiments, next to this file)
sys.dont_write_bytecode = _dont_write_bytecode

import astropy  # noqa: E402
import astropy.units as u  # noqa: E402
import erfa  # noqa: E402
from astropy.time import Time  # noqa: E402
from astropy.coordinates import (  # noqa: E402
    FK5,
    GCRS,
    ICRS,
    ITRS,
    TETE,
    AltAz,
    BarycentricMeanEcliptic,
    CartesianRepresentation,
    EarthLocation,
    GeocentricMeanEcliptic,
    PrecessedGeocentric,
    SkyCoord,
    SphericalRepresentation,
    get_body_barycentric,
)

TWO_PI = 2.0 * math.pi
J2000 = Time(2451545.0, format="jd", scale="tt")


def tt_time(jd_tt):
    return Time(jd_tt, format="jd", scale="tt")


def ut1_offsets(jd_ut1, jd_tt):
    """UT1-UTC (s) per case such that Time(jd_ut1, scale='ut1') has TT = jd_tt.

    TT = UT1 - (UT1-UTC) + (TAI-UTC) + 32.184 s, with astropy's own leap-second table; solved
    by fixed-point iteration on astropy's two-part TT (three passes cover a leap second
    between the UT1 and UTC dates). Input preparation, outside the timed loop.
    """
    t = Time(jd_ut1, format="jd", scale="ut1")
    dut = np.zeros_like(jd_ut1)
    for _ in range(3):
        t.delta_ut1_utc = dut
        tt = t.tt
        dut = dut + ((tt.jd1 - jd_tt) + tt.jd2) * 86400.0
    return dut


def ut1_time(jd_ut1, dut):
    t = Time(jd_ut1, format="jd", scale="ut1")
    t.delta_ut1_utc = dut
    return t


def wrap(angle):
    return np.mod(angle, TWO_PI)


# --- direction transforms: (source frame factory, target frame factory) ----------------------
# Each factory takes the epoch Time t (TT) and optionally the data representation.

def _gcrs(t, rep=None):
    return GCRS(rep, obstime=t) if rep is not None else GCRS(obstime=t)


def _tete(t, rep=None):
    return TETE(rep, obstime=t) if rep is not None else TETE(obstime=t)


def _pg_date(t, rep=None):
    return PrecessedGeocentric(rep, equinox=t, obstime=t) if rep is not None else PrecessedGeocentric(equinox=t, obstime=t)


def _pg_j2000_at(t, rep=None):
    return (PrecessedGeocentric(rep, equinox=J2000, obstime=t) if rep is not None
            else PrecessedGeocentric(equinox=J2000, obstime=t))


def _gcrs_j2000(t, rep=None):
    return GCRS(rep) if rep is not None else GCRS()


def _pg_j2000(t, rep=None):
    return PrecessedGeocentric(rep, equinox=J2000) if rep is not None else PrecessedGeocentric(equinox=J2000)


def _fk5_j2000(t, rep=None):
    return FK5(rep, equinox=J2000) if rep is not None else FK5(equinox=J2000)


def _fk5_date(t, rep=None):
    return FK5(rep, equinox=t) if rep is not None else FK5(equinox=t)


def _icrs(t, rep=None):
    return ICRS(rep) if rep is not None else ICRS()


def _bme_j2000(t, rep=None):
    return BarycentricMeanEcliptic(rep, equinox=J2000) if rep is not None else BarycentricMeanEcliptic(equinox=J2000)


def _bme_date(t, rep=None):
    return BarycentricMeanEcliptic(rep, equinox=t) if rep is not None else BarycentricMeanEcliptic(equinox=t)


def _gme_j2000(t, rep=None):
    return GeocentricMeanEcliptic(rep, equinox=J2000) if rep is not None else GeocentricMeanEcliptic(equinox=J2000)


FORWARD_ROTATIONS = {
    "frame_rotation_bpn": (_gcrs, _tete),
    "frame_bias": (_gcrs_j2000, _pg_j2000),
    "precession": (_fk5_j2000, _fk5_date),
    "nutation": (_pg_date, _tete),
    "bias_precession": (_gcrs, _pg_date),
    "precession_nutation": (_pg_j2000_at, _tete),
    "icrs_ecl_j2000": (_icrs, _bme_j2000),
    "icrs_ecl_tod": (_icrs, _bme_date),
    "obliquity": (_pg_j2000, _gme_j2000),
}
ROTATIONS = dict(FORWARD_ROTATIONS)
for _name, (_src, _dst) in FORWARD_ROTATIONS.items():
    if _name == "frame_rotation_bpn":
        ROTATIONS["inv_bpn"] = (_dst, _src)
    elif _name != "obliquity":
        ROTATIONS["inv_" + _name] = (_dst, _src)
ROTATIONS["inv_obliquity"] = (_gme_j2000, _pg_j2000)


def rotate(pair, t, x, y, z):
    """One SkyCoord transform of the vectors (x, y, z) from the source to the target frame."""
    src, dst = pair
    coord = SkyCoord(src(t, CartesianRepresentation(x, y, z, copy=False)))
    return coord.transform_to(dst(t)).cartesian.xyz.value  # (3, ...)


class Rotation:
    columns = 12

    def __init__(self, pair):
        self.pair = pair

    def prepare(self, cols):
        return (cols[0], cols[1], cols[2], cols[3])

    def run(self, args):
        jd, x, y, z = args
        out = rotate(self.pair, tt_time(jd), x, y, z)
        return out[0]  # x components feed the sink

    def accuracy(self, cols):
        jd, x, y, z = self.prepare(cols)
        n = len(jd)
        # The matrix comes from the same transform applied to the basis vectors: column j of the
        # source->target matrix is the image of e_j. One call, shape (n, 4): v, e_x, e_y, e_z.
        vx = np.column_stack([x, np.ones(n), np.zeros(n), np.zeros(n)])
        vy = np.column_stack([y, np.zeros(n), np.ones(n), np.zeros(n)])
        vz = np.column_stack([z, np.zeros(n), np.zeros(n), np.ones(n)])
        out = rotate(self.pair, tt_time(jd[:, None]), vx, vy, vz)  # (3, n, 4)
        result = np.empty((n, 12))
        result[:, 0:3] = out[:, :, 0].T
        for row in range(3):
            for col in range(3):
                result[:, 3 + 3 * row + col] = out[row, :, 1 + col]
        return result


class GmstEra:
    columns = 2

    def prepare(self, cols):
        return (cols[0], ut1_offsets(cols[0], cols[1]))

    def run(self, args):
        jd_ut1, dut = args
        t = ut1_time(jd_ut1, dut)
        gmst = t.sidereal_time("mean", "greenwich", model="IAU2006").to_value(u.rad)
        era = t.earth_rotation_angle("tio").to_value(u.rad)
        return np.column_stack([gmst, era])

    def accuracy(self, cols):
        return self.run(self.prepare(cols))


class EquEcl:
    """ICRS (ra, dec) -> BarycentricMeanEcliptic(equinox=date) and back."""

    columns = 4

    def __init__(self, inverse):
        self.inverse = inverse

    def prepare(self, cols):
        return (cols[0], cols[1], cols[2])

    def run(self, args):
        jd, a, b = args
        t = tt_time(jd)
        if not self.inverse:
            c = SkyCoord(ra=a * u.rad, dec=b * u.rad, frame="icrs")
            ecl = c.transform_to(BarycentricMeanEcliptic(equinox=t))
            back = ecl.transform_to(ICRS())
            return np.column_stack([ecl.lon.rad, ecl.lat.rad, back.ra.rad, back.dec.rad])
        c = SkyCoord(BarycentricMeanEcliptic(lon=a * u.rad, lat=b * u.rad, equinox=t))
        equ = c.transform_to(ICRS())
        back = equ.transform_to(BarycentricMeanEcliptic(equinox=t))
        return np.column_stack([equ.ra.rad, equ.dec.rad, back.lon.rad, back.lat.rad])

    def accuracy(self, cols):
        return self.run(self.prepare(cols))


class Horizontal:
    """TETE (apparent ra, dec of date) <-> AltAz, through geocentric ITRS.

    astropy's direct TETE -> AltAz goes through a TOPOCENTRIC TETE/GCRS and so adds diurnal
    aberration (~0.3 arcsec); the lab's transform has none. The direction is therefore taken to
    ITRS at the geocentre (TETE -> ITRS: GAST IAU 2006/2000A via erfa.gst06a, polar motion 0,
    s' applied) and then treated as a topocentric ITRS direction (a direction at infinity is the
    same from both origins), which astropy >= 5.2 turns into AltAz by a pure rotation.
    """

    columns = 2

    def __init__(self, inverse):
        self.inverse = inverse

    def prepare(self, cols):
        return (cols[0], ut1_offsets(cols[0], cols[1]), cols[2], cols[3], cols[4], cols[5])

    def run(self, args):
        jd_ut1, dut, a, b, lat, lon = args
        t = ut1_time(jd_ut1, dut)
        loc = EarthLocation.from_geodetic(lon * u.rad, lat * u.rad, 0.0 * u.m)
        if not self.inverse:
            itrs = SkyCoord(TETE(ra=a * u.rad, dec=b * u.rad, obstime=t)).transform_to(ITRS(obstime=t))
            topo = SkyCoord(ITRS(itrs.cartesian, obstime=t, location=loc))
            aa = topo.transform_to(AltAz(obstime=t, location=loc, pressure=0.0 * u.hPa))
            return np.column_stack([aa.az.rad, aa.alt.rad])
        aa = SkyCoord(AltAz(az=a * u.rad, alt=b * u.rad, obstime=t, location=loc, pressure=0.0 * u.hPa))
        topo = aa.transform_to(ITRS(obstime=t, location=loc))
        tete = SkyCoord(ITRS(topo.cartesian, obstime=t)).transform_to(TETE(obstime=t))
        return np.column_stack([tete.ra.rad, tete.dec.rad])

    def accuracy(self, cols):
        return self.run(self.prepare(cols))


class Body:
    """Geometric geocentric position: get_body_barycentric(body) - get_body_barycentric('earth')."""

    columns = 3

    def __init__(self, body):
        self.body = body

    def prepare(self, cols):
        return (cols[0],)

    def run(self, args):
        (jd,) = args
        t = tt_time(jd)
        geo = (get_body_barycentric(self.body, t, ephemeris="builtin")
               - get_body_barycentric("earth", t, ephemeris="builtin"))
        sph = geo.represent_as(SphericalRepresentation)
        return np.column_stack([sph.lon.to_value(u.rad), sph.lat.to_value(u.rad), sph.distance.to_value(u.au)])

    def accuracy(self, cols):
        return self.run(self.prepare(cols))


EXPERIMENTS = {name: Rotation(pair) for name, pair in ROTATIONS.items()}
EXPERIMENTS.update({
    "gmst_era": GmstEra(),
    "equ_ecl": EquEcl(False),
    "inv_equ_ecl": EquEcl(True),
    "equ_horizontal": Horizontal(False),
    "horiz_to_equ": Horizontal(True),
    "solar_position": Body("sun"),
    "lunar_position": Body("moon"),
})
for _planet in ("mercury", "venus", "mars", "jupiter", "saturn", "uranus", "neptune"):
    EXPERIMENTS[_planet + "_position"] = Body(_planet)
EXPERIMENTS.update(apparent.EXPERIMENTS)

INPUT_COLUMNS = {"gmst_era": 2, "equ_ecl": 3, "inv_equ_ecl": 3, "equ_horizontal": 6, "horiz_to_equ": 6, **apparent.INPUT_COLUMNS}


def input_columns(name):
    if name in INPUT_COLUMNS:
        return INPUT_COLUMNS[name]
    return 4 if name in ROTATIONS else 1


# --------------------------------------------------------------------------------------------
# Modes (the protocol itself, perf timing included: adapters/common/abp.py)
# --------------------------------------------------------------------------------------------


def prepare_cases(experiment, rows, width):
    """Per-case arguments: the sample is prepared in one vectorised pass (UT1-UTC offsets need
    astropy time conversions), then sliced into one-case arrays."""
    args = experiment.prepare(abp.columns_of(rows, width))
    return [tuple(a[i:i + 1] for a in args) for i in range(len(rows))]


def version_line():
    return ("astropy-adapter %s; astropy %s (pyerfa %s, ERFA %s, numpy %s, Python %s)"
            % (ADAPTER_VERSION, astropy.__version__, erfa.__version__, erfa.version.erfa_version,
               np.__version__, sys.version.split()[0]))


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--data-versions":
        print("\n".join("%s: %s" % kv for kv in apparent.data_versions()))
        return 0
    return abp.main(sys.argv, version_line(), EXPERIMENTS, input_columns, prepare_cases)


if __name__ == "__main__":
    sys.exit(main())
