using System.Text.Json.Nodes;
using Xunit.Sdk;

namespace AstroBench.Server.Tests.SeedContract;

/// <summary>The shape check itself can fail: each way a response can break the seed's contract is caught.</summary>
public sealed class SeedShapeTests
{
    private static readonly JsonNode Status = SeedExamples.Get("benchmark-status");

    private static JsonNode Valid() => JsonNode.Parse("""
        {"job_id":"0123456789ab","status":"queued","started_at":null,"finished_at":"2026-02-13T14:30:15.000Z","run_id":null,
         "config":{"experiments":["all"],"n":1000,"seed":42,"no_perf":false,"perf_rounds":5,"ci_mode":false,"notes":"","libraries":null},
         "current_experiment":null,"current_step":null,"progress_pct":0,"created_at":"2026-02-13T14:30:00.000Z"}
        """)!;

    [Fact]
    public void EveryExampleOfTheDoc_IsFound()
    {
        Assert.Superset(new HashSet<string> { "benchmark-request", "benchmark-status", "cancel-response", "error", "run-summary",
            "experiment-result", "run-detail", "compare-result", "ws-log", "ws-done" }, SeedExamples.Names.ToHashSet());
    }

    [Fact]
    public void AStatusWithExtraFields_Matches() => SeedShape.AssertMatches(Status, Valid());

    [Theory]
    [InlineData("job_id", null, "missing")]
    [InlineData("job_id", "\"abc\"", "12 hex")]
    [InlineData("finished_at", "\"2026-02-13T14:30:15+00:00\"", "ending in Z")]
    [InlineData("progress_pct", "\"0\"", "expected Number")]
    [InlineData("config", "[]", "expected Object")]
    public void ABrokenStatus_IsRejected(string member, string? replacement, string message)
    {
        var job = Valid().AsObject();
        job.Remove(member);
        if (replacement is not null)
        {
            job[member] = JsonNode.Parse(replacement);
        }
        var failure = Assert.Throws<TrueException>(() => SeedShape.AssertMatches(Status, job));
        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AWrappedList_IsRejected()
    {
        var wrapped = new JsonObject { ["jobs"] = new JsonArray(Valid()), ["total"] = 1 };
        Assert.Throws<TrueException>(() => SeedShape.AssertMatches(new JsonArray(Status.DeepClone()), wrapped));
    }
}
