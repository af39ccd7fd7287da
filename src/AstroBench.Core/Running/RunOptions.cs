namespace AstroBench.Core.Running;

/// <summary>Everything a run needs, after parsing and defaulting (docs/cli.md).</summary>
public sealed record RunOptions
{
    public required IReadOnlyList<string> Experiments { get; init; }

    /// <summary>Candidate libraries; null means every available adapter that supports the experiment.</summary>
    public IReadOnlyList<string>? Libraries { get; init; }

    public int N { get; init; } = RunLimits.DefaultN;
    public long Seed { get; init; } = RunLimits.DefaultSeed;
    public int PerfRounds { get; init; } = RunLimits.DefaultPerfRounds;

    /// <summary>The most rounds a library may get when its CV stays high (<c>--max-perf-rounds</c>); null: the language defaults of <see cref="RoundsPolicy"/>.</summary>
    public int? MaxPerfRounds { get; init; }

    /// <summary>Extra rounds while a library's CV is above this (<c>--perf-cv-target</c>, percent).</summary>
    public double PerfCvTargetPercent { get; init; } = RoundsPolicy.DefaultCvTargetPercent;

    /// <summary>Seconds of timing per library and experiment, pooled over the experiment's libraries (<c>--perf-budget</c>); only extra rounds stop at it.</summary>
    public double PerfBudgetSeconds { get; init; } = RoundsPolicy.DefaultBudgetSecondsPerLibrary;
    public bool NoPerf { get; init; }
    public bool CiMode { get; init; }
    public string? Notes { get; init; }

    /// <summary>The testbed label (<c>--testbed</c>); part of the testbed key (docs/history.md).</summary>
    public string? Testbed { get; init; }
    public required string ResultsDir { get; init; }
    public required IReadOnlyList<string> AdapterDirs { get; init; }
    public TimeSpan CallTimeout { get; init; } = DefaultCallTimeout;

    /// <summary>RLIMIT_AS for every adapter process (<c>--adapter-memory-mb</c>; docs/limits.md); null: none. Not part of the
    /// run's config (a checkpoint does not keep it): it is how this process runs, like its log file.</summary>
    public int? AdapterMemoryMb { get; init; }
    /// <summary>Accuracy calls at once (docs/engine.md <c>--jobs</c>); timing rounds always run alone.</summary>
    public int Jobs { get; init; } = Environment.ProcessorCount;

    /// <summary>The machine-speed probe's binary (docs/engine.md, "The machine-speed probe"), timed at the start of every timing
    /// cycle; null: no probe (not built, or a caller that does not want one). Not part of the run's config.</summary>
    public string? MachineProbePath { get; init; }

    public AccuracyTransport Transport { get; init; } = AccuracyTransport.Auto;

    /// <summary>The smallest shard of a persistent adapter's large accuracy request (<c>--shard-rows</c>, docs/engine.md "Shards"); 0: never split.</summary>
    public int ShardRows { get; init; } = AccuracyShards.DefaultMinRows;

    /// <summary>Reuse and store reference outputs in <c>results/.cache/reference</c>, and this machine's contention levels in <c>results/.cache/machine</c> (<c>--no-cache</c> turns both off).</summary>
    public bool UseReferenceCache { get; init; } = true;

    public long ReferenceCacheMaxBytes { get; init; } = Caching.ReferenceCache.DefaultMaxBytes;

    /// <summary>Per adapter call: the longest an adapter may stay silent on stdout (docs/cli.md <c>--timeout</c>).</summary>
    public static TimeSpan DefaultCallTimeout { get; } = TimeSpan.FromSeconds(120);

    /// <summary>One timed value is sized to last about this long (docs/engine.md); CI mode times one value per round.</summary>
    public TimeSpan PerfValueTarget => RoundsPolicy.ValueTarget;

    public int EffectivePerfRounds => CiMode ? 1 : PerfRounds;
}
