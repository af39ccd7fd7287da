"""astropy experiments of issue 13: apparent_place, observed_horizontal, time_scales.

Imported by adapter.py after configure_offline() (no downloads; the IERS table is zeros, so
polar motion is 0 in astropy's transforms and UT1-UTC is set per case).
"""

import warnings

import numpy as np
import astropy
import astropy.units as u
import erfa
from astropy.time import Time
from astropy.coordinates import AltAz, EarthLocation, SkyCoord, TETE, Distance
from astropy.utils import iers

J2000_TT = Time(2451545.0, format="jd", scale="tt")


def _split_utc(jd):
    d1 = np.floor(jd - 0.5) + 0.5
    return d1, jd - d1


def _catalogue(ra, dec, pmr, pmd, px, rv):
    """ICRS SkyCoord at epoch J2000.0 (eraAtci13's catalogue epoch) with the space motion given.

    eraAtci13 takes dRA/dt; astropy wants pm_ra_cosdec. A zero parallax is a source at
    infinity; astropy needs a distance for space motion, so 1e-7 arcsec (10 Mpc) stands in.
    """
    px = np.where(px > 0, px, 1e-7)
    return SkyCoord(ra=ra * u.rad, dec=dec * u.rad, pm_ra_cosdec=pmr * np.cos(dec) * u.rad / u.yr,
                    pm_dec=pmd * u.rad / u.yr, distance=Distance(parallax=px * u.arcsec),
                    radial_velocity=rv * u.km / u.s, obstime=J2000_TT, frame="icrs")


class ApparentPlace:
    """ICRS catalogue entry -> apply_space_motion to the date -> TETE (apparent ra, dec of date)."""

    columns = 2

    def prepare(self, cols):
        return tuple(cols[:7])

    def run(self, args):
        jd, ra, dec, pmr, pmd, px, rv = args
        t = Time(jd, format="jd", scale="tt")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            moved = _catalogue(ra, dec, pmr, pmd, px, rv).apply_space_motion(new_obstime=t)
            app = moved.transform_to(TETE(obstime=t))
        return np.column_stack([app.ra.rad, app.dec.rad])

    def accuracy(self, cols):
        return self.run(self.prepare(cols))


class ObservedHorizontal:
    """ICRS catalogue entry -> AltAz with pressure, temperature, humidity and wavelength (ERFA's
    eraAtioq refraction inside astropy); UT1-UTC per case from the input."""

    columns = 2

    def prepare(self, cols):
        return tuple(cols[:17])

    def run(self, args):
        jd, ra, dec, pmr, pmd, px, rv, dut1, lon, lat, hm, _xp, _yp, phpa, tc, rh, wl = args
        d1, d2 = _split_utc(jd)
        t = Time(d1, d2, format="jd", scale="utc")
        t.delta_ut1_utc = dut1
        loc = EarthLocation.from_geodetic(lon * u.rad, lat * u.rad, hm * u.m)
        frame = AltAz(obstime=t, location=loc, pressure=phpa * u.hPa, temperature=tc * u.deg_C,
                      relative_humidity=rh, obswl=wl * u.micron)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            moved = _catalogue(ra, dec, pmr, pmd, px, rv).apply_space_motion(new_obstime=t)
            aa = moved.transform_to(frame)
        return np.column_stack([aa.az.rad, aa.alt.rad])

    def accuracy(self, cols):
        return self.run(self.prepare(cols))


class TimeScales:
    """astropy Time: TAI - UTC from astropy's leap-second table at the instant, TT - TAI, geocentric
    TDB - TT (astropy's tdb without a location: eraDtdb at the geocentre), UT1 - UTC from dT."""

    columns = 4

    def prepare(self, cols):
        return (cols[0], cols[1])

    def run(self, args):
        jd, dt = args
        d1, d2 = _split_utc(jd)
        utc = Time(d1, d2, format="jd", scale="utc")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tai, tt = utc.tai, utc.tt
            tdb = tt.tdb
            # astropy installs its leap-second table into pyerfa on first UTC use; erfa.dat then reads it.
            iy, im, iday, fd = erfa.jd2cal(d1, d2)
            dat = erfa.dat(iy, im, iday, fd)
        tt_tai = ((tt.jd1 - tai.jd1) + (tt.jd2 - tai.jd2)) * 86400.0
        tdb_tt = ((tdb.jd1 - tt.jd1) + (tdb.jd2 - tt.jd2)) * 86400.0
        return np.column_stack([dat, tt_tai, tdb_tt, dat + tt_tai - dt])

    def accuracy(self, cols):
        return self.run(self.prepare(cols))


def data_versions():
    """key: value lines for the run manifest (leap seconds and Earth orientation as used offline)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        Time(2451545.0, format="jd", scale="utc").tai  # installs astropy's table into pyerfa
        table = iers.LeapSeconds.auto_open()
        last = table[-1]
    return [
        ("leap_seconds", "astropy %s bundled table (expires %s), last %04d-%02d-01 TAI-UTC %d s; in pyerfa: expires %s"
         % (astropy.__version__, table.expires, last["year"], last["month"], last["tai_utc"],
            erfa.leap_seconds.expires)),
        ("eop", "none: offline zero IERS table (polar motion 0; UT1-UTC from the inputs)"),
        ("delta_t", "none (TT - UT1 is an input)"),
    ]


EXPERIMENTS = {
    "apparent_place": ApparentPlace(),
    "observed_horizontal": ObservedHorizontal(),
    "time_scales": TimeScales(),
}
INPUT_COLUMNS = {"apparent_place": 7, "observed_horizontal": 17, "time_scales": 2}
