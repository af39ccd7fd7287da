using System.Text.Json;
using AstroBench.Core.Results;
using Microsoft.Data.Sqlite;

namespace AstroBench.Core.History;

/// <summary>
/// Writes and removes runs' rows (runs, results, metrics and the <c>series</c> counts) inside one transaction, with
/// every statement prepared once and re-bound per row: a rebuild writes millions of rows through the same few
/// statements. The <c>series</c> table counts the points of each (series, unit) from the rows actually written, so
/// it always agrees with <c>results</c> and <c>metrics</c> (a series is listed while its count is above zero).
/// </summary>
internal sealed class IndexWriter(SqliteConnection connection, SqliteTransaction tx) : IDisposable
{
    private static readonly string RunSeries = SeriesCounts("run_id = $id");

    /// <summary>Adds the points of every series whose rows match <paramref name="filter"/> to the <c>series</c> counts.</summary>
    public static string CountSeries(string filter) =>
        $"INSERT INTO series (experiment, library, testbed, metric, unit, points) {SeriesCounts(filter)} ON CONFLICT DO UPDATE SET points = points + excluded.points";

    /// <summary>(series, unit, points) of the rows matching <paramref name="filter"/>; a missing unit counts as ''.</summary>
    private static string SeriesCounts(string filter) => $"""
        SELECT experiment, library, testbed, metric, COALESCE(unit, '') AS unit, COUNT(*) AS n FROM metrics WHERE {filter} GROUP BY 1, 2, 3, 4, 5
        UNION ALL
        SELECT experiment, library, testbed, '{SeriesKey.PerformanceMetric}', 'ns', COUNT(*) FROM results WHERE {filter} AND median_ns IS NOT NULL GROUP BY 1, 2, 3
        """;

    private readonly PreparedCommands _commands = new(connection, tx);

    /// <summary>Drops a run's rows and the regressions attributed to it (or measured against it).</summary>
    public void Delete(string runId)
    {
        Clear(runId);
        Run("DELETE FROM regressions WHERE run_id = $id OR previous_run_id = $id", ("$id", runId));
    }

    /// <summary>Replaces the run's rows (indexing the same folder twice gives the same rows).</summary>
    public void Upsert(IndexedRun run, int scanState)
    {
        Clear(run.Summary.Id);
        Insert(run, scanState);
    }

    /// <summary>
    /// Writes the rows of a run that has none. A rebuild passes <paramref name="countSeries"/> false and counts every
    /// series once at the end (<see cref="CountSeries"/> over all rows).
    /// </summary>
    public void Insert(IndexedRun run, int scanState, bool countSeries = true)
    {
        var id = run.Summary.Id;
        Run("""
            INSERT INTO runs (run_id, testbed, testbed_json, started_at, git_sha, ci_mode, bytes, summary_json, scanned)
            VALUES ($id, $testbed, $testbed_json, $started, $sha, $ci, $bytes, $summary, $scanned)
            """,
            ("$id", id), ("$testbed", run.TestbedKey), ("$testbed_json", run.Testbed is null ? null : JsonSerializer.Serialize(run.Testbed, ResultJson.Options)),
            ("$started", run.StartedAt is { } s ? UtcTimestamp.Format(s) : null), ("$sha", run.GitSha), ("$ci", run.CiMode ? 1 : 0), ("$bytes", run.Bytes),
            ("$summary", IndexJson.SerializeSummary(run.Summary)), ("$scanned", scanState));
        foreach (var r in run.Results)
        {
            var p = r.Performance;
            Run("""
                INSERT OR REPLACE INTO results (testbed, experiment, library, run_id, role, parity, outcome, fingerprint, library_version, adapter_version,
                  primary_metric, unit, median_ns, ci_low_ns, ci_high_ns, ci_level, cv_percent, perf_valid, perf_invalid_reason, rounds, samples_ns)
                VALUES ($t, $e, $l, $id, $role, $parity, $outcome, $fp, $lv, $av, $pm, $unit, $med, $lo, $hi, $level, $cv, $valid, $reason, $rounds, $samples)
                """,
                ("$t", run.TestbedKey), ("$e", r.Experiment), ("$l", r.Library), ("$id", id), ("$role", r.Role), ("$parity", r.Parity), ("$outcome", r.Outcome),
                ("$fp", r.Fingerprint), ("$lv", r.LibraryVersion), ("$av", r.AdapterVersion), ("$pm", r.PrimaryMetric), ("$unit", r.Unit),
                ("$med", p?.MedianNs), ("$lo", p?.CiLowNs), ("$hi", p?.CiHighNs), ("$level", p?.CiLevel), ("$cv", p?.CvPercent),
                ("$valid", p is null ? null : p.Valid ? 1 : 0), ("$reason", p?.InvalidReason), ("$rounds", p?.Rounds), ("$samples", p is null ? null : SampleBlob.Encode(p.SamplesNs)));
            foreach (var m in r.Metrics)
            {
                Run("""
                    INSERT OR REPLACE INTO metrics (testbed, experiment, library, metric, run_id, unit, p50, p99, max, mean, rms, bias, count, nan_count)
                    VALUES ($t, $e, $l, $m, $id, $unit, $p50, $p99, $max, $mean, $rms, $bias, $count, $nan)
                    """,
                    ("$t", run.TestbedKey), ("$e", r.Experiment), ("$l", r.Library), ("$m", m.Metric), ("$id", id), ("$unit", m.Unit), ("$p50", m.P50),
                    ("$p99", m.P99), ("$max", m.Max), ("$mean", m.Mean), ("$rms", m.Rms), ("$bias", m.Bias), ("$count", m.Count), ("$nan", m.NanCount));
            }
        }
        if (countSeries)
        {
            Run(CountSeries("run_id = $id"), ("$id", id));
        }
    }

    /// <summary>Bumps the generation, so every process's caches (run list, known ids) notice this write.</summary>
    public void BumpGeneration() =>
        Run("INSERT INTO meta (key, value) VALUES ('generation', '1') ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1");

    public void Dispose() => _commands.Dispose();

    /// <summary>Removes a run's points from the series counts, then its rows.</summary>
    private void Clear(string runId)
    {
        Run($"""
            UPDATE series SET points = points - g.n FROM ({RunSeries}) AS g
            WHERE series.experiment = g.experiment AND series.library = g.library AND series.testbed = g.testbed AND series.metric = g.metric AND series.unit = g.unit
            """, ("$id", runId));
        Run("DELETE FROM series WHERE points <= 0");
        Run("DELETE FROM metrics WHERE run_id = $id", ("$id", runId));
        Run("DELETE FROM results WHERE run_id = $id", ("$id", runId));
        Run("DELETE FROM runs WHERE run_id = $id", ("$id", runId));
    }

    private void Run(string sql, params ReadOnlySpan<(string Name, object? Value)> args) => _commands.Bind(sql, args).ExecuteNonQuery();
}
