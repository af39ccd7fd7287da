namespace AstroBench.Core.Results.Checkpoints;

/// <summary>The run's options as given (before defaults are applied to perf rounds by CI mode), so a resume runs the same config.</summary>
public sealed record CheckpointConfig(
    IReadOnlyList<string> Experiments,
    IReadOnlyList<string>? Libraries,
    int N,
    long Seed,
    int PerfRounds,
    bool NoPerf,
    bool CiMode,
    string? Notes,
    double TimeoutS,
    IReadOnlyList<string> AdapterDirs,
    string? Testbed = null,
    int? MaxPerfRounds = null,
    double? PerfCvTargetPercent = null,
    double? PerfBudgetSeconds = null);
