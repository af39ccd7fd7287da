using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using AstroBench.Server.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace AstroBench.Server.Tests;

/// <summary>Issue 3 test points 6 and 8: history across restarts, and kill -9 of the server mid-run.</summary>
public sealed class RecoveryTests
{
    [Fact]
    public async Task History_CompletedFailedCancelled_SurviveARestart_WithTheirLogs()
    {
        var root = Directory.CreateTempSubdirectory("astrobench-server-test-").FullName;
        var ids = new Dictionary<string, string>();
        using (var lab = new Lab(root))
        {
            var ok = await lab.Start(new { experiments = new[] { "gmst_era" }, libraries = new[] { "libnova" }, n = 100, no_perf = true });
            ids["completed"] = ok["job_id"]!.GetValue<string>();
            await lab.WaitTerminal(ids["completed"]);

            // Passes the server's validation (a well-formed name) but the orchestrator rejects it: exit code 2.
            var bad = await lab.Start(new { experiments = new[] { "gmst_era" }, libraries = new[] { "no_such_library" }, n = 100, no_perf = true });
            ids["failed"] = bad["job_id"]!.GetValue<string>();
            var failed = await lab.WaitTerminal(ids["failed"]);
            Assert.Equal(2, failed["exit_code"]!.GetValue<int>());
            Assert.NotNull(failed["reason"]);

            // Held by the gate until cancelled: it cannot complete first, however fast this machine is.
            var held = await lab.Start(new { experiments = new[] { "gmst_era" }, libraries = new[] { "gate" }, n = 100 });
            ids["cancelled"] = held["job_id"]!.GetValue<string>();
            await lab.PostJson($"/api/benchmark/jobs/{ids["cancelled"]}/cancel", null);
            await lab.WaitTerminal(ids["cancelled"]);
        }
        using (var restarted = new Lab(root))
        {
            using var response = await restarted.Client.GetAsync("/api/benchmark/jobs?order=desc");
            Assert.Equal("3", Assert.Single(response.Headers.GetValues("X-Total-Count")));
            var jobs = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
            Assert.Equal(ids["cancelled"], jobs[0]!["job_id"]!.GetValue<string>());
            foreach (var (status, id) in ids)
            {
                var job = await restarted.GetJson($"/api/benchmark/jobs/{id}");
                Assert.Equal(status, job["status"]!.GetValue<string>());
                var logs = await restarted.GetJson($"/api/benchmark/jobs/{id}/logs");
                Assert.True(logs["total"]!.GetValue<int>() > 0, $"{status} job has no log");
                Assert.Equal(job["log_lines"]!.GetValue<long>(), logs["total"]!.GetValue<long>());
            }
            Assert.Equal(HttpStatusCode.NoContent, (await restarted.Client.GetAsync("/api/benchmark/active")).StatusCode);
        }
        Directory.Delete(root, true);
    }

