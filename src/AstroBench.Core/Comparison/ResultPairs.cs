using AstroBench.Core.Results.Reading;

namespace AstroBench.Core.Comparison;

/// <summary>The (experiment, library) results of two runs side by side, in a stable order; a side is null where that run has no result.</summary>
public static class ResultPairs
{
    public static IEnumerable<(string Experiment, string Library, ResultRow? A, ResultRow? B)> Join(RunDetail a, RunDetail b)
    {
        var left = a.Rows.ToDictionary(r => (r.Experiment, r.Library));
        var right = b.Rows.ToDictionary(r => (r.Experiment, r.Library));
        return left.Keys.Union(right.Keys)
            .OrderBy(k => k.Experiment, StringComparer.Ordinal).ThenBy(k => k.Library, StringComparer.Ordinal)
            .Select(k => (k.Experiment, k.Library, left.GetValueOrDefault(k), right.GetValueOrDefault(k)));
    }
}
