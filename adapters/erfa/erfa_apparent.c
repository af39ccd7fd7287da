/*
 * erfa_apparent.c - the reference for the apparent-place experiments of issue 13:
 * apparent_place (eraAtci13), observed_horizontal (eraAtco13) and time_scales
 * (eraDat via eraUtctai, eraTaitt, eraDtdb). Columns: docs/libraries.md.
 *
 * UTC Julian Dates are split at the preceding midnight (date1 = day start,
 * date2 = fraction), the form ERFA's UTC routines expect (the leap-second day
 * is found from date1). TT dates use (2451545.0, jd - 2451545.0).
 */
#include <math.h>
#include <stdio.h>

#include <erfa.h>
#include <erfaextra.h>
#include <erfam.h>

#include "erfa_apparent.h"

#define J2000 2451545.0

static void split_utc(double jd, double *d1, double *d2)
{
    *d1 = floor(jd - 0.5) + 0.5;
    *d2 = jd - *d1;
}

/* apparent_place: jd_tt ra dec pmr pmd px rv -> ra dec (true equator and equinox of date) */
void erfa_apparent_place(const double *in, double *out)
{
    double ri, di, eo;

    eraAtci13(in[1], in[2], in[3], in[4], in[5], in[6], J2000, in[0] - J2000, &ri, &di, &eo);
    out[0] = eraAnp(ri - eo);
    out[1] = di;
}

/* observed_horizontal: jd_utc ra dec pmr pmd px rv dut1 elong phi hm xp yp phpa tc rh wl -> az alt */
void erfa_observed_horizontal(const double *in, double *out)
{
    double d1, d2, aob, zob, hob, dob, rob, eo;

    split_utc(in[0], &d1, &d2);
    if (eraAtco13(in[1], in[2], in[3], in[4], in[5], in[6], d1, d2, in[7], in[8], in[9], in[10],
                  in[11], in[12], in[13], in[14], in[15], in[16], &aob, &zob, &hob, &dob, &rob, &eo) < 0) {
        out[0] = out[1] = NAN;
        return;
    }
    out[0] = aob;
    out[1] = ERFA_DPI / 2 - zob;
}

/* time_scales: jd_utc delta_t_s -> tai_utc_s tt_tai_s tdb_tt_s ut1_utc_s
 * TAI - UTC is eraDat for the calendar date and fraction of day (what eraUtctai applies; the
 * offset changes at the midnight after a leap second). TT = UTC + (TAI - UTC) + (TT - TAI). */
void erfa_time_scales(const double *in, double *out)
{
    double u1, u2, fd, dat, a1, a2, t1, t2, tt_tai;
    int iy, im, id;

    split_utc(in[0], &u1, &u2);
    if (eraJd2cal(u1, u2, &iy, &im, &id, &fd) != 0 || eraDat(iy, im, id, fd, &dat) < 0) {
        out[0] = out[1] = out[2] = out[3] = NAN;
        return;
    }
    a1 = u1;
    a2 = u2 + dat / ERFA_DAYSEC;
    eraTaitt(a1, a2, &t1, &t2);
    /* date1 is kept by eraTaitt, so the difference is exact to ~1e-11 s. */
    tt_tai = (t2 - a2) * ERFA_DAYSEC;
    out[0] = dat;
    out[1] = tt_tai;
    /* Geocentric TDB - TT (u = v = 0, so the UT argument only enters through the date). */
    out[2] = eraDtdb(t1, t2, u2, 0.0, 0.0, 0.0);
    out[3] = dat + tt_tai - in[1];
}

/* "--data-versions": the leap-second table compiled into liberfa (or set with eraSetLeapSeconds). */
void erfa_print_data_versions(void)
{
    eraLEAPSECOND *table;
    int n = eraGetLeapSeconds(&table);

    if (n <= 0) {
        printf("leap_seconds: unavailable\n");
        return;
    }
    printf("leap_seconds: liberfa %s built-in table, %d entries, last %04d-%02d-01 TAI-UTC %.1f s\n",
           eraVersion(), n, table[n - 1].iyear, table[n - 1].month, table[n - 1].delat);
    printf("eop: none (UT1-UTC and polar motion are inputs of the experiments)\n");
    printf("delta_t: none (TT-UT1 is an input of the experiments)\n");
}
