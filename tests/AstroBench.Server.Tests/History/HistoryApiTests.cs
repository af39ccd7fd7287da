using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AstroBench.Server.Events;
using Microsoft.Extensions.DependencyInjection;

namespace AstroBench.Server.Tests.History;

/// <summary>The history and regressions API over a real server: runs published (folder + run.published event) are indexed, scanned and announced.</summary>
public sealed class HistoryApiTests : IDisposable
{
    private readonly Lab _lab = new();

    public void Dispose()
    {
        _lab.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _lab.DeleteRoot();
    }

    private LabEventLog Events => _lab.Factory.Services.GetRequiredService<LabEventLog>();

    /// <summary>Publishes synthetic run i as the orchestrator and job store do: the folder appears, then run.published.</summary>
    private void Publish(int i, SyntheticResult result, string version)
    {
        SyntheticRuns.Write(_lab.ResultsDir, SyntheticRuns.Id(i), [result], SyntheticRuns.Bench,
            versions: new Dictionary<string, string> { ["libnova"] = $"libnova-adapter 1.0.0; libnova {version}" });
        Events.Append(LabEventTypes.RunPublished, null, SyntheticRuns.Id(i), new JsonObject());
    }

    /// <summary>Eight runs; run 3 updates libnova, run 5 makes one case of 1,000 worse by 0.5″.</summary>
    private async Task<JsonNode> PublishSeriesWithOneRegression()
    {
        Directory.CreateDirectory(_lab.ResultsDir);
        for (var i = 0; i < 8; i++)
        {
            Publish(i, new SyntheticResult("gmst_era", "libnova") { Mean = i < 5 ? 0.01 : 0.0105, Max = i < 5 ? 0.1 : 0.5 }, i < 3 ? "0.15" : "0.16");
        }
        await Eventually.True(() => Events.ReadAfter(0).Any(e => e.Type == LabEventTypes.RegressionDetected), "a regression.detected event");
        return await _lab.GetJson("/api/regressions");
    }

