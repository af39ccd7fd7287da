using AstroBench.Core.History;

namespace AstroBench.Server.History;

/// <summary>
/// Turns index points into the API's series: version changes annotated against the previous point, each point linked
/// to the change detected at it, and in commit order the points grouped by commit (commits in the order their first
/// run appeared; the index holds no commit graph, so this is "order of first measurement", docs/history.md).
/// </summary>
internal static class HistorySeriesBuilder
{
    public const string TimeOrder = "time";
    public const string CommitOrder = "commit";

    public static string KindOf(SeriesKey key) => key.IsPerformance ? DetectedChange.Performance : DetectedChange.Accuracy;

    public static HistorySeriesDto Build(SeriesInfo info, IReadOnlyList<SeriesPoint> points, IReadOnlyList<RegressionRecord> changes, string? label, string order)
    {
        var ordered = order == CommitOrder ? ByCommit(points) : points;
        var changeAt = changes.GroupBy(c => c.Change.RunId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
        var dtos = new List<HistoryPointDto>(ordered.Count);
        string? previousVersion = null;
        for (var i = 0; i < ordered.Count; i++)
        {
            var p = ordered[i];
            var version = i > 0 && p.LibraryVersion != previousVersion ? new VersionChangeDto(previousVersion, p.LibraryVersion) : null;
            previousVersion = p.LibraryVersion;
            dtos.Add(new HistoryPointDto(p.RunId, p.StartedAt, p.GitSha, p.LibraryVersion, p.AdapterVersion, p.Fingerprint, p.Value, p.Judgeable, p.Smoke,
                p.Performance?.Valid, p.Performance?.InvalidReason, p.Performance?.CiLowNs, p.Performance?.CiHighNs,
                p.Accuracy?.P50, p.Accuracy?.P99, p.Accuracy?.Max, p.Accuracy?.Mean, p.Accuracy?.Rms, version, changeAt.GetValueOrDefault(p.RunId)));
        }
        var key = info.Key;
        return new HistorySeriesDto(key.Testbed, label, key.Experiment, key.Library, key.Metric, KindOf(key), info.Unit, order, dtos,
            changes.Select(RegressionDto.From).ToList());
    }

    private static List<SeriesPoint> ByCommit(IReadOnlyList<SeriesPoint> points)
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < points.Count; i++)
        {
            first.TryAdd(points[i].GitSha ?? "", i);
        }
        return [.. points.Select((p, i) => (p, i)).OrderBy(x => first[x.p.GitSha ?? ""]).ThenBy(x => x.i).Select(x => x.p)];
    }
}
