using AstroBench.Cli.Tests.Infrastructure;

namespace AstroBench.Cli.Tests.Adapters;

/// <summary>
/// The astropy adapter against values astropy's own test suite asserts (astropy/time/tests/test_sidereal.py,
/// class TestERFATestCases: the ERFA t_erfa_c.c values astropy reproduces through Time.sidereal_time and
/// Time.earth_rotation_angle) and, where astropy's frames run the same IAU 2006/2000A routines, against
/// ERFA's published test values (liberfa src/t_erfa_c.c: t_pnm06a, t_bp06, t_eqec06, t_gst06a + t_hd2ae,
/// t_moon98, t_epv00). Wider tolerances than ERFA's are explained where astropy itself differs (TDB
/// argument of the builtin ephemeris, the TIO locator s' in TETE -> ITRS).
/// </summary>
[Collection(AdaptersCollection.Name)]
public sealed class AstropyPublishedValuesTests
{
    private const string Adapter = "astropy";

    [Fact]
    public async Task SiderealTime_And_Era_MatchAstropysOwnTestCases()
    {
        // test_sidereal.py: Time(2400000.5, 53736.0) in UT1 with TT = UT1 (delta_ut1_utc faked, as the adapter does)
        // → GMST IAU2006 1.754174971870091203 rad; test_era: UT1 2400000.5 + 54388.0 → ERA 0.4022837240028158102 rad; atol 1e-12.
        var rows = await AdapterCall.AccuracyAsync(Adapter, "gmst_era", [2453736.5, 2453736.5], [2454388.5, 2454388.5]);

        Assert.True(Math.Abs(rows[0][0] - 1.754174971870091203) <= 1e-12, $"gmst {rows[0][0]:R}");
        Assert.True(Math.Abs(rows[1][1] - 0.4022837240028158102) <= 1e-12, $"era {rows[1][1]:R}");
    }

    [Fact]
    public async Task GcrsToTete_IsThePublishedPnm06aMatrix()
    {
        // t_pnm06a (2400000.5, 50123.9999); the one-double date 2450124.4999 moves the matrix by < 1e-17.
        var row = (await AdapterCall.AccuracyAsync(Adapter, "frame_rotation_bpn", [2450124.4999, 1, 0, 0]))[0];
        AssertMatrix(row,
        [
            0.9999995832794205484, 0.8372382772630962111e-3, 0.3639684771140623099e-3,
            -0.8372533744743683605e-3, 0.9999996486492861646, 0.4132905944611019498e-4,
            -0.3639337469629464969e-3, -0.4163377605910663999e-4, 0.9999999329094260057,
        ]);
    }

    [Fact]
    public async Task Fk5Precession_IsThePublishedBp06PrecessionMatrix()
    {
        // t_bp06 rp at (2400000.5, 50123.9999): astropy's FK5 -> FK5 precession is erfa.bp06's rp.
        var row = (await AdapterCall.AccuracyAsync(Adapter, "precession", [2450124.4999, 1, 0, 0]))[0];
        AssertMatrix(row,
        [
            0.9999995504864960278, 0.8696112578855404832e-3, 0.3778929293341390127e-3,
            -0.8696112560510186244e-3, 0.9999996218880458820, -0.1691646168941896285e-6,
            -0.3778929335557603418e-3, -0.1594554040786495076e-6, 0.9999999285984501222,
        ]);
    }

    [Fact]
    public async Task GcrsToPrecessedGeocentric_IsThePublishedBp06BiasPrecessionMatrix()
    {
        // t_bp06 rbp at (2400000.5, 50123.9999).
        var row = (await AdapterCall.AccuracyAsync(Adapter, "bias_precession", [2450124.4999, 1, 0, 0]))[0];
        AssertMatrix(row,
        [
            0.9999995505176007047, 0.8695404617348208406e-3, 0.3779735201865589104e-3,
            -0.8695404723772031414e-3, 0.9999996219496027161, -0.1361752497080270143e-6,
            -0.3779734957034089490e-3, -0.1924880847894457113e-6, 0.9999999285679971958,
        ]);
    }

    [Fact]
    public async Task BarycentricMeanEcliptic_MatchesPublishedEqec06()
    {
        // t_eqec06: eraEqec06(2441235.0 as (2441235.0 - 2400000.5) MJD, 1.234, 0.987) = (1.342509918994654619, 0.5926215259704608132), 1e-14.
        var row = (await AdapterCall.AccuracyAsync(Adapter, "equ_ecl", [2441235.0, 1.234, 0.987]))[0];

        Assert.True(Math.Abs(row[0] - 1.342509918994654619) <= 1e-13, $"lon {row[0]:R}");
        Assert.True(Math.Abs(row[1] - 0.5926215259704608132) <= 1e-13, $"lat {row[1]:R}");
        Assert.True(Math.Abs(row[2] - 1.234) <= 1e-13 && Math.Abs(row[3] - 0.987) <= 1e-13, "closure through ICRS");
    }

