using System.Text.Json.Nodes;
using AstroBench.Cli.Tests.Infrastructure;

namespace AstroBench.Cli.Tests.Publish;

/// <summary><c>astrobench publish</c> through the real binary over synthetic runs: what it writes, what it selects, what it refuses.</summary>
public sealed class PublishCommandTests : IDisposable
{
    private const string Tb = "0123456789abcdef";
    private const string A = "2026-04-01_00-00-00";
    private const string B = "2026-04-02_00-00-00";
    private const string C = "2026-04-03_00-00-00";
    private readonly TempLab _lab = new();

    public PublishCommandTests()
    {
        foreach (var (id, tb) in new[] { (A, Tb), (B, Tb), (C, (string?)null) })
        {
            GateRuns.Write(_lab.Results, id, tb, new GateResult("gmst_era", "erfa", 0, 0, GateRuns.Flat(100)));
        }
    }

    public void Dispose() => _lab.Dispose();

    private string Site => Path.Combine(_lab.Dir, "site");

    private JsonNode Data(string url) => PublishedSite.Data(Site, url);

    private static List<string> Ids(JsonNode list, string field) => PublishedSite.Ids(list, field);

    [Fact]
    public async Task WritesTheAppAndOneDataScriptPerGet_OfTheChosenTestbedOnly()
    {
        Assert.Equal(0, (await CliProcess.RunAsync(_lab.Dir, "baselines", "set", C)).ExitCode);

        var r = await CliProcess.RunAsync(_lab.Dir, "publish", "--out", Site, "--testbed", Tb);

        Assert.True(r.ExitCode == 0, r.All);
        Assert.True(File.Exists(Path.Combine(Site, "index.html")));
        Assert.DoesNotContain("type=\"module\"", File.ReadAllText(Path.Combine(Site, "index.html")), StringComparison.Ordinal);
        Assert.Equal([B, A], Ids(Data("/api/runs"), "id"));
        Assert.Empty(Data("/api/baselines").AsArray());
        Assert.Equal(A, Data($"/api/runs/{A}")["id"]!.GetValue<string>());
        Assert.Single(Data($"/api/runs/{A}/experiments/gmst_era").AsArray());
        Assert.False(File.Exists(Path.Combine(Site, AstroBench.Cli.Publish.StaticDataFile.Of($"/api/runs/{C}"))));
    }

    [Fact]
    public async Task Runs_SelectsExactly_AndARepublishReplacesThePreviousSite()
    {
        Assert.Equal(0, (await CliProcess.RunAsync(_lab.Dir, "publish", "--out", Site)).ExitCode);
        Assert.Equal([C, B, A], Ids(Data("/api/runs"), "id"));

        Assert.Equal(0, (await CliProcess.RunAsync(_lab.Dir, "publish", "--out", Site, "--runs", C)).ExitCode);
        Assert.Equal([C], Ids(Data("/api/runs"), "id"));
        Assert.False(File.Exists(Path.Combine(Site, AstroBench.Cli.Publish.StaticDataFile.Of($"/api/runs/{A}"))));
        Assert.DoesNotContain(Directory.GetDirectories(_lab.Dir), d => Path.GetFileName(d).StartsWith("site.", StringComparison.Ordinal));
        // The publish read the runs through links; removing its temp folder left every run folder of the lab whole.
        Assert.Equal([A, B, C], _lab.Runs().Select(Path.GetFileName));
        Assert.All(_lab.Runs(), d => Assert.True(File.Exists(Path.Combine(d, "manifest.json")) && File.Exists(Path.Combine(d, "gmst_era", "erfa.json"))));
    }

    [Fact]
    public async Task AFolderThatIsNotAPublishedSite_IsNeverOverwritten()
    {
        Directory.CreateDirectory(Site);
        File.WriteAllText(Path.Combine(Site, "thesis.tex"), "mine");

        var r = await CliProcess.RunAsync(_lab.Dir, "publish", "--out", Site);

        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("error: --out", Assert.Single(r.Lines), StringComparison.Ordinal);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(Site, "thesis.tex")));
    }

    [Theory]
    [InlineData("--runs", "2030-01-01_00-00-00")]
    [InlineData("--testbed", "fedcba9876543210")]
    [InlineData("--testbed", "NOT-HEX")]
    public async Task ABadSelection_Exits2_WithOneLine_AndWritesNothing(string option, string value)
    {
        var r = await CliProcess.RunAsync(_lab.Dir, "publish", "--out", Site, option, value);

        Assert.Equal(2, r.ExitCode);
        Assert.Single(r.Lines);
        Assert.False(Directory.Exists(Site));
    }
}
