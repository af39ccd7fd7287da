using AstroBench.Core.Running;

namespace AstroBench.Server.Endpoints;

public sealed record RangeLimitDto(long Min, long Max, long Default);

/// <summary><c>GET /api/limits</c>: <see cref="RunLimits"/> as the web form reads them, so no client repeats them.</summary>
public sealed record LimitsDto(RangeLimitDto N, RangeLimitDto Seed, RangeLimitDto PerfRounds, int MaxExperiments, int MaxLibraries, int MaxNotesLength)
{
    public static LimitsDto Current { get; } = new(
        new(RunLimits.MinN, RunLimits.MaxN, RunLimits.DefaultN),
        new(RunLimits.MinSeed, RunLimits.MaxSeed, RunLimits.DefaultSeed),
        new(RunLimits.MinPerfRounds, RunLimits.MaxPerfRounds, RunLimits.DefaultPerfRounds),
        RunLimits.MaxExperiments, RunLimits.MaxLibraries, RunLimits.MaxNotesLength);
}
