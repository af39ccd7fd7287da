namespace AstroBench.Server.Jobs;

/// <summary>Progress parsed from the orchestrator's lines; <see cref="Percent"/> never goes backwards.</summary>
public sealed record JobProgress(int ExperimentsDone, int ExperimentsTotal, string? CurrentExperiment, string? CurrentStep, double Percent)
{
    public static JobProgress Empty { get; } = new(0, 0, null, null, 0);
}
