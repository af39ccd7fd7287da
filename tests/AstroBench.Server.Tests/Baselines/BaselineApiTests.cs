using System.Net;
using System.Text.Json.Nodes;
using AstroBench.Core.Baselines;

namespace AstroBench.Server.Tests.Baselines;

/// <summary><c>/api/baselines</c> over real run folders: set, list, replace, remove, and retention honouring a baseline.</summary>
public sealed class BaselineApiTests : IDisposable
{
    private const string Testbed = "0123456789abcdef";
    private const string RunA = "2026-02-01_00-00-00";
    private const string RunB = "2026-02-02_00-00-00";
    private const string Untested = "2026-02-03_00-00-00";
    private readonly Lab _lab = new();

    public BaselineApiTests()
    {
        GateRuns.Write(_lab.ResultsDir, RunA, Testbed, new GateResult("gmst_era", "erfa", 0, 0, GateRuns.Flat(100)));
        GateRuns.Write(_lab.ResultsDir, RunB, Testbed, new GateResult("gmst_era", "erfa", 0, 0, GateRuns.Flat(100)));
        GateRuns.Write(_lab.ResultsDir, Untested, null, new GateResult("gmst_era", "erfa", 0, 0, null));
    }

    public void Dispose() => _lab.Dispose();

    [Fact]
    public async Task Set_TakesTheTestbedFromTheManifest_AndReplacesThePreviousBaseline()
    {
        var (first, a) = await _lab.PostJson("/api/baselines", new { run_id = RunA });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(Testbed, a!["testbed"]!.GetValue<string>());
        DocExamples.AssertSameKeys(DocExamples.Example("ci.md", "### Baseline object"), a);

        await _lab.PostJson("/api/baselines", new { run_id = RunB });
        var (_, unknown) = await _lab.PostJson("/api/baselines", new { run_id = Untested });
        Assert.Equal(TestbedKey.Unknown, unknown!["testbed"]!.GetValue<string>());

        var list = (await _lab.GetJson("/api/baselines")).AsArray();
        Assert.Equal([(Testbed, RunB), (TestbedKey.Unknown, Untested)],
            list.Select(b => (b!["testbed"]!.GetValue<string>(), b["run_id"]!.GetValue<string>())).OrderBy(x => x.Item1, StringComparer.Ordinal));
        // The CLI reads the same store.
        Assert.Equal(RunB, new BaselineStore(_lab.ResultsDir).For(Testbed)!.RunId);
    }

    [Fact]
    public async Task ABaselineRun_CannotBeDeleted_UntilItsBaselineIsRemoved()
    {
        await _lab.PostJson("/api/baselines", new { run_id = RunA });

        var refused = await _lab.Client.DeleteAsync($"/api/runs/{RunA}");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("baseline", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(RunA, (await _lab.GetJson("/api/retention/preview"))["protected"]!.AsArray().Select(x => x!.GetValue<string>()));

        Assert.Equal(HttpStatusCode.NoContent, (await _lab.Client.DeleteAsync($"/api/baselines/{Testbed}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _lab.Client.DeleteAsync($"/api/runs/{RunA}")).StatusCode);
    }

    [Theory]
    [InlineData("bad/../id", 422)]
    [InlineData(null, 422)]
    [InlineData("2030-01-01_00-00-00", 404)]
    public async Task Set_RefusesABadOrUnknownRun(string? runId, int status)
    {
        var (response, body) = await _lab.PostJson("/api/baselines", new { run_id = runId });

        Assert.Equal(status, (int)response.StatusCode);
        Assert.False(string.IsNullOrEmpty(body!["detail"]?.GetValue<string>()));
        Assert.False(File.Exists(new BaselineStore(_lab.ResultsDir).FilePath));
    }

    [Theory]
    [InlineData("ABCDEF0123456789", 400)]
    [InlineData("..", 404)]
    [InlineData("fedcba9876543210", 404)]
    public async Task Delete_RefusesABadKey_Or404sWithoutABaseline(string testbed, int status)
    {
        var response = await _lab.Client.DeleteAsync($"/api/baselines/{Uri.EscapeDataString(testbed)}");

        Assert.Equal(status, (int)response.StatusCode);
    }

    [Fact]
    public async Task List_IsEmptyWithoutAStore()
    {
        Assert.Empty((await _lab.GetJson("/api/baselines")).AsArray());
        Assert.IsType<JsonArray>(await _lab.GetJson("/api/baselines"));
    }
}
