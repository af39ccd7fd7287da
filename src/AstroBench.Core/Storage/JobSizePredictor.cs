namespace AstroBench.Core.Storage;

/// <summary>
/// Predicts how many bytes a run writes: n × (experiment × library pairs) × bytes per case
/// (docs/storage.md). Bytes per case come from the newest earlier runs, as total bytes over total
/// cases (so large runs, whose fixed per-file overhead is negligible, weigh most); with no usable
/// history, <see cref="DefaultBytesPerCase"/>.
/// </summary>
public static class JobSizePredictor
{
    public const string History = "history";
    public const string Default = "default";

    /// <summary>How many of the newest usable runs form the history.</summary>
    public const int HistoryRuns = 20;

    /// <summary>
    /// Measured on this repository (all 33 experiments, every library: 185 results, <c>--no-perf</c>): 1,000 cases
    /// wrote 37.1 bytes per case and 20,000 cases 30.2 (Parquet cases files plus result JSON); rounded up
    /// to the small run's figure so that a lab without history errs on the side of refusing.
    /// </summary>
    public const double DefaultBytesPerCase = 40;

    public static JobSizePrediction Predict(int n, int results, IEnumerable<RunSizeSample> newestFirst)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(results);
        var usable = newestFirst.Where(s => s is { N: > 0, Results: > 0, Bytes: > 0 }).Take(HistoryRuns).ToList();
        var (perCase, basis) = usable.Count == 0
            ? (DefaultBytesPerCase, Default)
            : ((double)usable.Sum(s => s.Bytes) / usable.Sum(s => s.Cases), History);
        var cases = (double)n * results;
        return new JobSizePrediction((long)Math.Ceiling(cases * perCase), perCase, basis);
    }
}
