using AstroBench.Core.Results;
using Microsoft.Data.Sqlite;

namespace AstroBench.Core.History;

/// <summary>
/// The one statement that reads points: the newest <c>$limit</c> points up to <c>$upto</c> of every series a key set
/// names (a CTE of testbed, experiment, library, metric), accuracy and performance in one UNION ALL, ordered by series
/// then run. Each series is a range of its table's primary key whose lower end is found by walking back <c>$limit</c>
/// keys from <c>$upto</c> (a correlated subquery run once per series), so a point costs one key step and two lookups
/// (its result row, its run's covering index) — whatever the number of runs. <see cref="Read"/> parses the rows.
/// </summary>
internal static class SeriesPointSql
{
    /// <summary>The keys of one series (parameters <c>$t</c>, <c>$e</c>, <c>$l</c>, <c>$m</c>).</summary>
    public const string OneSeries = "SELECT $t AS testbed, $e AS experiment, $l AS library, $m AS metric";

    /// <summary>The series a run has points in (parameter <c>$run</c>).</summary>
    public const string SeriesOfRun = $"""
        SELECT testbed, experiment, library, metric FROM metrics WHERE run_id = $run
        UNION SELECT testbed, experiment, library, '{SeriesKey.PerformanceMetric}' FROM results WHERE run_id = $run AND median_ns IS NOT NULL
        """;

    /// <summary>The series of one experiment and library (parameters <c>$e</c>, <c>$l</c>; <c>$t</c>, <c>$m</c> null for all).</summary>
    public const string SeriesOfLibrary = """
        SELECT DISTINCT testbed, experiment, library, metric FROM series
        WHERE experiment = $e AND library = $l AND ($t IS NULL OR testbed = $t) AND ($m IS NULL OR metric = $m)
        """;

    private const string Perf = SeriesKey.PerformanceMetric;

    /// <summary>The points statement over <paramref name="keys"/>; <c>$samples</c> = 1 reads the raw round samples too.</summary>
    /// <remarks>
    /// k is materialized once (its window function): a number per series and the lower end of its range, found by
    /// walking back <c>$limit</c> keys from <c>$upto</c>. CROSS JOIN fixes the loop order (series, then its key range,
    /// then one lookup per row) and INDEXED BY the covering index of the run columns, so the plan never depends on
    /// table statistics. Rows come in no particular order; <see cref="Read"/> orders them.
    /// </remarks>
    public static string Points(string keys) => $"""
        WITH k AS (
          SELECT ROW_NUMBER() OVER (ORDER BY testbed, experiment, library, metric) AS sn, testbed, experiment, library, metric,
            CASE WHEN metric = '{Perf}'
              THEN COALESCE((SELECT x.run_id FROM results x WHERE x.testbed = s.testbed AND x.experiment = s.experiment AND x.library = s.library
                AND x.run_id <= $upto AND x.median_ns IS NOT NULL ORDER BY x.run_id DESC LIMIT 1 OFFSET $limit - 1), '')
              ELSE COALESCE((SELECT x.run_id FROM metrics x WHERE x.testbed = s.testbed AND x.experiment = s.experiment AND x.library = s.library
                AND x.metric = s.metric AND x.run_id <= $upto ORDER BY x.run_id DESC LIMIT 1 OFFSET $limit - 1), '') END AS lo
          FROM ({keys}) s)
        SELECT k.sn, k.testbed, k.experiment, k.library, k.metric, m.run_id, u.started_at, u.git_sha, r.library_version, r.adapter_version,
          r.fingerprint, r.outcome, u.ci_mode, m.unit, m.p50, m.p99, m.max, m.mean, m.rms, m.bias, m.count, m.nan_count,
          NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
        FROM k CROSS JOIN metrics m CROSS JOIN results r CROSS JOIN runs u INDEXED BY runs_points
        WHERE k.metric <> '{Perf}' AND m.testbed = k.testbed AND m.experiment = k.experiment AND m.library = k.library AND m.metric = k.metric
          AND m.run_id BETWEEN k.lo AND $upto
          AND r.testbed = m.testbed AND r.experiment = m.experiment AND r.library = m.library AND r.run_id = m.run_id AND u.run_id = m.run_id
        UNION ALL
        SELECT k.sn, k.testbed, k.experiment, k.library, k.metric, r.run_id, u.started_at, u.git_sha, r.library_version, r.adapter_version,
          r.fingerprint, r.outcome, u.ci_mode, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
          r.median_ns, r.ci_low_ns, r.ci_high_ns, r.ci_level, r.cv_percent, r.perf_valid, r.perf_invalid_reason, r.rounds,
          CASE WHEN $samples = 1 THEN r.samples_ns END
        FROM k CROSS JOIN results r CROSS JOIN runs u INDEXED BY runs_points
        WHERE k.metric = '{Perf}' AND r.testbed = k.testbed AND r.experiment = k.experiment AND r.library = k.library
          AND r.run_id BETWEEN k.lo AND $upto AND r.median_ns IS NOT NULL AND u.run_id = r.run_id
        """;

    /// <summary>"No upper bound": '~' sorts after every run id character, so every query has one plan.</summary>
    public static string UpTo(string? runId) => runId ?? "~";

    /// <summary>Every series of the statement's rows with its points, oldest first, in key order.</summary>
    public static List<(SeriesKey Key, List<SeriesPoint> Points)> Read(SqliteDataReader r)
    {
        // Column 0 numbers the series in key order, so a row's series is told by one integer, not four strings.
        var series = new SortedDictionary<long, (SeriesKey Key, List<SeriesPoint> Points)>();
        while (r.Read())
        {
            var number = r.GetInt64(0);
            if (!series.TryGetValue(number, out var s))
            {
                series[number] = s = (new SeriesKey(r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4)), []);
            }
            s.Points.Add(s.Key.IsPerformance ? PerfPoint(r) : AccuracyPoint(r, s.Key.Metric));
        }
        foreach (var (_, points) in series.Values)
        {
            points.Sort((a, b) => string.CompareOrdinal(a.RunId, b.RunId));
        }
        return [.. series.Values];
    }

    private static SeriesPoint PerfPoint(SqliteDataReader r)
    {
        IReadOnlyList<double> samples = r.IsDBNull(30) ? [] : SampleBlob.Decode(r.GetFieldValue<byte[]>(30));
        var perf = new PerfFigures(Num(r, 22), Num(r, 23), Num(r, 24), Num(r, 25), Num(r, 26), !r.IsDBNull(27) && r.GetInt64(27) == 1, Str(r, 28),
            r.IsDBNull(29) ? null : r.GetInt32(29), samples);
        return Point(r, perf.MedianNs, null, perf);
    }

    private static SeriesPoint AccuracyPoint(SqliteDataReader r, string metric)
    {
        var stats = new MetricStats(metric, Str(r, 13), Num(r, 14), Num(r, 15), Num(r, 16), Num(r, 17), Num(r, 18), Num(r, 19),
            r.IsDBNull(20) ? null : r.GetInt64(20), r.IsDBNull(21) ? null : r.GetInt64(21));
        return Point(r, stats.P99, stats, null);
    }

    private static SeriesPoint Point(SqliteDataReader r, double? value, MetricStats? accuracy, PerfFigures? performance) =>
        new(r.GetString(5), r.IsDBNull(6) ? null : UtcTimestamp.Parse(r.GetString(6)), Str(r, 7), Str(r, 8), Str(r, 9), Str(r, 10), Str(r, 11),
            r.GetInt64(12) == 1, value, accuracy, performance);

    private static string? Str(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static double? Num(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDouble(i);
}
