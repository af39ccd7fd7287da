using System.Globalization;
using AstroBench.Core.Statistics;

namespace AstroBench.Core.History;

/// <summary>
/// Performance changes of a series: E-Divisive (α = 1) over the medians of its judgeable points, then each change
/// point confirmed by Mann–Whitney U between the raw round samples of the segment before and the segment after it
/// (a point without samples contributes its median) and a relative shift of the medians of at least the minimum
/// effect. Slower (a larger ns/op) is a regression. The permutation seed comes from the series key, so the same
/// series always gives the same answer.
/// </summary>
public static class PerformanceChangeRule
{
    public static IReadOnlyList<DetectedChange> Detect(SeriesKey key, IReadOnlyList<SeriesPoint> points, ChangeDetectionOptions options)
    {
        var judged = points.Where(p => p.Judgeable).ToList();
        var medians = judged.Select(p => p.Performance!.MedianNs!.Value).ToList();
        var cuts = EDivisive.ChangePoints(medians, options.EDivisive with { Seed = SeedOf(key) });
        var changes = new List<DetectedChange>();
        for (var c = 0; c < cuts.Count; c++)
        {
            var from = c == 0 ? 0 : cuts[c - 1];
            var to = c + 1 < cuts.Count ? cuts[c + 1] : judged.Count;
            var left = Samples(judged, from, cuts[c]);
            var right = Samples(judged, cuts[c], to);
            var test = MannWhitneyU.Test(right, left);
            double before = Median(left), after = Median(right);
            var effect = before > 0 ? after / before - 1 : 0;
            if (test.PValue >= options.MannWhitneyAlpha || Math.Abs(effect) < options.MinRelativeEffect)
            {
                continue;
            }
            var detail = string.Create(CultureInfo.InvariantCulture,
                $"E-Divisive split; Mann–Whitney U p = {test.PValue:G3} over {left.Count} + {right.Count} round samples; median {before:G6} → {after:G6} ns");
            changes.Add(new DetectedChange(DetectedChange.Performance, effect > 0 ? DetectedChange.Regression : DetectedChange.Improvement, key, "ns",
                judged[cuts[c]].RunId, judged[cuts[c] - 1].RunId, before, after, effect * 100, test.PValue, detail));
        }
        return changes;
    }

    private static List<double> Samples(List<SeriesPoint> points, int from, int to)
    {
        var samples = new List<double>();
        for (var i = from; i < to; i++)
        {
            var perf = points[i].Performance!;
            if (perf.SamplesNs.Count > 0)
            {
                samples.AddRange(perf.SamplesNs);
            }
            else
            {
                samples.Add(perf.MedianNs!.Value);
            }
        }
        return samples;
    }

    private static double Median(List<double> values) => Percentiles.OfSorted([.. values.Order()], 0.5);

    /// <summary>FNV-1a over the key's text: a stable seed per series.</summary>
    internal static long SeedOf(SeriesKey key)
    {
        var hash = 14695981039346656037UL;
        foreach (var ch in $"{key.Testbed}\n{key.Experiment}\n{key.Library}\n{key.Metric}")
        {
            hash = unchecked((hash ^ ch) * 1099511628211UL);
        }
        return unchecked((long)hash);
    }
}
