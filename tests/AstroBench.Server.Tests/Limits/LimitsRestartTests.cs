using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AstroBench.Server.Execution.Limits;

namespace AstroBench.Server.Tests.Limits;

/// <summary>A job's memory cgroup outlives a killed server; the restarted server's reconciler removes it with the job.</summary>
public sealed class LimitsRestartTests
{
    [Fact]
    public async Task Restart_RemovesTheCgroupOfAJobWhoseProcessVanished()
    {
        var root = Directory.CreateTempSubdirectory("astrobench-server-test-").FullName;
        var port = RecoveryTests.FreePort();
        var server = RecoveryTests.StartServerProcess(root, port);
        string id;
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        try
        {
            await RecoveryTests.WaitHealthy(http);
            var start = await http.PostAsJsonAsync("/api/benchmark/start",
                new { experiments = new[] { "gmst_era" }, libraries = new[] { "ignore_term" }, n = 100, no_perf = true, memory_mb = 512 });
            id = JsonNode.Parse(await start.Content.ReadAsStringAsync())!["job_id"]!.GetValue<string>();
            await Eventually.True(async () => (await http.GetFromJsonAsync<JsonNode>($"/api/benchmark/jobs/{id}"))!["limits"]!["memory_mechanism"] is not null,
                "the job's limits are applied");
        }
        finally
        {
            server.Kill();
            await server.WaitForExitAsync();
        }
        foreach (var pid in Procs.OfJob(id))
        {
            try
            {
                Process.GetProcessById(pid).Kill();
            }
            catch (ArgumentException)
            {
            }
        }
        await Eventually.True(() => Procs.OfJob(id).Count == 0, "the job's processes are gone");
        var cgroup = Path.Combine(MemoryCgroup.V1Root, "astrobench", id);
        Assert.True(Directory.Exists(cgroup), "the cgroup outlived the server");
        using var lab = new Lab(root);
        Assert.Equal("failed", LimitsLab.Str(await lab.GetJson($"/api/benchmark/jobs/{id}"), "status"));
        Assert.False(Directory.Exists(cgroup), "the reconciler removed the cgroup");
        lab.Dispose();
        lab.DeleteRoot();
    }
}
