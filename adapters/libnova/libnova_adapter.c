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
#include "libnova_apparent.h"

#define ADAPTER_VERSION "1.1.0"
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

/* |v| */
static double vec_norm(const double *v)
{
    return sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
}

/* out = unit * r: a direction computed through libnova's spherical (degree)
 * coordinates, given back the length r of the input vector. */
static void scaled_out(const double *unit, double r, double *out)
{
    out[0] = unit[0] * r;
    out[1] = unit[1] * r;
    out[2] = unit[2] * r;
}

/*
 * libnova's nutation angles in radians: mean obliquity eps, Delta eps and
 * Delta psi. ln_get_nutation takes a UT date (see the notes at the top).
 */
static void nutation_angles(double jd_tt, double *eps, double *deps, double *dpsi)
{
    struct ln_nutation nut;

    ln_get_nutation(ut_from_tt(jd_tt), &nut);
    *eps = nut.ecliptic * ABP_DEG2RAD;
    *deps = nut.obliquity * ABP_DEG2RAD;
    *dpsi = nut.longitude * ABP_DEG2RAD;
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
    double v[3], eps, deps, dpsi;

    vec_to_equ(in + 1, &j2000);
    ln_get_equ_prec(&j2000, in[0], &mean);
    equ_to_vec(&mean, v);

    nutation_angles(in[0], &eps, &deps, &dpsi);
    rot_x(eps, v);
    rot_z(-dpsi, v);
    rot_x(-(eps + deps), v);

    /* keep the input's length (unit vector in, unit vector out) */
    scaled_out(v, vec_norm(in + 1), out);
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

    if (!abp_kepler_in_domain(in, out))
        return;
    e_deg = ln_solve_kepler(e, m * ABP_RAD2DEG);
    ea = angle_near(e_deg * ABP_DEG2RAD, m);
    nu = angle_near(ln_get_ell_true_anomaly(e, e_deg) * ABP_DEG2RAD, ea);
    out[0] = ea;
    out[1] = nu;
}

/* ------------------------------------------------------------------ */
/* Direction transforms of the full catalog: jd_tt x y z -> x y z and,  */
/* where the rotation is built from libnova's own angles, r11..r33.    */
/* libnova has no frame bias: ICRS is taken as FK5 J2000 throughout.   */
/* ------------------------------------------------------------------ */

typedef double mat3[3][3];

static void mat_identity(mat3 m)
{
    int i, j;
    for (i = 0; i < 3; i++)
        for (j = 0; j < 3; j++)
            m[i][j] = (i == j) ? 1.0 : 0.0;
}

/* m = R1(a) m, R1 turning the axes about x by a (same sense as rot_x). */
static void mat_rx(double a, mat3 m)
{
    double c = cos(a), s = sin(a);
    int j;
    for (j = 0; j < 3; j++) {
        double y = c * m[1][j] + s * m[2][j];
        double z = -s * m[1][j] + c * m[2][j];
        m[1][j] = y;
        m[2][j] = z;
    }
}

/* m = R3(a) m, R3 turning the axes about z by a (same sense as rot_z). */
static void mat_rz(double a, mat3 m)
{
    double c = cos(a), s = sin(a);
    int j;
    for (j = 0; j < 3; j++) {
        double x = c * m[0][j] + s * m[1][j];
        double y = -s * m[0][j] + c * m[1][j];
        m[0][j] = x;
        m[1][j] = y;
    }
}

static void mat_transpose(mat3 m)
{
    int i, j;
    for (i = 0; i < 3; i++)
        for (j = i + 1; j < 3; j++) {
            double t = m[i][j];
            m[i][j] = m[j][i];
            m[j][i] = t;
        }
}

static void mat_apply(mat3 m, const double *v, double *out)
{
    int i;
    for (i = 0; i < 3; i++)
        out[i] = m[i][0] * v[0] + m[i][1] * v[1] + m[i][2] * v[2];
}

/* out[0..2] = m in[1..3]; out[3..11] = m row-major. */
static void emit_matrix(mat3 m, const double *in, double *out)
{
    mat_apply(m, in + 1, out);
    abp_store_matrix(m, out + 3);
}

