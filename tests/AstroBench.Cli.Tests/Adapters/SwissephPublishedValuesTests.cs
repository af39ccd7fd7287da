using System.Diagnostics;
using AstroBench.Cli.Tests.Infrastructure;

namespace AstroBench.Cli.Tests.Adapters;

/// <summary>
/// Ties the swisseph adapter (geocentric, geometric, ICRS positions from Swiss Ephemeris' compressed
/// JPL DE431 files) to published values: a JPL Horizons geometric Earth→Mars vector, and ERFA's
/// published eraEpv00 / eraMoon98 test values at the known size of those models' own errors.
/// It also checks that the adapter refuses Swiss Ephemeris' silent fall-back to the Moshier
/// analytic ephemeris.
/// </summary>
[Collection(AdaptersCollection.Name)]
public sealed class SwissephPublishedValuesTests
{
    private const double Au = 149597870.7;
    private const double MasPerRad = 180 * 3600 * 1000 / Math.PI;

    private static double SeparationMas((double Ra, double Dec, double Dist) a, double ra, double dec)
    {
        double[] u = [Math.Cos(a.Dec) * Math.Cos(a.Ra), Math.Cos(a.Dec) * Math.Sin(a.Ra), Math.Sin(a.Dec)];
        double[] v = [Math.Cos(dec) * Math.Cos(ra), Math.Cos(dec) * Math.Sin(ra), Math.Sin(dec)];
        var cx = u[1] * v[2] - u[2] * v[1];
        var cy = u[2] * v[0] - u[0] * v[2];
        var cz = u[0] * v[1] - u[1] * v[0];
        return Math.Atan2(Math.Sqrt(cx * cx + cy * cy + cz * cz), u[0] * v[0] + u[1] * v[1] + u[2] * v[2]) * MasPerRad;
    }

    [Fact]
    public async Task Mars_MatchesJplHorizonsGeometricVector()
    {
        // JPL Horizons (DE441 + mar097), Mars (499) from Earth (399), ICRF, km, 2022-Nov-27 22:30:00 UT,
        // as quoted in tiagohm/nebulosa's SpiceKernelTest.kt. TT = UTC + 69.184 s (37 leap seconds + 32.184 s).
        // The row is the geometric vector: read as light-time corrected it would sit 16" away.
        var jdTt = 2459911.4375 + 69.184 / 86400;
        var horizons = AdapterCall.Spherical(1.459761119093829E+07, 7.257056846567649E+07, 3.433143337250027E+07);
        var row = (await AdapterCall.AccuracyAsync("swisseph", "mars_position", [jdTt]))[0];

        // Swiss Ephemeris' compression of DE431 is good to ~1 mas; DE431 vs DE441 adds a little more.
        var sep = SeparationMas(horizons, row[0], row[1]);
        Assert.True(sep < 10, $"separation {sep} mas");
        Assert.True(Math.Abs(row[2] * Au - horizons.Dist) < 2, $"distance {row[2] * Au - horizons.Dist} km");
    }

    [Fact]
    public async Task Sun_AgreesWithPublishedEraEpv00_ToItsKnownError()
    {
        // t_epv00 (ERFA/SOFA test suite): heliocentric Earth at TT 2400000.5 + 53411.52501161; the Sun is its negative.
        var epv00 = AdapterCall.Spherical(0.7757238809297706813, -0.5598052241363340596, -0.2426998466481686993);
        var row = (await AdapterCall.AccuracyAsync("swisseph", "solar_position", [2453412.02501161]))[0];

        // eraEpv00 (a VSOP2000 fit) deviates from the JPL ephemerides by a few mas / km.
        var sep = SeparationMas(epv00, row[0], row[1]);
        Assert.True(sep < 10, $"separation {sep} mas");
        Assert.True(Math.Abs(row[2] - epv00.Dist) * Au < 5, $"distance {(row[2] - epv00.Dist) * Au} km");
    }

    [Fact]
    public async Task Moon_AgreesWithPublishedEraMoon98_ToItsKnownError()
    {
        // t_moon98: geocentric Moon at TT 2400000.5 + 43999.9 (au, GCRS).
        var moon98 = AdapterCall.Spherical(-0.2601295959971044180e-2, 0.6139750944302742189e-3, 0.2640794528229828909e-3);
        var row = (await AdapterCall.AccuracyAsync("swisseph", "lunar_position", [2444000.4]))[0];

        // eraMoon98 (Meeus' truncated ELP) errs by arcseconds, up to ~10-20".
        var sep = SeparationMas(moon98, row[0], row[1]);
        Assert.True(sep < 10_000, $"separation {sep} mas");
        Assert.True(Math.Abs(row[2] - moon98.Dist) * Au < 20, $"distance {(row[2] - moon98.Dist) * Au} km");
    }

    [Fact]
    public async Task DateOutsideTheEphemerisFiles_IsNan_NotMoshier()
    {
        // JD 2000000.5 (AD 763) is outside sepl_18.se1 (1800-2400): Swiss Ephemeris would switch to Moshier.
        var rows = await AdapterCall.AccuracyAsync("swisseph", "mars_position", [2000000.5], [2451545.0]);

        Assert.All(rows[0], x => Assert.True(double.IsNaN(x)));
        Assert.All(rows[1], x => Assert.True(double.IsFinite(x)));
    }

    [Fact]
    public async Task MissingEphemerisFiles_AnswerSkipped()
    {
        var psi = new ProcessStartInfo(Path.Combine(Repo.Adapters, "swisseph", "build", "swisseph_adapter"))
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.Environment["SE_EPHE_PATH"] = "/nonexistent-astrobench-ephe";
        using var process = Process.Start(psi)!;
        await process.StandardInput.WriteAsync("ABP 1\nexperiment solar_position\nmode accuracy\ncolumns 1\ncases 1\n2451545\nend\n");
        process.StandardInput.Close();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(0, process.ExitCode);
        Assert.Contains("status skipped", stdout);
        Assert.Contains("Moshier", stdout);
    }
}
