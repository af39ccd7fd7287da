using System.Text.Json;
using AstroBench.Core.History;
using AstroBench.Server.History;

namespace AstroBench.Server.Tests.History;

/// <summary>
/// The plain form of <c>GET /api/history</c>: the series read as objects (<see cref="HistoryQueries.History"/>), turned into
/// the API's records and serialized with the server's options — what the endpoint answered before it wrote its JSON
/// straight from the index. The endpoint's bytes must equal these.
/// </summary>
internal static class ReferenceHistory
{
    public static byte[] Json(HistoryQueries queries, JsonSerializerOptions options, string experiment, string library, string? testbed = null,
        string? metric = null, int limit = 1000, string order = HistoryJson.TimeOrder) =>
        JsonSerializer.SerializeToUtf8Bytes(queries.History(experiment, library, testbed, metric, limit)
            .Select(s => Build(s.Info, s.Points, s.Changes, s.TestbedLabel, order)).ToList(), options);

    private static HistorySeriesDto Build(SeriesInfo info, IReadOnlyList<SeriesPoint> points, IReadOnlyList<RegressionRecord> changes, string? label, string order)
    {
        var ordered = order == HistoryJson.CommitOrder ? ByCommit(points) : points;
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
        return new HistorySeriesDto(key.Testbed, label, key.Experiment, key.Library, key.Metric, key.IsPerformance ? "performance" : "accuracy",
            info.Unit, order, dtos, changes.Select(RegressionDto.From).ToList());
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
