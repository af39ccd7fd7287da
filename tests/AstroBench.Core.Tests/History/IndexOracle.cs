using System.Text.Json;
using AstroBench.Core.History;
using AstroBench.Core.Results;
using Microsoft.Data.Sqlite;

namespace AstroBench.Core.Tests.History;

/// <summary>
/// The index's answers computed the plain way, straight from the rows (the queries the index used before it kept a
/// <c>series</c> table and read many series per statement): what the fast paths must equal.
/// </summary>
internal static class IndexOracle
{
    /// <summary>Series with points, by grouping every metric and result row.</summary>
    public static List<SeriesInfo> Series(ResultsIndex index)
    {
        using var c = Open(index);
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"""
            SELECT testbed, experiment, library, metric, unit, n, last FROM (
              SELECT testbed, experiment, library, metric, MAX(unit) AS unit, COUNT(*) AS n, MAX(run_id) AS last FROM metrics GROUP BY testbed, experiment, library, metric
              UNION ALL
              SELECT testbed, experiment, library, '{SeriesKey.PerformanceMetric}', 'ns', COUNT(*), MAX(run_id) FROM results WHERE median_ns IS NOT NULL GROUP BY testbed, experiment, library)
            ORDER BY testbed, experiment, library, metric
            """;
        using var r = cmd.ExecuteReader();
        var list = new List<SeriesInfo>();
        while (r.Read())
        {
            list.Add(new SeriesInfo(new SeriesKey(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3)), r.IsDBNull(4) ? null : r.GetString(4),
                r.GetInt32(5), r.GetString(6)));
        }
        return list;
    }

    /// <summary>The series a run has a point in.</summary>
    public static List<SeriesKey> SeriesOf(ResultsIndex index, string runId) =>
        [.. Series(index).Where(s => Points(index, s.Key, 1, runId, samples: false) is [{ } p] && p.RunId == runId).Select(s => s.Key)];

    /// <summary>The newest <paramref name="limit"/> points of one series up to a run, oldest first: ORDER BY … DESC LIMIT, one series at a time.</summary>
    public static List<SeriesPoint> Points(ResultsIndex index, SeriesKey key, int limit, string? upTo, bool samples)
    {
        using var c = Open(index);
        using var cmd = c.CreateCommand();
        cmd.CommandText = key.IsPerformance
            ? """
              SELECT r.run_id, u.started_at, u.git_sha, r.library_version, r.adapter_version, r.fingerprint, r.outcome, u.ci_mode,
                r.median_ns, r.ci_low_ns, r.ci_high_ns, r.ci_level, r.cv_percent, r.perf_valid, r.perf_invalid_reason, r.rounds, r.samples_ns
              FROM results r JOIN runs u ON u.run_id = r.run_id
              WHERE r.testbed = $t AND r.experiment = $e AND r.library = $l AND r.median_ns IS NOT NULL AND r.run_id <= $upto
              ORDER BY r.run_id DESC LIMIT $limit
              """
            : """
              SELECT m.run_id, u.started_at, u.git_sha, r.library_version, r.adapter_version, r.fingerprint, r.outcome, u.ci_mode,
                m.unit, m.p50, m.p99, m.max, m.mean, m.rms, m.bias, m.count, m.nan_count
              FROM metrics m JOIN results r ON r.testbed = m.testbed AND r.experiment = m.experiment AND r.library = m.library AND r.run_id = m.run_id
              JOIN runs u ON u.run_id = m.run_id
              WHERE m.testbed = $t AND m.experiment = $e AND m.library = $l AND m.metric = $m AND m.run_id <= $upto
              ORDER BY m.run_id DESC LIMIT $limit
              """;
        foreach (var (name, value) in new (string, object)[] { ("$t", key.Testbed), ("$e", key.Experiment), ("$l", key.Library), ("$m", key.Metric), ("$upto", upTo ?? "~"), ("$limit", limit) })
        {
            cmd.Parameters.AddWithValue(name, value);
        }
        using var r = cmd.ExecuteReader();
        var points = new List<SeriesPoint>();
        while (r.Read())
        {
            string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
            double? D(int i) => r.IsDBNull(i) ? null : r.GetDouble(i);
            long? L(int i) => r.IsDBNull(i) ? null : r.GetInt64(i);
            var started = S(1) is { } t ? UtcTimestamp.Parse(t) : (DateTimeOffset?)null;
            if (key.IsPerformance)
            {
                IReadOnlyList<double> raw = samples && !r.IsDBNull(16) ? SampleBlob.Decode((byte[])r.GetValue(16)) : [];
                var perf = new PerfFigures(D(8), D(9), D(10), D(11), D(12), L(13) == 1, S(14), (int?)L(15), raw);
                points.Add(new SeriesPoint(r.GetString(0), started, S(2), S(3), S(4), S(5), S(6), r.GetInt64(7) == 1, perf.MedianNs, null, perf));
            }
            else
            {
                var stats = new MetricStats(key.Metric, S(8), D(9), D(10), D(11), D(12), D(13), D(14), L(15), L(16));
                points.Add(new SeriesPoint(r.GetString(0), started, S(2), S(3), S(4), S(5), S(6), r.GetInt64(7) == 1, stats.P99, stats, null));
            }
        }
        points.Reverse();
        return points;
    }

    /// <summary>A value as JSON: records holding lists compare by content this way.</summary>
    public static string Json(object? value) => JsonSerializer.Serialize(value);

    private static SqliteConnection Open(ResultsIndex index)
    {
        var c = new SqliteConnection($"Data Source={index.FilePath};Pooling=False");
        c.Open();
        return c;
    }
}
