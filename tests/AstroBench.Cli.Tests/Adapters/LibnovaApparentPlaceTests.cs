using AstroBench.Cli.Tests.Infrastructure;

namespace AstroBench.Cli.Tests.Adapters;

/// <summary>
/// libnova's apparent place against Meeus, "Astronomical Algorithms" 23.a (θ Persei, 2028 November 13.19 TD),
/// the example libnova's own test suite (lntest precession_test) starts from: after proper motion and
/// precession it publishes α = 41.547212°, δ = 49.348483° (Meeus 21.b). Meeus's apparent place adds
/// nutation (Δα1 = +15.843″, Δδ1 = +6.218″) and aberration (Δα2 = +30.045″, Δδ2 = +6.697″); libnova 0.16's
/// ln_get_apparent_posn adds the aberration only, which the test pins down (adapter.json says so).
/// </summary>
[Collection(AdaptersCollection.Name)]
public sealed class LibnovaApparentPlaceTests
{
    private const double Deg = Math.PI / 180;
    private const double Arcsec = Deg / 3600;

    [Fact]
    public async Task ApparentPlace_IsMeeus23a_WithoutItsNutationTerms()
    {
        double[] star =
        [
            2462088.69, (2 + 44 / 60.0 + 11.986 / 3600) * 15 * Deg, (49 + 13 / 60.0 + 42.48 / 3600) * Deg,
            0.03425 * 15 * Arcsec, -0.0895 * Arcsec, 0, 0,
        ];
        var row = (await AdapterCall.AccuracyAsync("libnova", "apparent_place", star))[0];
        var meeusRa = (2 + 46 / 60.0 + 14.390 / 3600) * 15 * Deg;
        var meeusDec = (49 + 21 / 60.0 + 7.45 / 3600) * Deg;

        Assert.Equal(meeusRa - 15.843 * Arcsec, row[0], 1 * Arcsec);
        Assert.Equal(meeusDec - 6.218 * Arcsec, row[1], 1 * Arcsec);
        // libnova's published mean place of date plus Meeus's aberration, the same to 1″.
        Assert.Equal((41.547212 * 3600 + 30.045) * Arcsec, row[0], 1 * Arcsec);
        Assert.Equal((49.348483 * 3600 + 6.697) * Arcsec, row[1], 1 * Arcsec);
    }
}
