using AstroBench.Core.Inputs;
using AstroBench.Core.Results;
using AstroBench.Core.Results.Reading;

namespace AstroBench.Core.Tests.Results;

public sealed class CasesParquetWriterTests : IDisposable
{
    /// <summary>Values a CSV or a careless encoder gets wrong: subnormal, extremes, signed zero, NaN, infinities.</summary>
    internal static readonly double[] Extremes =
        [5e-324, 1.7976931348623157e308, -0.0, 0.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity, -1.7976931348623157e308, 0.1, 2451545.0000000005];

    private readonly string _dir = Directory.CreateTempSubdirectory("astrobench-cases-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Two inputs, a reference with two outputs (no metric), a candidate with a metric, and a failed library (no outputs).</summary>
    internal static (InputTable Inputs, List<CasesParquetWriter.LibraryColumns> Libraries) Sample(int rows)
    {
        var inputs = new InputTable(["jd_tt", "x"], rows, 0);
        var reference = new double[rows * 2];
        var candidate = new double[rows * 2];
        var metric = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            var row = inputs.RowForWrite(i);
            row[0] = i < Extremes.Length ? Extremes[i] : 2451545.0 + i / 7.0;
            row[1] = Math.Sin(i);
            reference[2 * i] = Math.Cos(i) / 3;
            reference[2 * i + 1] = i < Extremes.Length ? Extremes[Extremes.Length - 1 - i] : Math.Exp(-i);
            candidate[2 * i] = reference[2 * i] + 1e-17 * i;
            candidate[2 * i + 1] = i % 97 == 0 ? double.NaN : reference[2 * i + 1];
            metric[i] = i < Extremes.Length ? Extremes[i] : Math.Abs(candidate[2 * i] - reference[2 * i]);
        }
        return (inputs, [
            new("erfa", reference, 2, null, null),
            new("libnova", candidate, 2, "angular_error_mas", metric),
            new("broken", null, 2, "angular_error_mas", null),
        ]);
    }

    internal static Task<string> Write(string dir, int rows)
    {
        var (inputs, libraries) = Sample(rows);
        Directory.CreateDirectory(dir);
        return CasesParquetWriter.WriteAsync(dir, inputs, ["a", "b", "matrix"], 2, libraries, CancellationToken.None);
    }

    [Fact]
    public async Task RoundTrip_KeepsEveryBit_IncludingNaNSignedZeroAndExtremes()
    {
        const int rows = 25_013; // three row groups, the last one partial
        var path = await Write(_dir, rows);
        var (inputs, libraries) = Sample(rows);

        var (columns, values) = await CasesParquetFile.ReadAllAsync(path);

        Assert.Equal(["index", "jd_tt", "x", "erfa.a", "erfa.b", "libnova.a", "libnova.b", "libnova.angular_error_mas",
            "broken.a", "broken.b", "broken.angular_error_mas"], columns);
        Assert.Equal(Enumerable.Range(0, rows).Select(i => (double)i), values[0]);
        double[][] expected =
        [
            [.. Enumerable.Range(0, rows).Select(i => inputs.Row(i)[0])],
            [.. Enumerable.Range(0, rows).Select(i => inputs.Row(i)[1])],
            [.. Enumerable.Range(0, rows).Select(i => libraries[0].Outputs![2 * i])],
            [.. Enumerable.Range(0, rows).Select(i => libraries[0].Outputs![2 * i + 1])],
            [.. Enumerable.Range(0, rows).Select(i => libraries[1].Outputs![2 * i])],
            [.. Enumerable.Range(0, rows).Select(i => libraries[1].Outputs![2 * i + 1])],
            libraries[1].Metric!,
        ];
        for (var c = 0; c < expected.Length; c++)
        {
            Assert.Equal(expected[c].Select(BitConverter.DoubleToInt64Bits), values[c + 1].Select(BitConverter.DoubleToInt64Bits));
        }
        Assert.All(values.Skip(8), column => Assert.All(column, v => Assert.True(double.IsNaN(v))));
        Assert.Equal(BitConverter.DoubleToInt64Bits(-0.0), BitConverter.DoubleToInt64Bits(values[1][2]));
    }

    [Fact]
    public async Task LatePage_AcrossRowGroups_IsTheSameRows()
    {
        const int rows = 25_013;
        var path = await Write(_dir, rows);
        var file = await CasesParquetFile.OpenAsync(path);
        var all = await file.ReadRowsAsync(path, 0, rows);

        Assert.Equal(3, file.RowGroups);
        Assert.Equal(rows, file.Rows);
        foreach (var (offset, limit) in new[] { (9_995L, 10), (19_999L, 5_000), (24_990L, 5_000), (25_012L, 1), (25_013L, 10), (0L, 1) })
        {
            var page = await file.ReadRowsAsync(path, offset, limit);
            var want = all.Skip((int)offset).Take(limit).ToList();
            Assert.Equal(want.Count, page.Count);
            Assert.All(page.Zip(want), p => Assert.Equal(p.Second.Select(BitConverter.DoubleToInt64Bits), p.First.Select(BitConverter.DoubleToInt64Bits)));
        }
    }

    [Fact]
    public async Task SameData_GivesIdenticalBytes_AlsoUnderAGermanCulture()
    {
        var first = await Write(Path.Combine(_dir, "a"), 12_345);
        string second;
        using (new CultureScope("de-DE"))
        {
            second = await Write(Path.Combine(_dir, "b"), 12_345);
        }

        Assert.Equal(await File.ReadAllBytesAsync(first), await File.ReadAllBytesAsync(second));
        Assert.Equal(CasesFiles.ParquetName, Path.GetFileName(first));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_dir, "a"), "*.tmp-*"));
    }

    [Fact]
    public async Task NoCases_GivesAnEmptyFileWithTheColumns()
    {
        var path = await Write(_dir, 0);
        var file = await CasesParquetFile.OpenAsync(path);

        Assert.Equal(0, file.Rows);
        Assert.Equal("index", file.Columns[0]);
        Assert.Empty(await file.ReadRowsAsync(path, 0, 10));
    }
}
