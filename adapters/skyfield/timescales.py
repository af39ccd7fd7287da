"""Skyfield's time_scales experiment (issue 13) and its data versions, imported by adapter.py."""

import numpy as np
from skyfield.timelib import calendar_date


def _split_utc(jd):
    d1 = np.floor(jd - 0.5) + 0.5
    return d1, jd - d1


class TimeScales:
    """ts.utc(year, month, day, 0, 0, seconds of the day) from the UTC JD (the calendar day from
    skyfield's own calendar_date), then Time.tai / .tt / .tdb. Offsets are formed from
    the two-part values (whole + fraction) so they keep sub-microsecond resolution.
    TDB - TT is Skyfield's own short series (timelib.tdb_minus_tt, 4 terms); geocentric."""

    columns = 4

    def __init__(self, ts):
        self.ts = ts

    def prepare(self, cols):
        return (cols[0], cols[1])

    def run(self, args):
        jd, dt = args
        d1, d2 = _split_utc(jd)
        year, month, day = calendar_date((d1 + 0.5).astype(np.int64))
        t = self.ts.utc(year, month, day, 0, 0, d2 * 86400.0)
        whole = t.whole
        tai_utc = ((whole - d1) + (t.tai_fraction - d2)) * 86400.0
        tt_tai = (t.tt_fraction - t.tai_fraction) * 86400.0
        tdb_tt = (t.tdb_fraction - t.tt_fraction) * 86400.0
        return np.column_stack([tai_utc, tt_tai, tdb_tt, tai_utc + tt_tai - dt])

    def accuracy(self, cols):
        return self.run(self.prepare(cols))


def data_versions(ts, skyfield_version):
    last = ts.leap_dates[-1]
    return [
        ("leap_seconds", "skyfield %s built-in table (load.timescale(builtin=True)), %d entries, last JD %.1f TAI-UTC %.0f s"
         % (skyfield_version, len(ts.leap_dates), last, ts.leap_offsets[-1])),
        ("eop", "none used (polar motion 0; UT1 from the inputs' Delta T)"),
        ("delta_t", "none (TT - UT1 is an input)"),
    ]
