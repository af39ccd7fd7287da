using System.Text.Json;
using AstroBench.Core.Results;
using AstroBench.Core.Testbeds;

namespace AstroBench.Core.History;

/// <summary>
/// Reads series from the results index: the history of an experiment and library (one prepared command), the points of
/// one series, the windows the regression scan needs for a whole run (one statement), and which series and testbeds exist.
/// </summary>
public sealed class HistoryQueries(ResultsIndex index)
{
    /// <summary>The series of an experiment and library with their units, point counts and testbed JSON (its newest run's).</summary>
    internal const string HistorySeries = """
        SELECT testbed, metric, NULLIF(MAX(unit), ''), SUM(points),
          (SELECT x.testbed_json FROM runs x WHERE x.testbed = s.testbed ORDER BY x.run_id DESC LIMIT 1)
        FROM series s WHERE experiment = $e AND library = $l AND ($t IS NULL OR testbed = $t) AND ($m IS NULL OR metric = $m)
        GROUP BY testbed, metric ORDER BY testbed, metric
        """;

    internal const string HistoryChanges = $"""
        SELECT {RegressionStore.Columns} FROM regressions
        WHERE experiment = $e AND library = $l AND ($t IS NULL OR testbed = $t) AND ($m IS NULL OR metric = $m) ORDER BY testbed, metric, run_id
        """;

    /// <summary>Series with their units, point counts and newest run (the last key of the series' range; a performance series skips results without a median).</summary>
    internal const string SeriesList = $"""
            SELECT testbed, experiment, library, metric, NULLIF(MAX(unit), ''), SUM(points),
              CASE WHEN metric = '{SeriesKey.PerformanceMetric}'
                THEN (SELECT x.run_id FROM results x WHERE x.testbed = s.testbed AND x.experiment = s.experiment AND x.library = s.library
                      AND x.median_ns IS NOT NULL ORDER BY x.run_id DESC LIMIT 1)
                ELSE (SELECT MAX(x.run_id) FROM metrics x WHERE x.testbed = s.testbed AND x.experiment = s.experiment AND x.library = s.library
                      AND x.metric = s.metric) END
            FROM series s
            WHERE ($t IS NULL OR testbed = $t) AND ($e IS NULL OR experiment = $e) AND ($l IS NULL OR library = $l) AND ($m IS NULL OR metric = $m)
            GROUP BY testbed, experiment, library, metric ORDER BY testbed, experiment, library, metric
            """;

    internal static readonly string LibraryPoints = SeriesPointSql.Points(SeriesPointSql.SeriesOfLibrary);
    internal static readonly string OnePoints = SeriesPointSql.Points(SeriesPointSql.OneSeries);
    internal static readonly string RunPoints = SeriesPointSql.Points(SeriesPointSql.SeriesOfRun);
    private static readonly string HistoryCommand = $"{HistorySeries};\n{LibraryPoints};\n{HistoryChanges}";

    /// <summary>
    /// Every series of <paramref name="experiment"/> and <paramref name="library"/> (narrowed by testbed and metric when
    /// given) with its newest <paramref name="limit"/> points, its testbed's label and its stored changes, in key order:
    /// three statements of one prepared command, whatever the number of series.
    /// </summary>
    public IReadOnlyList<SeriesHistory> History(string experiment, string library, string? testbed, string? metric, int limit)
    {
        using var lease = index.Read();
        using var r = lease.Command(HistoryCommand,
            ("$e", experiment), ("$l", library), ("$t", testbed), ("$m", metric), ("$upto", SeriesPointSql.UpTo(null)), ("$limit", limit), ("$samples", 0))
            .ExecuteReader();
        var infos = new List<(string Testbed, string Metric, string? Unit, int Count, string? Label)>();
        var labels = new Dictionary<string, string?>(StringComparer.Ordinal);
        while (r.Read())
        {
            var key = r.GetString(0);
            if (!labels.TryGetValue(key, out var label))
            {
                labels[key] = label = r.IsDBNull(4) ? null : JsonSerializer.Deserialize<Testbed>(r.GetString(4), ResultJson.Options)?.Label;
            }
            infos.Add((key, r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetInt32(3), label));
        }
        r.NextResult();
        var points = SeriesPointSql.Read(r).ToDictionary(s => s.Key, s => s.Points);
        r.NextResult();
        var changes = RegressionStore.Read(r).ToLookup(c => c.Change.Key);
        return [.. infos.Select(i => new SeriesKey(i.Testbed, experiment, library, i.Metric)).Zip(infos)
            .Where(p => points.ContainsKey(p.First))
            .Select(p => new SeriesHistory(new SeriesInfo(p.First, p.Second.Unit, p.Second.Count, points[p.First][^1].RunId), p.Second.Label,
                points[p.First], [.. changes[p.First]]))];
    }

