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
#include <string.h>

#include <erfa.h>
#include <erfaextra.h>

#include "abp.h"
#include "erfa_apparent.h"

#define J2000 2451545.0
#define ADAPTER_VERSION "1.2.0"

/* out[0..2] = r * in[1..3]; out[3..11] = r row-major. */
static void rotate_and_emit(double r[3][3], const double *in, double *out)
{
    double v[3];

    v[0] = in[1];
    v[1] = in[2];
    v[2] = in[3];
    eraRxp(r, v, out);
    abp_store_matrix(r, out + 3);
}

/* frame_rotation_bpn: jd_tt x y z -> x y z r11..r33 (ICRS -> true of date) */
static void frame_rotation_bpn(const double *in, double *out)
{
    double rbpn[3][3];

    eraPnm06a(J2000, in[0] - J2000, rbpn);
    rotate_and_emit(rbpn, in, out);
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

    if (!abp_kepler_in_domain(in, out))
        return;
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

/* ------------------------------------------------------------------ */
/* Direction transforms of the full catalog: jd_tt x y z -> x y z      */
/* r11..r33, with the reference matrices of docs/adapter-protocol.md.  */
/* ------------------------------------------------------------------ */

static void rotate_and_emit_transposed(double r[3][3], const double *in, double *out)
{
    double rt[3][3];
    eraTr(r, rt);
    rotate_and_emit(rt, in, out);
}

/* frame_bias: rb of eraBp06 (ICRS -> mean J2000); the date does not enter rb. */
static void frame_bias(const double *in, double *out)
{
    double rb[3][3], rp[3][3], rbp[3][3];
    eraBp06(J2000, in[0] - J2000, rb, rp, rbp);
    rotate_and_emit(rb, in, out);
}

static void inv_frame_bias(const double *in, double *out)
{
    double rb[3][3], rp[3][3], rbp[3][3];
    eraBp06(J2000, in[0] - J2000, rb, rp, rbp);
    rotate_and_emit_transposed(rb, in, out);
}

/* precession: rp of eraBp06 (mean J2000 -> mean of date, IAU 2006). */
static void precession(const double *in, double *out)
{
    double rb[3][3], rp[3][3], rbp[3][3];
    eraBp06(J2000, in[0] - J2000, rb, rp, rbp);
    rotate_and_emit(rp, in, out);
}

static void inv_precession(const double *in, double *out)
{
    double rb[3][3], rp[3][3], rbp[3][3];
    eraBp06(J2000, in[0] - J2000, rb, rp, rbp);
    rotate_and_emit_transposed(rp, in, out);
}

/* bias_precession: rbp = rp x rb of eraBp06 (ICRS -> mean of date). */
static void bias_precession(const double *in, double *out)
{
    double rb[3][3], rp[3][3], rbp[3][3];
    eraBp06(J2000, in[0] - J2000, rb, rp, rbp);
    rotate_and_emit(rbp, in, out);
}

static void inv_bias_precession(const double *in, double *out)
{
    double rb[3][3], rp[3][3], rbp[3][3];
    eraBp06(J2000, in[0] - J2000, rb, rp, rbp);
    rotate_and_emit_transposed(rbp, in, out);
}

/* nutation: eraNum06a (mean of date -> true of date, IAU 2000A + 2006 adjustments). */
static void nutation(const double *in, double *out)
{
    double rn[3][3];
    eraNum06a(J2000, in[0] - J2000, rn);
    rotate_and_emit(rn, in, out);
}

static void inv_nutation(const double *in, double *out)
{
    double rn[3][3];
    eraNum06a(J2000, in[0] - J2000, rn);
    rotate_and_emit_transposed(rn, in, out);
}

/* precession_nutation: rn x rp (mean J2000 -> true of date, no frame bias). */
static void pn_matrix(double jd_tt, double rnp[3][3])
{
    double rb[3][3], rp[3][3], rbp[3][3], rn[3][3];
    eraBp06(J2000, jd_tt - J2000, rb, rp, rbp);
    eraNum06a(J2000, jd_tt - J2000, rn);
    eraRxr(rn, rp, rnp);
}

static void precession_nutation(const double *in, double *out)
{
    double rnp[3][3];
    pn_matrix(in[0], rnp);
    rotate_and_emit(rnp, in, out);
}

static void inv_precession_nutation(const double *in, double *out)
{
    double rnp[3][3];
    pn_matrix(in[0], rnp);
    rotate_and_emit_transposed(rnp, in, out);
}

/* inv_bpn: transpose of eraPnm06a (true of date -> ICRS). */
static void inv_bpn(const double *in, double *out)
{
    double rbpn[3][3];
    eraPnm06a(J2000, in[0] - J2000, rbpn);
    rotate_and_emit_transposed(rbpn, in, out);
}

/* icrs_ecl_j2000: eraEcm06 at J2000 (the epoch column is ignored). */
static void icrs_ecl_j2000(const double *in, double *out)
{
    double rm[3][3];
    eraEcm06(J2000, 0.0, rm);
    rotate_and_emit(rm, in, out);
}

static void inv_icrs_ecl_j2000(const double *in, double *out)
{
    double rm[3][3];
    eraEcm06(J2000, 0.0, rm);
    rotate_and_emit_transposed(rm, in, out);
}

/* icrs_ecl_tod: eraEcm06 at the date (ICRS -> mean ecliptic and equinox of date). */
static void icrs_ecl_tod(const double *in, double *out)
{
    double rm[3][3];
    eraEcm06(J2000, in[0] - J2000, rm);
    rotate_and_emit(rm, in, out);
}

static void inv_icrs_ecl_tod(const double *in, double *out)
{
    double rm[3][3];
    eraEcm06(J2000, in[0] - J2000, rm);
    rotate_and_emit_transposed(rm, in, out);
}

/* obliquity: Rx(eraObl06(J2000)); inv_obliquity: Rx(-eraObl06(J2000)). Epoch ignored. */
static void obliquity(const double *in, double *out)
{
    double r[3][3];
    eraIr(r);
    eraRx(eraObl06(J2000, 0.0), r);
    rotate_and_emit(r, in, out);
}

static void inv_obliquity(const double *in, double *out)
{
    double r[3][3];
    eraIr(r);
    eraRx(-eraObl06(J2000, 0.0), r);
    rotate_and_emit(r, in, out);
}

/* inv_equ_ecl: jd_tt lon lat (ecliptic of date) -> ra dec (ICRS), lon_back lat_back */
static void inv_equ_ecl(const double *in, double *out)
{
    double ra, dec, lon, lat;

    eraEceq06(J2000, in[0] - J2000, in[1], in[2], &ra, &dec);
    eraEqec06(J2000, in[0] - J2000, ra, dec, &lon, &lat);
    out[0] = eraAnp(ra);
    out[1] = dec;
    out[2] = eraAnp(lon);
    out[3] = lat;
}

/* horiz_to_equ: jd_ut1 jd_tt az alt lat lon -> ra dec (true equator and equinox of date) */
static void horiz_to_equ(const double *in, double *out)
{
    double ha, dec, gst;

    eraAe2hd(in[2], in[3], in[4], &ha, &dec);
    gst = eraGst06a(J2000, in[0] - J2000, J2000, in[1] - J2000);
    out[0] = eraAnp(gst + in[5] - ha);
    out[1] = dec;
}

/* ------------------------------------------------------------------ */
/* Planets (candidates): eraPlan94 heliocentric minus eraEpv00          */
/* heliocentric Earth, geometric (no light time).                       */
/* ------------------------------------------------------------------ */

/*
 * eraPlan94 returns the planet on the mean equator and equinox of J2000
 * (its ecliptic elements turned with the IAU 1976 obliquity), eraEpv00 the
 * Earth on BCRS (ICRS-aligned) axes. The planet vector is taken to ICRS
 * axes with the transposed frame bias rb of eraBp06 (constant, <= 23 mas)
 * before the subtraction.
 */
static double plan94_to_icrs[3][3];
static int plan94_to_icrs_ready = 0;

static void planet_position(int np, const double *in, double *out)
{
    double pv[2][3], pvh[2][3], pvb[2][3], p_icrs[3], geo[3], ra, dec;

    if (!plan94_to_icrs_ready) {
        double rb[3][3], rp[3][3], rbp[3][3];
        eraBp06(J2000, 0.0, rb, rp, rbp);
        eraTr(rb, plan94_to_icrs);
        plan94_to_icrs_ready = 1;
    }
    /* statuses +1 only warn (eraPlan94: outside 1000-3000; eraEpv00: outside 1900-2100) */
    (void)eraPlan94(J2000, in[0] - J2000, np, pv);
    (void)eraEpv00(J2000, in[0] - J2000, pvh, pvb);
    eraRxp(plan94_to_icrs, pv[0], p_icrs);
    eraPmp(p_icrs, pvh[0], geo);
    eraC2s(geo, &ra, &dec);
    out[0] = eraAnp(ra);
    out[1] = dec;
    out[2] = eraPm(geo);
}

static void mercury_position(const double *in, double *out) { planet_position(1, in, out); }
static void venus_position(const double *in, double *out) { planet_position(2, in, out); }
static void mars_position(const double *in, double *out) { planet_position(4, in, out); }
static void jupiter_position(const double *in, double *out) { planet_position(5, in, out); }
static void saturn_position(const double *in, double *out) { planet_position(6, in, out); }
static void uranus_position(const double *in, double *out) { planet_position(7, in, out); }
static void neptune_position(const double *in, double *out) { planet_position(8, in, out); }

static const abp_experiment experiments[] = {
    {"frame_rotation_bpn", 4, 12, 3, frame_rotation_bpn, NULL},
    {"gmst_era", 2, 2, 2, gmst_era, NULL},
    {"equ_ecl", 3, 4, 4, equ_ecl, NULL},
    {"equ_horizontal", 6, 2, 2, equ_horizontal, NULL},
    {"solar_position", 1, 3, 3, solar_position, NULL},
    {"lunar_position", 1, 3, 3, lunar_position, NULL},
    {"kepler_solver", 2, 2, 2, kepler_solver, NULL},
    {"frame_bias", 4, 12, 3, frame_bias, NULL},
    {"inv_frame_bias", 4, 12, 3, inv_frame_bias, NULL},
    {"precession", 4, 12, 3, precession, NULL},
    {"inv_precession", 4, 12, 3, inv_precession, NULL},
    {"nutation", 4, 12, 3, nutation, NULL},
    {"inv_nutation", 4, 12, 3, inv_nutation, NULL},
    {"bias_precession", 4, 12, 3, bias_precession, NULL},
    {"inv_bias_precession", 4, 12, 3, inv_bias_precession, NULL},
    {"precession_nutation", 4, 12, 3, precession_nutation, NULL},
    {"inv_precession_nutation", 4, 12, 3, inv_precession_nutation, NULL},
    {"inv_bpn", 4, 12, 3, inv_bpn, NULL},
    {"icrs_ecl_j2000", 4, 12, 3, icrs_ecl_j2000, NULL},
    {"inv_icrs_ecl_j2000", 4, 12, 3, inv_icrs_ecl_j2000, NULL},
    {"icrs_ecl_tod", 4, 12, 3, icrs_ecl_tod, NULL},
    {"inv_icrs_ecl_tod", 4, 12, 3, inv_icrs_ecl_tod, NULL},
    {"obliquity", 4, 12, 3, obliquity, NULL},
    {"inv_obliquity", 4, 12, 3, inv_obliquity, NULL},
    {"inv_equ_ecl", 3, 4, 4, inv_equ_ecl, NULL},
    {"horiz_to_equ", 6, 2, 2, horiz_to_equ, NULL},
    {"mercury_position", 1, 3, 3, mercury_position, NULL},
    {"venus_position", 1, 3, 3, venus_position, NULL},
    {"mars_position", 1, 3, 3, mars_position, NULL},
    {"jupiter_position", 1, 3, 3, jupiter_position, NULL},
    {"saturn_position", 1, 3, 3, saturn_position, NULL},
    {"uranus_position", 1, 3, 3, uranus_position, NULL},
    {"neptune_position", 1, 3, 3, neptune_position, NULL},
    {"apparent_place", 7, 2, 2, erfa_apparent_place, NULL},
    {"observed_horizontal", 17, 2, 2, erfa_observed_horizontal, NULL},
    {"time_scales", 2, 4, 4, erfa_time_scales, NULL},
};

int main(int argc, char **argv)
{
    char version[256];

    if (argc > 1 && strcmp(argv[1], "--data-versions") == 0) {
        erfa_print_data_versions();
        return 0;
    }
    snprintf(version, sizeof version, "erfa-adapter %s; liberfa %s (SOFA %s)",
             ADAPTER_VERSION, eraVersion(), eraSofaVersion());
    return abp_main(argc, argv, version, experiments, sizeof experiments / sizeof experiments[0]);
}
