using AstroBench.Core.Orchestration;
using AstroBench.Server.Hosting;
using AstroBench.Server.Jobs;

namespace AstroBench.Server.Execution;

/// <summary>Builds the argument list of <c>astrobench run …</c> for a job (never a shell string) with <see cref="RunCommandLine"/>.</summary>
internal sealed class OrchestratorCommand(AstroBenchServerOptions options, ServerPaths paths)
{
    /// <param name="checkpoint">A paused job's checkpoint: <c>run --resume</c> takes the whole config from it.</param>
    /// <param name="adapterMemoryMb">RLIMIT_AS for the adapters (the memory limit without a cgroup, docs/limits.md).</param>
    public IReadOnlyList<string> Build(string jobId, JobConfig config, string? notes, string? checkpoint = null, int? adapterMemoryMb = null)
    {
        var argv = new List<string>(Program());
        argv.AddRange(RunCommandLine.Build(checkpoint is null
            ? Arguments(jobId, config, notes) with { AdapterMemoryMb = adapterMemoryMb }
            : new RunArguments { Resume = checkpoint, LogFile = paths.LogFile(jobId), ExitRecord = paths.ExitRecordFile(jobId), AdapterMemoryMb = adapterMemoryMb }));
        return argv;
    }

    /// <summary>What a job asks of <c>astrobench run</c>: its config plus the server's folders for results, log and exit record.</summary>
    public RunArguments Arguments(string jobId, JobConfig config, string? notes) => new()
    {
        Experiments = config.Experiments,
        Libraries = config.Libraries,
        N = config.N,
        Seed = config.Seed,
        PerfRounds = config.PerfRounds,
        MaxPerfRounds = config.MaxPerfRounds,
        PerfCvTargetPercent = config.PerfCvTargetPercent,
        PerfBudgetSeconds = config.PerfBudgetSeconds,
        NoPerf = config.NoPerf,
        CiMode = config.CiMode,
        ResultsDir = paths.ResultsDir,
        AdapterDirs = paths.AdapterDirs,
        Notes = notes,
        Testbed = options.TestbedLabel,
        LogFile = paths.LogFile(jobId),
        ExitRecord = paths.ExitRecordFile(jobId),
        // Timing jobs run alone and keep the run's default (every core) for their accuracy part.
        Jobs = config.NoPerf ? Queue.QueueLimits.AccuracyCallsPerJob(options) : null,
    };

    /// <summary>argv prefix that starts the orchestrator: the apphost, or <c>dotnet astrobench.dll</c>.</summary>
    public IReadOnlyList<string> Program()
    {
        var path = options.OrchestratorPath is { Length: > 0 } configured ? Path.GetFullPath(configured) : Locate();
        if (path is null)
        {
            throw new InvalidOperationException("the astrobench orchestrator was not found (set AstroBench:OrchestratorPath)");
        }
        return path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? [DotnetHost(), path] : [path];
    }

    private static string? Locate()
    {
        if (Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "astrobench")
        {
            return self;
        }
        var dll = Path.Combine(AppContext.BaseDirectory, "astrobench.dll");
        if (File.Exists(dll) && File.Exists(Path.Combine(AppContext.BaseDirectory, "astrobench.runtimeconfig.json")))
        {
            return dll;
        }
        var host = Path.Combine(AppContext.BaseDirectory, "astrobench");
        return File.Exists(host) ? host : null;
    }

    private static string DotnetHost()
    {
        if (Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            return self;
        }
        foreach (var root in new[] { Environment.GetEnvironmentVariable("DOTNET_ROOT"), "/usr/share/dotnet", "/usr/lib/dotnet", "/root/.dotnet" })
        {
            if (root is not null && File.Exists(Path.Combine(root, "dotnet")))
            {
                return Path.Combine(root, "dotnet");
            }
        }
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, "dotnet");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return "/usr/bin/dotnet";
    }
}
