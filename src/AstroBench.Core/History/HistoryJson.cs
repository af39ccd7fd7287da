using System.Text;
using System.Text.Json;

namespace AstroBench.Core.History;

/// <summary>
/// Writes the answer of <c>GET /api/history</c> (docs/history.md) straight from the index: the series and their changes
/// through two small prepared commands, the points through one <see cref="RawStatement"/> into a
/// <see cref="HistoryPointBuffer"/>, then JSON with pre-encoded property names. The same fields, order and number
/// formatting as serializing the series records with System.Text.Json (tests compare the bytes).
/// </summary>
public static class HistoryJson
{
    public const string TimeOrder = "time";
    public const string CommitOrder = "commit";

    /// <summary>
    /// Writes the series of <paramref name="experiment"/> and <paramref name="library"/> (narrowed by testbed and metric
    /// when given) with their newest <paramref name="limit"/> points in <paramref name="order"/>; each series' stored
    /// changes are written by <paramref name="writeChanges"/> (the caller's wire form of a change).
    /// </summary>
    public static void Write(ResultsIndex index, Utf8JsonWriter w, string experiment, string library, string? testbed, string? metric, int limit,
        string order, Action<Utf8JsonWriter, IReadOnlyList<RegressionRecord>> writeChanges)
    {
        using var lease = index.Read();
        var series = HistorySeriesRows.Read(lease, experiment, library, testbed, metric);
        var changes = HistorySeriesRows.Changes(lease, experiment, library, testbed, metric);
        using var points = new HistoryPointBuffer();
        points.ReadAll(lease.Raw(HistoryQueries.LibraryPoints).Bind(("$e", experiment), ("$l", library), ("$t", testbed), ("$m", metric),
            ("$upto", SeriesPointSql.UpTo(null)), ("$limit", limit), ("$samples", 0)));
        w.WriteStartArray();
        foreach (var s in series)
        {
            if (!points.Numbers.TryGetValue((s.Testbed, s.Metric), out var number))
            {
                continue;
            }
            var key = new SeriesKey(s.Testbed, experiment, library, s.Metric);
            var ofSeries = changes[key].ToList();
            w.WriteStartObject();
            w.WriteString(HistoryJsonNames.Testbed, s.Testbed);
            w.WriteString(HistoryJsonNames.TestbedLabel, s.Label);
            w.WriteString(HistoryJsonNames.Experiment, experiment);
            w.WriteString(HistoryJsonNames.Library, library);
            w.WriteString(HistoryJsonNames.Metric, s.Metric);
            w.WriteString(HistoryJsonNames.Kind, key.IsPerformance ? DetectedChange.Performance : DetectedChange.Accuracy);
            w.WriteString(HistoryJsonNames.Unit, s.Unit);
            w.WriteString(HistoryJsonNames.Order, order);
            w.WritePropertyName(HistoryJsonNames.Points);
            var rows = points.Series[number];
            HistoryPointJson.WriteAll(w, points, order == CommitOrder ? ByCommit(points, rows) : rows, ChangeAt(ofSeries));
            w.WritePropertyName(HistoryJsonNames.Changes);
            writeChanges(w, ofSeries);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>The first change's id at each run (run ids are ASCII).</summary>
    private static Dictionary<string, string> ChangeAt(List<RegressionRecord> changes)
    {
        var at = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var c in changes)
        {
            at.TryAdd(c.Change.RunId, c.Id);
        }
        return at;
    }

    /// <summary>Points grouped by commit, commits in the order of their first point (the index holds no commit graph).</summary>
    private static List<PointRow> ByCommit(HistoryPointBuffer points, List<PointRow> rows)
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        var shas = new string[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            shas[i] = rows[i].GitSha.IsNull ? "" : Encoding.UTF8.GetString(points.Bytes(rows[i].GitSha));
            first.TryAdd(shas[i], i);
        }
        return [.. Enumerable.Range(0, rows.Count).OrderBy(i => first[shas[i]]).ThenBy(i => i).Select(i => rows[i])];
    }
}
