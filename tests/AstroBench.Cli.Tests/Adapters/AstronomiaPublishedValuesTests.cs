using AstroBench.Cli.Tests.Infrastructure;

namespace AstroBench.Cli.Tests.Adapters;

/// <summary>
/// Ties the astronomia adapter to the worked examples of Jean Meeus, "Astronomical Algorithms" (2nd ed.,
/// 1998), which astronomia's own test suite reproduces: 12.a/12.b (mean sidereal time), 13.b (horizontal
/// coordinates of Venus at Washington), 22.a (nutation), 26.a (rectangular coordinates of the Sun), 30.a
/// (Kepler's equation), 47.a (the Moon).
/// </summary>
[Collection(AdaptersCollection.Name)]
public sealed class AstronomiaPublishedValuesTests
{
    private const string Adapter = "astronomia";
    private const double Deg = Math.PI / 180;
    private const double Arcsec = Deg / 3600;

    private static double Dms(double d, double m, double s) => (d + m / 60 + s / 3600) * Deg;

    [Fact]
    public async Task Gmst_IsMeeus12a_And12b()
    {
        // 12.a: 1987 April 10, 0h UT: 13h10m46.3668s. 12.b: 19h21m00s UT: 8h34m57.0896s.
        var rows = await AdapterCall.AccuracyAsync(Adapter, "gmst_era", [2446895.5, 2446895.5], [2446896.30625, 2446896.30625]);

        Assert.Equal((13 + 10 / 60.0 + 46.3668 / 3600) * 15 * Deg, rows[0][0], 1e-4 / 3600 * 15 * Deg);
        Assert.Equal((8 + 34 / 60.0 + 57.0896 / 3600) * 15 * Deg, rows[1][0], 1e-3 / 3600 * 15 * Deg);
        Assert.True(double.IsNaN(rows[0][1]), "astronomia has no Earth rotation angle");
    }

    [Fact]
    public async Task Horizontal_IsMeeus13b()
    {
        // 13.b: Venus, 1987 April 10 19h21m00s UT, α 23h09m16.641s, δ -6°43'11.61", Washington 38°55'17" N, 77°03'56" W:
        // A = 68.0337° (from the south), h = 15.1249°.
        var row = (await AdapterCall.AccuracyAsync(Adapter, "equ_horizontal",
            [2446896.30625, 2446896.30625, (23 + 9 / 60.0 + 16.641 / 3600) * 15 * Deg, -Dms(6, 43, 11.61), Dms(38, 55, 17), -Dms(77, 3, 56)]))[0];

        // Meeus rounds to 1e-4° and uses his rounded apparent sidereal time 8h34m56.853s: 2e-4° tolerance.
        Assert.Equal((68.0337 + 180) * Deg, row[0], 2e-4 * Deg);
        Assert.Equal(15.1249 * Deg, row[1], 2e-4 * Deg);
    }

    [Fact]
    public async Task HorizontalToEquatorial_IsMeeus13b_Inverted()
    {
        // 13.b the other way: A = 68.0337° (from the south), h = 15.1249° at Washington -> α 23h09m16.641s, δ -6°43'11.61"
        // (Meeus's A and h are rounded to 1e-4°: 2e-4° tolerance).
        var row = (await AdapterCall.AccuracyAsync(Adapter, "horiz_to_equ",
            [2446896.30625, 2446896.30625, (68.0337 + 180) * Deg, 15.1249 * Deg, Dms(38, 55, 17), -Dms(77, 3, 56)]))[0];

        Assert.Equal((23 + 9 / 60.0 + 16.641 / 3600) * 15 * Deg, row[0], 2e-4 * Deg);
        Assert.Equal(-Dms(6, 43, 11.61), row[1], 2e-4 * Deg);
    }

    [Fact]
    public async Task Nutation_IsMeeus22a()
    {
        // 22.a: 1987 April 10, 0h TD: Δψ = -3.788", Δε = +9.443", ε0 = 23°26'27.407".
        var row = (await AdapterCall.AccuracyAsync(Adapter, "nutation", [2446895.5, 1, 0, 0]))[0];
        var eps = Dms(23, 26, 27.407);

        // N = R1(-(ε+Δε)) R3(-Δψ) R1(ε): r21 = Δψ cos ε, r23 = -Δε (small angles).
        Assert.Equal(-3.788, row[6] / Math.Cos(eps) / Arcsec, 0.001);
        Assert.Equal(9.443, -row[8] / Arcsec, 0.001);
    }

    [Fact]
    public async Task Sun_IsMeeus26a_AfterTheLibrarysOwnPrecessionToDate()
    {
        // 26.a: 1992 October 13.0 TD, geometric Sun from VSOP87 on the mean equator and equinox of date:
        // X = -0.9379952, Y = -0.3116544, Z = -0.1351215 au. The adapter answers on J2000 axes; its own precession
        // matrix (experiment precession) takes the direction to the date. Meeus uses VSOP87 truncated (Appendix III)
        // and the adapter the full series: ~1e-6 au, ~0.2".
        var jde = 2448908.5;
        var sun = (await AdapterCall.AccuracyAsync(Adapter, "solar_position", [jde]))[0];
        var u = new[] { Math.Cos(sun[1]) * Math.Cos(sun[0]), Math.Cos(sun[1]) * Math.Sin(sun[0]), Math.Sin(sun[1]) };
        var p = (await AdapterCall.AccuracyAsync(Adapter, "precession", [jde, u[0], u[1], u[2]]))[0];
        double[] x = [p[0] * sun[2], p[1] * sun[2], p[2] * sun[2]];

        Assert.Equal(-0.9379952, x[0], 2e-6);
        Assert.Equal(-0.3116544, x[1], 2e-6);
        Assert.Equal(-0.1351215, x[2], 2e-6);
    }

    [Fact]
    public async Task Kepler_IsMeeus30a()
    {
        // 30.a: e = 0.100, M = 5° -> E = 5.554589° (solved to 1e-6°).
        var row = (await AdapterCall.AccuracyAsync(Adapter, "kepler_solver", [5 * Deg, 0.1]))[0];

        Assert.Equal(5.554589 * Deg, row[0], 1e-6 * Deg);
    }

    [Fact]
    public async Task Moon_IsMeeus47a_OnTheLibrarysEclipticOfDate()
    {
        // 47.a: 1992 April 12, 0h TD: λ = 133.162655°, β = -3.229126°, Δ = 368409.7 km (Meeus's truncated ELP-2000/82,
        // mean equinox of date, ~10"). The adapter uses ELP/MPP02; its own icrs_ecl_tod matrix gives the ecliptic of date.
        var jde = 2448724.5;
        var moon = (await AdapterCall.AccuracyAsync(Adapter, "lunar_position", [jde]))[0];
        var u = new[] { Math.Cos(moon[1]) * Math.Cos(moon[0]), Math.Cos(moon[1]) * Math.Sin(moon[0]), Math.Sin(moon[1]) };
        var e = (await AdapterCall.AccuracyAsync(Adapter, "icrs_ecl_tod", [jde, u[0], u[1], u[2]]))[0];
        var lon = Math.Atan2(e[1], e[0]);
        var lat = Math.Asin(e[2]);

        Assert.Equal(133.162655 * Deg, lon < 0 ? lon + 2 * Math.PI : lon, 15 * Arcsec);
        Assert.Equal(-3.229126 * Deg, lat, 15 * Arcsec);
        Assert.Equal(368409.7, moon[2] * 149597870.7, 10.0);
    }
}
