using System.Globalization;
using AstroBench.Cli.Tests.Infrastructure;

namespace AstroBench.Cli.Tests.Adapters;

/// <summary>
/// The measuring instrument behind the stated floors of equ_horizontal, horiz_to_equ and kepler_solver
/// (scripts/reference-floor/mpmath-floor) against published values: ERFA's t_erfa_c.c (liberfa/erfa src/t_erfa_c.c)
/// t_gst06a, t_hd2ae and t_ae2hd, and Meeus, "Astronomical Algorithms", example 30.a for Kepler's equation.
/// </summary>
[Collection(AdaptersCollection.Name)]
public sealed class MpmathFloorPublishedValuesTests
{
    private const string Instrument = "mpmath-floor";

    // t_gst06a: eraGst06a(2400000.5, 53736.0, 2400000.5, 53736.0) = 1.754166137675019159 rad.
    private const double Jd = 2453736.5;
    private const double Gst = 1.754166137675019159;

    [Fact]
    public async Task EquHorizontal_IsPublishedGst06a_ThenHd2ae()
    {
        // t_hd2ae: ha 1.1, dec 1.2, phi 0.3 -> az 5.916889243730066194, el 0.4472186304990486228 (ha = GAST + lon - ra, lon 0).
        var row = (await AdapterCall.AccuracyAsync(Instrument, "equ_horizontal", [Jd, Jd, Gst - 1.1, 1.2, 0.3, 0]))[0];

        Assert.Equal(5.916889243730066194, row[0], 1e-12);
        Assert.Equal(0.4472186304990486228, row[1], 1e-12);
    }

    [Fact]
    public async Task HorizToEqu_IsPublishedAe2hd_ThenGst06a()
    {
        // t_ae2hd: az 5.5, el 1.1, phi 0.7 -> ha 0.5933291115507309663, dec 0.9613934761647817620; ra = GAST + lon - ha.
        var row = (await AdapterCall.AccuracyAsync(Instrument, "horiz_to_equ", [Jd, Jd, 5.5, 1.1, 0.7, 0]))[0];

        Assert.Equal(Gst - 0.5933291115507309663, row[0], 1e-12);
        Assert.Equal(0.9613934761647817620, row[1], 1e-14);
    }

    [Fact]
    public async Task Kepler_IsMeeus30a_AndTheCorrectlyRoundedRoot()
    {
        // 30.a: e = 0.1, M = 5 deg -> E = 5.554589 deg. Near-parabolic M = 1e-6, e = 0.9999 (a double solver loses ~10 bits
        // there, the erfa reference ~5,000 ulps): the instrument is within one ulp of the root computed here in System.Decimal.
        var rows = await AdapterCall.AccuracyAsync(Instrument, "kepler_solver", [5 * Math.PI / 180, 0.1], [1e-6, 0.9999], [20, 0.5]);

        Assert.Equal(5.554589, rows[0][0] * 180 / Math.PI, 1e-6);
        // The inputs are doubles: their exact values, not the decimals 1e-6 and 0.9999 (which move the root by ~500 ulps).
        var root = DecimalKepler(decimal.Parse("0.00000099999999999999995474811182588625868561393872", CultureInfo.InvariantCulture),
            decimal.Parse("0.99990000000000001101341240428155288100242614746094", CultureInfo.InvariantCulture));
        Assert.True(Math.Abs(rows[1][0] - root) <= Math.BitIncrement(root) - root, $"{rows[1][0]:R} vs {root:R}");
        // M = 20 rad is in revolution 3: E and nu stay there.
        Assert.InRange(rows[2][0], 20 - 0.5, 20 + 0.5);
        Assert.InRange(rows[2][1] - rows[2][0], -Math.PI, Math.PI);
    }

    /// <summary>Newton on E - e sin E = M in decimal arithmetic, for a small root (|E| &lt; 0.1: the Taylor series converge fast).</summary>
    private static double DecimalKepler(decimal m, decimal e)
    {
        var ea = 0.0088m;
        for (var k = 0; k < 30; k++)
        {
            var (sin, cos) = (0m, 0m);
            decimal term = ea, cterm = 1;
            for (var n = 1; n < 30; n += 2)
            {
                sin += term;
                cos += cterm;
                term *= -ea * ea / ((n + 1) * (n + 2));
                cterm *= -ea * ea / (n * (n + 1));
            }
            ea -= (ea - e * sin - m) / (1 - e * cos);
        }
        return (double)ea;
    }
}
