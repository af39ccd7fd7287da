using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AstroBench.Server.Tests;

/// <summary>
/// A lab root in a temp folder plus a server over it (WebApplicationFactory, real SQLite, the real
/// orchestrator <c>astrobench run</c> and the real adapters). Dispose stops the server; the root stays
/// until <see cref="DeleteRoot"/> so a "restart" can open a second server on it.
/// </summary>
public sealed class Lab : IDisposable
{
    public static readonly string RepoRoot = FindRepo();
    public static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public Lab(string? root = null, Dictionary<string, string>? settings = null, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services = null)
    {
        Root = root ?? Directory.CreateTempSubdirectory("astrobench-server-test-").FullName;
        // The gate fixture holds each call until the test opens its gate. Jobs inherit the server's
        // environment, and server tests run one at a time, so each lab points the gates at its own root.
        Directory.CreateDirectory(GateDir);
        Environment.SetEnvironmentVariable("ASTROBENCH_GATE_DIR", GateDir);
        Factory = new WebApplicationFactory<TestServerProgram>().WithWebHostBuilder(b =>
        {
            foreach (var (k, v) in Settings(Root))
            {
                b.UseSetting(k, v);
            }
            foreach (var (k, v) in settings ?? [])
            {
                b.UseSetting(k, v);
            }
            if (services is not null)
            {
                b.ConfigureServices(services);
            }
        });
        Client = Factory.CreateClient();
        // A JSON client, as the web app is (job logs answer plain text otherwise, as the original lab's).
        Client.DefaultRequestHeaders.Accept.Add(new System.Net.Http.Headers.MediaTypeWithQualityHeaderValue("application/json"));
    }

    public string Root { get; }
    public WebApplicationFactory<TestServerProgram> Factory { get; }
    public HttpClient Client { get; }
    public string ResultsDir => Path.Combine(Root, "results");
    public string GateDir => Path.Combine(Root, "gates");

    /// <summary>Waits until a gate-fixture call for <paramref name="experiment"/> is held (its adapter process is running).</summary>
    public Task WaitHeld(string experiment) =>
        Eventually.True(() => IsHeld(experiment), $"a gate call for {experiment} is held");

    /// <summary>
    /// Waits until the job's log says <paramref name="experiment"/> is done. Accuracy-only runs start the next
    /// experiments' calls ahead (docs/engine.md), so being held in a later experiment does not imply an earlier one is done.
    /// </summary>
    public Task WaitExperimentDone(string jobId, string experiment) =>
        Eventually.True(() => File.Exists(Path.Combine(Root, "logs", jobId + ".log"))
            && File.ReadLines(Path.Combine(Root, "logs", jobId + ".log")).Any(l => l.Contains($"experiment_done experiment={experiment} ", StringComparison.Ordinal)),
            $"job {jobId} logs {experiment} done");

    public bool IsHeld(string experiment) => File.Exists(Path.Combine(GateDir, experiment + ".waiting"));

    /// <summary>Lets gate-fixture calls for <paramref name="experiment"/> (or "all") through.</summary>
    public void Open(string experiment) => File.WriteAllText(Path.Combine(GateDir, experiment + ".open"), "");

    public static Dictionary<string, string> Settings(string root) => new()
    {
        ["AstroBench:Root"] = root,
        ["AstroBench:OrchestratorPath"] = Orchestrator,
        ["AstroBench:AdapterDirs:0"] = Path.Combine(RepoRoot, "adapters"),
        ["AstroBench:AdapterDirs:1"] = Path.Combine(RepoRoot, "tests", "fixtures", "adapters"),
        ["AstroBench:MonitorIntervalMs"] = "20",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    /// <summary>What the test server spawns for a job: <see cref="OrchestratorDll"/>, or with ASTROBENCH_TEST_ORCHESTRATOR the
    /// binary named there (e.g. astrobench-run, src/AstroBench.Runner/bin/Release/aot), to run these tests against it.</summary>
    public static string Orchestrator =>
        Environment.GetEnvironmentVariable("ASTROBENCH_TEST_ORCHESTRATOR") is { Length: > 0 } other ? other : OrchestratorDll;

    public static string OrchestratorDll
    {
        get
        {
            var local = Path.Combine(AppContext.BaseDirectory, "astrobench.dll");
            return File.Exists(local) ? local : Path.Combine(RepoRoot, "src", "AstroBench.Cli", "bin", "Debug", "net10.0", "astrobench.dll");
        }
    }

    public async Task<(HttpResponseMessage Response, JsonNode? Body)> PostJson(string url, object? body)
    {
        var response = await Client.PostAsync(url, body is null ? null : JsonContent.Create(body, options: Json));
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public async Task<JsonNode> GetJson(string url)
    {
        var response = await Client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    public async Task<JsonNode> Start(object request)
    {
        var (response, body) = await PostJson("/api/benchmark/start", request);
        Assert.True(response.IsSuccessStatusCode, $"start: {(int)response.StatusCode} {body}");
        return body!;
    }

    public async Task<JsonNode> WaitFor(string jobId, Func<JsonNode, bool> condition, TimeSpan? bound = null)
    {
        JsonNode? job = null;
        try
        {
            await Eventually.True(async () => condition(job = await GetJson($"/api/benchmark/jobs/{jobId}")), $"job {jobId} reaches the condition", bound);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}; last seen: {job?.ToJsonString()}", ex);
        }
        return job!;
    }

    public Task<JsonNode> WaitTerminal(string jobId) =>
        WaitFor(jobId, j => j["status"]!.GetValue<string>() is "completed" or "failed" or "cancelled");

    public Task<JsonNode> WaitStatus(string jobId, string status) =>
        WaitFor(jobId, j => j["status"]!.GetValue<string>() == status);

    public async Task<List<string>> History(string jobId) =>
        (await GetJson($"/api/benchmark/jobs/{jobId}/history")).AsArray().Select(h => h!["to"]!.GetValue<string>()).ToList();

    public string[] RunFolders() => Directory.Exists(ResultsDir)
        ? Directory.GetDirectories(ResultsDir).Select(d => Path.GetFileName(d)).Where(n => !n.StartsWith('.')).ToArray()
        : [];

    public void Dispose()
    {
        Client.Dispose();
        Factory.Dispose();
    }

    public void DeleteRoot()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string FindRepo()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AstroBench.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("repository root not found");
    }
}
