// casacore_adapter.cpp - AstroBench adapter (protocol "ABP 1", docs/adapter-protocol.md) for casacore's
// measures module (Debian casacore-dev 3.5): MeasConvert epoch and direction conversions, and the JPL
// DE405 tables (casacore-data-jpl-de405) read through MeasJPL for the Sun, Moon and planets.
//
// casacore's defaults are used (IAU 1976 precession, IAU 1980 nutation; the IAU 2000 options of .casarc
// are not set), its TAI-UTC table is Debian's /var/lib/casacore/data/geodetic/TAI_UTC (built from
// tzdata's leap-seconds.list). MJD = JD - 2400000.5; casacore carries epochs as (day, fraction).
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits.h>
#include <stdlib.h>
#include <string>

#include <casacore/casa/Arrays/Vector.h>
#include <casacore/casa/version.h>
#include <casacore/casa/Quanta/MVDirection.h>
#include <casacore/casa/Quanta/MVEpoch.h>
#include <casacore/measures/Measures/MCDirection.h>
#include <casacore/measures/Measures/MCEpoch.h>
#include <casacore/measures/Measures/MDirection.h>
#include <casacore/measures/Measures/MEpoch.h>
#include <casacore/measures/Measures/MeasConvert.h>
#include <casacore/measures/Measures/MeasFrame.h>
#include <casacore/measures/Measures/MeasJPL.h>
#include <casacore/measures/Measures/MeasTable.h>

extern "C" {
#include "abp.h"
}

using namespace casacore;

