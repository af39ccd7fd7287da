/*
 * libnova_apparent.c - apparent_place and observed_horizontal with libnova (Meeus ch. 16, 20, 23):
 *   - ln_get_apparent_posn: proper motion (Meeus 20.2, linear in RA/Dec, degrees per year), IAU 1976
 *     precession, IAU 1980 nutation and annual aberration (Ron-Vondrak in libnova); no parallax,
 *     no radial velocity, no light deflection (libnova has none);
 *   - observed: hour angle from ln_get_apparent_sidereal_time at UT1 = UTC + dut1, south-based
 *     azimuth turned by 180 deg, then ln_get_refraction_adj(alt, pressure mbar, temperature C)
 *     (Saemundsson's formula scaled for P and T); no polar motion, no diurnal aberration, no
 *     geocentric parallax of the site, humidity and wavelength ignored.
 * Dates: libnova's JDE for apparent_place is the input TT; for the observed place the JDE is
 * ln_get_jde(UT1) (libnova's own Delta T model).
 */
#include <math.h>

#include <libnova/libnova.h>

#include "abp.h"
#include "libnova_apparent.h"

#define MAS_PER_YEAR_PER_RAD_PER_YEAR (180.0 / ABP_PI)

static void apparent(const double *in, double jde, struct ln_equ_posn *app)
{
    struct ln_equ_posn mean, pm;

    mean.ra = in[1] * ABP_RAD2DEG;
    mean.dec = in[2] * ABP_RAD2DEG;
    pm.ra = in[3] * MAS_PER_YEAR_PER_RAD_PER_YEAR;
    pm.dec = in[4] * MAS_PER_YEAR_PER_RAD_PER_YEAR;
    ln_get_apparent_posn(&mean, &pm, jde, app);
}

/* apparent_place: jd_tt ra dec pmr pmd px rv -> apparent ra dec of date */
void libnova_apparent_place(const double *in, double *out)
{
    struct ln_equ_posn app;

    apparent(in, in[0], &app);
    out[0] = ln_range_degrees(app.ra) * ABP_DEG2RAD;
    out[1] = app.dec * ABP_DEG2RAD;
}

/* observed_horizontal: jd_utc ra dec pmr pmd px rv dut1 elong phi hm xp yp phpa tc rh wl -> az alt */
void libnova_observed_horizontal(const double *in, double *out)
{
    struct ln_equ_posn app;
    struct ln_lnlat_posn observer;
    struct ln_hrz_posn hrz;
    double ut1 = in[0] + in[7] / 86400.0;

    apparent(in, ln_get_jde(ut1), &app);
    observer.lng = in[8] * ABP_RAD2DEG;
    observer.lat = in[9] * ABP_RAD2DEG;
    ln_get_hrz_from_equ_sidereal_time(&app, &observer, ln_get_apparent_sidereal_time(ut1), &hrz);
    out[0] = ln_range_degrees(hrz.az + 180.0) * ABP_DEG2RAD;
    out[1] = (hrz.alt + ln_get_refraction_adj(hrz.alt, in[13], in[14])) * ABP_DEG2RAD;
}
