using System.Text.Json.Nodes;
using AstroBench.Core.Results.Reading;
using AstroBench.Core.Retention;
using AstroBench.Server.Storage;

namespace AstroBench.Server.Tests.Storage;

/// <summary>Issue 10: <c>kill -9</c> of the server mid-sweep → no partial run listed; the sweep finishes after restart.</summary>
public sealed class RetentionCrashTests
{
    [Fact]
    public async Task KillDashNine_MidSweep_NoPartialRunIsListed_AndTheRestartedServerFinishesTheSweep()
    {
        var root = Directory.CreateTempSubdirectory("astrobench-server-test-").FullName;
        var results = Path.Combine(root, "results");
        var ids = RetentionRuns.AddDaily(results, 5, bytes: 50_000);
        var hold = Directory.CreateDirectory(Path.Combine(root, "sweep-hold")).FullName;
        var rules = new Dictionary<string, string> { ["AstroBench:Retention:KeepLast"] = "2" };
        var port = RecoveryTests.FreePort();
        var server = RecoveryTests.StartServerProcess(root, port, rules, new Dictionary<string, string> { [RetentionHold.EnvVar] = hold });
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        try
        {
            await RecoveryTests.WaitHealthy(http);
            // The start-up sweep renamed the oldest run into the trash and is held before deleting it.
            await Eventually.True(() => File.Exists(Path.Combine(hold, ids[0] + ".held")), "the sweep is held after the trash rename");
            var listed = JsonNode.Parse(await http.GetStringAsync("/api/runs"))!.AsArray().Select(r => r!["id"]!.GetValue<string>()).ToList();
            Assert.Equal(ids.Skip(1).Reverse(), listed);
        }
        finally
        {
            server.Kill(); // SIGKILL, mid-sweep
            await server.WaitForExitAsync();
        }

        var trash = new RunTrash(results);
        Assert.Single(trash.Pending(), p => p.StartsWith(ids[0] + ".", StringComparison.Ordinal));
        Assert.Equal(ids.Skip(1).Reverse(), new RunFolderReader(results).ListRuns().Select(r => r.Id));
        Assert.All(ids.Skip(1), id => Assert.Equal(50_002, Core.Storage.DirectoryUsage.Measure(Path.Combine(results, id)).Bytes));

        using var restarted = new Lab(root, rules);
        await Eventually.True(() => trash.Pending().Count == 0 && restarted.RunFolders().Length == 2, "the restarted server finished the sweep");
        var after = (await restarted.GetJson("/api/runs")).AsArray().Select(r => r!["id"]!.GetValue<string>());
        Assert.Equal(ids.Skip(3).Reverse(), after);
        restarted.Dispose();
        restarted.DeleteRoot();
    }
}
