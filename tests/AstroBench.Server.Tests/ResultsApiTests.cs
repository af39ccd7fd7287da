using System.IO.Compression;
using System.Net;
using AstroBench.Core.Results.Reading;

namespace AstroBench.Server.Tests;

/// <summary>The results API over run folders produced by the real orchestrator, plus older layouts.</summary>
public sealed class ResultsApiTests : IDisposable
{
    private readonly Lab _lab = new();

    public void Dispose()
    {
        _lab.Dispose();
        _lab.DeleteRoot();
    }

    private async Task<string> CompletedRun(int n)
    {
        var job = await _lab.Start(new { experiments = new[] { "gmst_era" }, libraries = new[] { "libnova" }, n, perf_rounds = 2, ci_mode = true });
        var done = await _lab.WaitTerminal(job["job_id"]!.GetValue<string>());
        Assert.Equal("completed", done["status"]!.GetValue<string>());
        return done["run_id"]!.GetValue<string>();
    }

    [Fact]
    public async Task RunDetail_Experiment_Cases_Matrix_Compare_Download()
    {
        var a = await CompletedRun(300);
        var b = await CompletedRun(300); // a later second, or the same one with a suffix: b sorts after a either way
        Assert.True(string.CompareOrdinal(b, a) > 0, $"{b} does not sort after {a}");

        var runs = await _lab.GetJson("/api/runs");
        Assert.Equal(b, runs[0]!["id"]!.GetValue<string>());
        Assert.True(runs[0]!["complete"]!.GetValue<bool>());

        var run = await _lab.GetJson($"/api/runs/{a}");
        Assert.Contains(run["rows"]!.AsArray(), r => r!["library"]!.GetValue<string>() == "libnova" && r["p99"] is not null);
        Assert.Equal(a, run["manifest"]!["run_id"]!.GetValue<string>());

        var exp = await _lab.GetJson($"/api/runs/{a}/experiments/gmst_era");
        Assert.Equal("reference", exp[0]!["role"]!.GetValue<string>());

        var page = await _lab.GetJson($"/api/runs/{a}/experiments/gmst_era/cases?offset=290&limit=50");
        Assert.Equal(300, page["total"]!.GetValue<int>());
        Assert.Equal(10, page["rows"]!.AsArray().Count);
        Assert.Equal("index", page["columns"]![0]!.GetValue<string>());
        Assert.Equal(290, page["rows"]![0]![0]!.GetValue<int>());

        var matrix = await _lab.GetJson($"/api/runs/{a}/performance-matrix");
        Assert.NotEmpty(matrix["cells"]!.AsArray());
        // CI mode's single round is a smoke figure: invalid, never ranked, no speedup.
        foreach (var cell in matrix["cells"]!.AsArray())
        {
            Assert.False(cell!["valid"]!.GetValue<bool>());
            Assert.StartsWith("too_few_rounds", cell["invalid_reason"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Null(cell["rank"]);
            Assert.Null(cell["speedup_vs_reference"]);
            Assert.Null(cell["speedup_verdict"]);
        }
        var libnovaRow = run["rows"]!.AsArray().Single(r => r!["library"]!.GetValue<string>() == "libnova")!;
        Assert.False(libnovaRow["perf_valid"]!.GetValue<bool>());
        Assert.StartsWith("too_few_rounds", libnovaRow["perf_invalid_reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(libnovaRow["speedup_vs_reference"]);
        // libnova's GMST 1982 against erfa's IAU 2006 GMST + ERA: never an unlabelled speedup (docs/engine.md).
        Assert.Equal("model_mismatch", libnovaRow["speedup_label"]!.GetValue<string>());
        Assert.Equal("model_mismatch", matrix["cells"]!.AsArray().Single(c => c!["library"]!.GetValue<string>() == "libnova")!["speedup_label"]!.GetValue<string>());

        var compare = await _lab.GetJson($"/api/compare?run_a={a}&run_b={b}");
        var acc = compare["accuracy"]!.AsArray().Single(x => x!["library"]!.GetValue<string>() == "libnova")!;
        Assert.Equal("unchanged", acc["verdict"]!.GetValue<string>()); // same seed and n: identical accuracy
        Assert.False(acc["dataset_changed"]!.GetValue<bool>());
        Assert.All(compare["performance"]!.AsArray(), p => Assert.Equal("not_comparable", p!["verdict"]!.GetValue<string>()));

        var zip = await _lab.Client.GetAsync($"/api/runs/{a}/download");
        Assert.Equal(HttpStatusCode.OK, zip.StatusCode);
        Assert.Equal("application/zip", zip.Content.Headers.ContentType!.MediaType);
        using var archive = new ZipArchive(await zip.Content.ReadAsStreamAsync());
        Assert.Contains(archive.Entries, e => e.FullName == $"{a}/manifest.json");

        Assert.Equal(HttpStatusCode.NotFound, (await _lab.Client.GetAsync("/api/runs/2001-01-01_00-00-00")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _lab.Client.GetAsync($"/api/runs/{a}/experiments/equ_ecl")).StatusCode);
    }

    [Fact]
    public async Task LegacyDayFolders_AndFoldersWithoutManifest_AreListed_StagingIsNot()
    {
        var legacy = Path.Combine(_lab.ResultsDir, "2024-05-01", "gmst_era");
        Directory.CreateDirectory(legacy);
        await File.WriteAllTextAsync(Path.Combine(legacy, "libnova.json"), """{"experiment":"gmst_era","library":"libnova","accuracy":{"primary_metric":"gmst_error_arcsec","metrics":{"gmst_error_arcsec":{"unit":"arcsec","p50":0.1,"p99":0.2,"max":0.3}}}}""");
        Directory.CreateDirectory(Path.Combine(_lab.ResultsDir, ".staging", "2099-01-01_00-00-00"));
        var bare = Path.Combine(_lab.ResultsDir, "2025-01-01_00-00-00", "kepler_solver");
        Directory.CreateDirectory(bare);
        await File.WriteAllTextAsync(Path.Combine(bare, "erfa.json"), "{}");
        await _lab.PostJson("/api/runs/reload", null);

        var runs = (await _lab.GetJson("/api/runs")).AsArray();
        Assert.Equal(["2025-01-01_00-00-00", "2024-05-01"], runs.Select(r => r!["id"]!.GetValue<string>()));
        Assert.Equal(["kepler_solver"], runs[0]!["experiments"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.False(runs[1]!["complete"]!.GetValue<bool>());
        var detail = await _lab.GetJson("/api/runs/2024-05-01");
        Assert.Equal(0.2, detail["rows"]![0]!["p99"]!.GetValue<double>());
    }

    [Fact]
    public async Task Cases_AreWrittenAsParquet_ServedByOffset_AndDownloadedAsIs()
    {
        var a = await CompletedRun(1200);
        var file = Path.Combine(_lab.ResultsDir, a, "gmst_era", "cases.parquet");
        Assert.True(File.Exists(file));
        Assert.False(File.Exists(Path.Combine(_lab.ResultsDir, a, "gmst_era", "cases.csv")));
        var (columns, values) = await CasesParquetFile.ReadAllAsync(file);

        var late = await _lab.GetJson($"/api/runs/{a}/experiments/gmst_era/cases?offset=1195&limit=500");
        Assert.Equal(1200, late["total"]!.GetValue<int>());
        Assert.Equal(columns, late["columns"]!.AsArray().Select(c => c!.GetValue<string>()));
        var rows = late["rows"]!.AsArray();
        Assert.Equal(5, rows.Count);
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                var want = values[c][1195 + r];
                var cell = rows[r]![c];
                // JSON numbers are shortest round-trip: equal doubles, bit for bit; NaN (a missing value) is null.
                Assert.Equal(double.IsFinite(want) ? want : null, cell?.GetValue<double>());
            }
        }

        var zip = await _lab.Client.GetAsync($"/api/runs/{a}/download");
        using var archive = new ZipArchive(await zip.Content.ReadAsStreamAsync());
        var entry = Assert.Single(archive.Entries, e => e.FullName == $"{a}/gmst_era/cases.parquet");
        await using var zipped = entry.Open();
        using var copy = new MemoryStream();
        await zipped.CopyToAsync(copy);
        Assert.Equal(await File.ReadAllBytesAsync(file), copy.ToArray());
    }

    [Fact]
    public async Task LegacyCasesCsv_IsStillServed_WithTheSameShape()
    {
        var dir = Path.Combine(_lab.ResultsDir, "2025-03-04_05-06-07", "gmst_era");
        Directory.CreateDirectory(dir);
        await File.WriteAllTextAsync(Path.Combine(dir, "libnova.json"), """{"experiment":"gmst_era","library":"libnova","role":"candidate"}""");
        var csv = new System.Text.StringBuilder("index,jd_ut1,erfa.gmst_rad,libnova.gmst_rad,libnova.gmst_error_arcsec\n");
        for (var i = 0; i < 3000; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i},{2451545 + i * 0.25},{i * 1e-3},{(i % 10 == 0 ? "NaN" : "5E-324")},-0\n");
        }
        await File.WriteAllTextAsync(Path.Combine(dir, "cases.csv"), csv.ToString());
        await _lab.PostJson("/api/runs/reload", null);

        var page = await _lab.GetJson("/api/runs/2025-03-04_05-06-07/experiments/gmst_era/cases?offset=2990&limit=100");

        Assert.Equal(3000, page["total"]!.GetValue<int>());
        Assert.Equal(["index", "jd_ut1", "erfa.gmst_rad", "libnova.gmst_rad", "libnova.gmst_error_arcsec"],
            page["columns"]!.AsArray().Select(c => c!.GetValue<string>()));
        var rows = page["rows"]!.AsArray();
        Assert.Equal(10, rows.Count);
        Assert.Equal(2990, rows[0]![0]!.GetValue<int>());
        Assert.Equal(2451545 + 2990 * 0.25, rows[0]![1]!.GetValue<double>());
        Assert.Null(rows[0]![3]);
        Assert.Equal(5e-324, rows[1]![3]!.GetValue<double>());
        Assert.Equal(0.0, rows[1]![4]!.GetValue<double>());
    }
}
