/*
 * erfa_adapter.c - AstroBench reference adapter for ERFA (liberfa).
 *
 * Every date is passed to ERFA as the two-part Julian Date
 * (2451545.0, jd - 2451545.0); the subtraction is exact for dates within
 * a factor of two of J2000, so no precision is lost in the split.
 * Input/output columns: docs/adapter-protocol.md.
 */
#include <math.h>
#include <stdio.h>

#include <erfa.h>
#include <erfaextra.h>

#include "abp.h"

#define J2000 2451545.0
#define ADAPTER_VERSION "1.0.0"

/* frame_rotation_bpn: jd_tt x y z -> x y z r11..r33 (ICRS -> true of date) */
static void frame_rotation_bpn(const double *in, double *out)
{
    double rbpn[3][3];
    double v[3];
    int i, j;

    eraPnm06a(J2000, in[0] - J2000, rbpn);
    v[0] = in[1];
    v[1] = in[2];
    v[2] = in[3];
    eraRxp(rbpn, v, out);
    for (i = 0; i < 3; i++)
        for (j = 0; j < 3; j++)
            out[3 + 3 * i + j] = rbpn[i][j];
}

/* gmst_era: jd_ut1 jd_tt -> gmst_rad era_rad */
static void gmst_era(const double *in, double *out)
{
    out[0] = eraGmst06(J2000, in[0] - J2000, J2000, in[1] - J2000);
    out[1] = eraEra00(J2000, in[0] - J2000);
}

/* equ_ecl: jd_tt ra dec (ICRS) -> lon lat (ecliptic of date), ra_back dec_back */
static void equ_ecl(const double *in, double *out)
{
    double lon, lat, ra, dec;

    eraEqec06(J2000, in[0] - J2000, in[1], in[2], &lon, &lat);
    eraEceq06(J2000, in[0] - J2000, lon, lat, &ra, &dec);
    out[0] = eraAnp(lon);
    out[1] = lat;
    out[2] = eraAnp(ra);
    out[3] = dec;
}

/* equ_horizontal: jd_ut1 jd_tt ra dec lat lon -> az (N through E) alt */
static void equ_horizontal(const double *in, double *out)
{
    double gst, ha, az, alt;

    gst = eraGst06a(J2000, in[0] - J2000, J2000, in[1] - J2000);
    ha = gst + in[5] - in[2];
    eraHd2ae(ha, in[3], in[4], &az, &alt);
    out[0] = az;
    out[1] = alt;
}

/* solar_position: jd_tt -> ra dec dist_au (geocentric geometric, ICRS axes) */
static void solar_position(const double *in, double *out)
{
    double pvh[2][3], pvb[2][3], sun[3], ra, dec;

    /* status +1 only warns that the date is outside 1900-2100 */
    (void)eraEpv00(J2000, in[0] - J2000, pvh, pvb);
    eraSxp(-1.0, pvh[0], sun);
    eraC2s(sun, &ra, &dec);
    out[0] = eraAnp(ra);
    out[1] = dec;
    out[2] = eraPm(sun);
}

/* lunar_position: jd_tt -> ra dec dist_au (geocentric geometric, GCRS) */
static void lunar_position(const double *in, double *out)
{
    double pv[2][3], ra, dec;

    eraMoon98(J2000, in[0] - J2000, pv);
    eraC2s(pv[0], &ra, &dec);
    out[0] = eraAnp(ra);
    out[1] = dec;
    out[2] = eraPm(pv[0]);
}

/*
 * kepler_solver: m_rad e -> e_anom_rad true_anom_rad.
 * Newton-Raphson on f(E) = E - e sin E - M with M reduced to [-pi, pi];
 * the result is moved back to the revolution of the input M, and the true
 * anomaly to the revolution of E (|nu - E| < pi).
 */
static void kepler_solver(const double *in, double *out)
{
    const double m = in[0];
    const double e = in[1];
    double turns, mr, ea, nu;
    int iter;

    if (!(e >= 0.0 && e < 1.0) || !isfinite(m)) {
        out[0] = NAN;
        out[1] = NAN;
        return;
    }
    turns = floor(m / ABP_2PI + 0.5);
    mr = m - turns * ABP_2PI;
    if (mr > ABP_PI)
        mr -= ABP_2PI;
    else if (mr < -ABP_PI)
        mr += ABP_2PI;

    if (e > 0.8)
        ea = (mr >= 0.0) ? ABP_PI : -ABP_PI;
    else
        ea = mr + e * sin(mr);
    for (iter = 0; iter < 100; iter++) {
        double d = (ea - e * sin(ea) - mr) / (1.0 - e * cos(ea));
        ea -= d;
        if (fabs(d) < 1e-15)
            break;
    }
    nu = 2.0 * atan2(sqrt(1.0 + e) * sin(0.5 * ea), sqrt(1.0 - e) * cos(0.5 * ea));
    nu += ABP_2PI * floor((ea - nu) / ABP_2PI + 0.5);

    out[0] = ea + (m - mr);
    out[1] = nu + (m - mr);
}

static const abp_experiment experiments[] = {
    {"frame_rotation_bpn", 4, 12, 3, frame_rotation_bpn, NULL},
    {"gmst_era", 2, 2, 2, gmst_era, NULL},
    {"equ_ecl", 3, 4, 4, equ_ecl, NULL},
    {"equ_horizontal", 6, 2, 2, equ_horizontal, NULL},
    {"solar_position", 1, 3, 3, solar_position, NULL},
    {"lunar_position", 1, 3, 3, lunar_position, NULL},
    {"kepler_solver", 2, 2, 2, kepler_solver, NULL},
};

int main(int argc, char **argv)
{
    char version[256];
    snprintf(version, sizeof version, "erfa-adapter %s; liberfa %s (SOFA %s)",
             ADAPTER_VERSION, eraVersion(), eraSofaVersion());
    return abp_main(argc, argv, version, experiments, sizeof experiments / sizeof experiments[0]);
}
