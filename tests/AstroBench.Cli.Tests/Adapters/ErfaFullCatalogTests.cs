using AstroBench.Cli.Tests.Infrastructure;

namespace AstroBench.Cli.Tests.Adapters;

/// <summary>
/// The erfa adapter's full-catalog experiments (direction transforms, inverse ecliptic, horizon → equator,
/// planets) reproduce the published ERFA test values of t_erfa_c.c (liberfa's test suite, SOFA's t_sofa_c.c):
/// t_bp06, t_num06a, t_pnm06a, t_ecm06, t_eceq06, t_eqec06, t_ae2hd, t_gst06a, t_plan94. Tolerances are the
/// published ones unless the one-double date needs more (see adapters/erfa/published-test-values.md).
/// </summary>
[Collection(AdaptersCollection.Name)]
public sealed class ErfaFullCatalogTests
{
    // t_p06e: eps0 of eraP06e, the IAU 2006 obliquity of J2000 (84381.406″).
    private const double Eps0J2000 = 0.4090926006005828715;

    // t_bp06: eraBp06(2400000.5, 50123.9999) (the adapter sees jd 2450124.4999).
    private static readonly double[] Rb =
    [
        0.9999999999999942497, -0.7078368960971557145e-7, 0.8056213977613185606e-7,
        0.7078368694637674333e-7, 0.9999999999999969484, 0.3305943742989134124e-7,
        -0.8056214211620056792e-7, -0.3305943172740586950e-7, 0.9999999999999962084,
    ];

    private static readonly double[] Rp =
    [
        0.9999995504864960278, 0.8696112578855404832e-3, 0.3778929293341390127e-3,
        -0.8696112560510186244e-3, 0.9999996218880458820, -0.1691646168941896285e-6,
        -0.3778929335557603418e-3, -0.1594554040786495076e-6, 0.9999999285984501222,
    ];

    private static readonly double[] Rbp =
    [
        0.9999995505176007047, 0.8695404617348208406e-3, 0.3779735201865589104e-3,
        -0.8695404723772031414e-3, 0.9999996219496027161, -0.1361752497080270143e-6,
        -0.3779734957034089490e-3, -0.1924880847894457113e-6, 0.9999999285679971958,
    ];

    // t_pnm06a: eraPnm06a(2400000.5, 50123.9999).
    private static readonly double[] Rbpn =
    [
        0.9999995832794205484, 0.8372382772630962111e-3, 0.3639684771140623099e-3,
        -0.8372533744743683605e-3, 0.9999996486492861646, 0.4132905944611019498e-4,
        -0.3639337469629464969e-3, -0.4163377605910663999e-4, 0.9999999329094260057,
    ];

    // t_num06a: eraNum06a(2400000.5, 53736), tolerance 1e-12.
    private static readonly double[] Rn =
    [
        0.9999999999536227668, 0.8836241998111535233e-5, 0.3830834608415287707e-5,
        -0.8836086334870740138e-5, 0.9999999991354657474, -0.4063240188248455065e-4,
        -0.3831193642839398128e-5, 0.4063236803101479770e-4, 0.9999999991671663114,
    ];

    // t_ecm06: eraEcm06(2456165.5, 0.401182685), tolerance 1e-14.
    private static readonly double[] Rm =
    [
        0.9999952427708701137, -0.2829062057663042347e-2, -0.1229163741100017629e-2,
        0.3084546876908653562e-2, 0.9174891871550392514, 0.3977487611849338124,
        0.2488512951527405928e-5, -0.3977506604161195467, 0.9174935488232863071,
    ];

    private static double[] Transpose(double[] m) => [m[0], m[3], m[6], m[1], m[4], m[7], m[2], m[5], m[8]];

