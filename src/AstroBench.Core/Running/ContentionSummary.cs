using System.Globalization;
using AstroBench.Core.Results.Model;

namespace AstroBench.Core.Running;

/// <summary>
/// The run's line about contended cycles (docs/engine.md, "Contended cycles"), printed after the machine line and written
/// into <c>summary.md</c>: how many native rounds were discarded and taken again, how many values their in-process probe
/// chunks left out (protocol 7, "Contended values"), and how many rounds stood although the machine was contended: left
/// out of their result's statistics, or kept in a result flagged for it ("Contended rounds left out").
/// </summary>
public static class ContentionSummary
{
    /// <summary>The line's label in the run's last lines (<c>summary.md</c> writes it as a bold heading).</summary>
    public const string Label = "contended cycles";

    /// <summary>The line after its label, or null when no result of the run was judged (no native library, no probe, the rule off).</summary>
    public static string? Of(IReadOnlyList<LibraryResult> results)
    {
        var judged = results.Select(r => r.Performance?.Contention).OfType<Statistics.RoundsContention>().ToList();
        if (judged.Count == 0)
        {
            return null;
        }
        var discarded = judged.Sum(c => c.DiscardedRounds);
        var kept = judged.Where(c => c.ContendedRounds > 0).ToList();
        var head = string.Create(CultureInfo.InvariantCulture,
            $"{discarded} native rounds discarded and taken again over {judged.Count} native results");
        var values = judged.Sum(c => c.JudgedValues);
        if (values > 0)
        {
            // Protocol 7 (docs/engine.md, "Contended values"): the values a probe chunk beside them found contended.
            head += string.Create(CultureInfo.InvariantCulture,
                $", {judged.Sum(c => c.ContendedValues)} of {values} values left out (a probe chunk beside them was contended)");
        }
        if (kept.Count == 0)
        {
            return head + "; none kept although the machine was contended";
        }
        // docs/engine.md, "Contended rounds left out": with 3 uncontended rounds such rounds are out of the statistics, otherwise the result is flagged.
        var leftOut = kept.Count(c => c.ContendedLeftOut);
        return head + string.Create(CultureInfo.InvariantCulture,
            $"; {kept.Sum(c => c.ContendedRounds)} rounds of {kept.Count} results stood although the machine was contended (a waiting or discarding limit was reached): left out of the statistics of {leftOut}, the other {kept.Count - leftOut} flagged (fewer than 3 uncontended rounds)");
    }
}
