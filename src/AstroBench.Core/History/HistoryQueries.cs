using System.Text.Json;
using AstroBench.Core.Results;
using AstroBench.Core.Testbeds;
using Microsoft.Data.Sqlite;

namespace AstroBench.Core.History;

/// <summary>Reads series from the results index: the points of one series, and which series exist.</summary>
public sealed class HistoryQueries(ResultsIndex index)
{
    private const string PerfColumns = """
        r.run_id, u.started_at, u.git_sha, r.library_version, r.adapter_version, r.fingerprint, r.outcome, u.ci_mode,
        r.median_ns, r.ci_low_ns, r.ci_high_ns, r.ci_level, r.cv_percent, r.perf_valid, r.perf_invalid_reason, r.rounds, r.samples_ns
        """;

    private const string AccuracyColumns = """
        m.run_id, u.started_at, u.git_sha, r.library_version, r.adapter_version, r.fingerprint, r.outcome, u.ci_mode,
        m.unit, m.p50, m.p99, m.max, m.mean, m.rms, m.bias, m.count, m.nan_count
        """;

    /// <summary>
    /// The newest <paramref name="limit"/> points of a series up to and including <paramref name="upToRunId"/> (all when
    /// null), oldest first. Raw samples are parsed only when asked for (the regression test needs them, a plot does not).
    /// </summary>
    public IReadOnlyList<SeriesPoint> Points(SeriesKey key, int limit, string? upToRunId = null, bool withSamples = false)
    {
        using var c = index.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = key.IsPerformance
            ? $"""
              SELECT {PerfColumns} FROM results r JOIN runs u ON u.run_id = r.run_id
              WHERE r.testbed = $t AND r.experiment = $e AND r.library = $l AND r.median_ns IS NOT NULL AND r.run_id <= $upto
              ORDER BY r.run_id DESC LIMIT $limit
              """
            : $"""
              SELECT {AccuracyColumns} FROM metrics m
              JOIN results r ON r.testbed = m.testbed AND r.experiment = m.experiment AND r.library = m.library AND r.run_id = m.run_id
              JOIN runs u ON u.run_id = m.run_id
              WHERE m.testbed = $t AND m.experiment = $e AND m.library = $l AND m.metric = $m AND m.run_id <= $upto
              ORDER BY m.run_id DESC LIMIT $limit
              """;
        cmd.Parameters.AddWithValue("$t", key.Testbed);
        cmd.Parameters.AddWithValue("$e", key.Experiment);
        cmd.Parameters.AddWithValue("$l", key.Library);
        cmd.Parameters.AddWithValue("$m", key.Metric);
        // '~' sorts after every run id character, so "no bound" is one query plan.
        cmd.Parameters.AddWithValue("$upto", upToRunId ?? "~");
        cmd.Parameters.AddWithValue("$limit", limit);
        using var r = cmd.ExecuteReader();
        var points = new List<SeriesPoint>();
        while (r.Read())
        {
            points.Add(key.IsPerformance ? PerfPoint(r, withSamples) : AccuracyPoint(r, key.Metric));
        }
        points.Reverse();
        return points;
    }

    /// <summary>Series with points, filtered by whatever is given, ordered by testbed, experiment, library, metric.</summary>
    public IReadOnlyList<SeriesInfo> Series(string? testbed = null, string? experiment = null, string? library = null, string? metric = null)
    {
        using var c = index.Open();
        using var cmd = c.CreateCommand();
        // Only the filters given, so SQLite can use the (testbed, …) keys or the (experiment, library, …) indexes.
        var where = string.Join(" AND ", new[] { ("testbed", testbed, "$t"), ("experiment", experiment, "$e"), ("library", library, "$l") }
            .Where(f => f.Item2 is not null).Select(f => $"{f.Item1} = {f.Item3}").DefaultIfEmpty("1 = 1"));
        var metricFilter = metric is null ? "" : " AND metric = $m";
        var perf = metric is null or SeriesKey.PerformanceMetric
            ? $"""
              UNION ALL
              SELECT testbed, experiment, library, '{SeriesKey.PerformanceMetric}', 'ns', COUNT(*), MAX(run_id)
              FROM results WHERE {where} AND median_ns IS NOT NULL GROUP BY testbed, experiment, library
              """
            : "";
        cmd.CommandText = $"""
            SELECT testbed, experiment, library, metric, unit, n, last FROM (
              SELECT testbed, experiment, library, metric, MAX(unit) AS unit, COUNT(*) AS n, MAX(run_id) AS last
              FROM metrics WHERE {where}{metricFilter} GROUP BY testbed, experiment, library, metric
              {perf})
            ORDER BY testbed, experiment, library, metric
            """;
        cmd.Parameters.AddWithValue("$t", (object?)testbed ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$e", (object?)experiment ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$l", (object?)library ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$m", (object?)metric ?? DBNull.Value);
        using var r = cmd.ExecuteReader();
        var list = new List<SeriesInfo>();
        while (r.Read())
        {
            list.Add(new SeriesInfo(new SeriesKey(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3)), Str(r, 4), r.GetInt32(5), r.GetString(6)));
        }
        return list;
    }

    /// <summary>Every testbed with runs: its key, what the newest run recorded of it (null for <c>unknown</c>) and its run count.</summary>
    public IReadOnlyList<(string Key, Testbed? Testbed, int Runs)> Testbeds()
    {
        using var c = index.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            SELECT testbed, (SELECT testbed_json FROM runs x WHERE x.testbed = g.testbed ORDER BY run_id DESC LIMIT 1), COUNT(*)
            FROM runs g GROUP BY testbed ORDER BY testbed
            """;
        using var r = cmd.ExecuteReader();
        var list = new List<(string, Testbed?, int)>();
        while (r.Read())
        {
            list.Add((r.GetString(0), Str(r, 1) is { } json ? JsonSerializer.Deserialize<Testbed>(json, ResultJson.Options) : null, r.GetInt32(2)));
        }
        return list;
    }

    private static SeriesPoint PerfPoint(SqliteDataReader r, bool withSamples)
    {
        IReadOnlyList<double> samples = withSamples && Str(r, 16) is { } json ? JsonSerializer.Deserialize<double[]>(json) ?? [] : [];
        var perf = new PerfFigures(Num(r, 8), Num(r, 9), Num(r, 10), Num(r, 11), Num(r, 12), !r.IsDBNull(13) && r.GetInt64(13) == 1, Str(r, 14),
            r.IsDBNull(15) ? null : r.GetInt32(15), samples);
        return new SeriesPoint(r.GetString(0), Time(r, 1), Str(r, 2), Str(r, 3), Str(r, 4), Str(r, 5), Str(r, 6), r.GetInt64(7) == 1, perf.MedianNs, null, perf);
    }

    private static SeriesPoint AccuracyPoint(SqliteDataReader r, string metric)
    {
        var stats = new MetricStats(metric, Str(r, 8), Num(r, 9), Num(r, 10), Num(r, 11), Num(r, 12), Num(r, 13), Num(r, 14),
            r.IsDBNull(15) ? null : r.GetInt64(15), r.IsDBNull(16) ? null : r.GetInt64(16));
        return new SeriesPoint(r.GetString(0), Time(r, 1), Str(r, 2), Str(r, 3), Str(r, 4), Str(r, 5), Str(r, 6), r.GetInt64(7) == 1, stats.P99, stats, null);
    }

    private static string? Str(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static double? Num(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDouble(i);

    private static DateTimeOffset? Time(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : UtcTimestamp.Parse(r.GetString(i));
}
