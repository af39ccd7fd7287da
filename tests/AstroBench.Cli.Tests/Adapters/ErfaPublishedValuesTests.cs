using AstroBench.Cli.Tests.Infrastructure;

namespace AstroBench.Cli.Tests.Adapters;

/// <summary>
/// The erfa adapter reproduces the published ERFA test values (t_erfa_c.c, liberfa's test suite,
/// itself SOFA's t_sofa_c.c) for every ERFA routine it calls, to the published tolerances — wider
/// only where the adapter's one-double date cannot represent the test's two-part date exactly
/// (see adapters/erfa/published-test-values.md).
/// </summary>
[Collection(AdaptersCollection.Name)]
public sealed class ErfaPublishedValuesTests
{
    [Fact]
    public async Task EraPnm06a_Matrix_MatchesT_pnm06a()
    {
        var row = (await AdapterCall.AccuracyAsync("erfa", "frame_rotation_bpn", [2450124.4999, 1, 0, 0]))[0];
        double[] expected =
        [
            0.9999995832794205484, 0.8372382772630962111e-3, 0.3639684771140623099e-3,
            -0.8372533744743683605e-3, 0.9999996486492861646, 0.4132905944611019498e-4,
            -0.3639337469629464969e-3, -0.4163377605910663999e-4, 0.9999999329094260057,
        ];
        double[] tolerance = [1e-12, 1e-14, 1e-14, 1e-14, 1e-12, 1e-14, 1e-14, 1e-14, 1e-12];
        for (var k = 0; k < 9; k++)
        {
            Assert.True(Math.Abs(row[3 + k] - expected[k]) <= tolerance[k], $"r{k / 3 + 1}{k % 3 + 1}: {row[3 + k]:R} vs {expected[k]:R}");
        }
        // The rotated +x axis is the matrix's first column.
        Assert.Equal(expected[0], row[0], 12);
        Assert.Equal(expected[3], row[1], 14);
        Assert.Equal(expected[6], row[2], 14);
    }

    [Fact]
    public async Task EraGmst06_And_EraEra00_MatchPublished()
    {
        var rows = await AdapterCall.AccuracyAsync("erfa", "gmst_era", [2453736.5, 2453736.5], [2454388.5, 2454388.5]);

        Assert.True(Math.Abs(rows[0][0] - 1.754174971870091203) <= 1e-12, $"gmst {rows[0][0]:R}");
        Assert.True(Math.Abs(rows[1][1] - 0.4022837240028158102) <= 1e-12, $"era {rows[1][1]:R}");
    }

    [Fact]
    public async Task EraEqec06_MatchesPublished_AndClosesThroughEraEceq06()
    {
        var row = (await AdapterCall.AccuracyAsync("erfa", "equ_ecl", [2441235.0, 1.234, 0.987]))[0];

        Assert.True(Math.Abs(row[0] - 1.342509918994654619) <= 1e-14, $"dl {row[0]:R}");
        Assert.True(Math.Abs(row[1] - 0.5926215259704608132) <= 1e-14, $"db {row[1]:R}");
        Assert.True(Math.Abs(row[2] - 1.234) <= 1e-14 && Math.Abs(row[3] - 0.987) <= 1e-14, "closure");
    }

    [Fact]
    public async Task EraEceq06_PublishedValue_IsReachedFromTheEclipticSide()
    {
        // t_eceq06: eraEceq06(2456165.5, 0.401182685, 5.1, -0.9) = (5.533459733613627767, -1.246542932554480576).
        // The adapter goes ICRS → ecliptic, so feed the published ICRS result and expect the published ecliptic input.
        var row = (await AdapterCall.AccuracyAsync("erfa", "equ_ecl", [2456165.901182685, 5.533459733613627767, -1.246542932554480576]))[0];

        Assert.True(Math.Abs(row[0] - 5.1) <= 1e-13, $"lon {row[0]:R}");
        Assert.True(Math.Abs(row[1] + 0.9) <= 1e-13, $"lat {row[1]:R}");
    }

    [Fact]
    public async Task EraGst06a_And_EraHd2ae_MatchPublished()
    {
        // ra = GAST(t_gst06a) − 1.1 makes the hour angle the 1.1 rad of t_hd2ae (dec 1.2, lat 0.3, lon 0).
        var row = (await AdapterCall.AccuracyAsync("erfa", "equ_horizontal", [2453736.5, 2453736.5, 1.754166137675019159 - 1.1, 1.2, 0.3, 0]))[0];

        Assert.True(Math.Abs(row[0] - 5.916889243730066194) <= 1e-12, $"az {row[0]:R}");
        Assert.True(Math.Abs(row[1] - 0.4472186304990486228) <= 1e-12, $"el {row[1]:R}");
    }

    [Fact]
    public async Task EraEpv00_SunIsMinusPublishedHeliocentricEarth()
    {
        var row = (await AdapterCall.AccuracyAsync("erfa", "solar_position", [2453412.02501161]))[0];
        var (ra, dec, dist) = AdapterCall.Spherical(0.7757238809297706813, -0.5598052241363340596, -0.2426998466481686993);

        // Published tolerance 1e-14 au; the one-double date moves the Earth by up to ~4e-12 au.
        Assert.True(Math.Abs(row[0] - ra) <= 1e-11, $"ra {row[0]:R} vs {ra:R}");
        Assert.True(Math.Abs(row[1] - dec) <= 1e-11, $"dec {row[1]:R} vs {dec:R}");
        Assert.True(Math.Abs(row[2] - dist) <= 1e-11, $"dist {row[2]:R} vs {dist:R}");
    }

    [Fact]
    public async Task EraMoon98_MatchesPublishedGeocentricMoon()
    {
        var row = (await AdapterCall.AccuracyAsync("erfa", "lunar_position", [2444000.4]))[0];
        var (ra, dec, dist) = AdapterCall.Spherical(-0.2601295959971044180e-2, 0.6139750944302742189e-3, 0.2640794528229828909e-3);

        // Published tolerance 1e-11 au on a 2.7e-3 au vector, i.e. ~4e-9 rad in direction.
        Assert.True(Math.Abs(row[0] - ra) <= 5e-9, $"ra {row[0]:R} vs {ra:R}");
        Assert.True(Math.Abs(row[1] - dec) <= 5e-9, $"dec {row[1]:R} vs {dec:R}");
        Assert.True(Math.Abs(row[2] - dist) <= 1e-11, $"dist {row[2]:R} vs {dist:R}");
    }

    [Fact]
    public async Task KeplerReference_MatchesMeeusExample30a()
    {
        // Meeus, Astronomical Algorithms (2nd ed.), example 30.a: e = 0.1, M = 5° → E = 5.554589°.
        var row = (await AdapterCall.AccuracyAsync("erfa", "kepler_solver", [5 * Math.PI / 180, 0.1]))[0];

        Assert.Equal(5.554589, row[0] * 180 / Math.PI, 6);
        Assert.True(Math.Abs(row[0] - 0.1 * Math.Sin(row[0]) - 5 * Math.PI / 180) < 1e-15);
    }
}
