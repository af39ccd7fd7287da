using System.Globalization;

namespace AstroBench.Core.History;

/// <summary>
/// Accuracy is deterministic for a dataset fingerprint, so any change between a run and the previous comparable run of
/// the series (same fingerprint, both completed, not smoke) beyond the float tolerance is real and flagged at once.
/// Errors are magnitudes: larger is worse. The direction comes from the first statistic that changed, in the order
/// nan_count, mean, rms, max, p99, p50, |bias|.
/// </summary>
public static class AccuracyChangeRule
{
    public static DetectedChange? Detect(SeriesKey key, IReadOnlyList<SeriesPoint> points, ChangeDetectionOptions options)
    {
        if (points.Count < 2 || points[^1] is not { Judgeable: true, Accuracy: { } now } last || last.Fingerprint is null)
        {
            return null;
        }
        SeriesPoint? previous = null;
        for (var i = points.Count - 2; i >= 0 && previous is null; i--)
        {
            previous = points[i] is { Judgeable: true, Accuracy: not null } p && p.Fingerprint == last.Fingerprint ? p : null;
        }
        if (previous?.Accuracy is not { } before)
        {
            return null;
        }
        var pairs = new (string Name, double? Before, double? After)[]
        {
            ("nan_count", before.NanCount, now.NanCount), ("mean", before.Mean, now.Mean), ("rms", before.Rms, now.Rms),
            ("max", before.Max, now.Max), ("p99", before.P99, now.P99), ("p50", before.P50, now.P50),
            ("|bias|", Abs(before.Bias), Abs(now.Bias)), ("count", before.Count, now.Count),
        };
        var changed = pairs.Where(p => Differs(p.Before, p.After, options)).ToList();
        if (changed.Count == 0)
        {
            return null;
        }
        var lead = changed[0];
        var worse = lead.Before is null || (lead.After is { } a && a > lead.Before.Value);
        var detail = "changed: " + string.Join(", ", changed.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Name} {c.Before:R} → {c.After:R}")));
        return new DetectedChange(DetectedChange.Accuracy, worse ? DetectedChange.Regression : DetectedChange.Improvement, key, now.Unit,
            last.RunId, previous.RunId, before.P99, now.P99, DetectedChange.Pct(before.P99, now.P99), null, detail);
    }

    internal static bool Differs(double? a, double? b, ChangeDetectionOptions options)
    {
        if (a is null || b is null)
        {
            return a.HasValue != b.HasValue;
        }
        var tolerance = options.AccuracyAbsoluteTolerance + options.AccuracyRelativeTolerance * Math.Max(Math.Abs(a.Value), Math.Abs(b.Value));
        return Math.Abs(a.Value - b.Value) > tolerance;
    }

    private static double? Abs(double? v) => v is { } x ? Math.Abs(x) : null;
}