/*
 * Nutation matrix (mean of date -> true of date) from libnova's Delta psi,
 * Delta eps and mean obliquity: R1(-eps-Deps) R3(-Dpsi) R1(eps), the same
 * rotation frame_rotation_bpn applies. ln_get_nutation takes a UT date.
 */
static void nutation_matrix(double jd_tt, mat3 m)
{
    double eps, deps, dpsi;

    nutation_angles(jd_tt, &eps, &deps, &dpsi);
    mat_identity(m);
    mat_rx(eps, m);
    mat_rz(-dpsi, m);
    mat_rx(-(eps + deps), m);
}

/* mean J2000 (~ICRS) -> mean of date with ln_get_equ_prec (IAU 1976, Meeus 21.2-21.4). */
static void prec_forward(const double *v, double jd_tt, double *unit_out)
{
    struct ln_equ_posn j2000, mean;
    vec_to_equ(v, &j2000);
    ln_get_equ_prec(&j2000, jd_tt, &mean);
    equ_to_vec(&mean, unit_out);
}

/* mean of date -> mean J2000 with ln_get_equ_prec2(date -> J2000). */
static void prec_backward(const double *v, double jd_tt, double *unit_out)
{
    struct ln_equ_posn mean, j2000;
    vec_to_equ(v, &mean);
    ln_get_equ_prec2(&mean, jd_tt, JD2000_TT, &j2000);
    equ_to_vec(&j2000, unit_out);
}

static void precession(const double *in, double *out)
{
    double u[3];
    prec_forward(in + 1, in[0], u);
    scaled_out(u, vec_norm(in + 1), out);
}

static void inv_precession(const double *in, double *out)
{
    double u[3];
    prec_backward(in + 1, in[0], u);
    scaled_out(u, vec_norm(in + 1), out);
}

static void nutation(const double *in, double *out)
{
    mat3 n;
    nutation_matrix(in[0], n);
    emit_matrix(n, in, out);
}

static void inv_nutation(const double *in, double *out)
{
    mat3 n;
    nutation_matrix(in[0], n);
    mat_transpose(n);
    emit_matrix(n, in, out);
}

/* precession_nutation: ln_get_equ_prec, then libnova's nutation rotation. */
static void precession_nutation(const double *in, double *out)
{
    double u[3];
    mat3 n;
    prec_forward(in + 1, in[0], u);
    nutation_matrix(in[0], n);
    mat_apply(n, u, out);
    scaled_out(out, vec_norm(in + 1), out);
}

/* inverse: transposed nutation rotation, then ln_get_equ_prec2(date -> J2000). */
static void inv_precession_nutation(const double *in, double *out)
{
    double mean[3], u[3];
    mat3 n;
    nutation_matrix(in[0], n);
    mat_transpose(n);
    mat_apply(n, in + 1, mean);
    prec_backward(mean, in[0], u);
    scaled_out(u, vec_norm(in + 1), out);
}

/* icrs_ecl_j2000: ln_get_ecl_from_equ at J2000 (IAU 1976 mean obliquity of J2000). */
static void icrs_ecl_j2000(const double *in, double *out)
{
    struct ln_equ_posn equ;
    struct ln_lnlat_posn ecl;
    struct ln_equ_posn as_equ;
    double u[3];

    vec_to_equ(in + 1, &equ);
    ln_get_ecl_from_equ(&equ, jd2000_ut(), &ecl);
    as_equ.ra = ecl.lng;
    as_equ.dec = ecl.lat;
    equ_to_vec(&as_equ, u);
    scaled_out(u, vec_norm(in + 1), out);
}

static void inv_icrs_ecl_j2000(const double *in, double *out)
{
    struct ln_equ_posn as_equ, equ;
    struct ln_lnlat_posn ecl;
    double u[3];

    vec_to_equ(in + 1, &as_equ);
    ecl.lng = as_equ.ra;
    ecl.lat = as_equ.dec;
    ln_get_equ_from_ecl(&ecl, jd2000_ut(), &equ);
    equ_to_vec(&equ, u);
    scaled_out(u, vec_norm(in + 1), out);
}