    private static double[] Multiply(double[] a, double[] b)
    {
        var c = new double[9];
        for (var i = 0; i < 3; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                c[3 * i + j] = a[3 * i] * b[j] + a[3 * i + 1] * b[3 + j] + a[3 * i + 2] * b[6 + j];
            }
        }
        return c;
    }

    private static double[] Rx(double angle)
    {
        var (s, c) = Math.SinCos(angle);
        return [1, 0, 0, 0, c, s, 0, -s, c];
    }

    /// <summary>Asserts the matrix columns r11..r33 of an output row, and that x y z is that matrix times the input.</summary>
    private static void AssertMatrix(string what, double[] row, double[] input, double[] expected, double offDiagonal, double diagonal)
    {
        for (var k = 0; k < 9; k++)
        {
            var tolerance = k % 4 == 0 ? diagonal : offDiagonal;
            Assert.True(Math.Abs(row[3 + k] - expected[k]) <= tolerance,
                $"{what} r{k / 3 + 1}{k % 3 + 1}: {row[3 + k]:R} vs {expected[k]:R} (tolerance {tolerance})");
        }
        for (var i = 0; i < 3; i++)
        {
            var v = row[3 + 3 * i] * input[0] + row[4 + 3 * i] * input[1] + row[5 + 3 * i] * input[2];
            Assert.True(Math.Abs(row[i] - v) <= 1e-15, $"{what}: vector component {i} is not the matrix times the input");
        }
    }

    private static readonly double[] Probe = [0.36, -0.48, 0.8];

    [Fact]
    public async Task FrameBias_Precession_BiasPrecession_MatchT_bp06_AndInversesAreTransposes()
    {
        const double jd = 2450124.4999;
        double[] row = [jd, .. Probe];
        var cases = new (string Forward, double[] Matrix)[] { ("frame_bias", Rb), ("precession", Rp), ("bias_precession", Rbp) };
        foreach (var (forward, matrix) in cases)
        {
            var fwd = (await AdapterCall.AccuracyAsync("erfa", forward, row))[0];
            AssertMatrix(forward, fwd, Probe, matrix, 1e-14, 1e-12);
            var inv = (await AdapterCall.AccuracyAsync("erfa", "inv_" + forward, row))[0];
            AssertMatrix("inv_" + forward, inv, Probe, Transpose(matrix), 1e-14, 1e-12);
        }
    }

    [Fact]
    public async Task Nutation_MatchesT_num06a_AndInverseIsTranspose()
    {
        double[] row = [2453736.5, .. Probe];
        AssertMatrix("nutation", (await AdapterCall.AccuracyAsync("erfa", "nutation", row))[0], Probe, Rn, 1e-12, 1e-12);
        AssertMatrix("inv_nutation", (await AdapterCall.AccuracyAsync("erfa", "inv_nutation", row))[0], Probe, Transpose(Rn), 1e-12, 1e-12);
    }

    [Fact]
    public async Task InvBpn_IsTheTransposeOfT_pnm06a()
    {
        var inv = (await AdapterCall.AccuracyAsync("erfa", "inv_bpn", [2450124.4999, .. Probe]))[0];
        AssertMatrix("inv_bpn", inv, Probe, Transpose(Rbpn), 1e-14, 1e-12);
    }

    [Fact]
    public async Task PrecessionNutation_IsNutationTimesPrecession_OfTheSameDate()
    {
        // rn·rp is the reference definition; both factors are tied to t_num06a / t_bp06 above.
        double[] row = [2453736.5, .. Probe];
        var rn = (await AdapterCall.AccuracyAsync("erfa", "nutation", row))[0][3..];
        var rp = (await AdapterCall.AccuracyAsync("erfa", "precession", row))[0][3..];
        var expected = Multiply(rn, rp);
        AssertMatrix("precession_nutation", (await AdapterCall.AccuracyAsync("erfa", "precession_nutation", row))[0], Probe, expected, 1e-16, 1e-16);
        AssertMatrix("inv_precession_nutation", (await AdapterCall.AccuracyAsync("erfa", "inv_precession_nutation", row))[0], Probe,
            Transpose(expected), 1e-16, 1e-16);
    }

    [Fact]
    public async Task IcrsEclTod_MatchesT_ecm06_AndInverseIsTranspose()
    {
        // 2456165.5 + 0.401182685 is not a double; the rounding moves the matrix by ~1e-16.
        double[] row = [2456165.901182685, .. Probe];
        AssertMatrix("icrs_ecl_tod", (await AdapterCall.AccuracyAsync("erfa", "icrs_ecl_tod", row))[0], Probe, Rm, 1e-14, 1e-14);
        AssertMatrix("inv_icrs_ecl_tod", (await AdapterCall.AccuracyAsync("erfa", "inv_icrs_ecl_tod", row))[0], Probe, Transpose(Rm), 1e-14, 1e-14);
    }

    [Fact]
    public async Task Obliquity_IsRxOfTheIau2006ObliquityOfJ2000()
    {
        // eraObl06 at J2000 is its constant term, 84381.406″ (IAU 2006, Capitaine et al. 2003), published as eps0 of
        // t_p06e: 0.4090926006005828715 rad (1e-14). t_obl06 checks the same polynomial at MJD 54388.
        double[] row = [2470000.25, .. Probe]; // the epoch is ignored
        var expected = Rx(Eps0J2000);
        AssertMatrix("obliquity", (await AdapterCall.AccuracyAsync("erfa", "obliquity", row))[0], Probe, expected, 1e-15, 1e-15);
        AssertMatrix("inv_obliquity", (await AdapterCall.AccuracyAsync("erfa", "inv_obliquity", row))[0], Probe, Transpose(expected), 1e-15, 1e-15);
    }

    [Fact]
    public async Task IcrsEclJ2000_IsObliquityTimesPublishedFrameBias()
    {
        // eraEcm06(J2000) = Rx(eraObl06(J2000))·rbp(J2000), and at J2000 eraBp06 gives rbp = rb (rp = I),
        // so the expected matrix is Rx(eps0)·rb with rb from t_bp06 (rb does not depend on the date).
        double[] row = [2488000.0, .. Probe]; // the epoch is ignored
        var expected = Multiply(Rx(Eps0J2000), Rb);
        AssertMatrix("icrs_ecl_j2000", (await AdapterCall.AccuracyAsync("erfa", "icrs_ecl_j2000", row))[0], Probe, expected, 1e-14, 1e-14);
        AssertMatrix("inv_icrs_ecl_j2000", (await AdapterCall.AccuracyAsync("erfa", "inv_icrs_ecl_j2000", row))[0], Probe, Transpose(expected), 1e-14, 1e-14);
    }

    [Fact]
    public async Task InvEquEcl_MatchesT_eceq06_AndT_eqec06()
    {
        // t_eceq06: eraEceq06(2456165.5, 0.401182685, 5.1, -0.9) = (5.533459733613627767, -1.246542932554480576), 1e-14.
        var a = (await AdapterCall.AccuracyAsync("erfa", "inv_equ_ecl", [2456165.901182685, 5.1, -0.9]))[0];
        Assert.True(Math.Abs(a[0] - 5.533459733613627767) <= 1e-13, $"ra {a[0]:R}");
        Assert.True(Math.Abs(a[1] + 1.246542932554480576) <= 1e-13, $"dec {a[1]:R}");
        Assert.True(Math.Abs(a[2] - 5.1) <= 1e-13 && Math.Abs(a[3] + 0.9) <= 1e-13, $"closure {a[2]:R} {a[3]:R}");

        // t_eqec06: eraEqec06(1234.5, 2440000.5, 1.234, 0.987) = (1.342509918994654619, 0.5926215259704608132):
        // from that ecliptic place the adapter must land on (1.234, 0.987).
        var b = (await AdapterCall.AccuracyAsync("erfa", "inv_equ_ecl", [2441235.0, 1.342509918994654619, 0.5926215259704608132]))[0];
        Assert.True(Math.Abs(b[0] - 1.234) <= 1e-13, $"ra {b[0]:R}");
        Assert.True(Math.Abs(b[1] - 0.987) <= 1e-13, $"dec {b[1]:R}");
    }

    [Fact]
    public async Task HorizToEqu_CombinesT_ae2hd_AndT_gst06a()
    {
        // t_ae2hd: eraAe2hd(5.5, 1.1, 0.7) = (h 0.5933291115507309663, d 0.9613934761647817620), 1e-14;
        // t_gst06a: eraGst06a(2400000.5, 53736.0, 2400000.5, 53736.0) = 1.754166137675019159, 1e-12.
        // With lon = 0: ra = GAST − h.
        var row = (await AdapterCall.AccuracyAsync("erfa", "horiz_to_equ", [2453736.5, 2453736.5, 5.5, 1.1, 0.7, 0]))[0];
        var ra = 1.754166137675019159 - 0.5933291115507309663;

        Assert.True(Math.Abs(row[0] - ra) <= 1e-12, $"ra {row[0]:R} vs {ra:R}");
        Assert.True(Math.Abs(row[1] - 0.9613934761647817620) <= 1e-14, $"dec {row[1]:R}");
    }

    [Fact]
    public async Task Mercury_IsPublishedPlan94HeliocentricVector_SeenFromTheEarth()
    {
        // t_plan94: eraPlan94(2400000.5, 43999.9, 1) = (0.2945293959257430832, -0.2452204176601049596,
        // -0.1615427700571978153) au, tolerance 1e-11, on the mean equator and equinox of J2000. The adapter turns
        // it to ICRS with rbᵀ (t_bp06) and subtracts the eraEpv00 Earth, so mercury + sun (geocentric vectors of
        // the same adapter and date) must give back rbᵀ·p: mercury − sun = (p_icrs − earth) − (−earth).
        const double jd = 2444000.4; // not exactly 2400000.5 + 43999.9: Mercury moves ~1e-11 au in the difference
        var mercury = Cartesian((await AdapterCall.AccuracyAsync("erfa", "mercury_position", [jd]))[0]);
        var sun = Cartesian((await AdapterCall.AccuracyAsync("erfa", "solar_position", [jd]))[0]);
        double[] p = [0.2945293959257430832, -0.2452204176601049596, -0.1615427700571978153];
        var rbt = Transpose(Rb);
        for (var i = 0; i < 3; i++)
        {
            var expected = rbt[3 * i] * p[0] + rbt[3 * i + 1] * p[1] + rbt[3 * i + 2] * p[2];
            var actual = mercury[i] - sun[i];
            Assert.True(Math.Abs(actual - expected) <= 2e-11, $"component {i}: {actual:R} vs {expected:R}");
        }
    }

    [Fact]
    public async Task Planets_AllSevenAnswerWithPlausibleDistances()
    {
        // Geocentric distance bounds at any date: |a_planet − 1| − 0.1 … a_planet + 1.1 au (loose, catches a wrong body number).
        var bounds = new (string Id, double Min, double Max)[]
        {
            ("mercury", 0.5, 1.5), ("venus", 0.25, 1.75), ("mars", 0.35, 2.7), ("jupiter", 3.9, 6.5),
            ("saturn", 7.9, 11.2), ("uranus", 17.2, 21.2), ("neptune", 28.7, 31.5),
        };
        foreach (var (id, min, max) in bounds)
        {
            var row = (await AdapterCall.AccuracyAsync("erfa", id + "_position", [2451545.0], [2460000.5]))[0];
            Assert.InRange(row[2], min, max);
            Assert.InRange(row[0], 0, 2 * Math.PI);
        }
    }

    private static double[] Cartesian(double[] raDecDist)
    {
        var (sr, cr) = Math.SinCos(raDecDist[0]);
        var (sd, cd) = Math.SinCos(raDecDist[1]);
        return [raDecDist[2] * cd * cr, raDecDist[2] * cd * sr, raDecDist[2] * sd];
    }
}
