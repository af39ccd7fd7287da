using System.Net;
using AstroBench.Server.Events;
using Microsoft.Extensions.DependencyInjection;

namespace AstroBench.Server.Tests.Queue;

/// <summary>Issue 9 point 1 through the HTTP API: order, concurrency keys, cancel of queued jobs, priority changes, validation.</summary>
public sealed class QueueApiTests : IDisposable
{
    private readonly Lab _lab = new(settings: QueueLab.Parallel(1));

    public void Dispose()
    {
        _lab.Dispose();
        _lab.DeleteRoot();
    }

    [Fact]
    public async Task Dispatch_ByPriorityThenFifo()
    {
        var blocker = await _lab.Enqueue(QueueLab.Gate("gmst_era"));
        await _lab.WaitHeld("gmst_era");
        var low = await _lab.Enqueue(QueueLab.Quick(priority: -5));
        var first = await _lab.Enqueue(QueueLab.Quick());
        var high = await _lab.Enqueue(QueueLab.Quick(priority: 10));
        var second = await _lab.Enqueue(QueueLab.Quick());
        var alsoHigh = await _lab.Enqueue(QueueLab.Quick(priority: 10));
        string[] expected = [high, alsoHigh, first, second, low];
        Assert.Equal(expected, await _lab.QueueOrder());
        var queue = (await _lab.GetJson("/api/benchmark/queue")).AsArray();
        Assert.Equal(new[] { 1, 2, 3, 4, 5 }, queue.Select(j => j!["queue_position"]!.GetValue<int>()));

        _lab.Open("gmst_era");
        foreach (var id in expected)
        {
            Assert.Equal("completed", (await _lab.WaitTerminal(id))["status"]!.GetValue<string>());
        }
        var starts = new List<DateTimeOffset>();
        foreach (var id in expected)
        {
            starts.Add((await _lab.Interval(id)).Start);
        }
        Assert.Equal(starts.Order(), starts);
        Assert.True((await _lab.Interval(blocker)).End <= starts[0]);
        Assert.Empty(await _lab.QueueOrder());
    }

    [Fact]
    public async Task ANewerPendingJobOfAKey_SupersedesTheOlder_WhichEndsCancelledWithoutStarting()
    {
        await _lab.Enqueue(QueueLab.Gate("gmst_era"));
        await _lab.WaitHeld("gmst_era");
        var older = await _lab.Enqueue(QueueLab.Quick(key: "nightly"));
        var newer = await _lab.Enqueue(QueueLab.Quick(key: "nightly"));

        var old = await _lab.GetJson($"/api/benchmark/jobs/{older}");
        Assert.Equal("cancelled", old["status"]!.GetValue<string>());
        Assert.Equal("superseded", old["reason"]!.GetValue<string>());
        Assert.NotNull(old["finished_at"]);
        Assert.Null(old["started_at"]);
        Assert.Equal(["queued", "cancelled"], await _lab.History(older));
        Assert.Equal([newer], await _lab.QueueOrder());
        var events = _lab.Factory.Services.GetRequiredService<LabEventLog>().ReadAfter(0);
        Assert.Contains(events, e => e.Type == LabEventTypes.JobCancelled && e.JobId == older);

        _lab.Open("gmst_era");
        Assert.Equal("completed", (await _lab.WaitTerminal(newer))["status"]!.GetValue<string>());
        Assert.Equal("cancelled", await _lab.Status(older));
    }

    [Fact]
    public async Task CancelInProgress_CancelsTheKeysRunningJob_ThenTheNewOneRuns()
    {
        var running = await _lab.Enqueue(QueueLab.Gate("gmst_era", key: "main"));
        await _lab.WaitHeld("gmst_era");
        var next = await _lab.Enqueue(new
        {
            experiments = new[] { "gmst_era" }, libraries = new[] { "libnova" }, n = 20, no_perf = true, concurrency_key = "main", cancel_in_progress = true,
        });

        var cancelled = await _lab.WaitTerminal(running);
        Assert.Equal("cancelled", cancelled["status"]!.GetValue<string>());
        Assert.Equal("superseded", cancelled["reason"]!.GetValue<string>());
        Assert.Equal("completed", (await _lab.WaitTerminal(next))["status"]!.GetValue<string>());
        Assert.True((await _lab.Interval(running)).End <= (await _lab.Interval(next)).Start);
    }

