using System.Globalization;
using AstroBench.Core.Results.Model;

namespace AstroBench.Core.Running;

/// <summary>
/// The run's line about contended cycles (docs/engine.md, "Contended cycles"), printed after the machine line and written
/// into <c>summary.md</c>: how many native rounds were discarded and taken again, how many values their in-process probe
/// chunks left out (protocol 7, "Contended values"), and whether any were kept although the
/// machine was contended, since such medians mix the machine's states and reproduce only as well as that mix does.
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
        return kept.Count == 0
            ? head + "; none kept although the machine was contended"
            : head + string.Create(CultureInfo.InvariantCulture,
                $"; {kept.Sum(c => c.ContendedRounds)} rounds of {kept.Count} results kept although the machine was contended (a waiting or discarding limit was reached): those medians mix the machine's states");
    }
}