    [Fact]
    public async Task KillDashNineOfTheServer_MidRun_RestartReattachesAndTheJobCompletes()
    {
        var root = Directory.CreateTempSubdirectory("astrobench-server-test-").FullName;
        var port = FreePort();
        var server = StartServerProcess(root, port);
        string id;
        int pgid;
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        try
        {
            await WaitHealthy(http);
            var start = await http.PostAsJsonAsync("/api/benchmark/start",
                new { experiments = new[] { "gmst_era", "kepler_solver" }, libraries = new[] { "gate" }, n = 100, no_perf = true });
            Assert.Equal(HttpStatusCode.OK, start.StatusCode);
            id = JsonNode.Parse(await start.Content.ReadAsStringAsync())!["job_id"]!.GetValue<string>();
            await WaitFor(http, id, j => j["status"]!.GetValue<string>() == "running");
            // Held mid-run by the gate: the job cannot finish before the server is killed.
            await Eventually.True(() => File.Exists(Path.Combine(root, "gates", "gmst_era.waiting")), "the gate call for gmst_era is held");
        }
        finally
        {
            server.Kill(); // SIGKILL: no shutdown code runs
            await server.WaitForExitAsync();
        }
        Assert.NotEmpty(Procs.OfJob(id)); // the orchestrator survived the server

        using var lab = new Lab(root);
        pgid = lab.Factory.Services.GetRequiredService<JobStore>().Get(id)!.Pgid!.Value;
        Assert.Equal("running", (await lab.GetJson($"/api/benchmark/jobs/{id}"))["status"]!.GetValue<string>());
        Assert.True(lab.IsHeld("gmst_era"), "the job moved on while no server was watching");
        lab.Open("all"); // the job finishes under the restarted server only
        var done = await lab.WaitTerminal(id);
        Assert.Equal("completed", done["status"]!.GetValue<string>());
        Assert.NotNull(done["run_id"]);
        Assert.Empty(Procs.GroupMembers(pgid));
        Assert.Empty(Procs.OfJob(id));
        var logs = await lab.GetJson($"/api/benchmark/jobs/{id}/logs?tail=1");
        Assert.StartsWith("[RUN] finish status=completed", logs["lines"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        lab.Dispose();
        lab.DeleteRoot();
    }

    [Fact]
    public async Task Restart_SettlesAJobWhoseProcessVanished_AsFailedLost()
    {
        var root = Directory.CreateTempSubdirectory("astrobench-server-test-").FullName;
        var port = FreePort();
        var server = StartServerProcess(root, port);
        string id;
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        try
        {
            await WaitHealthy(http);
            var start = await http.PostAsJsonAsync("/api/benchmark/start",
                new { experiments = new[] { "gmst_era" }, libraries = new[] { "ignore_term" }, n = 100, no_perf = true });
            id = JsonNode.Parse(await start.Content.ReadAsStringAsync())!["job_id"]!.GetValue<string>();
            await WaitFor(http, id, j => j["status"]!.GetValue<string>() == "running");
            // The orchestrator and its ignore_term adapter both run: killed before the adapter started, the
            // orchestrator could still spawn it between the listing and the kill below.
            await Eventually.True(() => Procs.OfJob(id).Count >= 2, "the orchestrator and the ignore_term adapter run");
        }
        finally
        {
            server.Kill();
            await server.WaitForExitAsync();
        }
        // Simulate a machine reboot: the job's processes are gone without an exit record. Killed again on each
        // look, since the adapter's shell may have started a new child after the previous listing.
        await Eventually.True(() =>
        {
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
            return Procs.OfJob(id).Count == 0;
        }, "the job's processes are gone");
        using var lab = new Lab(root);
        var job = await lab.GetJson($"/api/benchmark/jobs/{id}");
        Assert.Equal("failed", job["status"]!.GetValue<string>());
        Assert.Equal("lost", job["reason"]!.GetValue<string>());
        Assert.Empty(Procs.OfJob(id));
        lab.Dispose();
        lab.DeleteRoot();
    }

    internal static Process StartServerProcess(string root, int port, IReadOnlyDictionary<string, string>? settings = null,
        IReadOnlyDictionary<string, string>? env = null)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (k, v) in env ?? new Dictionary<string, string>())
        {
            psi.Environment[k] = v;
        }
        Directory.CreateDirectory(Path.Combine(root, "gates"));
        psi.Environment["ASTROBENCH_GATE_DIR"] = Path.Combine(root, "gates"); // the server passes it on to its jobs
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "AstroBench.Server.Tests.dll"));
        psi.ArgumentList.Add("--urls");
        psi.ArgumentList.Add($"http://127.0.0.1:{port}");
        foreach (var (k, v) in Lab.Settings(root).Concat(settings ?? new Dictionary<string, string>()))
        {
            psi.ArgumentList.Add($"--{k}={v}");
        }
        var p = Process.Start(psi)!;
        p.OutputDataReceived += (_, _) => { };
        p.ErrorDataReceived += (_, _) => { };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return p;
    }

    internal static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    internal static Task WaitHealthy(HttpClient http) => Eventually.True(async () =>
    {
        try
        {
            return (await http.GetAsync("/api/health")).IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }, "the restarted server answers /api/health");

    private static Task WaitFor(HttpClient http, string id, Func<JsonNode, bool> condition) =>
        Eventually.True(async () => condition(JsonNode.Parse(await http.GetStringAsync($"/api/benchmark/jobs/{id}"))!), $"job {id} reaches the condition");
}
