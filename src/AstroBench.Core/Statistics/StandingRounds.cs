namespace AstroBench.Core.Statistics;

/// <summary>
/// Which of a library's standing rounds its statistics are over (docs/engine.md, "Contended rounds left out"). A round
/// that stood although the machine was contended (a waiting or discarding limit was reached) times the machine as much as
/// the library: two runs' medians with many such rounds disagreed by 22 % (p50), against 0.7 % with two or fewer. Such
/// rounds are left out of the statistics when at least <see cref="PerformanceSummary.MinRounds"/> rounds were not
/// contended; otherwise every round stays in and the result is flagged <see cref="PerformanceSummary.ContendedCode"/>,
/// never ranked. Either way they still count toward the planned and the most rounds, so that timing ends.
/// </summary>
public static class StandingRounds
{
    /// <summary>Whether the contended rounds among <paramref name="contended"/> (one flag per standing round) are left out.</summary>
    public static bool LeavesOut(IReadOnlyList<bool>? contended)
    {
        if (contended is null)
        {
            return false;
        }
        var uncontended = Uncontended(contended);
        return uncontended >= PerformanceSummary.MinRounds && uncontended < contended.Count;
    }

    /// <summary>The rounds the statistics are over: <paramref name="rounds"/> (beside <paramref name="contended"/>) without
    /// the contended ones when they are left out; the same list otherwise.</summary>
    public static IReadOnlyList<T> Kept<T>(IReadOnlyList<T> rounds, IReadOnlyList<bool>? contended)
    {
        if (!LeavesOut(contended))
        {
            return rounds;
        }
        if (rounds.Count != contended!.Count)
        {
            throw new ArgumentException($"{rounds.Count} rounds beside {contended.Count} contended flags", nameof(rounds));
        }
        return rounds.Where((_, i) => !contended[i]).ToList();
    }

    /// <summary>The contended rounds' entries of <paramref name="rounds"/>, in round order.</summary>
    public static IReadOnlyList<T> Contended<T>(IReadOnlyList<T> rounds, IReadOnlyList<bool> contended) =>
        rounds.Where((_, i) => contended[i]).ToList();

    public static int Uncontended(IReadOnlyList<bool> contended) => contended.Count(c => !c);
}
