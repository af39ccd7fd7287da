using System.Net;
using System.Text.Json.Nodes;

namespace AstroBench.Server.Tests.Jobs;

/// <summary>
/// The adaptive round rule's settings in a job request (docs/http-api.md, "POST /api/benchmark/start"): 422 with a field
/// message outside their ranges, on /start and /jobs; the doc's example reaches the run (its manifest's rounds block).
/// </summary>
public sealed class RoundSettingsRequestTests
{
    public static TheoryData<string, string, object> Invalid() => new()
    {
        { "/api/benchmark/start", "max_perf_rounds", 4 }, // below perf_rounds (5)
        { "/api/benchmark/jobs", "max_perf_rounds", 51 },
        { "/api/benchmark/start", "perf_cv_target_percent", 0.05 },
        { "/api/benchmark/jobs", "perf_cv_target_percent", 101 },
        { "/api/benchmark/start", "perf_budget_seconds", -1 },
        { "/api/benchmark/jobs", "perf_budget_seconds", 3601 },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task AValueOutOfRange_Answers422WithAFieldMessage(string url, string field, object value)
    {
        using var lab = new Lab();
        try
        {
            var body = new Dictionary<string, object?> { ["experiments"] = new[] { "gmst_era" }, ["libraries"] = new[] { "libnova" }, ["n"] = 20, [field] = value };
            var (response, answer) = await lab.PostJson(url, body);

            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Contains(field + " must be between", answer!["errors"]![field]![0]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Empty((await lab.GetJson("/api/benchmark/jobs")).AsArray());
        }
        finally
        {
            lab.DeleteRoot();
        }
    }

    [Fact]
    public async Task TheDocExample_RunsWithItsRoundSettings()
    {
        using var lab = new Lab();
        try
        {
            var example = DocExamples.Example("http-api.md", "example", "start-round-settings");
            var job = await lab.Start(example);
            var done = await lab.WaitTerminal(job["job_id"]!.GetValue<string>());
            Assert.Equal("completed", done["status"]!.GetValue<string>());

            var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(lab.ResultsDir, done["run_id"]!.GetValue<string>(), "manifest.json")))!;
            var rounds = manifest["rounds"]!;
            Assert.Equal(7.5, rounds["cv_target_percent"]!.GetValue<double>());
            Assert.Equal(0, rounds["budget_s_per_library"]!.GetValue<double>());
            Assert.Equal(3, rounds["max_rounds"]!["libnova"]!.GetValue<int>());
            Assert.Equal(0, rounds["extra_rounds"]!.GetValue<int>());
        }
        finally
        {
            lab.DeleteRoot();
        }
    }
}
