/*
 * libnova_adapter.c - AstroBench candidate adapter for libnova (0.16 as
 * packaged by Debian; its ln_get_version() reports "0.15.0").
 *
 * libnova works in DEGREES (sidereal time in HOURS) and mostly follows
 * Meeus, "Astronomical Algorithms" (2nd ed.). Each routine below is fed the
 * frame and time scale it expects; the behaviour of libnova 0.16 noted in
 * the comments was checked by calling the installed library:
 *
 *  - ln_get_nutation(JD) treats JD as UT and adds its own Delta T
 *    (ln_get_jde) before evaluating the 63-term IAU 1980 series (Meeus
 *    table 22.A); the `ecliptic` member is the MEAN obliquity (Meeus 22.2).
 *    It caches its result and reuses it for any JD within 0.1 day of the
 *    previous call. Routines built on it (ln_get_ecl_from_equ,
 *    ln_get_equ_from_ecl, ln_get_apparent_sidereal_time) therefore get a
 *    UT date, obtained here from TT with libnova's own Delta T.
 *  - ln_get_equ_prec / ln_get_equ_prec2 (Meeus 20.2-20.4, IAU 1976) take the
 *    JD directly as the epoch (TT).
 *  - ln_get_ecl_from_equ / ln_get_equ_from_ecl use the MEAN obliquity.
 *  - ln_get_earth_helio_coords (hence ln_get_solar_geom_coords) returns
 *    VSOP87 coordinates referred to the mean ecliptic and equinox of J2000
 *    (FK5-corrected), not of date: precessing them as if of date gives
 *    errors equal to the whole precession angle.
 *  - ln_get_lunar_geo_posn / ln_get_lunar_ecl_coords (ELP 2000-82B) are
 *    referred to the inertial mean ecliptic and equinox of J2000.
 *  - ln_get_hrz_from_equ uses MEAN sidereal time; azimuth is measured from
 *    SOUTH, westwards (0 = S, 90 = W); observer longitude is east-positive.
 *  - ln_get_apparent_sidereal_time adds nutation.longitude * cos(Delta eps)
 *    instead of * cos(eps) (equation of the equinoxes too large by a factor
 *    ~1/cos(eps) = 1.09, i.e. up to ~1.4 arcsec); this is kept, it is
 *    libnova's result.
 *  - ln_solve_kepler(e, M_deg) reduces M to [-180, 180] and returns E in
 *    that revolution; ln_get_ell_true_anomaly returns [0, 360).
 */
#include <math.h>
#include <stdio.h>

#include <libnova/libnova.h>

#include "abp.h"

#define ADAPTER_VERSION "1.0.0"
#define JD2000_TT 2451545.0
#define KM_PER_AU 149597870.7

/* TT Julian Date -> UT Julian Date with libnova's own Delta T (seconds). */
static double ut_from_tt(double jd_tt)
{
    double jd_ut = jd_tt - ln_get_dynamical_time_diff(jd_tt) / 86400.0;
    return jd_tt - ln_get_dynamical_time_diff(jd_ut) / 86400.0;
}

static double jd2000_ut(void)
{
    static double cached = 0.0;
    if (cached == 0.0)
        cached = ut_from_tt(JD2000_TT);
    return cached;
}

static void vec_to_equ(const double *v, struct ln_equ_posn *equ)
{
    double ra = atan2(v[1], v[0]);
    if (ra < 0.0)
        ra += ABP_2PI;
    equ->ra = ra * ABP_RAD2DEG;
    equ->dec = atan2(v[2], sqrt(v[0] * v[0] + v[1] * v[1])) * ABP_RAD2DEG;
}

static void equ_to_vec(const struct ln_equ_posn *equ, double *v)
{
    double ra = equ->ra * ABP_DEG2RAD, dec = equ->dec * ABP_DEG2RAD;
    v[0] = cos(dec) * cos(ra);
    v[1] = cos(dec) * sin(ra);
    v[2] = sin(dec);
}

/* Rotation of the axes about x by angle a (vector changes by R1(a)). */
static void rot_x(double a, double *v)
{
    double c = cos(a), s = sin(a);
    double y = c * v[1] + s * v[2];
    double z = -s * v[1] + c * v[2];
    v[1] = y;
    v[2] = z;
}

/* Rotation of the axes about z by angle a (vector changes by R3(a)). */
static void rot_z(double a, double *v)
{
    double c = cos(a), s = sin(a);
    double x = c * v[0] + s * v[1];
    double y = -s * v[0] + c * v[1];
    v[0] = x;
    v[1] = y;
}

