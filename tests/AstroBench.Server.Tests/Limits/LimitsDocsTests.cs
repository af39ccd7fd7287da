using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AstroBench.Server.Tests.SeedContract;

namespace AstroBench.Server.Tests.Limits;

/// <summary>The JSON examples of docs/limits.md have the shape of the real requests and responses.</summary>
public sealed partial class LimitsDocsTests
{
    [GeneratedRegex(@"<!-- example: ([a-z-]+) -->\s*```json\s*(.*?)```", RegexOptions.Singleline)]
    private static partial Regex Example();

    private static JsonNode DocExample(string name) =>
        JsonNode.Parse(Example().Matches(File.ReadAllText(Path.Combine(Lab.RepoRoot, "docs", "limits.md")))
            .Single(m => m.Groups[1].Value == name).Groups[2].Value)!;

    [Fact]
    public async Task Examples_MatchTheRealResponses()
    {
        using var lab = new Lab();
        try
        {
            var (invalid, problem) = await lab.PostJson("/api/benchmark/jobs",
                LimitsLab.Quick(new() { ["cpu_set"] = "64", ["nice"] = 20 }));
            Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
            SeedShape.AssertMatches(DocExample("invalid"), problem);

            var (created, job) = await lab.PostJson("/api/benchmark/jobs", DocExample("request"));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var done = await lab.WaitTerminal(LimitsLab.Id(job!));
            Assert.Equal("completed", LimitsLab.Str(done, "status"));
            var limits = done["limits"]!;
            var example = DocExample("job-limits").AsObject();
            Assert.Equal(example.Select(p => p.Key), limits.AsObject().Select(p => p.Key));
            Assert.Equal(DocExample("request")["nice"]!.GetValue<int>(), limits["nice"]!.GetValue<int>());
            Assert.Equal(3600, limits["timeout_s"]!.GetValue<int>());
            Assert.NotNull(limits["memory_mechanism"]);
        }
        finally
        {
            lab.DeleteRoot();
        }
    }
}
