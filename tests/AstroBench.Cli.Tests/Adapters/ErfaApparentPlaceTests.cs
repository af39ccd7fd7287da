using AstroBench.Cli.Tests.Infrastructure;
using AstroBench.Core.Inputs;

namespace AstroBench.Cli.Tests.Adapters;

/// <summary>
/// The erfa adapter's apparent_place, observed_horizontal and time_scales (the references of issue 13), and
/// erfa-dotnet's (the same liberfa calls from C# through LibraryImport),
/// reproduce the published ERFA test values of t_erfa_c.c (liberfa/erfa src/t_erfa_c.c, SOFA's
/// t_sofa_c.c): t_atci13, t_atco13, t_dat, t_utctai, t_taitt, t_dtdb. The UTC date travels as one double
/// (~40 µs of resolution, ~3e-9 rad of Earth rotation), so t_atco13 is held to 5e-9 rad, not 1e-12.
/// </summary>
[Collection(AdaptersCollection.Name)]
public sealed class ErfaApparentPlaceTests
{
    private const double Second = 1.0 / 86400;

    [Theory]
    [InlineData("erfa")]
    [InlineData("erfa-dotnet")]
    public async Task ApparentPlace_IsPublishedAtci13_MinusItsEquationOfTheOrigins(string adapter)
    {
        // t_atci13: rc 2.71, dc 0.174, pr 1e-5, pd 5e-6, px 0.1, rv 55, TDB 2456165.5 + 0.401182685:
        // ri 2.710121572968696744, di 0.1729371367219539137, eo -0.002900618712657375647 (tolerances 1e-12, 1e-14).
        var row = (await AdapterCall.AccuracyAsync(adapter, "apparent_place", [2456165.901182685, 2.71, 0.174, 1e-5, 5e-6, 0.1, 55.0]))[0];

        Assert.Equal(2.710121572968696744 + 0.002900618712657375647, row[0], 1e-11);
        Assert.Equal(0.1729371367219539137, row[1], 1e-11);
    }

    [Theory]
    [InlineData("erfa")]
    [InlineData("erfa-dotnet")]
    public async Task ObservedHorizontal_IsPublishedAtco13(string adapter)
    {
        // t_atco13: UTC 2456384.5 + 0.969254051, dut1 0.1550675, elong -0.527800806, phi -1.2345856, hm 2738,
        // xp 2.47230737e-7, yp 1.82640464e-6, 731 hPa, 12.8 °C, rh 0.59, 0.55 µm:
        // aob 0.9251774485485515207e-1, zob 1.407661405256499357.
        var row = (await AdapterCall.AccuracyAsync(adapter, "observed_horizontal",
            [2456385.469254051, 2.71, 0.174, 1e-5, 5e-6, 0.1, 55.0, 0.1550675, -0.527800806, -1.2345856, 2738.0,
                2.47230737e-7, 1.82640464e-6, 731.0, 12.8, 0.59, 0.55]))[0];

        Assert.Equal(0.9251774485485515207e-1, row[0], 5e-9);
        Assert.Equal(Math.PI / 2 - 1.407661405256499357, row[1], 5e-9);
    }

    [Theory]
    [InlineData("erfa")]
    [InlineData("erfa-dotnet")]
    public async Task TimeScales_ArePublishedDat_Utctai_Taitt(string adapter)
    {
        // t_dat: eraDat(2003-06-01) = 32, eraDat(2008-01-17) = 33, eraDat(2017-09-01) = 37.
        // t_utctai: UTC 2453750.5 + 0.892100694 -> TAI 2453750.5 + 0.8924826384444444444, i.e. TAI - UTC = 33 s.
        // t_taitt: TT - TAI = 0.892855139 - 0.892482639 days = 32.184 s.
        var rows = await AdapterCall.AccuracyAsync(adapter, "time_scales",
            [2452791.5, 64.0], [2454482.5, 65.0], [2457997.5, 68.9], [2453750.892100694, 64.85]);

        Assert.Equal([32.0, 33.0, 37.0, 33.0], rows.Select(r => r[0]));
        Assert.Equal((0.8924826384444444444 - 0.892100694) * 86400, rows[3][0], 1e-6);
        Assert.All(rows, r => Assert.Equal((0.892855139 - 0.892482639) * 86400, r[1], 1e-6));
        // UT1 - UTC = (TT - UTC) - dT: 33 + 32.184 - 64.85.
        Assert.Equal(33 + 32.184 - 64.85, rows[3][3], 1e-9);
    }

    [Theory]
    [InlineData("erfa")]
    [InlineData("erfa-dotnet")]
    public async Task TimeScales_StepOnlyAtTheMidnightAfterALeapSecond(string adapter)
    {
        // eraDat: 36 s through 2016-12-31 (the day that ends with 23:59:60), 37 s from 2017-01-01 0h.
        var rows = await AdapterCall.AccuracyAsync(adapter, "time_scales",
            [TimeScaleInputs.Jd2017 - 1.5 * Second, 68.59], [TimeScaleInputs.Jd2017 + 0.5 * Second, 68.59],
            [TimeScaleInputs.Jd1972 - 0.5 * Second, 42.23], [TimeScaleInputs.Jd1972 + 0.5 * Second, 42.23]);

        Assert.Equal(36.0, rows[0][0]);
        Assert.Equal(37.0, rows[1][0]);
        // 1971-12-31: the 1960s drift formula gives 9.89 s (not an integer); 1972-01-01 starts at exactly 10 s.
        Assert.InRange(rows[2][0], 9.88, 9.90);
        Assert.Equal(10.0, rows[3][0]);
    }

    [Theory]
    [InlineData("erfa")]
    [InlineData("erfa-dotnet")]
    public async Task TdbMinusTt_IsPublishedDtdb_WithoutItsTopocentricTerms(string adapter)
    {
        // t_dtdb: eraDtdb(2448939.5, 0.123, 0.76543, 5.0123, 5525.242, 3190.0) = -0.1280368005936998991e-2 s
        // for an observer 5525 km from the axis; the geocentric value differs by the diurnal terms (<= 2.1 µs,
        // 1.657e-3 × 3190/... from Fairhead & Bretagnon's u, v terms), so the experiment's geocentric TDB - TT is
        // held to 5 µs. The input UTC is chosen so that TT = 2448939.623 (TAI - UTC = 27 s in Nov 1992).
        var utc = 2448939.623 - (27 + 32.184) * Second;
        var row = (await AdapterCall.AccuracyAsync(adapter, "time_scales", [utc, 59.0]))[0];

        Assert.Equal(27.0, row[0]);
        Assert.Equal(-0.1280368005936998991e-2, row[2], 5e-6);
    }
}
