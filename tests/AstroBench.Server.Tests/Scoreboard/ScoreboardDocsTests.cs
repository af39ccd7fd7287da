using System.Net;
using System.Text.Json.Nodes;
using static AstroBench.Server.Tests.DocExamples;

namespace AstroBench.Server.Tests.Scoreboard;

/// <summary>The JSON examples of docs/scoreboard.md have exactly the members of the real responses (a real run, real adapters).</summary>
public sealed class ScoreboardDocsTests : IDisposable
{
    private readonly Lab _lab = new();

    public void Dispose()
    {
        _lab.Dispose();
        _lab.DeleteRoot();
    }

    private static JsonNode Example(string name) => DocExamples.Example("scoreboard.md", "scoreboard-example", name);

    [Fact]
    public async Task ScoreboardPairsAndExperimentExamples_HaveTheMembersOfTheRealResponses()
    {
        var job = await _lab.Start(new { experiments = new[] { "gmst_era" }, libraries = new[] { "erfa", "erfa-dotnet", "libnova" }, n = 20, no_perf = true });
        var done = await _lab.WaitTerminal(job["job_id"]!.GetValue<string>());
        Assert.Equal("completed", done["status"]!.GetValue<string>());
        var runId = done["run_id"]!.GetValue<string>();

        var scoreboard = await _lab.GetJson($"/api/runs/{runId}/scoreboard");
        var pairs = await _lab.GetJson($"/api/runs/{runId}/pairs?experiment=gmst_era");
        var experiment = (await _lab.GetJson("/api/experiments")).AsArray().Single(e => e!["id"]!.GetValue<string>() == "gmst_era");

        Assert.Equal(Members(Example("scoreboard")), Members(scoreboard));
        Assert.Equal(Members(Example("pairs")), Members(pairs));
        Assert.Equal(Members(Example("experiment")), Members(experiment));
        var entries = scoreboard["experiments"]![0]!["entries"]!.AsArray();
        Assert.Equal("within_reference_uncertainty", entries.Single(e => e!["library"]!.GetValue<string>() == "erfa-dotnet")!["accuracy_status"]!.GetValue<string>());
        Assert.Equal(3, pairs[0]!["pairs"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("/api/runs/2026-01-01_00-00-00/scoreboard", HttpStatusCode.NotFound)]
    [InlineData("/api/runs/2026-01-01_00-00-00/pairs", HttpStatusCode.NotFound)]
    [InlineData("/api/runs/..%2Fetc/scoreboard", HttpStatusCode.BadRequest)]
    [InlineData("/api/runs/2026-01-01_00-00-00/pairs?experiment=..%2Fx", HttpStatusCode.BadRequest)]
    public async Task UnknownOrMalformed_IsAProblemWithADetail(string url, HttpStatusCode expected)
    {
        var response = await _lab.Client.GetAsync(url);

        Assert.Equal(expected, response.StatusCode);
        Assert.False(string.IsNullOrEmpty(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]?.GetValue<string>()));
    }
}