    [Fact]
    public async Task CancelOfAQueuedJob_EndsItCancelled_WithoutEverStartingIt()
    {
        var blocker = await _lab.Enqueue(QueueLab.Gate("gmst_era"));
        await _lab.WaitHeld("gmst_era");
        var queued = await _lab.Enqueue(QueueLab.Quick());

        var (response, body) = await _lab.PostJson($"/api/benchmark/jobs/{queued}/cancel", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("cancelled", body!["status"]!.GetValue<string>());
        Assert.Equal(["queued", "cancelling", "cancelled"], await _lab.History(queued));
        Assert.Null(body["started_at"]);
        Assert.Null(_lab.Factory.Services.GetRequiredService<AstroBench.Server.Jobs.JobStore>().Get(queued)!.Pid);
        Assert.Empty(await _lab.QueueOrder());
        var (again, _) = await _lab.PostJson($"/api/benchmark/jobs/{queued}/cancel", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        _lab.Open("gmst_era");
        await _lab.WaitTerminal(blocker);
    }

    [Fact]
    public async Task Patch_ChangesAQueuedJobsPriority_AndTheOrder()
    {
        await _lab.Enqueue(QueueLab.Gate("gmst_era"));
        await _lab.WaitHeld("gmst_era");
        var a = await _lab.Enqueue(QueueLab.Quick());
        var b = await _lab.Enqueue(QueueLab.Quick());
        Assert.Equal([a, b], await _lab.QueueOrder());

        var response = await Patch(b, """{"priority": 7}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(7, body["priority"]!.GetValue<int>());
        Assert.Equal(1, body["queue_position"]!.GetValue<int>());
        Assert.Equal([b, a], await _lab.QueueOrder());
        _lab.Open("gmst_era");
        await _lab.WaitTerminal(a);

        var done = await Patch(a, """{"priority": 1}""");
        Assert.Equal(HttpStatusCode.Conflict, done.StatusCode);
        Assert.Contains("completed", await done.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await Patch("0123456789ab", """{"priority": 1}""")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Patch("nope", """{"priority": 1}""")).StatusCode);
    }

    [Theory]
    [InlineData("""{"priority": 101}""", "priority")]
    [InlineData("""{"priority": -101}""", "priority")]
    [InlineData("""{"priority": 1.5}""", "priority")]
    [InlineData("""{"priority": "high"}""", "priority")]
    [InlineData("""{"concurrency_key": ""}""", "concurrency_key")]
    [InlineData("""{"concurrency_key": "has space"}""", "concurrency_key")]
    [InlineData("""{"concurrency_key": "-starts-with-dash"}""", "concurrency_key")]
    [InlineData("""{"n": 0, "priority": 500}""", "priority")]
    public async Task Enqueue_InvalidQueueFields_Answer422WithAFieldMessage(string body, string field)
    {
        var response = await _lab.Client.PostAsync("/api/benchmark/jobs", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.NotEmpty(problem["errors"]![field]!.AsArray());
        Assert.False(string.IsNullOrEmpty(problem["detail"]?.GetValue<string>()));
        Assert.Empty(await _lab.QueueOrder());
    }

    [Fact]
    public async Task Enqueue_ALongKey_Answers422_AndPatchWithoutPriority_Answers422()
    {
        var (response, _) = await _lab.PostJson("/api/benchmark/jobs", new { concurrency_key = new string('k', 101) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var id = await _lab.Enqueue(QueueLab.Gate("gmst_era"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await Patch(id, "{}")).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await Patch(id, """{"priority": 3.25}""")).StatusCode);
        await _lab.PostJson($"/api/benchmark/jobs/{id}/cancel", null);
    }

    [Fact]
    public async Task Start_Answers409_WhileDraining_AndWhileAJobIsBusy_AndStartsWhenIdle()
    {
        var (drain, state) = await _lab.PostJson("/api/admin/drain", null);
        Assert.Equal(HttpStatusCode.OK, drain.StatusCode);
        Assert.True(state!["draining"]!.GetValue<bool>());
        var held = await _lab.Enqueue(QueueLab.Gate("gmst_era"));
        Assert.Equal(0, _lab.DispatchNow());
        Assert.Equal("queued", await _lab.Status(held));

        var (start, problem) = await _lab.PostJson("/api/benchmark/start", QueueLab.Quick());
        Assert.Equal(HttpStatusCode.Conflict, start.StatusCode);
        Assert.True(problem!["draining"]!.GetValue<bool>());

        var (undrain, after) = await _lab.PostJson("/api/admin/undrain", null);
        Assert.Equal(HttpStatusCode.OK, undrain.StatusCode);
        Assert.False(after!["draining"]!.GetValue<bool>());
        await _lab.WaitHeld("gmst_era");
        (start, problem) = await _lab.PostJson("/api/benchmark/start", QueueLab.Quick());
        Assert.Equal(HttpStatusCode.Conflict, start.StatusCode);
        Assert.Equal(held, problem!["active_job_id"]!.GetValue<string>());
        Assert.Equal("running", problem["active_status"]!.GetValue<string>());

        _lab.Open("gmst_era");
        await _lab.WaitTerminal(held);
        var started = await _lab.Start(QueueLab.Quick());
        Assert.Equal("completed", (await _lab.WaitTerminal(started["job_id"]!.GetValue<string>()))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task AStaleDispatchOfAnAlreadyClaimedJob_IsRefused_SoNoJobStartsTwice()
    {
        var id = await _lab.Enqueue(QueueLab.Gate("gmst_era"));
        var store = _lab.Factory.Services.GetRequiredService<AstroBench.Server.Jobs.JobStore>();
        var stale = store.Get(id)!; // as a racing dispatch pass might still hold it
        await _lab.WaitHeld("gmst_era");
        var runner = _lab.Factory.Services.GetRequiredService<AstroBench.Server.Execution.JobRunner>();
        Assert.False(runner.TryLaunch(stale with { Status = "queued" }));
        _lab.Open("gmst_era");
        Assert.Equal("completed", (await _lab.WaitTerminal(id))["status"]!.GetValue<string>());
        Assert.False(runner.TryLaunch(stale));
        Assert.Equal(1, (await _lab.History(id)).Count("starting"));
        Assert.Single(_lab.RunFolders());
    }

    private Task<HttpResponseMessage> Patch(string id, string json) =>
        _lab.Client.PatchAsync($"/api/benchmark/jobs/{id}", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
}
