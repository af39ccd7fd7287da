using AstroBench.Core.Inputs;
using AstroBench.Core.Ranking;
using AstroBench.Core.Results;

namespace AstroBench.Core.Tests.Ranking;

/// <summary>
/// The measurement over a real cases.parquet: a candidate whose ephemeris table covers only part of the epochs (nan
/// outside, as casacore's DE405 table does before 1959-12-10 and after 2060-01-30) is measured where it answered, and
/// the ranges and the method say so.
/// </summary>
public sealed class ReferenceUncertaintyMeasurerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("astrobench-uncertainty-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly ReferenceUncertaintyMeasurer.Candidate De405 =
        new("casacore", "external-reference", "swisseph", "separation_arcsec", "arcsec", "JPL DE405 (casacore MeasJPL)");

    /// <summary>Epochs 1900–2100 in steps of 0.1 year; the candidate answers 1960–2060 only, its error growing with |year − 2000|.</summary>
    private async Task WriteAsync()
    {
        const int rows = 2000;
        var inputs = new InputTable(["jd_tt"], rows, 0);
        var metric = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            var year = 1900.025 + i * 0.1;
            inputs.RowForWrite(i)[0] = Epochs.J2000 + (year - 2000) * 365.25;
            metric[i] = year is < 1960 or > 2060 ? double.NaN : Math.Abs(year - 2000) / 1000;
        }
        await CasesParquetWriter.WriteAsync(_dir, inputs, ["ra_rad"], 1, [new("casacore", new double[rows], 1, "separation_arcsec", metric)], CancellationToken.None);
    }

    [Fact]
    public async Task Measure_ACandidateWithAPartialTable_StatesTheSpanItMeasured()
    {
        await WriteAsync();

        var u = await ReferenceUncertaintyMeasurer.MeasureAsync(_dir, De405, "2026-01-01_00-00-00", "s", new DateOnly(2026, 1, 1));

        Assert.Equal(2, u.Ranges.Count);
        Assert.Equal((1960.02, 2000.0), (u.Ranges[0].FromYear, u.Ranges[0].ToYear));
        Assert.Equal((2000.0, 2059.93), (u.Ranges[1].FromYear, u.Ranges[1].ToYear));
        Assert.Equal(1000, u.Provenance.Cases);
        Assert.Equal(0.02, u.Ranges[0].P50!.Value, 1e-3);
        Assert.Equal(0.03, u.Ranges[1].P50!.Value, 1e-3);
        Assert.Equal(u.Ranges[1].P99, u.Value);
        Assert.Contains("1000 of 2000 cases have no finite value from the candidate and are left out (measured over 1960.02–2059.93 only)", u.Method);
    }

    [Fact]
    public async Task Measure_WithoutAnEpochInput_IsOneRangeWithNullBounds()
    {
        // kepler_solver has no epoch: its one range must not carry NaN bounds (the server's JSON writer refuses NaN).
        var inputs = new InputTable(["m_rad", "e"], 100, 0);
        var metric = Enumerable.Range(0, 100).Select(i => i * 1e-12).ToArray();
        await CasesParquetWriter.WriteAsync(_dir, inputs, ["e_anom_rad"], 1, [new("mpmath-floor", new double[100], 1, "e_anom_error_arcsec", metric)], CancellationToken.None);
        var candidate = new ReferenceUncertaintyMeasurer.Candidate("mpmath-floor", "model-parity", "erfa", "e_anom_error_arcsec", "arcsec");

        var u = await ReferenceUncertaintyMeasurer.MeasureAsync(_dir, candidate, "2026-01-01_00-00-00", "s", new DateOnly(2026, 1, 1));

        var range = Assert.Single(u.Ranges);
        Assert.Null(range.FromYear);
        Assert.Null(range.ToYear);
        Assert.Contains("over all cases (no epoch input)", u.Method);
        Assert.DoesNotContain("NaN", System.Text.Json.JsonSerializer.Serialize(u));
    }

    [Fact]
    public async Task Measure_AUtcEpoch_IsSplitIntoCenturies()
    {
        // observed_horizontal and time_scales have jd_utc as their epoch: per century, as jd_tt (the web band is per range).
        var inputs = new InputTable(["jd_utc", "delta_t_s"], 100, 0);
        for (var i = 0; i < 100; i++)
        {
            inputs.RowForWrite(i)[0] = Epochs.J2000 + (i - 50) * 365.25;
        }
        await CasesParquetWriter.WriteAsync(_dir, inputs, ["tai_utc_s"], 1, [new("mpmath-floor", new double[100], 1, "tai_utc_error_us", new double[100])], CancellationToken.None);
        var candidate = new ReferenceUncertaintyMeasurer.Candidate("mpmath-floor", "model-parity", "erfa", "tai_utc_error_us", "us");

        var u = await ReferenceUncertaintyMeasurer.MeasureAsync(_dir, candidate, "2026-01-01_00-00-00", "s", new DateOnly(2026, 1, 1));

        Assert.Equal(2, u.Ranges.Count);
        Assert.Equal((1950.0, 2000.0), (u.Ranges[0].FromYear, u.Ranges[0].ToYear));
        Assert.Contains("per century of epoch", u.Method);
    }

    [Fact]
    public async Task Measure_ATimeOffsetMeasuredAsZero_HasTheTwoPartJdFloor()
    {
        // Exact agreement in µs is no better than one ulp of a day fraction (2^-52 day = 1.92e-5 µs): U is never 0.
        var inputs = new InputTable(["jd_utc", "delta_t_s"], 10, 0);
        await CasesParquetWriter.WriteAsync(_dir, inputs, ["tai_utc_s"], 1, [new("mpmath-floor", new double[10], 1, "tai_utc_error_us", new double[10])], CancellationToken.None);
        var candidate = new ReferenceUncertaintyMeasurer.Candidate("mpmath-floor", "model-parity", "erfa", "tai_utc_error_us", "us");

        var u = await ReferenceUncertaintyMeasurer.MeasureAsync(_dir, candidate, "2026-01-01_00-00-00", "s", new DateOnly(2026, 1, 1));

        Assert.Equal(0, u.Ranges[0].P99);
        Assert.Equal(2.220446049250313e-16 * 86400e6, u.Value, 1e-20);
        Assert.Contains("2^-52 day of a two-part JD", u.Method);
    }
}
