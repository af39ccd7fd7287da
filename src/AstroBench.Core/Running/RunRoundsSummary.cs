using AstroBench.Core.Results.Model;
using AstroBench.Core.Statistics;

namespace AstroBench.Core.Running;

/// <summary>Builds the manifest's <see cref="RunRounds"/> from the run's results (read back from staging, so a resumed run counts every segment).</summary>
public static class RunRoundsSummary
{
    public static RunRounds? Of(RunOptions options, IReadOnlyList<AdapterVersion> adapters, IReadOnlyList<LibraryResult> results)
    {
        if (options.NoPerf)
        {
            return null;
        }
        var policy = RoundsPolicy.Of(options);
        var timed = results.Where(r => r.Performance is not null).Select(r => r.Performance!).ToList();
        var stopped = RoundsStopNames.All.ToDictionary(n => n, n => timed.Count(p => p.RoundsStop == n), StringComparer.Ordinal);
        return new RunRounds(true, policy.Planned,
            adapters.ToDictionary(a => a.Name, a => policy.MaxFor(a.Language), StringComparer.Ordinal),
            policy.CvTargetPercent, policy.BudgetPerLibrary.TotalSeconds,
            timed.Sum(Taken), timed.Sum(p => Math.Max(0, Taken(p) - (p.RoundsPlanned ?? p.Rounds))), stopped,
            Flagged(timed, PerformanceSummary.UnstableCode), Flagged(timed, PerformanceSummary.ContendedCode));
    }

    private static int Flagged(IEnumerable<PerformanceSummary> timed, string code) =>
        timed.Count(p => PerformanceSummary.IsFlagged(p.InvalidReason, code));

    /// <summary>The rounds a result took: its samples' and those left out because the machine was contended (docs/engine.md, "Contended rounds left out").</summary>
    private static int Taken(PerformanceSummary p) => p.Rounds + (p.Contention is { ContendedLeftOut: true } c ? c.ContendedRounds : 0);
}