    [Fact]
    public async Task RealJob_IsListedAndHasAHistoryPoint_UnderTheTestbedItsManifestRecorded()
    {
        var job = await _lab.Start(new { experiments = new[] { "gmst_era" }, libraries = new[] { "libnova" }, n = 20, no_perf = true });
        var done = await _lab.WaitTerminal(job["job_id"]!.GetValue<string>());
        var runId = done["run_id"]!.GetValue<string>();

        var runs = await _lab.GetJson("/api/runs");
        var history = (await _lab.GetJson("/api/history?experiment=gmst_era&library=libnova")).AsArray();
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(_lab.ResultsDir, runId, "manifest.json")))!;

        Assert.Contains(runs.AsArray(), r => r!["id"]!.GetValue<string>() == runId);
        var key = manifest["testbed"]!["key"]!.GetValue<string>();
        Assert.Matches("^[0-9a-f]{16}$", key);
        Assert.NotEmpty(history);
        Assert.All(history, s => Assert.Equal(key, s!["testbed"]!.GetValue<string>()));
        Assert.All(history, s => Assert.Equal(runId, Assert.Single(s!["points"]!.AsArray())!["run_id"]!.GetValue<string>()));
        Assert.Contains((await _lab.GetJson("/api/history/testbeds")).AsArray(), t => t!["key"]!.GetValue<string>() == key);
    }

    [Fact]
    public async Task OneCaseWorse_IsOneRegression_AnnouncedOnce_AndMarkedOnItsTrend()
    {
        var regressions = (await PublishSeriesWithOneRegression()).AsArray();

        var regression = Assert.Single(regressions)!;
        Assert.Equal((SyntheticRuns.Id(5), "regression", "accuracy", "open"), (regression["run_id"]!.GetValue<string>(),
            regression["direction"]!.GetValue<string>(), regression["kind"]!.GetValue<string>(), regression["state"]!.GetValue<string>()));
        var announced = Assert.Single(Events.ReadAfter(0), e => e.Type == LabEventTypes.RegressionDetected).PayloadObject();
        Assert.Equal(regression["id"]!.GetValue<string>(), announced["regression"]!["id"]!.GetValue<string>());
        Assert.Equal(SyntheticRuns.Id(5), announced["run_id"]!.GetValue<string>());

        var series = Assert.Single((await _lab.GetJson($"/api/history?experiment=gmst_era&library=libnova&metric=error_arcsec&testbed={SyntheticRuns.Bench.Key}")).AsArray())!;
        var points = series["points"]!.AsArray();
        Assert.Equal(8, points.Count);
        Assert.Equal("synthetic", series["testbed_label"]!.GetValue<string>());
        Assert.Equal([3], points.Select((p, i) => (p, i)).Where(x => x.p!["version_change"] is not null).Select(x => x.i));
        Assert.Equal("libnova 0.15", points[3]!["version_change"]!["from"]!.GetValue<string>());
        Assert.Equal([5], points.Select((p, i) => (p, i)).Where(x => x.p!["change_id"] is not null).Select(x => x.i));
        Assert.Equal(regression["id"]!.GetValue<string>(), points[5]!["change_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task DocumentedExamples_HaveTheMembersOfTheRealResponses()
    {
        var regression = (await PublishSeriesWithOneRegression()).AsArray()[0]!;
        var history = await _lab.GetJson("/api/history?experiment=gmst_era&library=libnova&metric=error_arcsec");

        Assert.Equal(HistoryDocs.Members(HistoryDocs.Example("regression")), HistoryDocs.Members(regression));
        Assert.Equal(HistoryDocs.Members(HistoryDocs.Example("history"), skip: "$[].changes[]"), HistoryDocs.Members(history, skip: "$[].changes[]"));
        var patch = await _lab.Client.PatchAsync($"/api/regressions/{regression["id"]}", JsonContent.Create(HistoryDocs.Example("patch")));
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
    }

    [Fact]
    public async Task Patch_SetsTheStateWithItsNoteAndWho_AndInvalidChangesAre422()
    {
        var id = (await PublishSeriesWithOneRegression()).AsArray()[0]!["id"]!.GetValue<string>();

        async Task<(HttpStatusCode, JsonNode?)> Patch(string target, object body)
        {
            var response = await _lab.Client.PatchAsync($"/api/regressions/{target}", JsonContent.Create(body));
            var text = await response.Content.ReadAsStringAsync();
            return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
        }

        var (noNote, noNoteBody) = await Patch(id, new { state = "expected-shift", by = "ana" });
        var (badState, badStateBody) = await Patch(id, new { state = "closed", by = "ana" });
        var (noBy, _) = await Patch(id, new { state = "acknowledged" });
        var (unknown, _) = await Patch("0000000000000000", new { state = "acknowledged", by = "ana" });
        var (malformed, _) = await Patch("not-a-regression", new { state = "acknowledged", by = "ana" });
        var (ok, updated) = await Patch(id, new { state = "expected-shift", note = "libnova 0.16 changed its model", by = "ana" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, noNote);
        Assert.Contains("needs a note", noNoteBody!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badState);
        Assert.Contains("'closed' is not a valid state", badStateBody!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noBy);
        Assert.Equal(HttpStatusCode.NotFound, unknown);
        Assert.Equal(HttpStatusCode.BadRequest, malformed);
        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.Equal(("expected-shift", "libnova 0.16 changed its model", "ana"),
            (updated!["state"]!.GetValue<string>(), updated["note"]!.GetValue<string>(), updated["state_by"]!.GetValue<string>()));
        Assert.Empty((await _lab.GetJson("/api/regressions?state=open")).AsArray());
        Assert.Single((await _lab.GetJson("/api/regressions?state=expected-shift")).AsArray());
    }

    [Fact]
    public async Task Compare_SaysWhenTheTwoRunsTestbedsDiffer()
    {
        Directory.CreateDirectory(_lab.ResultsDir);
        SyntheticResult[] results = [new("gmst_era", "libnova")];
        SyntheticRuns.Write(_lab.ResultsDir, SyntheticRuns.Id(0), results, SyntheticRuns.Bench);
        SyntheticRuns.Write(_lab.ResultsDir, SyntheticRuns.Id(1), results, SyntheticRuns.Bench);
        SyntheticRuns.Write(_lab.ResultsDir, SyntheticRuns.Id(2), results);

        var same = await _lab.GetJson($"/api/compare?run_a={SyntheticRuns.Id(0)}&run_b={SyntheticRuns.Id(1)}");
        var other = await _lab.GetJson($"/api/compare?run_a={SyntheticRuns.Id(0)}&run_b={SyntheticRuns.Id(2)}");

        Assert.False(same["testbeds"]!["differ"]!.GetValue<bool>());
        Assert.True(other["testbeds"]!["differ"]!.GetValue<bool>());
        Assert.Equal((SyntheticRuns.Bench.Key, "unknown"), (other["testbeds"]!["a"]!.GetValue<string>(), other["testbeds"]!["b"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("/api/history?library=libnova", "experiment is required")]
    [InlineData("/api/history?experiment=gmst_era&library=libnova&metric=Bad-Metric", "is not a valid metric")]
    [InlineData("/api/history?experiment=gmst_era&library=libnova&testbed=xyz", "is not a valid testbed")]
    [InlineData("/api/history?experiment=gmst_era&library=libnova&order=random", "is not a valid order")]
    [InlineData("/api/history?experiment=gmst_era&library=libnova&limit=0", "limit must be")]
    [InlineData("/api/regressions?state=closed", "is not a valid state")]
    [InlineData("/api/history/series?experiment=../x", "is not a valid experiment")]
    public async Task BadQueries_Are422_WithADetail(string url, string detail)
    {
        var response = await _lab.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(detail, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
