using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace AstroBench.Server.Tests.SeedContract;

/// <summary>
/// A client written for the original lab, against the real server: its requests exactly as it sends
/// them, and every answer checked against the hand-written seed examples of docs/http-api.md.
/// </summary>
public sealed class SeedContractTests : IDisposable
{
    private readonly string _adapters = Directory.CreateTempSubdirectory("astrobench-adapters-").FullName;
    private readonly Lab _lab;

    public SeedContractTests()
    {
        // Real adapters plus only the gate fixture: a run of "all" stays running until the gate opens.
        Directory.CreateSymbolicLink(Path.Combine(_adapters, "gate"), Path.Combine(Lab.RepoRoot, "tests", "fixtures", "adapters", "gate"));
        _lab = new Lab(settings: new() { ["AstroBench:AdapterDirs:1"] = _adapters });
    }

    public void Dispose()
    {
        _lab.Open("all");
        _lab.Dispose();
        _lab.DeleteRoot();
        Directory.Delete(_adapters, recursive: true);
    }

    private async Task<JsonNode> Json(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    /// <summary>The original request of the seed (experiments ["all"], notes "", no libraries), plus a field AstroBench does not know.</summary>
    private async Task<JsonNode> StartOriginalRequest()
    {
        var request = SeedExamples.Get("benchmark-request").AsObject();
        request["some_future_field"] = 1;
        using var response = await _lab.Client.PostAsync("/api/benchmark/start",
            new StringContent(request.ToJsonString(), Encoding.UTF8, "application/json"));
        return await Json(response);
    }

    private async Task WaitUntilHeldAtTheGate(string jobId)
    {
        await _lab.WaitFor(jobId, j => j["status"]!.GetValue<string>() == "running" && Directory.EnumerateFiles(_lab.GateDir, "*.waiting").Any());
    }

    [Fact]
    public async Task Start_Get_List_Cancel_AnswerTheOriginalBenchmarkStatus()
    {
        var started = await StartOriginalRequest();
        SeedShape.AssertMatches(SeedExamples.Get("benchmark-status"), started);
        var id = started["job_id"]!.GetValue<string>();
        Assert.Equal(["all"], started["config"]!["experiments"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.Equal("", started["config"]!["notes"]!.GetValue<string>());

        await WaitUntilHeldAtTheGate(id);
        var running = await _lab.GetJson($"/api/benchmark/jobs/{id}");
        SeedShape.AssertMatches(SeedExamples.Get("benchmark-status"), running);
        Assert.NotNull(running["started_at"]);

        using var list = await _lab.Client.GetAsync("/api/benchmark/jobs");
        SeedShape.AssertMatches(new JsonArray(SeedExamples.Get("benchmark-status")), await Json(list));
        Assert.Equal("1", Assert.Single(list.Headers.GetValues("X-Total-Count")));

        // The seed's clients cancel with an empty body (curl -X POST) or {}.
        using var cancel = await _lab.Client.PostAsync($"/api/benchmark/jobs/{id}/cancel", new StringContent("{}", Encoding.UTF8, "application/json"));
        var cancelled = await Json(cancel);
        SeedShape.AssertMatches(SeedExamples.Get("cancel-response"), cancelled);
        SeedShape.AssertMatches(SeedExamples.Get("benchmark-status"), cancelled);
        Assert.Equal("cancelled", cancelled["status"]!.GetValue<string>());
        Assert.InRange(cancelled["progress_pct"]!.GetValue<double>(), 0, 100);

        // Errors as FastAPI's HTTPException: a detail message.
        using var again = await _lab.Client.PostAsync($"/api/benchmark/jobs/{id}/cancel", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        SeedShape.AssertMatches(SeedExamples.Get("error"), JsonNode.Parse(await again.Content.ReadAsStringAsync()));
        using var unknown = await _lab.Client.PostAsync("/api/benchmark/jobs/0123456789ab/cancel", null);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        SeedShape.AssertMatches(SeedExamples.Get("error"), JsonNode.Parse(await unknown.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Start_WhileBusy_Is409_WithADetail()
    {
        var first = await StartOriginalRequest();
        using var second = await _lab.Client.PostAsync("/api/benchmark/start", JsonContent.Create(new { experiments = new[] { "all" } }));
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        SeedShape.AssertMatches(SeedExamples.Get("error"), JsonNode.Parse(await second.Content.ReadAsStringAsync()));
        await _lab.PostJson($"/api/benchmark/jobs/{first["job_id"]!.GetValue<string>()}/cancel", null);
    }

    [Fact]
    public async Task JobList_IsAPlainArray_OldestFirst_PagedByQuery()
    {
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var job = await _lab.Start(new { experiments = new[] { "gmst_era" }, libraries = new[] { "nosuchlib" }, n = 10 });
            ids.Add(job["job_id"]!.GetValue<string>());
            await _lab.WaitTerminal(ids[^1]);
        }
        var all = (await _lab.GetJson("/api/benchmark/jobs")).AsArray().Select(j => j!["job_id"]!.GetValue<string>()).ToList();
        Assert.Equal(ids, all);
        using var page = await _lab.Client.GetAsync("/api/benchmark/jobs?order=desc&limit=2&offset=1");
        Assert.Equal(new[] { ids[1], ids[0] }, (await Json(page)).AsArray().Select(j => j!["job_id"]!.GetValue<string>()));
        Assert.Equal("3", Assert.Single(page.Headers.GetValues("X-Total-Count")));
    }

    [Fact]
    public async Task WebSocket_AClientReadingOnlyLogAndDone_SeesTheCancelMarkerThenDone()
    {
        var id = (await StartOriginalRequest())["job_id"]!.GetValue<string>();
        await WaitUntilHeldAtTheGate(id);
        using var ws = await LabSockets.Connect(_lab, $"/api/benchmark/ws/{id}");
        var cancel = _lab.PostJson($"/api/benchmark/jobs/{id}/cancel", null);
        var lines = new List<string>();
        JsonNode? done = null;
        while (done is null)
        {
            var node = await LabSockets.ReceiveJson(ws);
            Assert.NotNull(node);
            switch (node!["type"]!.GetValue<string>())
            {
                case "log":
                    SeedShape.AssertMatches(SeedExamples.Get("ws-log"), node);
                    lines.Add(node["line"]!.GetValue<string>());
                    break;
                case "done":
                    SeedShape.AssertMatches(SeedExamples.Get("ws-done"), node);
                    done = node;
                    break;
            }
        }
        await cancel;
        Assert.Equal("cancelled", done["status"]!.GetValue<string>());
        Assert.Equal("__CANCELLED__", lines[^1]);
        Assert.Contains("[RUN] start", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_WithoutAcceptJson_AreThePlainTextOfTheLog()
    {
        var job = await _lab.Start(new { experiments = new[] { "gmst_era" }, libraries = new[] { "nosuchlib" }, n = 10 });
        var id = job["job_id"]!.GetValue<string>();
        await _lab.WaitTerminal(id);
        // The original's client: a plain fetch, no Accept header.
        using var plain = _lab.Factory.CreateClient();
        using var text = await plain.GetAsync($"/api/benchmark/jobs/{id}/logs");
        Assert.Equal("text/plain", text.Content.Headers.ContentType?.MediaType);
        var body = await text.Content.ReadAsStringAsync();
        var page = await _lab.GetJson($"/api/benchmark/jobs/{id}/logs?from=0");
        Assert.Equal(string.Join('\n', page["lines"]!.AsArray().Select(l => l!.GetValue<string>())), body);
        Assert.False(body.EndsWith('\n'));
    }

    [Fact]
    public async Task Runs_Detail_Experiment_Compare_CarryTheOriginalFields()
    {
        var runs = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var job = await _lab.Start(new { experiments = new[] { "gmst_era" }, libraries = new[] { "libnova" }, n = 50, ci_mode = true });
            var done = await _lab.WaitTerminal(job["job_id"]!.GetValue<string>());
            Assert.Equal("completed", done["status"]!.GetValue<string>());
            runs.Add(done["run_id"]!.GetValue<string>());
        }
        var list = await _lab.GetJson("/api/runs");
        SeedShape.AssertMatches(new JsonArray(SeedExamples.Get("run-summary")), list);
        Assert.Equal(["erfa", "libnova"], list[0]!["libraries"]!.AsArray().Select(l => l!.GetValue<string>()));
        Assert.True(list[0]!["has_reports"]!.GetValue<bool>());

        var detail = await _lab.GetJson($"/api/runs/{runs[0]}");
        SeedShape.AssertMatches(SeedExamples.Get("run-detail"), detail);

        var results = await _lab.GetJson($"/api/runs/{runs[0]}/experiments/gmst_era");
        var candidate = results.AsArray().Single(r => r!["candidate_library"]!.GetValue<string>() == "libnova")!;
        SeedShape.AssertMatches(SeedExamples.Get("experiment-result"), candidate);
        Assert.Equal(candidate["performance"]!["median_ns"]!.GetValue<double>(), candidate["performance"]!["per_op_ns"]!.GetValue<double>());
        Assert.Equal(candidate["accuracy"]!["metrics"]!["gmst_error_arcsec"]!["p99"]!.GetValue<double>(),
            candidate["accuracy"]!["gmst_error_arcsec"]!["p99"]!.GetValue<double>());
        Assert.Null(candidate["performance"]!["per_op_ns_ci95"]);

        var compare = await _lab.GetJson($"/api/compare?run_a={runs[0]}&run_b={runs[1]}");
        SeedShape.AssertMatches(SeedExamples.Get("compare-result"), compare);
        var p99 = compare["deltas"]!.AsArray().Single(d => d!["library"]!.GetValue<string>() == "libnova" && d["metric"]!.GetValue<string>() == "gmst_error_arcsec.p99")!;
        // Same seed, same inputs: accuracy is deterministic, so the delta is exactly 0 and no regression.
        Assert.Equal(0.0, p99["delta"]!.GetValue<double>());
        Assert.False(p99["regression"]!.GetValue<bool>());
    }
}
