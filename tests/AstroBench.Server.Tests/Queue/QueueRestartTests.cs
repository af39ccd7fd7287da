using AstroBench.Server.Hosting;
using AstroBench.Server.Jobs;

namespace AstroBench.Server.Tests.Queue;

/// <summary>Issue 9 points 1 and 7: restarts and drain. Nothing queued is lost, nothing is dispatched twice.</summary>
public sealed class QueueRestartTests
{
    [Fact]
    public async Task Restart_WithJobsQueuedAndRunning_LosesNothing_AndDispatchesNothingTwice()
    {
        var root = Directory.CreateTempSubdirectory("astrobench-server-test-").FullName;
        string running;
        string[] queued;
        using (var lab = new Lab(root, QueueLab.Parallel(1)))
        {
            running = await lab.Enqueue(QueueLab.Gate("gmst_era", perf: true));
            await lab.WaitHeld("gmst_era");
            queued = [await lab.Enqueue(QueueLab.Quick()), await lab.Enqueue(QueueLab.Quick(priority: 3)), await lab.Enqueue(QueueLab.Quick(perf: true))];
        }
        // The server is gone; its job still runs (own session) and the queue is in the store.
        Assert.NotEmpty(Procs.OfJob(running));
        using (var lab = new Lab(root, QueueLab.Parallel(1)))
        {
            Assert.Equal("running", await lab.Status(running));
            Assert.Equal([queued[1], queued[0], queued[2]], await lab.QueueOrder());
            Assert.Equal(0, lab.DispatchNow());
            lab.Open("gmst_era");
            foreach (var id in queued.Prepend(running))
            {
                Assert.Equal("completed", (await lab.WaitTerminal(id))["status"]!.GetValue<string>());
                Assert.Equal(1, (await lab.History(id)).Count("starting"));
            }
            Assert.Equal(4, lab.RunFolders().Length);
        }
        Directory.Delete(root, true);
    }

    [Fact]
    public async Task KillDashNineOfTheServer_WithJobsQueuedAndRunning_LosesNothing_AndDispatchesNothingTwice()
    {
        var root = Directory.CreateTempSubdirectory("astrobench-server-test-").FullName;
        var port = RecoveryTests.FreePort();
        var server = RecoveryTests.StartServerProcess(root, port, QueueLab.Parallel(1));
        string running;
        var queued = new List<string>();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        try
        {
            await RecoveryTests.WaitHealthy(http);
            running = await Enqueue(http, QueueLab.Gate("gmst_era", perf: true));
            await Eventually.True(() => File.Exists(Path.Combine(root, "gates", "gmst_era.waiting")), "the gate call for gmst_era is held");
            queued.Add(await Enqueue(http, QueueLab.Quick()));
            queued.Add(await Enqueue(http, QueueLab.Quick(priority: 5)));
        }
        finally
        {
            server.Kill(); // SIGKILL: no shutdown code runs
            await server.WaitForExitAsync();
        }
        using (var lab = new Lab(root, QueueLab.Parallel(1)))
        {
            Assert.Equal("running", await lab.Status(running));
            Assert.Equal([queued[1], queued[0]], await lab.QueueOrder());
            lab.Open("gmst_era");
            foreach (var id in queued.Prepend(running))
            {
                Assert.Equal("completed", (await lab.WaitTerminal(id))["status"]!.GetValue<string>());
                Assert.Equal(1, (await lab.History(id)).Count("starting"));
            }
            Assert.Equal(3, lab.RunFolders().Length);
        }
        Directory.Delete(root, true);
    }

    private static async Task<string> Enqueue(HttpClient http, object body)
    {
        var response = await http.PostAsync("/api/benchmark/jobs", System.Net.Http.Json.JsonContent.Create(body, options: Lab.Json));
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!["job_id"]!.GetValue<string>();
    }

    [Fact]
    public async Task Drain_StopsDispatching_RunningJobsFinish_SurvivesARestart_UndrainResumes()
    {
        var root = Directory.CreateTempSubdirectory("astrobench-server-test-").FullName;
        string running, waiting;
        using (var lab = new Lab(root, QueueLab.Parallel(1)))
        {
            running = await lab.Enqueue(QueueLab.Gate("gmst_era"));
            await lab.WaitHeld("gmst_era");
            waiting = await lab.Enqueue(QueueLab.Quick());
            var (_, state) = await lab.PostJson("/api/admin/drain", null);
            Assert.Equal(running, state!["running_job_ids"]![0]!.GetValue<string>());
            Assert.Equal(1, state["queued"]!.GetValue<int>());
            lab.Open("gmst_era");
            Assert.Equal("completed", (await lab.WaitTerminal(running))["status"]!.GetValue<string>());
            Assert.Equal(0, lab.DispatchNow());
            Assert.Equal("queued", await lab.Status(waiting));
        }
        using (var lab = new Lab(root, QueueLab.Parallel(1)))
        {
            Assert.True((await lab.GetJson("/api/admin/drain"))["draining"]!.GetValue<bool>());
            Assert.Equal(0, lab.DispatchNow());
            Assert.Equal("queued", await lab.Status(waiting));
            await lab.PostJson("/api/admin/undrain", null);
            Assert.Equal("completed", (await lab.WaitTerminal(waiting))["status"]!.GetValue<string>());
        }
        Directory.Delete(root, true);
    }

    [Fact]
    public async Task AClaimThatWasNeverSpawned_GoesBackToTheQueue_AtStartUp()
    {
        var root = Directory.CreateTempSubdirectory("astrobench-server-test-").FullName;
        var id = Claimed(root);
        using (var lab = new Lab(root))
        {
            Assert.Equal("completed", (await lab.WaitTerminal(id))["status"]!.GetValue<string>());
            Assert.Equal(["starting", "queued", "starting", "running", "completed"], await lab.History(id));
        }
        Directory.Delete(root, true);
    }

    [Fact]
    public async Task AClaimThatMayHaveSpawned_IsSettled_NeverRequeued()
    {
        var root = Directory.CreateTempSubdirectory("astrobench-server-test-").FullName;
        var id = Claimed(root);
        var paths = new ServerPaths(new AstroBenchServerOptions { Root = root });
        Directory.CreateDirectory(paths.LogsDir);
        await File.WriteAllTextAsync(paths.SpawnMarkerFile(id), "");
        using (var lab = new Lab(root))
        {
            var job = await lab.GetJson($"/api/benchmark/jobs/{id}");
            Assert.Equal("failed", job["status"]!.GetValue<string>());
            Assert.Equal("lost", job["reason"]!.GetValue<string>());
            Assert.False(File.Exists(paths.SpawnMarkerFile(id)));
        }
        Directory.Delete(root, true);
    }

    /// <summary>A job a server claimed (starting, no pid) before it died.</summary>
    private static string Claimed(string root)
    {
        var store = new JobStore(new ServerPaths(new AstroBenchServerOptions { Root = root }));
        var row = new JobRow("0000000000c1", JobStatus.Starting, new JobConfig(["gmst_era"], ["libnova"], 20, 42, 1, true, false), null,
            DateTimeOffset.UtcNow, null, null, null, JobProgress.Empty, null, null, null, null, null, 0);
        Assert.True(store.TryImport(row, null));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return row.Id;
    }
}