/* icrs_ecl_tod: ln_get_equ_prec (J2000 -> mean of date), then ln_get_ecl_from_equ of date. */
static void icrs_ecl_tod(const double *in, double *out)
{
    struct ln_equ_posn j2000, mean, as_equ;
    struct ln_lnlat_posn ecl;
    double u[3];

    vec_to_equ(in + 1, &j2000);
    ln_get_equ_prec(&j2000, in[0], &mean);
    ln_get_ecl_from_equ(&mean, ut_from_tt(in[0]), &ecl);
    as_equ.ra = ecl.lng;
    as_equ.dec = ecl.lat;
    equ_to_vec(&as_equ, u);
    scaled_out(u, vec_norm(in + 1), out);
}

/* inv_icrs_ecl_tod: ln_get_equ_from_ecl of date, then ln_get_equ_prec2(date -> J2000). */
static void inv_icrs_ecl_tod(const double *in, double *out)
{
    struct ln_equ_posn as_equ, mean, j2000;
    struct ln_lnlat_posn ecl;
    double u[3];

    vec_to_equ(in + 1, &as_equ);
    ecl.lng = as_equ.ra;
    ecl.lat = as_equ.dec;
    ln_get_equ_from_ecl(&ecl, ut_from_tt(in[0]), &mean);
    ln_get_equ_prec2(&mean, in[0], JD2000_TT, &j2000);
    equ_to_vec(&j2000, u);
    scaled_out(u, vec_norm(in + 1), out);
}

/*
 * obliquity: Rx(eps0) with libnova's mean obliquity of J2000, read from
 * ln_get_nutation (its `ecliptic` member, Meeus 22.2: 23 26 21.448 at J2000,
 * the IAU 1976 value). libnova has no separate obliquity routine.
 */
static double libnova_obliquity_j2000(void)
{
    struct ln_nutation nut;
    ln_get_nutation(jd2000_ut(), &nut);
    return nut.ecliptic * ABP_DEG2RAD;
}

static void obliquity(const double *in, double *out)
{
    mat3 m;
    mat_identity(m);
    mat_rx(libnova_obliquity_j2000(), m);
    emit_matrix(m, in, out);
}

static void inv_obliquity(const double *in, double *out)
{
    mat3 m;
    mat_identity(m);
    mat_rx(-libnova_obliquity_j2000(), m);
    emit_matrix(m, in, out);
}

/* inv_bpn: true of date -> mean of date (transposed nutation) -> J2000 (ln_get_equ_prec2). */
static void inv_bpn(const double *in, double *out)
{
    inv_precession_nutation(in, out);
}

/*
 * inv_equ_ecl: jd_tt lon lat (mean ecliptic of date) -> ra dec (ICRS ~ FK5
 * J2000), lon_back lat_back. ln_get_equ_from_ecl (mean obliquity of date),
 * then ln_get_equ_prec2 (date -> J2000). Closure: ln_get_equ_prec, then
 * ln_get_ecl_from_equ.
 */
static void inv_equ_ecl(const double *in, double *out)
{
    struct ln_lnlat_posn ecl, back;
    struct ln_equ_posn mean, j2000, mean_back;
    double jd_ut = ut_from_tt(in[0]);

    ecl.lng = in[1] * ABP_RAD2DEG;
    ecl.lat = in[2] * ABP_RAD2DEG;
    ln_get_equ_from_ecl(&ecl, jd_ut, &mean);
    ln_get_equ_prec2(&mean, in[0], JD2000_TT, &j2000);
    ln_get_equ_prec(&j2000, in[0], &mean_back);
    ln_get_ecl_from_equ(&mean_back, jd_ut, &back);

    out[0] = ln_range_degrees(j2000.ra) * ABP_DEG2RAD;
    out[1] = j2000.dec * ABP_DEG2RAD;
    out[2] = ln_range_degrees(back.lng) * ABP_DEG2RAD;
    out[3] = back.lat * ABP_DEG2RAD;
}

/*
 * horiz_to_equ: jd_ut1 jd_tt az alt lat lon -> ra dec (true equator and
 * equinox of date). ln_get_equ_from_hrz(JD = UT1) uses the APPARENT sidereal
 * time (unlike ln_get_hrz_from_equ, which uses the mean one: checked on the
 * installed library, the two are not inverse by exactly the equation of the
 * equinoxes). libnova's azimuth is from south, so 180 deg is subtracted.
 */
