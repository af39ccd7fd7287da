using System.Net;
using System.Text.Json.Nodes;
using AstroBench.Server.Queue;
using Microsoft.Extensions.DependencyInjection;

namespace AstroBench.Server.Tests.Queue;

/// <summary>Queue helpers over a <see cref="Lab"/>: enqueue, the queue's order, and a dispatch pass run by the test itself.</summary>
internal static class QueueLab
{
    public static Dictionary<string, string> Parallel(int n) => new() { ["AstroBench:MaxParallelAccuracyJobs"] = n.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    /// <summary>A job held by the gate in <paramref name="experiment"/> until the test opens it.</summary>
    public static object Gate(string experiment, bool perf = false, int priority = 0, string? key = null, bool cancelInProgress = false) => perf
        ? new { experiments = new[] { experiment }, libraries = new[] { "gate" }, n = 20, perf_rounds = 1, no_perf = false, priority, concurrency_key = key, cancel_in_progress = cancelInProgress }
        : new { experiments = new[] { experiment }, libraries = new[] { "gate" }, n = 20, no_perf = true, priority, concurrency_key = key, cancel_in_progress = cancelInProgress };

    /// <summary>A quick job (libnova, n = 20).</summary>
    public static object Quick(bool perf = false, int priority = 0, string? key = null, string notes = "") =>
        new { experiments = new[] { "gmst_era" }, libraries = new[] { "libnova" }, n = 20, perf_rounds = 1, no_perf = !perf, priority, concurrency_key = key, notes };

    public static async Task<string> Enqueue(this Lab lab, object body)
    {
        var (response, job) = await lab.PostJson("/api/benchmark/jobs", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"enqueue: {(int)response.StatusCode} {job}");
        Assert.Equal("queued", job!["status"]!.GetValue<string>());
        return job["job_id"]!.GetValue<string>();
    }

    public static async Task<List<string>> QueueOrder(this Lab lab) =>
        [.. (await lab.GetJson("/api/benchmark/queue")).AsArray().Select(j => j!["job_id"]!.GetValue<string>())];

    /// <summary>A dispatch pass now: the jobs it started (0 proves that nothing may start in this state).</summary>
    public static int DispatchNow(this Lab lab) => lab.Factory.Services.GetRequiredService<Dispatcher>().DispatchOnce();

    public static async Task<string> Status(this Lab lab, string id) =>
        (await lab.GetJson($"/api/benchmark/jobs/{id}"))["status"]!.GetValue<string>();

    public static async Task<(DateTimeOffset Start, DateTimeOffset End)> Interval(this Lab lab, string id)
    {
        var job = await lab.GetJson($"/api/benchmark/jobs/{id}");
        return (DateTimeOffset.Parse(job["started_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture),
            DateTimeOffset.Parse(job["finished_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
    }

    public static int Count(this IEnumerable<string> history, string status) => history.Count(s => s == status);

    public static JsonNode? Field(this JsonNode node, string name) => node[name];
}
