namespace AstroBench.Server.Hosting;

/// <summary>
/// Server settings (section <c>AstroBench</c> of appsettings.json, env <c>AstroBench__Key</c>).
/// Defaults live here; <see cref="ServerPaths"/> resolves the relative ones.
/// </summary>
public sealed class AstroBenchServerOptions
{
    public const string Section = "AstroBench";

    /// <summary>Lab root holding results/, logs/ and the job store. Default: current directory.</summary>
    public string? Root { get; set; }

    public string? ResultsDir { get; set; }

    /// <summary>When set, POST endpoints and the WebSocket require it (env ASTROBENCH_TOKEN also works).</summary>
    public string? Token { get; set; }

    public double CancelGraceSeconds { get; set; } = 2;

    /// <summary>How long to wait for the group to vanish after SIGKILL before reporting failure.</summary>
    public double KillVerifySeconds { get; set; } = 5;

    public double WebSocketPingSeconds { get; set; } = 15;

    /// <summary>The <c>astrobench</c> apphost or <c>astrobench.dll</c>; default: found next to the server.</summary>
    public string? OrchestratorPath { get; set; }

    /// <summary>Passed as <c>--adapters-dir</c> to every job (and used by GET /api/adapters).</summary>
    public List<string> AdapterDirs { get; set; } = [];

    /// <summary>Passed as <c>--testbed</c> to every job: the label in this machine's testbed key (docs/history.md).</summary>
    public string? TestbedLabel { get; set; }

    public string? WebDir { get; set; }

    public List<string> CorsOrigins { get; set; } = [];

    public int LogTailLines { get; set; } = 10_000;

    /// <summary>Accuracy-only jobs that may run at once (never beside a timing job); null: cores − 1, at least 1 (docs/queue.md).</summary>
    public int? MaxParallelAccuracyJobs { get; set; }

    /// <summary>How often a running job's log is polled and its process checked.</summary>
    public int MonitorIntervalMs { get; set; } = 50;

    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;

    /// <summary>Default limits of every job (<c>AstroBench:JobLimits</c>, docs/limits.md); a request's own fields win.</summary>
    public Execution.Limits.JobLimitsOptions JobLimits { get; set; } = new();

    /// <summary>Where jobs run unless a job says otherwise: <c>local</c> (default) or <c>slurm</c> (docs/slurm.md).</summary>
    public string Executor { get; set; } = Jobs.JobPlacement.Local;

    /// <summary>The Slurm executor's settings (<c>AstroBench:Slurm</c>, docs/slurm.md).</summary>
    public Execution.Slurm.SlurmOptions Slurm { get; set; } = new();
}
