using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AstroBench.Server.Tests.SeedContract;

namespace AstroBench.Server.Tests.Queue;

/// <summary>The JSON examples of docs/queue.md have the shape of the real responses; the queue's mutating endpoints need the token.</summary>
public sealed partial class QueueDocsTests
{
    [GeneratedRegex(@"<!-- example: ([a-z-]+) -->\s*```json\s*(.*?)```", RegexOptions.Singleline)]
    private static partial Regex Example();

    internal static JsonNode DocExample(string name, string doc = "queue.md") =>
        JsonNode.Parse(Example().Matches(File.ReadAllText(Path.Combine(Lab.RepoRoot, "docs", doc)))
            .Single(m => m.Groups[1].Value == name).Groups[2].Value)!;

    [Fact]
    public async Task Examples_MatchTheRealResponses()
    {
        using var lab = new Lab();
        var done = await lab.Start(QueueLab.Quick());
        await lab.WaitTerminal(done["job_id"]!.GetValue<string>()); // a comparable job: the estimate is known
        await lab.PostJson("/api/admin/drain", null);
        var (created, job) = await lab.PostJson("/api/benchmark/jobs", new
        {
            experiments = new[] { "gmst_era" }, libraries = new[] { "libnova" }, n = 20, no_perf = true, priority = 10, concurrency_key = "nightly-main",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/benchmark/jobs/{job!["job_id"]}", created.Headers.Location?.ToString());
        SeedShape.AssertMatches(DocExample("enqueue-response"), job);
        var queue = await lab.GetJson("/api/benchmark/queue");
        SeedShape.AssertMatches(DocExample("queue"), queue);
        // A queue entry is the compact projection of docs/queue.md: exactly its fields, not the full job.
        Assert.Equal(DocExample("queue")[0]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal),
            queue[0]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(1, queue[0]!["queue_position"]!.GetValue<int>());
        Assert.NotNull(queue[0]!["estimated_start_at"]); // a comparable job completed: the estimate is known
        SeedShape.AssertMatches(DocExample("drain"), await lab.GetJson("/api/admin/drain"));
        await lab.PostJson($"/api/benchmark/jobs/{job["job_id"]}/cancel", null);
        lab.DeleteRoot();
    }

    [Fact]
    public async Task TheQueuesMutatingEndpoints_NeedTheToken_WhenOneIsConfigured()
    {
        using var lab = new Lab(settings: new() { ["AstroBench:Token"] = "s3cret" });
        var (enqueue, _) = await lab.PostJson("/api/benchmark/jobs", QueueLab.Quick());
        Assert.Equal(HttpStatusCode.Unauthorized, enqueue.StatusCode);
        var patch = await lab.Client.PatchAsync("/api/benchmark/jobs/0123456789ab",
            new StringContent("""{"priority":1}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, patch.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await lab.PostJson("/api/admin/drain", null)).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await lab.PostJson("/api/admin/undrain", null)).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await lab.Client.GetAsync("/api/benchmark/queue")).StatusCode);
        Assert.Empty(await lab.QueueOrder());
        lab.DeleteRoot();
    }
}
