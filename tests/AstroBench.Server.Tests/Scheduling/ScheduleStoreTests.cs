using AstroBench.Server.Hosting;
using AstroBench.Server.Jobs;
using AstroBench.Server.Scheduling;

namespace AstroBench.Server.Tests.Scheduling;

/// <summary>The store's fire compare-and-set on a real SQLite file: one occurrence fires once, even when passes race.</summary>
public sealed class ScheduleStoreTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("astrobench-sched-store-").FullName;

    [Fact]
    public async Task A_due_occurrence_fires_once_when_passes_race()
    {
        var due = new DateTimeOffset(2026, 12, 1, 12, 5, 0, TimeSpan.Zero);
        var row = new ScheduleRow("0123456789ab", "nightly", "*/5 * * * *", new JobConfig(["gmst_era"], ["libnova"], 1000, 42, 5, true, false),
            null, 0, "schedule:0123456789ab", true, due.AddMinutes(-5), due, null, null);
        new ScheduleStore(Paths()).Insert(row);
        // Separate store instances (connections), as two processes or two passes would have.
        var stores = Enumerable.Range(0, 8).Select(_ => new ScheduleStore(Paths())).ToList();
        using var go = new ManualResetEventSlim();
        var passes = stores.Select(s => Task.Run(() =>
        {
            go.Wait();
            return s.TryFire(row.Id, due, due, due.AddMinutes(5));
        })).ToList();
        go.Set();
        var won = await Task.WhenAll(passes);
        Assert.Equal(1, won.Count(w => w));
        var after = stores[0].Get(row.Id)!;
        Assert.Equal(due, after.LastFiredAt);
        Assert.Equal(due.AddMinutes(5), after.NextDue);
        // The same occurrence again (a restarted pass that read the old row) is refused.
        Assert.False(stores[1].TryFire(row.Id, due, due, due.AddMinutes(5)));
    }

    [Fact]
    public void A_disabled_schedule_does_not_fire()
    {
        var due = new DateTimeOffset(2026, 12, 1, 12, 5, 0, TimeSpan.Zero);
        var store = new ScheduleStore(Paths());
        store.Insert(new ScheduleRow("0123456789ac", "off", "*/5 * * * *", new JobConfig(["all"], null, 1000, 42, 5, true, false),
            null, 0, "k", true, due, due, null, null));
        Assert.True(store.SetEnabled("0123456789ac", false, null));
        Assert.Empty(store.ListDue(due.AddHours(1)));
        Assert.False(store.TryFire("0123456789ac", due, due, due.AddMinutes(5)));
    }

    private ServerPaths Paths() => new(new AstroBenchServerOptions { Root = _root });

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
