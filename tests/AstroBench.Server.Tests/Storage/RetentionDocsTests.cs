using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AstroBench.Server.Tests.SeedContract;

namespace AstroBench.Server.Tests.Storage;

/// <summary>The JSON examples of docs/retention.md have the shape of the server's real responses.</summary>
public sealed partial class RetentionDocsTests : IDisposable
{
    private readonly Lab _lab;
    private readonly List<string> _ids;

    public RetentionDocsTests()
    {
        var root = Directory.CreateTempSubdirectory("astrobench-server-test-").FullName;
        _ids = RetentionRuns.AddDaily(Path.Combine(root, "results"), 3);
        _lab = new Lab(root);
    }

    public void Dispose()
    {
        _lab.Dispose();
        _lab.DeleteRoot();
    }

    [GeneratedRegex(@"<!-- example: ([a-z-]+) -->\s*```json\s*(.*?)```", RegexOptions.Singleline)]
    private static partial Regex Example();

    private static JsonNode DocExample(string name) =>
        JsonNode.Parse(Example().Matches(File.ReadAllText(Path.Combine(Lab.RepoRoot, "docs", "retention.md")))
            .Single(m => m.Groups[1].Value == name).Groups[2].Value)!;

    [Fact]
    public async Task Examples_MatchTheRealResponses()
    {
        var (pin, pinned) = await _lab.PostJson($"/api/runs/{_ids[0]}/pin", null);
        Assert.True(pin.IsSuccessStatusCode);
        SeedShape.AssertMatches(DocExample("run-pin"), pinned);
        var put = await _lab.Client.PutAsync("/api/retention",
            new StringContent("""{"keep_last":1,"max_age_days":90,"logs_max_age_days":30}""", System.Text.Encoding.UTF8, "application/json"));
        SeedShape.AssertMatches(DocExample("retention"), JsonNode.Parse(await put.Content.ReadAsStringAsync()));
        SeedShape.AssertMatches(DocExample("retention"), await _lab.GetJson("/api/retention"));
        var preview = await _lab.GetJson("/api/retention/preview");
        Assert.NotEmpty(preview["runs"]!.AsArray());
        SeedShape.AssertMatches(DocExample("retention-preview"), preview);
        var (_, sweep) = await _lab.PostJson("/api/retention/sweep", null);
        SeedShape.AssertMatches(DocExample("retention-sweep"), sweep);
    }
}
