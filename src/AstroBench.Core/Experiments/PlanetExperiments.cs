using AstroBench.Core.Inputs;
using AstroBench.Core.Metrics;

namespace AstroBench.Core.Experiments;

/// <summary>Geocentric positions of the seven other major planets, scored like the Sun and the Moon.</summary>
internal static class PlanetExperiments
{
    private static readonly string[] Planets = ["mercury", "venus", "mars", "jupiter", "saturn", "uranus", "neptune"];

    public static IReadOnlyList<ExperimentDefinition> All { get; } = Planets.Select(p =>
        new ExperimentDefinition($"{p}_position", $"Geocentric position of {char.ToUpperInvariant(p[0])}{p[1..]}", "ephemerides",
            $"Geometric geocentric position of {char.ToUpperInvariant(p[0])}{p[1..]} on ICRS/J2000 axes (no light time, no aberration, " +
            "no deflection), TT. The reference is the adapter that claims it (Swiss Ephemeris from JPL DE431 data where installed: " +
            "an external reference, so errors measure each library's planetary theory, e.g. ERFA's eraPlan94 or a truncated VSOP87). " +
            "separation_arcsec is the angle between positions; ra_cosdec_error_arcsec and dec_error_arcsec are signed components; " +
            "dist_error_km the signed distance error.",
            ["ra_rad", "dec_rad", "dist_au"], new EpochInputs(), new AngularPositionScorer())
        {
            // Full VSOP87 series per case in the JavaScript and Python adapters.
            CancelGraceSeconds = CoreExperiments.HeavyCancelGraceSeconds,
            FromFrame = Frames.EpochTt,
            ToFrame = Frames.GeocentricIcrs,
        }).ToList();
}
