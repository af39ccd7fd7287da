namespace AstroBench.Server.Jobs;

/// <summary>What a job runs: the validated start request.</summary>
public sealed record JobConfig(
    IReadOnlyList<string> Experiments,
    IReadOnlyList<string>? Libraries,
    int N,
    int Seed,
    int PerfRounds,
    bool NoPerf,
    bool CiMode,
    Execution.Limits.JobLimits? Limits = null,
    JobPlacement? Placement = null);
