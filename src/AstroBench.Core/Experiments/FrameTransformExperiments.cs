using AstroBench.Core.Inputs;
using AstroBench.Core.Metrics;

namespace AstroBench.Core.Experiments;

/// <summary>
/// The ERFA-referenced direction transforms of the full catalog: each rotates seeded unit vectors at
/// epochs 2000–2100 with one stage of the IAU 2006/2000A chain (or its inverse), so a gap can be
/// attributed to the stage that causes it. Outputs are x y z plus, optionally, the 3×3 matrix.
/// </summary>
internal static class FrameTransformExperiments
{
    private static readonly string[] VectorOutputs = ["x", "y", "z", "r11", "r12", "r13", "r21", "r22", "r23", "r31", "r32", "r33"];

    private const string Reading =
        " angular_error_mas is the angle between reference and candidate output vectors (atan2 of cross and dot products, " +
        "resolving µas); matrix_frobenius compares the matrices when both sides expose one. Sub-mas errors are numerical; " +
        "tens of mas and more are model differences (IAU 1976/1980 vs 2006/2000A, truncated series, a missing frame bias).";

    private static ExperimentDefinition Rotation(string id, string title, (string From, string To) frames, string what) =>
        new(id, title, "frame rotations", what + Reading, VectorOutputs, new FrameRotationInputs(EpochRange.Modern),
            new VectorDirectionScorer(matrixStart: 3)) { CaseOutputCount = 3, FromFrame = frames.From, ToFrame = frames.To };

    /// <summary>The inverse of a rotation between <paramref name="frames"/> (given forward; the inverse goes back).</summary>
    private static ExperimentDefinition Inverse(string id, string forward, string title, (string From, string To) frames) =>
        Rotation("inv_" + id, title, (frames.To, frames.From),
            $"The inverse of {forward} (the transposed matrix): it checks that a library's way back is as good as its way there, " +
            "which matters when coordinates of date are reduced to a catalogue frame.");

