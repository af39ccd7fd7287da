using System.Globalization;
using System.Text;
using AstroBench.Core.Protocol;
using AstroBench.Core.Results;
using AstroBench.Core.Results.Reading;

namespace AstroBench.Core.Tests.Results;

/// <summary>The cases page of <see cref="RunFolderReader"/> over the new layout (cases.parquet) and the old one (cases.csv).</summary>
public sealed class RunFolderReaderCasesTests : IDisposable
{
    private const int Rows = 23_456;
    private readonly string _results = Directory.CreateTempSubdirectory("astrobench-reader-").FullName;

    public void Dispose() => Directory.Delete(_results, recursive: true);

    /// <summary>A cases.csv as the old writer wrote it (shortest round-trip, invariant, "NaN"), written here by hand.</summary>
    private void WriteLegacyCsv(string dir)
    {
        var (inputs, libraries) = CasesParquetWriterTests.Sample(Rows);
        var text = new StringBuilder("index,jd_tt,x,erfa.a,erfa.b,libnova.a,libnova.b,libnova.angular_error_mas,broken.a,broken.b,broken.angular_error_mas\n");
        for (var i = 0; i < Rows; i++)
        {
            double[] cells = [inputs.Row(i)[0], inputs.Row(i)[1], libraries[0].Outputs![2 * i], libraries[0].Outputs![2 * i + 1],
                libraries[1].Outputs![2 * i], libraries[1].Outputs![2 * i + 1], libraries[1].Metric![i], double.NaN, double.NaN, double.NaN];
            text.Append(i.ToString(CultureInfo.InvariantCulture));
            foreach (var v in cells)
            {
                text.Append(',').Append(double.IsNaN(v) ? "NaN" : WireNumbers.Format(v));
            }
            text.Append('\n');
        }
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, CasesFiles.LegacyCsvName), text.ToString());
    }

    [Fact]
    public async Task OldAndNewLayouts_AnswerTheSamePages()
    {
        await CasesParquetWriterTests.Write(Path.Combine(_results, "2026-01-02_03-04-05", "gmst_era"), Rows);
        WriteLegacyCsv(Path.Combine(_results, "2025-01-02_03-04-05", "gmst_era"));
        var reader = new RunFolderReader(_results);

        foreach (var (offset, limit) in new[] { (0L, 500), (9_990L, 20), (Rows - 500L, 5_000), (Rows + 10L, 5) })
        {
            var parquet = (await reader.ReadCasesAsync("2026-01-02_03-04-05", "gmst_era", offset, limit))!;
            var csv = (await reader.ReadCasesAsync("2025-01-02_03-04-05", "gmst_era", offset, limit))!;

            Assert.Equal(csv.Columns, parquet.Columns);
            Assert.Equal(Rows, parquet.Total);
            Assert.Equal(csv.Total, parquet.Total);
            Assert.Equal(csv.Rows.Count, parquet.Rows.Count);
            Assert.All(parquet.Rows.Zip(csv.Rows), p => Assert.Equal(p.Second, p.First));
        }
    }

    [Fact]
    public async Task LateOffset_GivesTheLastRows_NaNAndInfinityAsNull()
    {
        await CasesParquetWriterTests.Write(Path.Combine(_results, "2026-01-02_03-04-05", "gmst_era"), Rows);
        var reader = new RunFolderReader(_results);

        var late = (await reader.ReadCasesAsync("2026-01-02_03-04-05", "gmst_era", Rows - 6, 500))!;
        var first = (await reader.ReadCasesAsync("2026-01-02_03-04-05", "gmst_era", 0, 12))!;

        Assert.Equal(6, late.Rows.Count);
        Assert.Equal(Enumerable.Range(Rows - 6, 6).Select(i => (double?)i), late.Rows.Select(r => r[0]));
        Assert.Equal(2451545.0 + (Rows - 1) / 7.0, late.Rows[^1][1]);
        var jd = first.Rows.Select(r => r[1]).ToList();
        Assert.Equal([5e-324, 1.7976931348623157e308, -0.0, 0.0, null, null, null, -1.7976931348623157e308, 0.1, 2451545.0000000005], jd.Take(10));
        Assert.True(double.IsNegative(jd[2]!.Value));
        Assert.All(first.Rows, r => Assert.Null(r[^1]));
    }

    [Fact]
    public async Task ParquetIsPreferred_AndAMissingFileIsNull()
    {
        var dir = Path.Combine(_results, "2026-01-02_03-04-05", "gmst_era");
        await CasesParquetWriterTests.Write(dir, 30);
        File.WriteAllText(Path.Combine(dir, CasesFiles.LegacyCsvName), "index,stale\n0,1\n");
        Directory.CreateDirectory(Path.Combine(_results, "2026-01-02_03-04-05", "equ_ecl"));
        var reader = new RunFolderReader(_results);

        Assert.Equal(30, (await reader.ReadCasesAsync("2026-01-02_03-04-05", "gmst_era", 0, 5))!.Total);
        Assert.Null(await reader.ReadCasesAsync("2026-01-02_03-04-05", "equ_ecl", 0, 5));
        Assert.Null(await reader.ReadCasesAsync("2026-01-02_03-04-05", "../gmst_era", 0, 5));
    }
}
