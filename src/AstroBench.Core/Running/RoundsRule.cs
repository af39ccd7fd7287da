using AstroBench.Core.Statistics;

namespace AstroBench.Core.Running;

/// <summary>
/// The adaptive round count as a pure rule over what has been measured so far (docs/engine.md): every library gets
/// its planned rounds; after that a library whose CV is above the target gets one more round per cycle until its CV
/// reaches the target, it has its maximum rounds, or the experiment's timing budget is spent.
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

    /// <summary>One round's CV is 0 (nothing says more rounds would help); a NaN CV (a non-positive mean) counts as above.</summary>
    private static bool AboveTarget(Library library, RoundsPolicy policy) =>
        !(PerformanceSummary.CvPercentOf(library.SamplesNs) <= policy.CvTargetPercent);
}