static void horiz_to_equ(const double *in, double *out)
{
    struct ln_hrz_posn hrz;
    struct ln_lnlat_posn observer;
    struct ln_equ_posn equ;

    hrz.az = ln_range_degrees(in[2] * ABP_RAD2DEG - 180.0);
    hrz.alt = in[3] * ABP_RAD2DEG;
    observer.lat = in[4] * ABP_RAD2DEG;
    observer.lng = in[5] * ABP_RAD2DEG;
    ln_get_equ_from_hrz(&hrz, &observer, in[0], &equ);

    out[0] = ln_range_degrees(equ.ra) * ABP_DEG2RAD;
    out[1] = equ.dec * ABP_DEG2RAD;
}

/* ------------------------------------------------------------------ */
/* Planets: geometric geocentric = planet - Earth, both from libnova's  */
/* VSOP87 rectangular heliocentric routines at the same instant.        */
/* ------------------------------------------------------------------ */

/*
 * ln_get_<planet>_rect_helio / ln_get_earth_rect_helio give heliocentric
 * rectangular coordinates in au on the FK5 J2000 mean EQUATOR: libnova's
 * VSOP87 L, B, R (J2000 mean ecliptic, with the Meeus 32.3 FK5 correction)
 * turned with the IAU 1976 obliquity of J2000 (checked on the installed
 * library: the rotation angle between the two is 84381.448 arcsec).
 * Evaluating planet and Earth at the same JD gives the geometric position;
 * ln_get_<planet>_equ_coords is not used (it iterates light time).
 */
typedef void (*rect_helio_fn)(double, struct ln_rect_posn *);

static void planet_position(rect_helio_fn planet, const double *in, double *out)
{
    struct ln_rect_posn p, e;
    double x, y, z, ra;

    planet(in[0], &p);
    ln_get_earth_rect_helio(in[0], &e);
    x = p.X - e.X;
    y = p.Y - e.Y;
    z = p.Z - e.Z;
    ra = atan2(y, x);
    out[0] = ra < 0.0 ? ra + ABP_2PI : ra;
    out[1] = atan2(z, sqrt(x * x + y * y));
    out[2] = sqrt(x * x + y * y + z * z);
}

static void mercury_position(const double *in, double *out) { planet_position(ln_get_mercury_rect_helio, in, out); }
static void venus_position(const double *in, double *out) { planet_position(ln_get_venus_rect_helio, in, out); }
static void mars_position(const double *in, double *out) { planet_position(ln_get_mars_rect_helio, in, out); }
static void jupiter_position(const double *in, double *out) { planet_position(ln_get_jupiter_rect_helio, in, out); }
static void saturn_position(const double *in, double *out) { planet_position(ln_get_saturn_rect_helio, in, out); }
static void uranus_position(const double *in, double *out) { planet_position(ln_get_uranus_rect_helio, in, out); }
static void neptune_position(const double *in, double *out) { planet_position(ln_get_neptune_rect_helio, in, out); }

static const abp_experiment experiments[] = {
    {"apparent_place", 7, 2, 2, libnova_apparent_place, NULL},
    {"observed_horizontal", 17, 2, 2, libnova_observed_horizontal, NULL},
    {"frame_rotation_bpn", 4, 12, 3, frame_rotation_bpn, NULL},
    {"gmst_era", 2, 2, 1, gmst_era, NULL},
    {"equ_ecl", 3, 4, 4, equ_ecl, NULL},
    {"equ_horizontal", 6, 2, 2, equ_horizontal, NULL},
    {"solar_position", 1, 3, 3, solar_position, NULL},
    {"lunar_position", 1, 3, 3, lunar_position, NULL},
    {"kepler_solver", 2, 2, 2, kepler_solver, NULL},
    {"precession", 4, 12, 3, precession, NULL},
    {"inv_precession", 4, 12, 3, inv_precession, NULL},
    {"nutation", 4, 12, 3, nutation, NULL},
    {"inv_nutation", 4, 12, 3, inv_nutation, NULL},
    {"bias_precession", 4, 12, 3, precession, NULL},
    {"inv_bias_precession", 4, 12, 3, inv_precession, NULL},
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
};

int main(int argc, char **argv)
{
    char version[256];
    snprintf(version, sizeof version, "libnova-adapter %s; libnova %s",
             ADAPTER_VERSION, ln_get_version());
    return abp_main(argc, argv, version, experiments, sizeof experiments / sizeof experiments[0]);
}