static double angle_near(double a, double target)
{
    return a + ABP_2PI * floor((target - a) / ABP_2PI + 0.5);
}

/*
 * frame_rotation_bpn: jd_tt x y z -> x y z (true equator and equinox of
 * date); the matrix columns are left as nan (not provided).
 * ICRS is taken as FK5 J2000 (libnova has no frame bias).
 * Mean place of date: ln_get_equ_prec. Nutation: libnova's Delta psi,
 * Delta eps and mean obliquity (ln_get_nutation) applied as the rigorous
 * rotation R1(-eps-Deps) R3(-Dpsi) R1(eps) (Meeus eq. 23.1 is its
 * first-order form, which breaks down near the poles).
 */
static void frame_rotation_bpn(const double *in, double *out)
{
    struct ln_equ_posn j2000, mean;
    struct ln_nutation nut;
    double v[3], eps, deps, dpsi;

    vec_to_equ(in + 1, &j2000);
    ln_get_equ_prec(&j2000, in[0], &mean);
    equ_to_vec(&mean, v);

    ln_get_nutation(ut_from_tt(in[0]), &nut);
    eps = nut.ecliptic * ABP_DEG2RAD;
    deps = nut.obliquity * ABP_DEG2RAD;
    dpsi = nut.longitude * ABP_DEG2RAD;
    rot_x(eps, v);
    rot_z(-dpsi, v);
    rot_x(-(eps + deps), v);

    /* keep the input's length (unit vector in, unit vector out) */
    {
        double r = sqrt(in[1] * in[1] + in[2] * in[2] + in[3] * in[3]);
        out[0] = v[0] * r;
        out[1] = v[1] * r;
        out[2] = v[2] * r;
    }
}

/* gmst_era: jd_ut1 jd_tt -> gmst_rad (Meeus 12.4); no ERA in libnova. */
static void gmst_era(const double *in, double *out)
{
    out[0] = ln_get_mean_sidereal_time(in[0]) * (ABP_PI / 12.0);
    out[1] = NAN;
}

/*
 * equ_ecl: jd_tt ra dec (ICRS) -> lon lat (mean ecliptic and equinox of
 * date), ra_back dec_back. ICRS ~ FK5 J2000 -> ln_get_equ_prec (mean
 * equator of date) -> ln_get_ecl_from_equ (mean obliquity). Closure:
 * ln_get_equ_from_ecl -> ln_get_equ_prec2 (date -> J2000).
 */
static void equ_ecl(const double *in, double *out)
{
    struct ln_equ_posn j2000, mean, back_date, back;
    struct ln_lnlat_posn ecl;
    double jd_ut = ut_from_tt(in[0]);

    j2000.ra = in[1] * ABP_RAD2DEG;
    j2000.dec = in[2] * ABP_RAD2DEG;
    ln_get_equ_prec(&j2000, in[0], &mean);
    ln_get_ecl_from_equ(&mean, jd_ut, &ecl);
    ln_get_equ_from_ecl(&ecl, jd_ut, &back_date);
    ln_get_equ_prec2(&back_date, in[0], JD2000_TT, &back);

    out[0] = ln_range_degrees(ecl.lng) * ABP_DEG2RAD;
    out[1] = ecl.lat * ABP_DEG2RAD;
    out[2] = ln_range_degrees(back.ra) * ABP_DEG2RAD;
    out[3] = back.dec * ABP_DEG2RAD;
}

/*
 * equ_horizontal: jd_ut1 jd_tt ra dec lat lon -> az (N through E) alt.
 * The input RA is apparent (true equinox), so the hour angle uses
 * ln_get_apparent_sidereal_time(jd_ut1) through
 * ln_get_hrz_from_equ_sidereal_time (ln_get_hrz_from_equ would use the
 * mean sidereal time). libnova's south-based azimuth is turned by 180 deg.
 */
static void equ_horizontal(const double *in, double *out)
{
    struct ln_equ_posn obj;
    struct ln_lnlat_posn observer;
    struct ln_hrz_posn hrz;

    obj.ra = in[2] * ABP_RAD2DEG;
    obj.dec = in[3] * ABP_RAD2DEG;
    observer.lat = in[4] * ABP_RAD2DEG;
    observer.lng = in[5] * ABP_RAD2DEG;
    ln_get_hrz_from_equ_sidereal_time(&obj, &observer, ln_get_apparent_sidereal_time(in[0]), &hrz);

    out[0] = ln_range_degrees(hrz.az + 180.0) * ABP_DEG2RAD;
    out[1] = hrz.alt * ABP_DEG2RAD;
}