    [Fact]
    public async Task AltAz_MatchesPublishedGst06aAndHd2ae()
    {
        // ra = GAST(t_gst06a, UT1 = TT = 2453736.5) − 1.1 gives the hour angle 1.1 rad of t_hd2ae (dec 1.2, lat 0.3):
        // az 5.916889243730066194, el 0.4472186304990486228 (ERFA tolerance 1e-12). astropy's TETE -> ITRS also applies
        // the TIO locator s' (-47 uas per century: ~-2.8 uas = 1.4e-11 rad here), hence 1e-10.
        var row = (await AdapterCall.AccuracyAsync(Adapter, "equ_horizontal", [2453736.5, 2453736.5, 1.754166137675019159 - 1.1, 1.2, 0.3, 0]))[0];

        Assert.True(Math.Abs(row[0] - 5.916889243730066194) <= 1e-10, $"az {row[0]:R}");
        Assert.True(Math.Abs(row[1] - 0.4472186304990486228) <= 1e-10, $"alt {row[1]:R}");

        // And back: AltAz -> TETE lands on the same (ra, dec).
        var back = (await AdapterCall.AccuracyAsync(Adapter, "horiz_to_equ", [2453736.5, 2453736.5, row[0], row[1], 0.3, 0]))[0];
        Assert.True(Math.Abs(back[0] - (1.754166137675019159 - 1.1)) <= 1e-12, $"ra {back[0]:R}");
        Assert.True(Math.Abs(back[1] - 1.2) <= 1e-12, $"dec {back[1]:R}");
    }

    [Fact]
    public async Task BuiltinMoon_IsThePublishedMoon98()
    {
        // t_moon98 (2400000.5, 43999.9): geocentric p = (-0.2601295959971044180e-2, 0.6139750944302742189e-3, 0.2640794528229828909e-3) au.
        // astropy evaluates moon98 at TDB, not TT: the Moon moves ~0.5"/s, so the 1-2 ms TDB-TT shifts it by up to ~5e-9 rad.
        var row = (await AdapterCall.AccuracyAsync(Adapter, "lunar_position", [2444000.4]))[0];
        var (ra, dec, dist) = AdapterCall.Spherical(-0.2601295959971044180e-2, 0.6139750944302742189e-3, 0.2640794528229828909e-3);

        Assert.True(Math.Abs(row[0] - ra) <= 1e-8, $"ra {row[0]:R} vs {ra:R}");
        Assert.True(Math.Abs(row[1] - dec) <= 1e-8, $"dec {row[1]:R} vs {dec:R}");
        Assert.True(Math.Abs(row[2] - dist) <= 1e-11, $"dist {row[2]:R} vs {dist:R}");
    }

    [Fact]
    public async Task BuiltinSun_IsMinusThePublishedEpv00HeliocentricEarth()
    {
        // t_epv00 (2400000.5, 53411.52501161): heliocentric Earth p = (-0.7757238809297706813, 0.5598052241363340596, 0.2426998466481686993) au.
        // Evaluated by astropy at TDB (|TDB-TT| < 1.7 ms: the Earth moves < 50 m, 3e-10 au).
        var row = (await AdapterCall.AccuracyAsync(Adapter, "solar_position", [2453412.02501161]))[0];
        var (ra, dec, dist) = AdapterCall.Spherical(0.7757238809297706813, -0.5598052241363340596, -0.2426998466481686993);

        Assert.True(Math.Abs(row[0] - ra) <= 1e-9, $"ra {row[0]:R} vs {ra:R}");
        Assert.True(Math.Abs(row[1] - dec) <= 1e-9, $"dec {row[1]:R} vs {dec:R}");
        Assert.True(Math.Abs(row[2] - dist) <= 1e-9, $"dist {row[2]:R} vs {dist:R}");
    }

    private static void AssertMatrix(double[] row, double[] expected)
    {
        // ERFA's vvd tolerances: 1e-12 on the diagonal, 1e-14 off it.
        for (var k = 0; k < 9; k++)
        {
            var tolerance = k % 4 == 0 ? 1e-12 : 1e-14;
            Assert.True(Math.Abs(row[3 + k] - expected[k]) <= tolerance, $"r{k / 3 + 1}{k % 3 + 1}: {row[3 + k]:R} vs {expected[k]:R}");
        }
        // The rotated +x axis is the matrix's first column.
        Assert.True(Math.Abs(row[0] - expected[0]) <= 1e-12 && Math.Abs(row[1] - expected[3]) <= 1e-14 && Math.Abs(row[2] - expected[6]) <= 1e-14, "x column");
    }
}