    /// <summary>
    /// The newest <paramref name="limit"/> points of a series up to and including <paramref name="upToRunId"/> (all when
    /// null), oldest first. Raw samples are read only when asked for (the regression test needs them, a plot does not).
    /// </summary>
    public IReadOnlyList<SeriesPoint> Points(SeriesKey key, int limit, string? upToRunId = null, bool withSamples = false)
    {
        using var lease = index.Read();
        using var r = lease.Command(OnePoints, ("$t", key.Testbed), ("$e", key.Experiment), ("$l", key.Library), ("$m", key.Metric),
            ("$upto", SeriesPointSql.UpTo(upToRunId)), ("$limit", limit), ("$samples", withSamples ? 1 : 0)).ExecuteReader();
        return SeriesPointSql.Read(r) is [var only] ? only.Points : [];
    }

    /// <summary>Every series <paramref name="runId"/> has a point in, each with its newest <paramref name="limit"/> points up to that run and their raw samples: one statement.</summary>
    internal List<(SeriesKey Key, List<SeriesPoint> Points)> WindowsOfRun(string runId, int limit)
    {
        using var lease = index.Read();
        using var r = lease.Command(RunPoints, ("$run", runId), ("$upto", runId), ("$limit", limit), ("$samples", 1)).ExecuteReader();
        return SeriesPointSql.Read(r);
    }

    /// <summary>Series with points, filtered by whatever is given, ordered by testbed, experiment, library, metric.</summary>
    public IReadOnlyList<SeriesInfo> Series(string? testbed = null, string? experiment = null, string? library = null, string? metric = null)
    {
        using var lease = index.Read();
        using var r = lease.Command(SeriesList, ("$t", testbed), ("$e", experiment), ("$l", library), ("$m", metric)).ExecuteReader();
        var list = new List<SeriesInfo>();
        while (r.Read())
        {
            list.Add(new SeriesInfo(new SeriesKey(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3)), r.IsDBNull(4) ? null : r.GetString(4),
                r.GetInt32(5), r.GetString(6)));
        }
        return list;
    }

    /// <summary>Every testbed with runs: its key, what the newest run recorded of it (null for <c>unknown</c>) and its run count.</summary>
    public IReadOnlyList<(string Key, Testbed? Testbed, int Runs)> Testbeds()
    {
        using var lease = index.Read();
        using var r = lease.Command("""
            SELECT testbed, (SELECT testbed_json FROM runs x WHERE x.testbed = g.testbed ORDER BY run_id DESC LIMIT 1), COUNT(*)
            FROM runs g GROUP BY testbed ORDER BY testbed
            """).ExecuteReader();
        var list = new List<(string, Testbed?, int)>();
        while (r.Read())
        {
            list.Add((r.GetString(0), r.IsDBNull(1) ? null : JsonSerializer.Deserialize<Testbed>(r.GetString(1), ResultJson.Options), r.GetInt32(2)));
        }
        return list;
    }
}
