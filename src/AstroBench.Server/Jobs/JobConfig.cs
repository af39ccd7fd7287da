namespace AstroBench.Server.Jobs;

/// <summary>What a job runs: the validated start request.</summary>
/// <remarks>The last three are the adaptive round rule's settings (docs/engine.md); null: the run's defaults (a job stored
/// before they existed reads back with null).</remarks>
public sealed record JobConfig(
    IReadOnlyList<string> Experiments,
    IReadOnlyList<string>? Libraries,
    int N,
    int Seed,
    int PerfRounds,
    bool NoPerf,
    bool CiMode,
    Execution.Limits.JobLimits? Limits = null,
    JobPlacement? Placement = null,
    int? MaxPerfRounds = null,
    double? PerfCvTargetPercent = null,
    double? PerfBudgetSeconds = null);
