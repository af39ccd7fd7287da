using System.Text.Json;
using AstroBench.Core.Results;
using Microsoft.Data.Sqlite;

namespace AstroBench.Core.History;

/// <summary>Writes and removes a run's rows (runs, results, metrics) inside the caller's transaction.</summary>
internal static class IndexWriter
{
    public static void Delete(SqliteConnection connection, SqliteTransaction tx, string runId)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = """
            DELETE FROM metrics WHERE run_id = $id; DELETE FROM results WHERE run_id = $id; DELETE FROM runs WHERE run_id = $id;
            DELETE FROM regressions WHERE run_id = $id OR previous_run_id = $id;
            """;
        cmd.Parameters.AddWithValue("$id", runId);
        cmd.ExecuteNonQuery();
    }

    /// <summary>Replaces the run's rows (an index of the same folder twice gives the same rows).</summary>
    public static void Upsert(SqliteConnection connection, SqliteTransaction tx, IndexedRun run, int scanState)
    {
        var id = run.Summary.Id;
        using (var clear = connection.CreateCommand())
        {
            clear.Transaction = tx;
            clear.CommandText = "DELETE FROM metrics WHERE run_id = $id; DELETE FROM results WHERE run_id = $id; DELETE FROM runs WHERE run_id = $id;";
            clear.Parameters.AddWithValue("$id", id);
            clear.ExecuteNonQuery();
        }
        using (var cmd = connection.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = """
                INSERT INTO runs (run_id, testbed, testbed_json, started_at, git_sha, ci_mode, bytes, summary_json, scanned)
                VALUES ($id, $testbed, $testbed_json, $started, $sha, $ci, $bytes, $summary, $scanned)
                """;
            cmd.Parameters.AddWithValue("$id", id);
            cmd.Parameters.AddWithValue("$testbed", run.TestbedKey);
            cmd.Parameters.AddWithValue("$testbed_json", run.Testbed is null ? DBNull.Value : JsonSerializer.Serialize(run.Testbed, ResultJson.Options));
            cmd.Parameters.AddWithValue("$started", run.StartedAt is { } s ? UtcTimestamp.Format(s) : DBNull.Value);
            cmd.Parameters.AddWithValue("$sha", (object?)run.GitSha ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$ci", run.CiMode ? 1 : 0);
            cmd.Parameters.AddWithValue("$bytes", run.Bytes);
            cmd.Parameters.AddWithValue("$summary", IndexJson.SerializeSummary(run.Summary));
            cmd.Parameters.AddWithValue("$scanned", scanState);
            cmd.ExecuteNonQuery();
        }
        using var result = connection.CreateCommand();
        result.Transaction = tx;
        result.CommandText = """
            INSERT OR REPLACE INTO results (testbed, experiment, library, run_id, role, parity, outcome, fingerprint, library_version, adapter_version,
              primary_metric, unit, median_ns, ci_low_ns, ci_high_ns, ci_level, cv_percent, perf_valid, perf_invalid_reason, rounds, samples_ns)
            VALUES ($t, $e, $l, $id, $role, $parity, $outcome, $fp, $lv, $av, $pm, $unit, $med, $lo, $hi, $level, $cv, $valid, $reason, $rounds, $samples)
            """;
        var rp = Parameters(result, "$t", "$e", "$l", "$id", "$role", "$parity", "$outcome", "$fp", "$lv", "$av", "$pm", "$unit", "$med", "$lo", "$hi",
            "$level", "$cv", "$valid", "$reason", "$rounds", "$samples");
        using var metric = connection.CreateCommand();
        metric.Transaction = tx;
        metric.CommandText = """
            INSERT OR REPLACE INTO metrics (testbed, experiment, library, metric, run_id, unit, p50, p99, max, mean, rms, bias, count, nan_count)
            VALUES ($t, $e, $l, $m, $id, $unit, $p50, $p99, $max, $mean, $rms, $bias, $count, $nan)
            """;
        var mp = Parameters(metric, "$t", "$e", "$l", "$m", "$id", "$unit", "$p50", "$p99", "$max", "$mean", "$rms", "$bias", "$count", "$nan");
        foreach (var r in run.Results)
        {
            var p = r.Performance;
            Set(rp, run.TestbedKey, r.Experiment, r.Library, id, r.Role, r.Parity, r.Outcome, r.Fingerprint, r.LibraryVersion, r.AdapterVersion,
                r.PrimaryMetric, r.Unit, p?.MedianNs, p?.CiLowNs, p?.CiHighNs, p?.CiLevel, p?.CvPercent, p is null ? null : p.Valid ? 1 : 0,
                p?.InvalidReason, p?.Rounds, p is null ? null : JsonSerializer.Serialize(p.SamplesNs));
            result.ExecuteNonQuery();
            foreach (var m in r.Metrics)
            {
                Set(mp, run.TestbedKey, r.Experiment, r.Library, m.Metric, id, m.Unit, m.P50, m.P99, m.Max, m.Mean, m.Rms, m.Bias, m.Count, m.NanCount);
                metric.ExecuteNonQuery();
            }
        }
    }

    private static SqliteParameter[] Parameters(SqliteCommand cmd, params string[] names) =>
        names.Select(n => cmd.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();

    private static void Set(SqliteParameter[] parameters, params object?[] values)
    {
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }
}
