using AstroBench.Core.Statistics;

namespace AstroBench.Core.Running;

/// <summary>
/// The adaptive round count as a pure rule over what has been measured so far (docs/engine.md): every library gets
/// its planned rounds; after that a library whose robust CV (<see cref="RobustSpread"/>) is above the target, or whose
/// CV would flag it unstable, gets one more round per cycle until both are met, it has its maximum rounds, or the
/// experiment's timing budget is spent.
/// </summary>
public static class RoundsRule
{
    /// <summary>One library's rounds so far (its samples, in round order) and the most it may get.</summary>
    public sealed record Library(IReadOnlyList<double> SamplesNs, int MaxRounds);

    /// <summary>The libraries (indices, in plan order) that get one more round in the next cycle; empty: timing is done.</summary>
    public static IReadOnlyList<int> Next(IReadOnlyList<Library> libraries, RoundsPolicy policy, TimeSpan spent, TimeSpan budget)
    {
        var next = new List<int>();
        for (var i = 0; i < libraries.Count; i++)
        {
            var library = libraries[i];
            var rounds = library.SamplesNs.Count;
            // Planned rounds are never cut by the budget: they are what the user asked for.
            if (rounds < policy.Planned
                || (AboveTarget(library, policy) && rounds < library.MaxRounds && spent < budget))
            {
                next.Add(i);
            }
        }
        return next;
    }

    /// <summary>Why <paramref name="library"/>'s rounds stopped, once <see cref="Next"/> no longer lists it.</summary>
    public static RoundsStop StopOf(Library library, RoundsPolicy policy)
    {
        if (!AboveTarget(library, policy))
        {
            return library.SamplesNs.Count > policy.Planned ? RoundsStop.Stable : RoundsStop.Planned;
        }
        return library.SamplesNs.Count >= library.MaxRounds ? RoundsStop.MaxRounds : RoundsStop.Budget;
    }

    /// <summary>
    /// The robust CV, not the CV: one stray round (an interruption) inflates the CV of five rounds past any target and
    /// bought rounds that did not move the median; the CV still asks for more rounds while it would make the result
    /// unstable (<see cref="PerformanceSummary.MaxCvPercent"/>), so a flagged result had its chance within the budget.
    /// One round's spread is 0 (nothing says more rounds would help); NaN (a non-positive median or mean) counts as above.
    /// </summary>
    internal static bool AboveTarget(IReadOnlyList<double> samplesNs, RoundsPolicy policy) =>
        !(RobustSpread.CvPercentOf(samplesNs) <= policy.CvTargetPercent)
        || !(PerformanceSummary.CvPercentOf(samplesNs) <= PerformanceSummary.MaxCvPercent);

    private static bool AboveTarget(Library library, RoundsPolicy policy) => AboveTarget(library.SamplesNs, policy);
}
