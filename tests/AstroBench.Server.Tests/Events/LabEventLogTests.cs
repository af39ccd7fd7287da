using AstroBench.Server.Events;
using AstroBench.Server.Hosting;
using AstroBench.Server.Jobs;

namespace AstroBench.Server.Tests.Events;

/// <summary>A job's terminal transition writes its events in the same transaction; nothing else does.</summary>
public sealed class LabEventLogTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("astrobench-events-").FullName;
    private readonly LabEventLog _events;
    private readonly JobStore _store;
    private int _next;

    public LabEventLogTests()
    {
        var paths = new ServerPaths(new AstroBenchServerOptions { Root = _root });
        _events = new LabEventLog(paths);
        _store = new JobStore(paths, _events);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void CompletedWithRun_AppendsJobCompletedThenRunPublished()
    {
        var id = Job(JobStatus.Running);

        Assert.True(_store.TryTransition(id, JobStatus.Completed, new TransitionUpdate { RunId = "2026-12-01_10-00-00" }));

        var events = _events.ReadAfter(0);
        Assert.Equal([LabEventTypes.JobCompleted, LabEventTypes.RunPublished], events.Select(e => e.Type));
        Assert.All(events, e => Assert.Equal((id, "2026-12-01_10-00-00"), (e.JobId, e.RunId)));
        Assert.Equal(2, events.Select(e => e.Id).Distinct().Count());
        var payload = events[0].PayloadObject();
        Assert.Equal(events[0].Id, payload["event_id"]!.GetValue<string>());
        Assert.Equal("completed", payload["job"]!["status"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(JobStatus.Failed, LabEventTypes.JobFailed)]
    [InlineData(JobStatus.Cancelled, LabEventTypes.JobCancelled)]
    public void OtherTerminalStates_AppendTheirOwnEventOnly(string to, string type)
    {
        var id = Job(JobStatus.Running);

        Assert.True(_store.TryTransition(id, to, new TransitionUpdate { Reason = "x" }));

        Assert.Equal([type], _events.ReadAfter(0).Select(e => e.Type));
    }

    [Fact]
    public void NonTerminalAndRefusedTransitions_AppendNothing()
    {
        var running = Job(JobStatus.Running);
        var done = Job(JobStatus.Completed);

        Assert.True(_store.TryTransition(running, JobStatus.Cancelling));
        Assert.False(_store.TryTransition(done, JobStatus.Failed));

        Assert.Empty(_events.ReadAfter(0));
    }

    [Fact]
    public async Task WaitAfter_CompletesOnceAnEventIsAppended()
    {
        var wait = _events.WaitAfterAsync(0, CancellationToken.None);
        Assert.False(wait.IsCompleted);

        _events.Append(LabEventTypes.DiskLow, null, null, []);

        await wait.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(_events.WaitAfterAsync(0, CancellationToken.None).IsCompleted, "an event after the cursor exists already");
    }

    private string Job(string status)
    {
        var id = (++_next).ToString("x12", System.Globalization.CultureInfo.InvariantCulture);
        var row = new JobRow(id, status, new JobConfig(["all"], null, 1, 1, 1, true, false), null, DateTimeOffset.UtcNow,
            null, null, null, JobProgress.Empty, null, null, null, null, null, 0);
        Assert.True(_store.TryImport(row, null));
        return id;
    }
}
