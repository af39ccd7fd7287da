using AstroBench.Cli.Tests.Infrastructure;

namespace AstroBench.Cli.Tests.Adapters;

/// <summary>
/// Ties the ephemeris (Moshier) adapter to ERFA's published values where those are far more accurate than
/// Moshier's stated precision (PLAN404 fitted to DE404 to about 1" for the planets, a few arcseconds for the
/// Moon): t_epv00 (the Earth, so the Sun, to mas) and t_moon98 (Meeus's truncated ELP, ~10"), from
/// liberfa/erfa src/t_erfa_c.c; and to Meeus 26.a's Sun distance.
/// </summary>
[Collection(AdaptersCollection.Name)]
public sealed class EphemerisPublishedValuesTests
{
    private const double MasPerRad = 180 * 3600 * 1000 / Math.PI;

    private static double SeparationArcsec(double ra1, double dec1, double ra2, double dec2)
    {
        double[] u = [Math.Cos(dec1) * Math.Cos(ra1), Math.Cos(dec1) * Math.Sin(ra1), Math.Sin(dec1)];
        double[] v = [Math.Cos(dec2) * Math.Cos(ra2), Math.Cos(dec2) * Math.Sin(ra2), Math.Sin(dec2)];
        var cx = u[1] * v[2] - u[2] * v[1];
        var cy = u[2] * v[0] - u[0] * v[2];
        var cz = u[0] * v[1] - u[1] * v[0];
        return Math.Atan2(Math.Sqrt(cx * cx + cy * cy + cz * cz), u[0] * v[0] + u[1] * v[1] + u[2] * v[2]) * MasPerRad / 1000;
    }

    [Fact]
    public async Task Sun_AgreesWithPublishedEpv00_ToMoshiersArcsecond()
    {
        // t_epv00 at TT 2453412.02501161: heliocentric Earth (-0.7757238809297706813, 0.5598052241363340596, 0.2426998466481686993) au.
        var sun = AdapterCall.Spherical(0.7757238809297706813, -0.5598052241363340596, -0.2426998466481686993);
        var row = (await AdapterCall.AccuracyAsync("ephemeris", "solar_position", [2453412.02501161]))[0];

        Assert.True(SeparationArcsec(row[0], row[1], sun.Ra, sun.Dec) < 1, $"sun direction {SeparationArcsec(row[0], row[1], sun.Ra, sun.Dec)}\"");
        Assert.Equal(sun.Dist, row[2], 2e-7);
    }

    [Fact]
    public async Task Moon_AgreesWithPublishedMoon98_ToItsTenArcseconds()
    {
        // t_moon98 at TT 2444000.4: (-0.2601295959971044180e-2, 0.6139750944302742189e-3, 0.2640794528229828909e-3) au, GCRS.
        var moon = AdapterCall.Spherical(-0.2601295959971044180e-2, 0.6139750944302742189e-3, 0.2640794528229828909e-3);
        var row = (await AdapterCall.AccuracyAsync("ephemeris", "lunar_position", [2444000.4]))[0];

        Assert.True(SeparationArcsec(row[0], row[1], moon.Ra, moon.Dec) < 15, $"moon direction {SeparationArcsec(row[0], row[1], moon.Ra, moon.Dec)}\"");
        Assert.Equal(moon.Dist * 149597870.7, row[2] * 149597870.7, 20.0);
    }

    [Fact]
    public async Task FrameExperiments_AreSkipped_WithAReason()
    {
        var result = await AdapterCall.RawAsync("ephemeris",
            AstroBench.Core.Protocol.AdapterRequest.Accuracy("gmst_era", TwoColumnTable()), 2, TimeSpan.FromSeconds(30));

        Assert.Equal(AstroBench.Core.Protocol.CallOutcome.Skipped, result.Outcome);
        Assert.Contains("Moshier", result.Detail, StringComparison.Ordinal);
    }

    private static AstroBench.Core.Inputs.InputTable TwoColumnTable()
    {
        var table = new AstroBench.Core.Inputs.InputTable(["jd_ut1", "jd_tt"], 1, 0);
        table.RowForWrite(0)[0] = 2451545.0;
        table.RowForWrite(0)[1] = 2451545.0;
        return table;
    }
}
