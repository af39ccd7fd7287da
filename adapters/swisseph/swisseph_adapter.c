/*
 * swisseph_adapter.c - AstroBench adapter for the Swiss Ephemeris (libswe),
 * the reference for geocentric Sun, Moon and planet positions.
 *
 * Every position is one swe_calc() call (TT input, not swe_calc_ut) with
 *
 *   SEFLG_SWIEPH      compressed JPL DE431 files (sepl_18.se1, semo_18.se1, 1800-2400 AD)
 *   SEFLG_TRUEPOS     geometric: no light-time correction
 *   SEFLG_NOABERR     no annual aberration
 *   SEFLG_NOGDEFL     no gravitational deflection
 *   SEFLG_J2000       no precession (and so no nutation): J2000 axes
 *   SEFLG_ICRS        no frame bias: ICRS axes (the DE431 frame)
 *   SEFLG_EQUATORIAL  equatorial, not ecliptic
 *   SEFLG_XYZ         Cartesian au; (ra, dec, dist) formed here with atan2
 *
 * Geocentric is swe_calc's default (no SEFLG_HELCTR/BARYCTR/TOPOCTR).
 *
 * The library must not fall back silently to its Moshier analytic ephemeris:
 * at start-up the adapter computes the Sun and the Moon at J2000 and checks that
 * SEFLG_SWIEPH survives in the returned flags; if not (file missing, unreadable),
 * every experiment answers "status skipped" with Swiss Ephemeris' own message.
 * Per case, a result whose returned flags lack SEFLG_SWIEPH (e.g. a date outside
 * the files' 1800-2400 range) or that reports an error is written as nan.
 *
 * The ephemeris directory is $SE_EPHE_PATH when set, else /usr/share/libswe/ephe
 * (where Debian's swe-basic-data installs the files).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <swephexp.h>

#include "abp.h"

#define ADAPTER_VERSION "1.0.0"
#define DEFAULT_EPHE_PATH "/usr/share/libswe/ephe"
#define J2000 2451545.0

#define POSITION_FLAGS                                                             \
    (SEFLG_SWIEPH | SEFLG_TRUEPOS | SEFLG_NOABERR | SEFLG_NOGDEFL | SEFLG_J2000 | \
     SEFLG_ICRS | SEFLG_EQUATORIAL | SEFLG_XYZ)

/* Geocentric geometric ICRS position of body ipl at TT jd -> ra dec dist_au. */
static void position(int ipl, double jd_tt, double *out)
{
    double xx[6];
    char serr[AS_MAXCH];
    int32 ret;

    serr[0] = '\0';
    ret = swe_calc(jd_tt, ipl, POSITION_FLAGS, xx, serr);
    if (ret < 0 || !(ret & SEFLG_SWIEPH)) {
        /* error, or a silent fall-back to Moshier: not a reference value */
        out[0] = NAN;
        out[1] = NAN;
        out[2] = NAN;
        return;
    }
    out[0] = atan2(xx[1], xx[0]);
    if (out[0] < 0.0)
        out[0] += ABP_2PI;
    out[1] = atan2(xx[2], sqrt(xx[0] * xx[0] + xx[1] * xx[1]));
    out[2] = sqrt(xx[0] * xx[0] + xx[1] * xx[1] + xx[2] * xx[2]);
}

static void sun(const double *in, double *out) { position(SE_SUN, in[0], out); }
static void moon(const double *in, double *out) { position(SE_MOON, in[0], out); }
static void mercury(const double *in, double *out) { position(SE_MERCURY, in[0], out); }
static void venus(const double *in, double *out) { position(SE_VENUS, in[0], out); }
static void mars(const double *in, double *out) { position(SE_MARS, in[0], out); }
static void jupiter(const double *in, double *out) { position(SE_JUPITER, in[0], out); }
static void saturn(const double *in, double *out) { position(SE_SATURN, in[0], out); }
static void uranus(const double *in, double *out) { position(SE_URANUS, in[0], out); }
static void neptune(const double *in, double *out) { position(SE_NEPTUNE, in[0], out); }

static abp_experiment experiments[] = {
    {"solar_position", 1, 3, 3, sun, NULL},
    {"lunar_position", 1, 3, 3, moon, NULL},
    {"mercury_position", 1, 3, 3, mercury, NULL},
    {"venus_position", 1, 3, 3, venus, NULL},
    {"mars_position", 1, 3, 3, mars, NULL},
    {"jupiter_position", 1, 3, 3, jupiter, NULL},
    {"saturn_position", 1, 3, 3, saturn, NULL},
    {"uranus_position", 1, 3, 3, uranus, NULL},
    {"neptune_position", 1, 3, 3, neptune, NULL},
};

#define N_EXPERIMENTS (sizeof experiments / sizeof experiments[0])

/* Returns NULL when SEFLG_SWIEPH survives for the Sun (planet file) and the Moon (moon file). */
static const char *check_files(char *why, size_t why_len)
{
    static const int probes[] = {SE_SUN, SE_MOON};
    size_t i;

    for (i = 0; i < sizeof probes / sizeof probes[0]; i++) {
        double xx[6];
        char serr[AS_MAXCH];
        int32 ret;

        serr[0] = '\0';
        ret = swe_calc(J2000, probes[i], POSITION_FLAGS, xx, serr);
        if (ret < 0 || !(ret & SEFLG_SWIEPH)) {
            snprintf(why, why_len,
                     "Swiss Ephemeris files not usable (it would fall back to the Moshier analytic ephemeris, "
                     "which is no reference): %s (install swe-basic-data or set SE_EPHE_PATH)",
                     serr[0] ? serr : "SEFLG_SWIEPH missing from the returned flags");
            /* the protocol's reason is one line */
            for (char *p = why; *p; p++)
                if (*p == '\n' || *p == '\r')
                    *p = ' ';
            return why;
        }
    }
    return NULL;
}

int main(int argc, char **argv)
{
    static char why[2 * AS_MAXCH + 256];
    char version[AS_MAXCH + 512];
    char swe_ver[AS_MAXCH];
    const char *path = getenv("SE_EPHE_PATH");
    const char *skip;
    size_t i;

    swe_set_ephe_path((char *)(path && *path ? path : DEFAULT_EPHE_PATH));
    skip = check_files(why, sizeof why);
    if (skip != NULL) {
        for (i = 0; i < N_EXPERIMENTS; i++)
            experiments[i].skip_reason = skip;
        snprintf(version, sizeof version, "swisseph-adapter %s; Swiss Ephemeris %s; ephemeris files unusable",
                 ADAPTER_VERSION, swe_version(swe_ver));
    } else {
        double start0 = 0, end0 = 0, start1 = 0, end1 = 0;
        int de0 = 0, de1 = 0;
        const char *f0 = swe_get_current_file_data(0, &start0, &end0, &de0);
        const char *f1 = swe_get_current_file_data(1, &start1, &end1, &de1);
        const char *b0 = f0 ? strrchr(f0, '/') : NULL;
        const char *b1 = f1 ? strrchr(f1, '/') : NULL;
        snprintf(version, sizeof version,
                 "swisseph-adapter %s; Swiss Ephemeris %s; %s DE%d JD %.1f-%.1f, %s DE%d JD %.1f-%.1f",
                 ADAPTER_VERSION, swe_version(swe_ver), b0 ? b0 + 1 : (f0 ? f0 : "?"), de0, start0, end0,
                 b1 ? b1 + 1 : (f1 ? f1 : "?"), de1, start1, end1);
    }
    i = (size_t)abp_main(argc, argv, version, experiments, N_EXPERIMENTS);
    swe_close();
    return (int)i;
}
