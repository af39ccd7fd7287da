using AstroBench.Cli.Tests.Infrastructure;
using AstroBench.Core.Inputs;

namespace AstroBench.Cli.Tests.Adapters;

/// <summary>
/// The measuring instrument behind the stated floors of apparent_place, observed_horizontal and time_scales
/// (scripts/reference-floor/mpmath-floor, floor_place.py and floor_time.py) against published values: ERFA's
/// t_erfa_c.c (liberfa/erfa src/t_erfa_c.c) t_atci13, t_atco13, t_dat, t_utctai, t_taitt and t_dtdb, and USNO's
/// tai-utc.dat drift formula before 1972. Tolerances are those of the erfa adapter's own tests
/// (<see cref="ErfaApparentPlaceTests"/>): the date travels as one double.
/// </summary>
[Collection(AdaptersCollection.Name)]
public sealed class MpmathFloorApparentPublishedValuesTests
{
    private const string Instrument = "mpmath-floor";
    private const double Second = 1.0 / 86400;

    private static readonly double[] Atco13 =
        [2456385.469254051, 2.71, 0.174, 1e-5, 5e-6, 0.1, 55.0, 0.1550675, -0.527800806, -1.2345856, 2738.0,
            2.47230737e-7, 1.82640464e-6, 731.0, 12.8, 0.59, 0.55];

    [Fact]
    public async Task ApparentPlace_IsPublishedAtci13_MinusItsEquationOfTheOrigins()
    {
        // t_atci13: ri 2.710121572968696744, di 0.1729371367219539137, eo -0.002900618712657375647.
        var row = (await AdapterCall.AccuracyAsync(Instrument, "apparent_place", [2456165.901182685, 2.71, 0.174, 1e-5, 5e-6, 0.1, 55.0]))[0];

        Assert.Equal(2.710121572968696744 + 0.002900618712657375647, row[0], 1e-11);
        Assert.Equal(0.1729371367219539137, row[1], 1e-11);
    }

    [Fact]
    public async Task ObservedHorizontal_IsPublishedAtco13()
    {
        // t_atco13: aob 0.9251774485485515207e-1, zob 1.407661405256499357.
        var row = (await AdapterCall.AccuracyAsync(Instrument, "observed_horizontal", Atco13))[0];

        Assert.Equal(0.9251774485485515207e-1, row[0], 5e-9);
        Assert.Equal(Math.PI / 2 - 1.407661405256499357, row[1], 5e-9);
    }

    [Fact]
    public async Task ObservedHorizontal_OnALeapSecondDay_ScalesTheUtcFraction_AsTheReference()
    {
        // UTC on 2016-12-31 (86,401 s) and 1971-12-31 (the drift era, then the jump to 10 s): eraAtco13 stretches the
        // day's fraction; without it the instrument would part from the reference by up to 0.5 s of Earth rotation
        // (3.6e-5 rad). Held to the reference itself: the two agree to the Earth rotation angle's double rounding.
        double[][] rows = [Atco13.ToArray(), Atco13.ToArray()];
        rows[0][0] = TimeScaleInputs.Jd2017 - 0.3;
        rows[1][0] = TimeScaleInputs.Jd1972 - 0.3;

        var floor = await AdapterCall.AccuracyAsync(Instrument, "observed_horizontal", rows);
        var reference = await AdapterCall.AccuracyAsync("erfa", "observed_horizontal", rows);

        for (var i = 0; i < rows.Length; i++)
        {
            Assert.Equal(reference[i][0], floor[i][0], 1e-12);
            Assert.Equal(reference[i][1], floor[i][1], 1e-12);
        }
    }

    [Fact]
    public async Task TimeScales_ArePublishedDat_Utctai_Taitt_AndTheUsnoDrift()
    {
        // t_dat: 2003-06-01 = 32, 2008-01-17 = 33, 2017-09-01 = 37 s; t_utctai: UTC 2453750.5 + 0.892100694 -> TAI
        // 2453750.5 + 0.8924826384444444444 (33 s); t_taitt: TT - TAI = 32.184 s. USNO tai-utc.dat, 1968-02-01:
        // 4.2131700 + (MJD 39887 - 39126) x 0.002592 = 6.185682 s.
        var rows = await AdapterCall.AccuracyAsync(Instrument, "time_scales",
            [2452791.5, 64.0], [2454482.5, 65.0], [2457997.5, 68.9], [2453750.892100694, 64.85], [2439887.5, 38.0]);

        Assert.Equal([32.0, 33.0, 37.0, 33.0], rows.Take(4).Select(r => r[0]));
        Assert.Equal((0.8924826384444444444 - 0.892100694) * 86400, rows[3][0], 1e-6);
        Assert.All(rows, r => Assert.Equal(32.184, r[1]));
        Assert.Equal(33 + 32.184 - 64.85, rows[3][3], 1e-12);
        Assert.Equal(6.185682, rows[4][0], 1e-12);
    }

    [Fact]
    public async Task TimeScales_StepOnlyAtTheMidnightAfterALeapSecond()
    {
        var rows = await AdapterCall.AccuracyAsync(Instrument, "time_scales",
            [TimeScaleInputs.Jd2017 - 1.5 * Second, 68.59], [TimeScaleInputs.Jd2017 + 0.5 * Second, 68.59],
            [TimeScaleInputs.Jd1972 + 0.5 * Second, 42.23]);

        Assert.Equal([36.0, 37.0, 10.0], rows.Select(r => r[0]));
    }

    [Fact]
    public async Task TdbMinusTt_IsPublishedDtdb_WithoutItsTopocentricTerms()
    {
        // t_dtdb: eraDtdb(2448939.5, 0.123, 0.76543, 5.0123, 5525.242, 3190.0) = -0.1280368005936998991e-2 s for an
        // observer 5525 km from the axis; the geocentric value differs by the diurnal terms (<= 2.1 µs): 5 µs.
        var utc = 2448939.623 - (27 + 32.184) * Second;
        var row = (await AdapterCall.AccuracyAsync(Instrument, "time_scales", [utc, 59.0]))[0];

        Assert.Equal(27.0, row[0]);
        Assert.Equal(-0.1280368005936998991e-2, row[2], 5e-6);
    }
}
