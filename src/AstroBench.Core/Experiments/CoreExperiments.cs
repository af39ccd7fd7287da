using AstroBench.Core.Inputs;
using AstroBench.Core.Metrics;

namespace AstroBench.Core.Experiments;

/// <summary>The seven core experiments of the original lab (frame rotation, sidereal time, ecliptic, horizontal, Sun, Moon, Kepler).</summary>
internal static class CoreExperiments
{
    /// <summary>IAU 2000A nutation (1,365 terms) per case: the slowest accuracy calls of the catalog.</summary>
    internal const double HeavyCancelGraceSeconds = 5;

    private static readonly string[] Matrix = ["r11", "r12", "r13", "r21", "r22", "r23", "r31", "r32", "r33"];

    public static IReadOnlyList<ExperimentDefinition> All { get; } =
    [
        new("frame_rotation_bpn", "ICRS → true equator and equinox of date (bias-precession-nutation)", "frame rotations",
            "Rotates ICRS unit vectors to the true equator and equinox of date with the full bias-precession-nutation " +
            "matrix (reference: ERFA eraPnm06a, IAU 2006/2000A). Every apparent-place computation starts here. " +
            "angular_error_mas is the angle between the reference and candidate vectors in milliarcseconds; " +
            "matrix_frobenius compares whole matrices when both libraries expose one. A few mas means the same " +
            "model with different truncation; tens of mas to an arcsecond is a model gap (e.g. IAU 1976/1980 " +
            "precession-nutation, or a missing frame bias of ~23 mas).",
            ["x", "y", "z", .. Matrix], new FrameRotationInputs(), new VectorDirectionScorer(matrixStart: 3)) { CaseOutputCount = 3, CancelGraceSeconds = HeavyCancelGraceSeconds, FromFrame = Frames.Icrs, ToFrame = Frames.TrueOfDate },
        new("gmst_era", "Greenwich mean sidereal time and Earth rotation angle", "sidereal time",
            "Computes GMST (reference: eraGmst06, IAU 2006) and the Earth rotation angle (eraEra00) from UT1 (and TT). " +
            "Errors are signed differences wrapped to ±π, in arcseconds (1 s of time = 15″). Differences of a few " +
            "mas are numerical; ~0.1″ over a century is the IAU 1982 vs 2006 GMST model gap.",
            ["gmst_rad", "era_rad"], new SiderealTimeInputs(),
            new AngleDifferenceScorer([("gmst_rad", "gmst_error_arcsec"), ("era_rad", "era_error_arcsec")])) { FromFrame = Frames.Ut1, ToFrame = Frames.SiderealAngle },
        new("equ_ecl", "ICRS equatorial → ecliptic of date, with round-trip closure", "ecliptic transforms",
            "Converts ICRS (ra, dec) to ecliptic longitude and latitude of date (reference: eraEqec06, IAU 2006 " +
            "precession and obliquity), then back with the same library (eraEceq06 for the reference). " +
            "angular_error_mas compares the ecliptic directions; closure_error_mas measures how far each library's " +
            "own round trip lands from the input — a self-consistency check that needs no reference.",
            ["lon_rad", "lat_rad", "ra_back_rad", "dec_back_rad"], new EquatorialInputs(),
            new SphericalDirectionScorer(0, 1, ["lon_rad", "lat_rad"],
                new SphericalDirectionScorer.Closure(2, 3, 1, 2, ["ra_back_rad", "dec_back_rad"]))) { FromFrame = Frames.Icrs, ToFrame = Frames.EclipticOfDate },
        new("equ_horizontal", "Apparent equatorial → horizontal (azimuth, altitude)", "horizontal transforms",
            "Converts an apparent (ra, dec) of date to azimuth (from north through east) and altitude for an observer, " +
            "with the hour angle from Greenwich apparent sidereal time (reference: eraGst06a + eraHd2ae). " +
            "angular_error_mas is the angle between the (az, alt) directions, so it stays meaningful near the zenith " +
            "where azimuth differences are not.",
            ["az_rad", "alt_rad"], new HorizontalInputs(),
            new SphericalDirectionScorer(0, 1, ["az_rad", "alt_rad"])) { FromFrame = Frames.ApparentOfDate, ToFrame = Frames.Horizontal },
        new("solar_position", "Geocentric position of the Sun", "ephemerides",
            "Geometric geocentric position of the Sun on ICRS/J2000 axes (no light time, no aberration), TT. Reference: the " +
            "adapter that claims it — Swiss Ephemeris (compressed JPL DE431) where installed, an external reference, so errors " +
            "measure each library's solar theory (ERFA's eraEpv00 VSOP2000 fit: a few mas; truncated VSOP87: tens of mas to arcsec). " +
            "separation_arcsec is the angle between positions; ra_cosdec_error_arcsec and dec_error_arcsec are signed components; " +
            "dist_error_km the signed distance error.",
            ["ra_rad", "dec_rad", "dist_au"], new EpochInputs(), new AngularPositionScorer()) { FromFrame = Frames.EpochTt, ToFrame = Frames.GeocentricIcrs },
        new("lunar_position", "Geocentric position of the Moon", "ephemerides",
            "Geometric geocentric position of the Moon on GCRS/J2000 axes, TT. Reference: Swiss Ephemeris (JPL DE431) where " +
            "installed; ERFA's eraMoon98 (Meeus's truncated ELP, ~10″) and full ELP 2000-82B (libnova) are candidates. " +
            "Metrics as for solar_position.",
            ["ra_rad", "dec_rad", "dist_au"], new EpochInputs(), new AngularPositionScorer()) { FromFrame = Frames.EpochTt, ToFrame = Frames.GeocentricIcrs },
        new("kepler_solver", "Kepler's equation: mean → eccentric → true anomaly", "orbits",
            "Solves M = E − e sin E for E and converts to the true anomaly ν, for 0 ≤ e < 1 including e close to 1. " +
            "Reference: a Newton-Raphson solver iterated to 1e-15 rad in the erfa adapter (ERFA has no Kepler routine; " +
            "stated as such). Errors in arcseconds; residual_rad is the candidate's own |M − (E − e sin E)|, and " +
            "non_converged counts residuals above 1e-9 rad.",
            ["e_anom_rad", "true_anom_rad"], new KeplerInputs(), new KeplerScorer()) { FromFrame = Frames.MeanAnomaly, ToFrame = Frames.TrueAnomaly },
    ];

}
