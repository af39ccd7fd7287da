using System.Globalization;
using System.Text.Json.Nodes;
using AstroBench.Cli.Publish;
using AstroBench.Cli.Tests.Infrastructure;
using AstroBench.Core.History;

namespace AstroBench.Cli.Tests.Publish;

/// <summary>
/// What a published site carries for the Trends and Regressions pages and for the cases: series and changes of the
/// published runs only (found by the server's own scanner), states as the lab set them, cases once per experiment.
/// </summary>
public sealed class PublishHistoryTests : IDisposable
{
    private const string Tb = "0123456789abcdef";
    private const string A = "2026-04-01_00-00-00";
    private const string B = "2026-04-02_00-00-00";
    private const string C = "2026-04-03_00-00-00";
    private readonly TempLab _lab = new();

    public PublishHistoryTests()
    {
        // libnova's p99 doubles from A to B (an accuracy regression at B) and is back at C (an improvement at C).
        foreach (var (id, p99) in new[] { (A, 0.25), (B, 0.5), (C, 0.25) })
        {
            GateRuns.Write(_lab.Results, id, Tb, new GateResult("gmst_era", "erfa", 0, 0, null), new GateResult("gmst_era", "libnova", p99, 2 * p99, null));
        }
    }

    public void Dispose() => _lab.Dispose();

    private string Site => Path.Combine(_lab.Dir, "site");

    private JsonNode Data(string key) => PublishedSite.Data(Site, key);

    private Task<CliResult> PublishAsync(params string[] args) => CliProcess.RunAsync(_lab.Dir, ["publish", "--out", Site, .. args]);

    [Fact]
    public async Task SeriesAndChanges_AreThoseOfThePublishedRuns()
    {
        var r = await PublishAsync("--runs", $"{A},{B}");

        Assert.True(r.ExitCode == 0, r.All);
        var change = Assert.Single(Data("/api/regressions").AsArray())!;
        Assert.Equal(("regression", B, A), (change["direction"]!.GetValue<string>(), change["run_id"]!.GetValue<string>(), change["previous_run_id"]!.GetValue<string>()));
        var series = Data(PublishedEndpoints.History("gmst_era", "libnova", "time")).AsArray();
        var errors = Assert.Single(series, s => s!["metric"]!.GetValue<string>() == "error_arcsec")!;
        Assert.Equal([A, B], PublishedSite.Ids(errors["points"]!, "run_id"));
        Assert.Equal(change["id"]!.GetValue<string>(), errors["points"]![1]!["change_id"]!.GetValue<string>());
        Assert.True(File.Exists(PublishedSite.FileOf(Site, PublishedEndpoints.History("gmst_era", "libnova", "commit"))));
        Assert.Contains(Data("/api/history/series").AsArray(), s => s!["library"]!.GetValue<string>() == "libnova" && s["points"]!.GetValue<int>() == 2);
        Assert.Equal(Tb, Assert.Single(Data("/api/history/testbeds").AsArray())!["key"]!.GetValue<string>());

        // Without B there is no change between the published runs, whatever the lab holds.
        Assert.Equal(0, (await PublishAsync("--runs", $"{A},{C}")).ExitCode);
        Assert.Empty(Data("/api/regressions").AsArray());
    }

    [Fact]
    public async Task AChange_TheLabAcknowledged_IsPublishedWithItsStateNoteAndWho()
    {
        var lab = new ResultsIndex(_lab.Results);
        new RegressionScanner(lab).ScanPending();
        var store = new RegressionStore(lab);
        var atB = Assert.Single(store.List(new RegressionFilter(Experiment: "gmst_era")).Items, c => c.Change.RunId == B);
        store.SetState(atB.Id, RegressionStates.ExpectedShift, "new model in 0.16", "ana", DateTimeOffset.Parse("2026-04-05T00:00:00Z", CultureInfo.InvariantCulture));

        Assert.Equal(0, (await PublishAsync()).ExitCode);

        var changes = Data("/api/regressions").AsArray();
        Assert.Equal(2, changes.Count);
        var published = Assert.Single(changes, c => c!["id"]!.GetValue<string>() == atB.Id)!;
        Assert.Equal((RegressionStates.ExpectedShift, "new model in 0.16", "ana"),
            (published["state"]!.GetValue<string>(), published["note"]!.GetValue<string>(), published["state_by"]!.GetValue<string>()));
        Assert.Equal(RegressionStates.Open, Assert.Single(changes, c => c!["run_id"]!.GetValue<string>() == C)!["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task Cases_AreOneExportPerExperiment_InChunksSharedByRunsWithTheSameColumns()
    {
        // A and B computed the same cases; C's libnova column differs.
        foreach (var (id, libnova) in new[] { (A, 0.2), (B, 0.2), (C, 0.7) })
        {
            var rows = Enumerable.Range(0, 300).Select(i => FormattableString.Invariant($"{i},{2451545 + i}.5,{i * 1e-9},{libnova + i * 1e-6}"));
            File.WriteAllLines(Path.Combine(_lab.Results, id, "gmst_era", "cases.csv"), ["index,jd_ut1,erfa.gmst_error_arcsec,libnova.gmst_error_arcsec", .. rows]);
        }

        Assert.Equal(0, (await PublishAsync()).ExitCode);

        var export = Data(PublishedEndpoints.CasesExport(A, "gmst_era"));
        Assert.Equal(300, export["total"]!.GetValue<int>());
        Assert.Equal(300, export["rows"]!.GetValue<int>());
        var chunks = export["chunks"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(3, chunks.Count); // the inputs, erfa, libnova
        var inputs = Data(PublishedEndpoints.Chunk(chunks[0])).AsArray();
        Assert.Equal(2451844.5, inputs[1]![299]!.GetValue<double>());
        Assert.Equal(chunks, Ids(PublishedEndpoints.CasesExport(B, "gmst_era")));
        Assert.Equal(2, Ids(PublishedEndpoints.CasesExport(C, "gmst_era")).Intersect(chunks).Count());
        var all = new[] { A, B, C }.SelectMany(id => Ids(PublishedEndpoints.CasesExport(id, "gmst_era"))).Distinct().ToList();
        Assert.Equal(4, all.Count); // three runs' cases in four files: the inputs, erfa, libnova of A and B, libnova of C
        Assert.All(all, id => Assert.True(File.Exists(PublishedSite.FileOf(Site, PublishedEndpoints.Chunk(id)))));
        Assert.DoesNotContain(Directory.GetFiles(Path.Combine(Site, "data")), f => Path.GetFileName(f).Contains("_3Foffset_3D", StringComparison.Ordinal)); // no cases page of its own
    }

    private List<string> Ids(string exportKey) => Data(exportKey)["chunks"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()).ToList();
}
