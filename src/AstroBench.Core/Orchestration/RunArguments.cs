namespace AstroBench.Core.Orchestration;

/// <summary>What a caller passes to <c>astrobench run</c>; null means "not passed" (the CLI's default applies).</summary>
public sealed record RunArguments
{
    public IReadOnlyList<string>? Experiments { get; init; }
    public IReadOnlyList<string>? Libraries { get; init; }
    public int? N { get; init; }
    public long? Seed { get; init; }
    public int? PerfRounds { get; init; }

    /// <summary>The adaptive round rule (docs/engine.md): <c>--max-perf-rounds</c>, <c>--perf-cv-target</c>, <c>--perf-budget</c>.</summary>
    public int? MaxPerfRounds { get; init; }
    public double? PerfCvTargetPercent { get; init; }
    public double? PerfBudgetSeconds { get; init; }
    public bool NoPerf { get; init; }
    public bool CiMode { get; init; }
    public string? ResultsDir { get; init; }
    public IReadOnlyList<string>? AdapterDirs { get; init; }
    public string? Notes { get; init; }

    /// <summary>The testbed label (docs/history.md).</summary>
    public string? Testbed { get; init; }
    public string? LogFile { get; init; }
    public string? ExitRecord { get; init; }
    public double? TimeoutSeconds { get; init; }

    /// <summary>RLIMIT_AS of every adapter process in MB (docs/limits.md); passed with a resume too.</summary>
    public int? AdapterMemoryMb { get; init; }
    /// <summary>Accuracy engine (docs/engine.md): <c>--jobs</c>, <c>--no-cache</c>, <c>--transport</c>; not part of a run's config.</summary>
    public int? Jobs { get; init; }

    /// <summary>Smallest shard of a large v2 accuracy request (<c>--shard-rows</c>, docs/engine.md "Shards"); null: the CLI's default.</summary>
    public int? ShardRows { get; init; }
    public bool NoCache { get; init; }
    public string? Transport { get; init; }

    /// <summary>A paused run's checkpoint folder to continue (docs/checkpoints.md); its config comes from the checkpoint.</summary>
    public string? Resume { get; init; }

    /// <summary>A paused run's checkpoint folder to delete, releasing its run id.</summary>
    public string? Discard { get; init; }
}
