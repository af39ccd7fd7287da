using System.Text.Json;
using AstroBench.Server.Hosting;
using AstroBench.Server.Jobs;
using AstroBench.Server.Logs;
using AstroBench.Server.Queue;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AstroBench.Server.Tests.Queue;

/// <summary>
/// The queue listing's reuse of its reads and JSON (<see cref="QueueReads"/>, <see cref="QueueView.ListJson"/>): kept
/// exactly while the store's queue version stands, written again on any change the listing can show, including
/// a change made through another connection on the lab's file (another store, as another process would).
/// </summary>
public sealed class QueueViewCacheTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("astrobench-queue-cache-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private JobStore Store() => new(new ServerPaths(new AstroBenchServerOptions { Root = _root }));

    private QueueView View(JobStore store)
    {
        var options = Options.Create(new AstroBenchServerOptions { Root = _root, MaxParallelAccuracyJobs = 1 });
        return new(store, new JobFeeds(new ServerPaths(options.Value), options), new QueueLimits(options), _time);
    }

    private static int _next;

    private JobRow Row(int priority = 0) =>
        new(Interlocked.Increment(ref _next).ToString("x12", System.Globalization.CultureInfo.InvariantCulture), JobStatus.Queued,
            new JobConfig(["gmst_era"], null, 10, 1, 1, true, false), null, _time.GetUtcNow(), null, null, null, JobProgress.Empty,
            null, null, null, null, null, 0, priority);

    private static List<(string Id, int Position, int Priority)> Parse(byte[] json) =>
        [.. JsonDocument.Parse(json).RootElement.EnumerateArray()
            .Select(e => (e.GetProperty("job_id").GetString()!, e.GetProperty("queue_position").GetInt32(), e.GetProperty("priority").GetInt32()))];

    [Fact]
    public void AnUnchangedQueue_IsServedFromTheSameBytes_AndProgressWritesDoNotCountAsChanges()
    {
        var store = Store();
        var view = View(store);
        var a = Row();
        store.Enqueue(a);
        var first = view.ListJson().Json;
        Assert.Same(first, view.ListJson().Json);
        var version = store.QueueVersion();
        store.SaveProgress(a.Id, JobProgress.Empty, 3); // written every second while a job runs
        Assert.Equal(version, store.QueueVersion());
        Assert.Same(first, view.ListJson().Json);
    }

    [Fact]
    public void EveryChangeTheListingShows_IsInTheNextListing()
    {
        var store = Store();
        var view = View(store);
        var a = Row();
        var b = Row();
        store.Enqueue(a);
        store.Enqueue(b);
        Assert.Equal([(a.Id, 1, 0), (b.Id, 2, 0)], Parse(view.ListJson().Json));

        Assert.True(store.TrySetPriority(b.Id, 7));
        Assert.Equal([(b.Id, 1, 7), (a.Id, 2, 0)], Parse(view.ListJson().Json));

        Assert.True(store.TryTransition(b.Id, JobStatus.Starting, [JobStatus.Queued]));
        Assert.Equal([(a.Id, 1, 0)], Parse(view.ListJson().Json));

        var c = Row(priority: 3);
        store.Enqueue(c);
        Assert.Equal([(c.Id, 1, 3), (a.Id, 2, 0)], Parse(view.ListJson().Json));
        Assert.Equal(2, view.ListJson().Count);
    }

    [Fact]
    public void AnEstimateThatMovesWithTheClock_IsWrittenAgain()
    {
        var store = Store();
        var view = View(store);
        store.Enqueue(Row()); // nothing holds the machine: the head's estimate is "now" (it waits only for the drain)
        var first = view.ListJson().Json;
        _time.Advance(TimeSpan.FromMinutes(1));
        var later = view.ListJson().Json;
        Assert.NotSame(first, later);
        static string Estimate(byte[] json) => JsonDocument.Parse(json).RootElement[0].GetProperty("estimated_start_at").GetString()!;
        Assert.Equal("2026-12-01T12:01:00.000Z", Estimate(later));
        Assert.Equal("2026-12-01T12:00:00.000Z", Estimate(first));
    }

    [Fact]
    public void AChangeThroughAnotherConnectionOnTheLabFile_IsSeen()
    {
        var store = Store();
        var view = View(store);
        var a = Row();
        store.Enqueue(a);
        Assert.Single(Parse(view.ListJson().Json));
        var other = Store(); // its own connections, as another process on the same lab root would have
        other.Enqueue(Row(priority: 1));
        Assert.True(other.TrySetPriority(a.Id, 2));
        var listed = Parse(view.ListJson().Json);
        Assert.Equal(2, listed.Count);
        Assert.Equal((a.Id, 1, 2), listed[0]);
    }
}
