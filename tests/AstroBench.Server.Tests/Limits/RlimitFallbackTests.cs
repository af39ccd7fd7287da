using System.Globalization;

namespace AstroBench.Server.Tests.Limits;

/// <summary>
/// Issue 9 point 2 without a memory cgroup: memory_mb is RLIMIT_AS on every adapter process (never on the orchestrator),
/// an adapter over it ends the job failed/oom and the next job runs (docs/limits.md). The cgroup path is switched off by
/// config (this machine has cgroup v1), so the fallback is what runs.
/// </summary>
public sealed class RlimitFallbackTests : IDisposable
{
    private readonly Lab _lab = new(settings: new() { ["AstroBench:JobLimits:UseCgroup"] = "false", ["AstroBench:CancelGraceSeconds"] = "1" });

    public void Dispose()
    {
        _lab.Open("all");
        _lab.Dispose();
        _lab.DeleteRoot();
    }

    [Fact]
    public async Task AnAdapterOverItsAddressSpaceLimit_EndsTheJobFailedOom_AndTheNextJobRuns()
    {
        var hog = LimitsLab.Id(await _lab.Start(LimitsLab.Hog(memoryMb: 128)));
        var job = await _lab.WaitTerminal(hog);
        Assert.Equal("failed", LimitsLab.Str(job, "status"));
        Assert.Equal("oom", LimitsLab.Str(job, "reason"));
        Assert.Equal("rlimit_as", LimitsLab.Str(job["limits"]!, "memory_mechanism"));
        Assert.Equal(128, job["limits"]!["memory_mb"]!.GetValue<int>());
        Assert.Empty(_lab.RunFolders());
        Assert.Contains(File.ReadLines(Path.Combine(_lab.Root, "logs", hog + ".log")), l => l.Contains("hog out_of_memory", StringComparison.Ordinal));

        var next = LimitsLab.Id(await _lab.Start(LimitsLab.Quick(new() { ["memory_mb"] = 512 })));
        var done = await _lab.WaitTerminal(next);
        Assert.Equal("completed", LimitsLab.Str(done, "status"));
        Assert.Equal("rlimit_as", LimitsLab.Str(done["limits"]!, "memory_mechanism"));
    }

    [Fact]
    public async Task TheLimit_HoldsForTheAdapterProcess_NotForTheOrchestrator()
    {
        var id = LimitsLab.Id(await _lab.Start(LimitsLab.Gate(new() { ["memory_mb"] = 256 })));
        await _lab.WaitHeld("gmst_era");
        var limits = Procs.OfJob(id).Select(AddressSpaceLimit).OfType<long>().ToList();
        Assert.Contains(256L * 1024 * 1024, limits); // the held gate adapter (and the shell tools it runs)
        Assert.Contains(-1L, limits); // the orchestrator: unlimited
        _lab.Open("gmst_era");
        Assert.Equal("completed", LimitsLab.Str(await _lab.WaitTerminal(id), "status"));
    }

    [Fact]
    public async Task DotnetNodeAndCAdapters_CompleteUnderAGenerousLimit()
    {
        var id = LimitsLab.Id(await _lab.Start(new Dictionary<string, object?>
        {
            ["experiments"] = new[] { "gmst_era" }, ["libraries"] = new[] { "erfa-dotnet", "astronomy-engine", "libnova" },
            ["n"] = 50, ["no_perf"] = true, ["memory_mb"] = 256,
        }));
        var job = await _lab.WaitTerminal(id);
        Assert.True(LimitsLab.Str(job, "status") == "completed", job.ToJsonString());
        Assert.Equal("rlimit_as", LimitsLab.Str(job["limits"]!, "memory_mechanism"));
    }

    /// <summary>The soft "Max address space" of /proc/&lt;pid&gt;/limits in bytes; −1 for unlimited; null when the process is gone (the gate's sleeps come and go).</summary>
    private static long? AddressSpaceLimit(int pid)
    {
        string line;
        try
        {
            line = File.ReadLines($"/proc/{pid}/limits").First(l => l.StartsWith("Max address space", StringComparison.Ordinal));
        }
        catch (IOException)
        {
            return null;
        }
        var soft = line["Max address space".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        return soft == "unlimited" ? -1 : long.Parse(soft, CultureInfo.InvariantCulture);
    }
}