    public static IReadOnlyList<ExperimentDefinition> All { get; } =
    [
        Rotation("frame_bias", "Frame bias: ICRS → mean J2000 dynamical frame", (Frames.Icrs, Frames.MeanJ2000),
            "Applies the frame bias matrix (reference: rb from eraBp06), a fixed ~23 mas rotation between ICRS and the J2000 " +
            "mean equator and equinox. A library that treats ICRS as FK5/J2000 shows exactly this size of error everywhere."),
        Inverse("frame_bias", "frame_bias", "Inverse frame bias: mean J2000 → ICRS", (Frames.Icrs, Frames.MeanJ2000)),
        Rotation("precession", "Precession: mean J2000 → mean equator and equinox of date", (Frames.MeanJ2000, Frames.MeanOfDate),
            "Applies the precession matrix alone (reference: rp from eraBp06, IAU 2006). Model gaps grow with time from J2000 " +
            "(IAU 1976 vs 2006 reach tens of mas per century)."),
        Inverse("precession", "precession", "Inverse precession: mean of date → mean J2000", (Frames.MeanJ2000, Frames.MeanOfDate)),
        Rotation("nutation", "Nutation: mean → true equator and equinox of date", (Frames.MeanOfDate, Frames.TrueOfDate),
            "Applies the nutation matrix alone (reference: eraNum06a, IAU 2000A with the IAU 2006 adjustments). Truncated or " +
            "IAU 1980 nutation series differ by up to a few tens of mas."),
        Inverse("nutation", "nutation", "Inverse nutation: true → mean of date", (Frames.MeanOfDate, Frames.TrueOfDate)),
        Rotation("bias_precession", "Bias-precession: ICRS → mean of date", (Frames.Icrs, Frames.MeanOfDate),
            "Applies frame bias and precession together (reference: rbp from eraBp06)."),
        Inverse("bias_precession", "bias_precession", "Inverse bias-precession: mean of date → ICRS", (Frames.Icrs, Frames.MeanOfDate)),
        Rotation("precession_nutation", "Precession-nutation without frame bias: mean J2000 → true of date", (Frames.MeanJ2000, Frames.TrueOfDate),
            "Applies rn·rp (reference: eraNum06a × rp of eraBp06): the classical FK5-style chain, for libraries without a frame bias."),
        Inverse("precession_nutation", "precession_nutation", "Inverse precession-nutation: true of date → mean J2000", (Frames.MeanJ2000, Frames.TrueOfDate)),
        Inverse("bpn", "frame_rotation_bpn", "Inverse bias-precession-nutation: true of date → ICRS", (Frames.Icrs, Frames.TrueOfDate)),
        Rotation("icrs_ecl_j2000", "ICRS → ecliptic of J2000", (Frames.Icrs, Frames.EclipticJ2000),
            "Rotates ICRS vectors to the mean ecliptic and equinox of J2000 (reference: eraEcm06 at J2000: bias, then the IAU 2006 " +
            "obliquity). The epoch column is ignored."),
        Inverse("icrs_ecl_j2000", "icrs_ecl_j2000", "Inverse: ecliptic of J2000 → ICRS", (Frames.Icrs, Frames.EclipticJ2000)),
        Rotation("icrs_ecl_tod", "ICRS → ecliptic of date (rotation matrix on vectors)", (Frames.Icrs, Frames.EclipticOfDate),
            "Rotates ICRS Cartesian vectors to the mean ecliptic and equinox of date with the matrix of eraEcm06(date). Unlike " +
            "equ_ecl, which exercises each library's spherical-coordinate API and its own round trip, this tests the rotation " +
            "matrix itself on vectors (matrix_frobenius when exposed), with no angle conversions involved."),
        Inverse("icrs_ecl_tod", "icrs_ecl_tod", "Inverse: ecliptic of date → ICRS (rotation matrix on vectors)", (Frames.Icrs, Frames.EclipticOfDate)),
        Rotation("obliquity", "Equator → ecliptic of J2000 by the obliquity alone", (Frames.MeanJ2000, Frames.EclipticJ2000),
            "Rotates about the x axis by the IAU 2006 mean obliquity of J2000 (Rx(eraObl06(J2000)), 84381.406″): no bias, no " +
            "precession. Differences measure only the obliquity constant (IAU 1976: 84381.448″, i.e. 42 mas). The epoch column is ignored."),
        Rotation("inv_obliquity", "Ecliptic of J2000 → equator by the obliquity alone", (Frames.EclipticJ2000, Frames.MeanJ2000),
            "The inverse of obliquity: Rx(−eraObl06(J2000))."),
        new("inv_equ_ecl", "Ecliptic of date → ICRS equatorial, with round-trip closure", "ecliptic transforms",
            "Converts ecliptic longitude and latitude of date to ICRS (ra, dec) (reference: eraEceq06), then back with the same " +
            "library (eraEqec06 for the reference). angular_error_mas compares the equatorial directions; closure_error_mas is " +
            "each library's own round trip.",
            ["ra_rad", "dec_rad", "lon_back_rad", "lat_back_rad"], new EquatorialInputs("lon_rad", "lat_rad"),
            new SphericalDirectionScorer(0, 1, ["ra_rad", "dec_rad"],
                new SphericalDirectionScorer.Closure(2, 3, 1, 2, ["lon_back_rad", "lat_back_rad"])))
        {
            FromFrame = Frames.EclipticOfDate,
            ToFrame = Frames.Icrs,
        },
        new("horiz_to_equ", "Horizontal (azimuth, altitude) → apparent equatorial", "horizontal transforms",
            "Converts azimuth (from north through east) and altitude to an apparent (ra, dec) of date for an observer (reference: " +
            "eraAe2hd for the hour angle and declination, ra = GAST(eraGst06a) + lon − ha). angular_error_mas is the angle " +
            "between the (ra, dec) directions.",
            ["ra_rad", "dec_rad"], new HorizonInputs(), new SphericalDirectionScorer(0, 1, ["ra_rad", "dec_rad"]))
        {
            FromFrame = Frames.Horizontal,
            ToFrame = Frames.ApparentOfDate,
        },
    ];
}