namespace {

const double MJD0 = 2400000.5;
const char *const ADAPTER_VERSION = "1.1.0";

MVEpoch mvEpoch(double jd)
{
    double mjd = jd - MJD0;
    double day = std::floor(mjd);
    return MVEpoch(day, mjd - day);
}

double seconds(const MVEpoch &a, const MVEpoch &b)
{
    return ((a.getDay() - b.getDay()) + (a.getDayFraction() - b.getDayFraction())) * 86400.0;
}

MVEpoch convert(const MVEpoch &from, MEpoch::Types fromType, MEpoch::Types toType)
{
    return MEpoch::Convert(MEpoch::Ref(fromType), MEpoch::Ref(toType))(MEpoch(from, fromType)).getValue();
}

// time_scales: jd_utc delta_t_s -> tai_utc_s tt_tai_s tdb_tt_s ut1_utc_s
void time_scales(const double *in, double *out)
{
    MVEpoch utc = mvEpoch(in[0]);
    MVEpoch tai = convert(utc, MEpoch::UTC, MEpoch::TAI);
    MVEpoch tt = convert(tai, MEpoch::TAI, MEpoch::TT);
    MVEpoch tdb = convert(tt, MEpoch::TT, MEpoch::TDB);
    out[0] = seconds(tai, utc);
    out[1] = seconds(tt, tai);
    out[2] = seconds(tdb, tt);
    out[3] = out[0] + out[1] - in[1];
}

// gmst_era: jd_ut1 jd_tt -> gmst_rad (MEpoch UT1 -> GMST1, casacore's IAU 1982 GMST); era not provided.
void gmst_era(const double *in, double *out)
{
    MVEpoch g = convert(mvEpoch(in[0]), MEpoch::UT1, MEpoch::GMST1);
    double frac = g.getDayFraction();
    out[0] = std::fmod(frac, 1.0) * ABP_2PI;
    out[1] = NAN;
}

MVDirection convertDirection(const MVDirection &v, MDirection::Types from, MDirection::Types to, double jd_tt)
{
    MeasFrame frame(MEpoch(mvEpoch(jd_tt), MEpoch::TT));
    return MDirection::Convert(MDirection::Ref(from, frame), MDirection::Ref(to, frame))(MDirection(v, from)).getValue();
}

// frame_rotation_bpn: jd_tt x y z (ICRS) -> x y z of the true equator and equinox of date (JTRUE); no matrix.
void frame_rotation_bpn(const double *in, double *out)
{
    MVDirection d = convertDirection(MVDirection(in[1], in[2], in[3]), MDirection::ICRS, MDirection::JTRUE, in[0]);
    const Vector<Double> &v = d.getValue();
    out[0] = v[0];
    out[1] = v[1];
    out[2] = v[2];
    for (int k = 3; k < 12; k++) out[k] = NAN;
}

// apparent_place: jd_tt ra dec pmr pmd px rv -> apparent ra dec (ICRS -> APP: aberration, light deflection,
// precession-nutation). casacore's direction conversions carry no space motion: a moving star is nan.
void apparent_place(const double *in, double *out)
{
    if (in[3] != 0 || in[4] != 0 || in[5] != 0 || in[6] != 0) {
        out[0] = out[1] = NAN;
        return;
    }
    MVDirection d = convertDirection(MVDirection(in[1], in[2]), MDirection::ICRS, MDirection::APP, in[0]);
    double ra = d.getLong();
    out[0] = ra < 0 ? ra + ABP_2PI : ra;
    out[1] = d.getLat();
}

// Bodies: DE405 barycentric positions (au, ICRF axes) at TDB ~ TT, geocentric geometric difference.
// For the Moon, MeasJPL's MOON is the Earth-Moon barycentre plus the geocentric Moon of the DE file
// (its MOON minus its BARYEARTH is the geocentric Moon; minus its EARTH is 1.2 % too long), so the
// Moon is taken relative to BARYEARTH.
void body_position(MeasJPL::Types body, const double *in, double *out)
{
    Vector<Double> b(6), e(6);
    MVEpoch t = mvEpoch(in[0]);
    MeasJPL::Types origin = body == MeasJPL::MOON ? MeasJPL::BARYEARTH : MeasJPL::EARTH;
    if (!MeasJPL::get(b, MeasJPL::DE405, body, t) || !MeasJPL::get(e, MeasJPL::DE405, origin, t)) {
        out[0] = out[1] = out[2] = NAN;
        return;
    }
    double x = b[0] - e[0], y = b[1] - e[1], z = b[2] - e[2];
    double ra = std::atan2(y, x);
    out[0] = ra < 0 ? ra + ABP_2PI : ra;
    out[1] = std::atan2(z, std::hypot(x, y));
    out[2] = std::sqrt(x * x + y * y + z * z);
}

void solar_position(const double *in, double *out) { body_position(MeasJPL::SUN, in, out); }
void lunar_position(const double *in, double *out) { body_position(MeasJPL::MOON, in, out); }
void mercury_position(const double *in, double *out) { body_position(MeasJPL::MERCURY, in, out); }
void venus_position(const double *in, double *out) { body_position(MeasJPL::VENUS, in, out); }
void mars_position(const double *in, double *out) { body_position(MeasJPL::MARS, in, out); }
void jupiter_position(const double *in, double *out) { body_position(MeasJPL::JUPITER, in, out); }
void saturn_position(const double *in, double *out) { body_position(MeasJPL::SATURN, in, out); }
void uranus_position(const double *in, double *out) { body_position(MeasJPL::URANUS, in, out); }
void neptune_position(const double *in, double *out) { body_position(MeasJPL::NEPTUNE, in, out); }

// casacore 3.5's MDirection::AZEL is geometric: MDirection.h says "the AZEL will include Earth tides and refraction at
// a later stage", and MeasFrame holds no pressure, temperature or humidity ("environmental information like
// refraction data will be added"). Without refraction (~35' at the horizon, ~1' at 45 deg) it cannot express eraAtco13.
const char *const OBSERVED_SKIP =
    "casacore 3.5 MDirection::AZEL has no atmospheric refraction (MDirection.h: refraction 'at a later stage'; MeasFrame "
    "takes no pressure, temperature or humidity), and its direction conversions carry no proper motion or parallax: it "
    "cannot express eraAtco13's observed place";

const abp_experiment experiments[] = {
    {"time_scales", 2, 4, 4, time_scales, nullptr},
    {"gmst_era", 2, 2, 1, gmst_era, nullptr},
    {"frame_rotation_bpn", 4, 12, 3, frame_rotation_bpn, nullptr},
    {"apparent_place", 7, 2, 2, apparent_place, nullptr},
    {"solar_position", 1, 3, 3, solar_position, nullptr},
    {"lunar_position", 1, 3, 3, lunar_position, nullptr},
    {"mercury_position", 1, 3, 3, mercury_position, nullptr},
    {"venus_position", 1, 3, 3, venus_position, nullptr},
    {"mars_position", 1, 3, 3, mars_position, nullptr},
    {"jupiter_position", 1, 3, 3, jupiter_position, nullptr},
    {"saturn_position", 1, 3, 3, saturn_position, nullptr},
    {"uranus_position", 1, 3, 3, uranus_position, nullptr},
    {"neptune_position", 1, 3, 3, neptune_position, nullptr},
    {"kepler_solver", 2, 2, 2, nullptr, "casacore's measures module has no Kepler equation solver"},
    {"observed_horizontal", 17, 2, 2, nullptr, OBSERVED_SKIP},
};

void printDataVersions()
{
    Double au = 0;
    bool de405 = MeasJPL::getConst(au, MeasJPL::DE405, MeasJPL::AU);
    // TAI-UTC just after the newest leap second casacore knows: its table's last offset.
    std::printf("leap_seconds: casacore TAI_UTC table, TAI-UTC %.1f s at 2030-01-01 and %.1f s on 2016-12-31 (Debian: built from tzdata leap-seconds.list)\n",
                MeasTable::dUTC(62502.0), MeasTable::dUTC(57753.5));
    std::printf("ephemeris: %s\n", de405 ? "JPL DE405 (casacore-data-jpl-de405, MeasJPL)" : "DE405 table unavailable");
    std::printf("eop: none used (UT1 given; no IERS tables)\n");
    std::printf("models: IAU 1976 precession, IAU 1980 nutation (casacore defaults)\n");
}

} // namespace

int main(int argc, char **argv)
{
    // The adapter's own resource file (see casarc), unless the user points casacore elsewhere.
    char casarc[4096];
    if (std::getenv("CASARCFILES") == nullptr && realpath("casarc", casarc) != nullptr) {
        setenv("CASARCFILES", casarc, 0);
    }
    if (argc > 1 && std::strcmp(argv[1], "--data-versions") == 0) {
        printDataVersions();
        return 0;
    }
    char version[256];
    std::snprintf(version, sizeof version, "casacore-adapter %s; casacore %s measures (MeasConvert, MeasJPL DE405)", ADAPTER_VERSION, getVersion());
    return abp_main(argc, argv, version, experiments, sizeof experiments / sizeof experiments[0]);
}
