namespace AstroBench.Server.Jobs;

/// <summary>Body of POST /api/benchmark/start. Nullable so that "missing" can be told from "default".</summary>
public sealed record StartJobRequest(
    List<string>? Experiments,
    List<string>? Libraries,
    int? N,
    long? Seed,
    int? PerfRounds,
    bool? NoPerf,
    bool? CiMode,
    string? Notes,
    string? CpuSet = null,
    int? Nice = null,
    int? MemoryMb = null,
    int? TimeoutS = null,
    string? Executor = null,
    string? Partition = null,
    string? Constraint = null,
    int? MaxPerfRounds = null,
    double? PerfCvTargetPercent = null,
    double? PerfBudgetSeconds = null);
