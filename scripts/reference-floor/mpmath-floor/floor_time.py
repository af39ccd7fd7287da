"""Time scales at 40 digits for the mpmath-floor instrument (docs/scoreboard.md, "Reference uncertainty").

The model is the one of the reference (erfa_apparent.c: eraDat, eraUtctai, eraTaitt, eraDtdb), written from its
definitions, not from ERFA's code:

- TAI - UTC: the leap-second table's steps (the data: the reference's own table, read through pyerfa's
  eraGetLeapSeconds, so that a table version never shows as a numerical difference) and, before 1972, the drift
  formula TAI - UTC = c + (MJD - MJD0) x rate of USNO's tai-utc.dat (the constants below, as published there);
- TT - TAI = 32.184 s exactly (IAU 1991 / 2000 definitions of TT);
- UTC -> TAI on a day with a step or a drift: SOFA's "Time Scale and Calendar Tools" (UTC as a two-part quasi-JD
  whose day fraction is scaled by (86400 + jump) / 86400 and, before 1972, by (86400 + drift per day) / 86400);
- UT1 = UTC + (UT1 - UTC), TT = TAI + 32.184 s.

All offsets are exact in mpmath. TDB - TT (Fairhead & Bretagnon's series, eraDtdb) is ERFA's in double, called
with the exact TT rounded once into the two-part JD the reference uses; its own error is far below that JD's
resolution (docs/scoreboard.md: a summation bound of ~2e-16 s and the measured split sensitivity).
"""

import datetime

import erfa
from mpmath import mp, mpf

mp.dps = 40
DAYSEC = mpf(86400)
TT_MINUS_TAI = mpf("32.184")
MJD_ZERO = 2400000.5
_MJD_EPOCH = datetime.date(1858, 11, 17).toordinal()

# USNO tai-utc.dat, 1960-1968: (year, month) -> (MJD0, rate in s/day) of TAI - UTC = c + (MJD - MJD0) x rate.
DRIFT = {
    (1960, 1): (37300, "0.001296"), (1961, 1): (37300, "0.001296"), (1961, 8): (37300, "0.001296"),
    (1962, 1): (37665, "0.0011232"), (1963, 11): (37665, "0.0011232"),
    (1964, 1): (38761, "0.001296"), (1964, 4): (38761, "0.001296"), (1964, 9): (38761, "0.001296"),
    (1965, 1): (38761, "0.001296"), (1965, 3): (38761, "0.001296"), (1965, 7): (38761, "0.001296"),
    (1965, 9): (38761, "0.001296"), (1966, 1): (39126, "0.002592"), (1968, 2): (39126, "0.002592"),
}


def _mjd(year, month, day):
    return datetime.date(year, month, day).toordinal() - _MJD_EPOCH


def _steps():
    """[(MJD of the step, c, MJD0, rate)], oldest first; c is the table's decimal value (shortest repr of its double)."""
    rows = []
    for year, month, delat in erfa.leap_seconds.get():
        mjd0, rate = DRIFT.get((int(year), int(month)), (0, "0"))
        rows.append((_mjd(int(year), int(month), 1), mpf(repr(float(delat))), mpf(mjd0), mpf(rate)))
    return rows


STEPS = _steps()


def tai_utc(mjd_day, fd):
    """TAI - UTC in seconds at day fraction fd of the UTC day starting at MJD mjd_day (0 before 1960, as eraDat's
    warning status leaves it)."""
    for step, c, mjd0, rate in reversed(STEPS):
        if mjd_day >= step:
            return c + (mjd_day + fd - mjd0) * rate
    return mpf(0)


def split_utc(jd):
    """The reference's split of one UTC JD (double): the preceding midnight and the fraction, both exact doubles."""
    d1 = float(int((jd - 0.5) // 1)) + 0.5
    return d1, jd - d1


def utc_to_tai(d1, d2):
    """(TAI JD, TAI - UTC at 0h of the day) in mpmath, for the UTC day starting at d1 and its fraction d2: the day's
    fraction scaled by the day's length in SI seconds (a jump at its end, a pre-1972 drift)."""
    day = int(round(d1 - MJD_ZERO))
    fd = mpf(d2)
    dat0 = tai_utc(day, mpf(0))
    dlod = 2 * (tai_utc(day, mpf("0.5")) - dat0)
    dleap = tai_utc(day + 1, mpf(0)) - (dat0 + dlod)
    fd = fd * (DAYSEC + dleap) / DAYSEC * (DAYSEC + dlod) / DAYSEC
    return mpf(d1) + fd + dat0 / DAYSEC, dat0


def time_scales(jd_utc, delta_t):
    """tai_utc_s, tt_tai_s, tdb_tt_s, ut1_utc_s as the reference defines them: TAI - UTC at the UTC instant (the
    date and its fraction), 32.184 s, geocentric TDB - TT at that TT, and (TT - UTC) - delta T."""
    d1, d2 = split_utc(jd_utc)
    dat = tai_utc(int(round(d1 - MJD_ZERO)), mpf(d2))
    tt2 = float(mpf(d2) + (dat + TT_MINUS_TAI) / DAYSEC)
    tdb_tt = float(erfa.dtdb(d1, tt2, d2, 0.0, 0.0, 0.0))
    return float(dat), float(TT_MINUS_TAI), tdb_tt, float(dat + TT_MINUS_TAI - mpf(delta_t))