/*
 * solar_position: jd_tt -> ra dec dist_au, geometric, J2000 axes.
 * ln_get_solar_geom_coords = Earth's VSOP87 heliocentric position + 180 deg,
 * referred to the mean ecliptic and equinox of J2000 (FK5); converted with
 * ln_get_equ_from_ecl at J2000 (mean obliquity 23 26 21.448).
 */
static void solar_position(const double *in, double *out)
{
    struct ln_helio_posn sun;
    struct ln_lnlat_posn ecl;
    struct ln_equ_posn equ;

    ln_get_solar_geom_coords(in[0], &sun);
    ecl.lng = sun.L;
    ecl.lat = sun.B;
    ln_get_equ_from_ecl(&ecl, jd2000_ut(), &equ);

    out[0] = ln_range_degrees(equ.ra) * ABP_DEG2RAD;
    out[1] = equ.dec * ABP_DEG2RAD;
    out[2] = ln_get_earth_solar_dist(in[0]);
}

/*
 * lunar_position: jd_tt -> ra dec dist_au, geometric, J2000 axes.
 * ln_get_lunar_geo_posn (ELP 2000-82B, full series, geocentric km, mean
 * ecliptic and equinox of J2000) is called once; longitude/latitude are
 * formed from it exactly as ln_get_lunar_ecl_coords does, and the distance
 * as ln_get_lunar_earth_dist does (each of those would evaluate the whole
 * series again). Then ln_get_equ_from_ecl at J2000.
 * (ln_get_lunar_equ_coords would apply the obliquity OF DATE to these
 * J2000 ecliptic coordinates, a frame mix inside libnova, so it is not used.)
 */
static void lunar_position(const double *in, double *out)
{
    struct ln_rect_posn moon;
    struct ln_lnlat_posn ecl;
    struct ln_equ_posn equ;

    ln_get_lunar_geo_posn(in[0], &moon, 0.0);
    ecl.lng = ln_range_degrees(atan2(moon.Y, moon.X) * ABP_RAD2DEG);
    ecl.lat = atan2(moon.Z, sqrt(moon.X * moon.X + moon.Y * moon.Y)) * ABP_RAD2DEG;
    ln_get_equ_from_ecl(&ecl, jd2000_ut(), &equ);

    out[0] = ln_range_degrees(equ.ra) * ABP_DEG2RAD;
    out[1] = equ.dec * ABP_DEG2RAD;
    out[2] = sqrt(moon.X * moon.X + moon.Y * moon.Y + moon.Z * moon.Z) / KM_PER_AU;
}

/*
 * kepler_solver: m_rad e -> e_anom_rad true_anom_rad.
 * ln_solve_kepler(e, M in degrees); E is moved to the revolution of the
 * input M, the true anomaly to the revolution of E.
 */
static void kepler_solver(const double *in, double *out)
{
    const double m = in[0];
    const double e = in[1];
    double e_deg, ea, nu;

    if (!(e >= 0.0 && e < 1.0) || !isfinite(m)) {
        out[0] = NAN;
        out[1] = NAN;
        return;
    }
    e_deg = ln_solve_kepler(e, m * ABP_RAD2DEG);
    ea = angle_near(e_deg * ABP_DEG2RAD, m);
    nu = angle_near(ln_get_ell_true_anomaly(e, e_deg) * ABP_DEG2RAD, ea);
    out[0] = ea;
    out[1] = nu;
}

static const abp_experiment experiments[] = {
    {"frame_rotation_bpn", 4, 12, 3, frame_rotation_bpn, NULL},
    {"gmst_era", 2, 2, 1, gmst_era, NULL},
    {"equ_ecl", 3, 4, 4, equ_ecl, NULL},
    {"equ_horizontal", 6, 2, 2, equ_horizontal, NULL},
    {"solar_position", 1, 3, 3, solar_position, NULL},
    {"lunar_position", 1, 3, 3, lunar_position, NULL},
    {"kepler_solver", 2, 2, 2, kepler_solver, NULL},
};

int main(int argc, char **argv)
{
    char version[256];
    snprintf(version, sizeof version, "libnova-adapter %s; libnova %s",
             ADAPTER_VERSION, ln_get_version());
    return abp_main(argc, argv, version, experiments, sizeof experiments / sizeof experiments[0]);
}
