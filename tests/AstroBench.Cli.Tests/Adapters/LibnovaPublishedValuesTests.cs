using AstroBench.Cli.Tests.Infrastructure;

namespace AstroBench.Cli.Tests.Adapters;

/// <summary>The libnova adapter against Meeus's worked examples (the algorithms libnova implements).</summary>
[Collection(AdaptersCollection.Name)]
public sealed class LibnovaPublishedValuesTests
{
    [Fact]
    public async Task Gmst_MatchesMeeusExample12a()
    {
        // Meeus 12.a: 1987 April 10, 0h UT → GMST = 13h10m46.3668s.
        var row = (await AdapterCall.AccuracyAsync("libnova", "gmst_era", [2446895.5, 2446895.5]))[0];
        var expected = (13 + 10 / 60.0 + 46.3668 / 3600) * 15 * Math.PI / 180;

        Assert.True(Math.Abs(row[0] - expected) < 1e-8, $"gmst {row[0]:R} vs {expected:R}");
        Assert.True(double.IsNaN(row[1]), "libnova has no Earth rotation angle: the adapter must send nan");
    }

    [Fact]
    public async Task Kepler_MatchesMeeusExample30a()
    {
        var row = (await AdapterCall.AccuracyAsync("libnova", "kepler_solver", [5 * Math.PI / 180, 0.1]))[0];

        Assert.Equal(5.554589, row[0] * 180 / Math.PI, 6);
    }

    [Fact]
    public async Task Moon_DistanceMatchesMeeusExample47a()
    {
        // Meeus 47.a: 1992 April 12, 0h TD → Δ = 368409.7 km (libnova's full ELP 2000-82B lands within a few km).
        var row = (await AdapterCall.AccuracyAsync("libnova", "lunar_position", [2448724.5]))[0];

        Assert.InRange(row[2] * 149_597_870.7, 368_400.0, 368_420.0);
    }
}
