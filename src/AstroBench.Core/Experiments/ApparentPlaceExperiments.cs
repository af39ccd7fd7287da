using AstroBench.Core.Inputs;
using AstroBench.Core.Metrics;

namespace AstroBench.Core.Experiments;

/// <summary>
/// Apparent and observed place of stars and the time scales they need (issue 13): the steps from a
/// catalogue position to where a telescope points, each referenced to ERFA (eraAtci13, eraAtco13,
/// eraDat/eraUtctai/eraTaitt/eraDtdb).
/// </summary>
internal static class ApparentPlaceExperiments
{
    public static IReadOnlyList<ExperimentDefinition> All { get; } =
    [
        new("apparent_place", "ICRS astrometric → geocentric apparent place of a star", "apparent place",
            "Turns an ICRS catalogue entry (ra, dec, proper motion, parallax, radial velocity) into the geocentric apparent " +
            "(ra, dec) on the true equator and equinox of date: space motion to the date, parallax, light deflection by the Sun, " +
            "annual aberration, then precession-nutation (reference: eraAtci13 for the CIRS place, minus its equation of the " +
            "origins eo, so ra is measured from the true equinox). TT is used for TDB. angular_error_mas is the angle between " +
            "the apparent directions; sub-mas means the same model, a few mas to tens of mas a truncated nutation or a missing " +
            "deflection/frame bias, arcseconds a missing aberration or space motion.",
            ["ra_rad", "dec_rad"], new ApparentPlaceInputs(), new SphericalDirectionScorer(0, 1, ["ra_rad", "dec_rad"]))
        {
            CancelGraceSeconds = CoreExperiments.HeavyCancelGraceSeconds,
        },
        new("observed_horizontal", "ICRS astrometric → observed azimuth and altitude with refraction", "horizontal transforms",
            "Turns an ICRS catalogue entry into observed (azimuth from north through east, altitude) for an observer on the " +
            "ground at a UTC instant, with UT1 − UTC and polar motion given, and atmospheric refraction for the given pressure, " +
            "temperature, humidity and wavelength (reference: eraAtco13; its refraction is eraRefco's A tan z + B tan³ z with " +
            "ERFA's near-horizon handling). angular_error_mas is the angle between the observed directions. Near the horizon " +
            "refraction reaches ~35′ and models differ by arcminutes; above 15° a good model agrees to an arcsecond or better.",
            ["az_rad", "alt_rad"], new ObservedPlaceInputs(), new SphericalDirectionScorer(0, 1, ["az_rad", "alt_rad"]))
        {
            CancelGraceSeconds = CoreExperiments.HeavyCancelGraceSeconds,
        },
        new("time_scales", "Time scales: UTC → TAI → TT → TDB, and UT1 from a stated ΔT", "time scales",
            "From a UTC Julian Date and a stated ΔT = TT − UT1 in seconds, computes TAI − UTC (the leap-second table; reference " +
            "eraDat through eraUtctai, including the pre-1972 drift formula), TT − TAI (32.184 s), TDB − TT at the geocentre " +
            "(eraDtdb, Fairhead & Bretagnon, ~1.7 ms annual term) and UT1 − UTC = (TT − UTC) − ΔT. Errors are signed, in " +
            "microseconds. A whole number of seconds in tai_utc_error_us is a stale or different leap-second table (each " +
            "library's table version is in the run manifest); µs-level tdb_tt errors are a shorter TDB series.",
            ["tai_utc_s", "tt_tai_s", "tdb_tt_s", "ut1_utc_s"], new TimeScaleInputs(),
            new ScaledDifferenceScorer(
                [("tai_utc_s", "tai_utc_error_us"), ("tt_tai_s", "tt_tai_error_us"), ("tdb_tt_s", "tdb_tt_error_us"), ("ut1_utc_s", "ut1_utc_error_us")],
                "us", 1e6)),
    ];
}
