using AstroBench.Core.Statistics;

namespace AstroBench.Core.Running;

/// <summary>
/// The adaptive round count as a pure rule over what has been measured so far (docs/engine.md): every library gets
/// its planned rounds; after that (once every library has them) a library whose spread is above its target, or whose CV
/// would flag it unstable, gets one more round per cycle until both are met, it has its maximum rounds, or the
/// experiment's timing budget is spent.
/// The spread is the robust CV (<see cref="RobustSpread"/>) against the policy's CV target, or, for a library with a
/// standard error target (native code: "Many short processes for C"), the median's relative standard error against it.
/// </summary>
public static class RoundsRule
{
    /// <summary>
    /// One library's rounds so far (its samples, in round order), the most it may get, the rounds it always gets (null: the
    /// policy's <see cref="RoundsPolicy.Planned"/>) and its target for the median's relative standard error in percent
    /// (null: the robust CV rule). <paramref name="Contended"/> (beside the samples; null: none) marks the rounds that stood
    /// although the machine was contended: they count toward the planned and the most rounds, so that timing ends, but the
    /// spread is over the rounds the statistics will be over (<see cref="StandingRounds"/>).
    /// </summary>
    public sealed record Library(IReadOnlyList<double> SamplesNs, int MaxRounds, int? PlannedRounds = null, double? SeTargetPercent = null,
        IReadOnlyList<bool>? Contended = null)
    {
        public int PlannedOf(RoundsPolicy policy) => PlannedRounds ?? policy.Planned;

        /// <summary>The samples the statistics will be over: without the contended rounds when they are left out.</summary>
        public IReadOnlyList<double> KeptNs => StandingRounds.Kept(SamplesNs, Contended);
    }

    /// <summary>The libraries (indices, in plan order) that get one more round in the next cycle; empty: timing is done.</summary>
    /// <remarks>Extra rounds come only once every library has its planned rounds, from the budget those left: the planned
    /// rounds are owed whatever the budget, so an extra round taken beside them (an interpreter's, while the C libraries'
    /// 15 planned rounds go on) pushed them past it, and the experiment overran its budget by more than one cycle.</remarks>
    public static IReadOnlyList<int> Next(IReadOnlyList<Library> libraries, RoundsPolicy policy, TimeSpan spent, TimeSpan budget)
    {
        var next = new List<int>();
        var planning = libraries.Any(l => l.SamplesNs.Count < l.PlannedOf(policy));
        for (var i = 0; i < libraries.Count; i++)
        {
            var library = libraries[i];
            var rounds = library.SamplesNs.Count;
            // Planned rounds are never cut by the budget: they are what the user asked for.
            if (rounds < library.PlannedOf(policy)
                || (!planning && AboveTarget(library, policy) && rounds < library.MaxRounds && spent < budget))
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
            return library.SamplesNs.Count <= library.PlannedOf(policy) ? RoundsStop.Planned
                : library.SeTargetPercent is null ? RoundsStop.Stable : RoundsStop.Precise;
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

    /// <summary>
    /// With a standard error target, the median's relative standard error instead of the robust CV: the CV of a native
    /// library's processes (5–15 %) does not shrink with more rounds, so a CV target either stops too early (five rounds
    /// within 3 % by chance) or never; the standard error of their median falls as 1/√n, which is what two runs' medians
    /// agreeing needs. The CV's validity limit still asks for rounds, as for every library.
    /// </summary>
    private static bool AboveTarget(Library library, RoundsPolicy policy)
    {
        var kept = library.KeptNs; // filtered once: it is a copy when contended rounds are left out
        return library.SeTargetPercent is { } se
            ? !(RobustSpread.MedianSePercentOf(kept) <= se) || !(PerformanceSummary.CvPercentOf(kept) <= PerformanceSummary.MaxCvPercent)
            : AboveTarget(kept, policy);
    }
}
