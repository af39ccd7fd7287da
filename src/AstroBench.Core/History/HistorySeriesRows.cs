using System.Text.Json;
using AstroBench.Core.Results;
using AstroBench.Core.Testbeds;

namespace AstroBench.Core.History;

/// <summary>The few rows of a history request besides its points: the series with their units and testbed labels, and their stored changes.</summary>
internal static class HistorySeriesRows
{
    public sealed record Row(string Testbed, string Metric, string? Unit, string? Label);

    public static List<Row> Read(IndexLease lease, string experiment, string library, string? testbed, string? metric)
    {
        using var r = lease.Command(HistoryQueries.HistorySeries, ("$e", experiment), ("$l", library), ("$t", testbed), ("$m", metric)).ExecuteReader();
        var rows = new List<Row>();
        var labels = new Dictionary<string, string?>(StringComparer.Ordinal);
        while (r.Read())
        {
            var key = r.GetString(0);
            if (!labels.TryGetValue(key, out var label))
            {
                labels[key] = label = r.IsDBNull(4) ? null : JsonSerializer.Deserialize<Testbed>(r.GetString(4), ResultJson.Options)?.Label;
            }
            rows.Add(new Row(key, r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), label));
        }
        return rows;
    }

    public static ILookup<SeriesKey, RegressionRecord> Changes(IndexLease lease, string experiment, string library, string? testbed, string? metric)
    {
        using var r = lease.Command(HistoryQueries.HistoryChanges, ("$e", experiment), ("$l", library), ("$t", testbed), ("$m", metric)).ExecuteReader();
        return RegressionStore.Read(r).ToLookup(c => c.Change.Key);
    }
}
