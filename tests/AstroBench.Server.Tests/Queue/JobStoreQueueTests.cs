using AstroBench.Server.Hosting;
using AstroBench.Server.Jobs;
using Microsoft.Data.Sqlite;

namespace AstroBench.Server.Tests.Queue;

/// <summary>The queue's part of the job store: dispatch order, the claim's compare-and-set, busy for /start, migration.</summary>
public sealed class JobStoreQueueTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("astrobench-queue-store-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private JobStore Store() => new(new ServerPaths(new AstroBenchServerOptions { Root = _root }));

    private static int _next;

    private static JobRow Row(int priority = 0, string? key = null, string status = JobStatus.Queued) =>
        new(Interlocked.Increment(ref _next).ToString("x12", System.Globalization.CultureInfo.InvariantCulture), status,
            new JobConfig(["gmst_era"], null, 10, 1, 1, true, false), null, DateTimeOffset.UtcNow, null, null, null, JobProgress.Empty,
            null, null, null, null, null, 0, priority, key);

    [Fact]
    public void ListQueued_IsPriorityDescThenEnqueueOrder()
    {
        var store = Store();
        var a = Row(0);
        var b = Row(5);
        var c = Row(0);
        var d = Row(-1);
        foreach (var r in new[] { a, b, c, d })
        {
            store.Enqueue(r);
        }
        Assert.Equal([b.Id, a.Id, c.Id, d.Id], store.ListQueued(-1).Select(r => r.Id));
        Assert.True(store.TrySetPriority(d.Id, 9));
        Assert.Equal([d.Id, b.Id, a.Id, c.Id], store.ListQueued(-1).Select(r => r.Id));
    }

    [Fact]
    public void TheClaim_IsACompareAndSet_ExactlyOneOfManyRacersWins()
    {
        var store = Store();
        var job = Row();
        store.Enqueue(job);
        var wins = 0;
        Parallel.For(0, 32, _ =>
        {
            if (store.TryTransition(job.Id, JobStatus.Starting, [JobStatus.Queued]))
            {
                Interlocked.Increment(ref wins);
            }
        });
        Assert.Equal(1, wins);
        Assert.Single(store.History(job.Id), h => h.To == JobStatus.Starting);
        Assert.False(store.TrySetPriority(job.Id, 3)); // no longer queued
    }

    [Fact]
    public void TryCreate_TreatsAQueuedJobAsBusy()
    {
        var store = Store();
        var queued = Row();
        store.Enqueue(queued);
        var (created, activeId, activeStatus) = store.TryCreate(Row());
        Assert.False(created);
        Assert.Equal((queued.Id, JobStatus.Queued), (activeId, activeStatus));
    }

    [Fact]
    public void Enqueue_SupersedesOnlyThePendingJobOfTheSameKey_AndReportsTheKeysRunningJob()
    {
        var store = Store();
        var running = Row(key: "k");
        store.Enqueue(running);
        Assert.True(store.TryTransition(running.Id, JobStatus.Starting, [JobStatus.Queued]));
        var pending = Row(key: "k");
        var other = Row(key: "other");
        store.Enqueue(pending);
        store.Enqueue(other);

        var (superseded, holding) = store.Enqueue(Row(key: "k"));

        Assert.Equal([pending.Id], superseded);
        Assert.Equal(running.Id, holding);
        Assert.Equal((JobStatus.Cancelled, JobStore.SupersededReason), (store.Get(pending.Id)!.Status, store.Get(pending.Id)!.Reason));
        Assert.Equal(JobStatus.Queued, store.Get(other.Id)!.Status);
        Assert.Equal(JobStatus.Starting, store.Get(running.Id)!.Status);
    }

    [Fact]
    public void AStoreFromBeforeTheQueue_GetsItsColumns_AndKeepsItsJobs()
    {
        var db = Path.Combine(_root, "astrobench-jobs.db");
        using (var connection = new SqliteConnection($"Data Source={db}"))
        {
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = """
                CREATE TABLE jobs (id TEXT PRIMARY KEY, status TEXT NOT NULL, config TEXT NOT NULL, notes TEXT,
                  created_at TEXT NOT NULL, started_at TEXT, finished_at TEXT, run_id TEXT, progress TEXT,
                  exit_code INTEGER, reason TEXT, pid INTEGER, pgid INTEGER, proc_start_ticks INTEGER,
                  log_lines INTEGER NOT NULL DEFAULT 0, legacy_id TEXT);
                INSERT INTO jobs(id, status, config, created_at) VALUES('00000000000a', 'completed',
                  '{"experiments":["gmst_era"],"libraries":null,"n":10,"seed":1,"perf_rounds":1,"no_perf":true,"ci_mode":false}', '2026-11-01T00:00:00.000Z');
                """;
            cmd.ExecuteNonQuery();
        }
        SqliteConnection.ClearAllPools();
        var store = Store();
        Assert.Equal(0, store.Get("00000000000a")!.Priority);
        var next = Row(3);
        store.Enqueue(next);
        Assert.Equal(3, store.Get(next.Id)!.Priority);
    }
}
