using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AstroBench.Core.Results;
using Microsoft.Data.Sqlite;

namespace AstroBench.Core.History;

/// <summary>
/// Detected changes in the results index's <c>regressions</c> table, with their states. A change's id is a hash of its
/// series and run, so detecting it again (after a reindex) finds the same row and keeps its state. <c>announced</c>
/// marks the changes the server has written a <c>regression.detected</c> event for.
/// </summary>
public sealed class RegressionStore(ResultsIndex index)
{
    private const string Columns = """
        id, kind, direction, testbed, experiment, library, metric, unit, run_id, previous_run_id, before, after, change_pct, p_value, detail,
        detected_at, state, note, state_by, state_at
        """;

    public static string IdOf(DetectedChange c) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
        $"{c.Kind}\n{c.Key.Testbed}\n{c.Key.Experiment}\n{c.Key.Library}\n{c.Key.Metric}\n{c.RunId}")))[..16];

    /// <summary>Stores a new change as open; null when it is known already.</summary>
    public RegressionRecord? Add(DetectedChange c, DateTimeOffset now)
    {
        using var connection = index.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"""
            INSERT OR IGNORE INTO regressions ({Columns})
            VALUES ($id, $kind, $dir, $t, $e, $l, $m, $unit, $run, $prev, $before, $after, $pct, $p, $detail, $at, '{RegressionStates.Open}', NULL, NULL, NULL)
            """;
        var id = IdOf(c);
        foreach (var (name, value) in new (string, object?)[]
        {
            ("$id", id), ("$kind", c.Kind), ("$dir", c.Direction), ("$t", c.Key.Testbed), ("$e", c.Key.Experiment), ("$l", c.Key.Library),
            ("$m", c.Key.Metric), ("$unit", c.Unit), ("$run", c.RunId), ("$prev", c.PreviousRunId), ("$before", c.Before), ("$after", c.After),
            ("$pct", c.ChangePct), ("$p", c.PValue), ("$detail", c.Detail), ("$at", UtcTimestamp.Format(now)),
        })
        {
            cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        return cmd.ExecuteNonQuery() == 1 ? new RegressionRecord(id, c, now, RegressionStates.Open, null, null, null) : null;
    }

    public (IReadOnlyList<RegressionRecord> Items, int Total) List(RegressionFilter f)
    {
        using var connection = index.Open();
        const string Where = """
            ($state IS NULL OR state = $state) AND ($dir IS NULL OR direction = $dir) AND ($kind IS NULL OR kind = $kind)
            AND ($t IS NULL OR testbed = $t) AND ($e IS NULL OR experiment = $e) AND ($l IS NULL OR library = $l) AND ($m IS NULL OR metric = $m)
            """;
        using var count = connection.CreateCommand();
        count.CommandText = $"SELECT COUNT(*) FROM regressions WHERE {Where}";
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT {Columns} FROM regressions WHERE {Where} ORDER BY run_id DESC, id LIMIT $limit OFFSET $offset";
        foreach (var c in new[] { count, cmd })
        {
            foreach (var (name, value) in new (string, string?)[]
            {
                ("$state", f.State), ("$dir", f.Direction), ("$kind", f.Kind), ("$t", f.Testbed), ("$e", f.Experiment), ("$l", f.Library), ("$m", f.Metric),
            })
            {
                c.Parameters.AddWithValue(name, (object?)value ?? DBNull.Value);
            }
        }
        cmd.Parameters.AddWithValue("$limit", f.Limit);
        cmd.Parameters.AddWithValue("$offset", f.Offset);
        var total = Convert.ToInt32(count.ExecuteScalar(), CultureInfo.InvariantCulture);
        return (Read(cmd), total);
    }

    public RegressionRecord? Get(string id) => Select("id = $id", ("$id", id)).FirstOrDefault();

    /// <summary>Changes of one series, oldest first (for the markers of a trend).</summary>
    public IReadOnlyList<RegressionRecord> ForSeries(SeriesKey key) => Select(
        "testbed = $t AND experiment = $e AND library = $l AND metric = $m ORDER BY run_id",
        ("$t", key.Testbed), ("$e", key.Experiment), ("$l", key.Library), ("$m", key.Metric));

    /// <summary>Sets the state with its note and who set it; null when the id is unknown.</summary>
    public RegressionRecord? SetState(string id, string state, string? note, string by, DateTimeOffset at)
    {
        using var connection = index.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "UPDATE regressions SET state = $state, note = $note, state_by = $by, state_at = $at WHERE id = $id";
        cmd.Parameters.AddWithValue("$id", id);
        cmd.Parameters.AddWithValue("$state", state);
        cmd.Parameters.AddWithValue("$note", (object?)note ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$by", by);
        cmd.Parameters.AddWithValue("$at", UtcTimestamp.Format(at));
        return cmd.ExecuteNonQuery() == 0 ? null : Get(id);
    }

    public IReadOnlyList<RegressionRecord> Unannounced() => Select("announced = 0 ORDER BY run_id, id");

    public void MarkAnnounced(string id) => Execute("UPDATE regressions SET announced = 1 WHERE id = $id", ("$id", id));

    /// <summary>Runs not yet looked at by the regression scan, oldest first, with their <see cref="ScanStates"/> value.</summary>
    internal IReadOnlyList<(string RunId, int State)> Unscanned()
    {
        using var c = index.Open();
        return [.. IndexDatabase.ScanStatesOf(c, null).Where(kv => kv.Value != ScanStates.Done).Select(kv => (kv.Key, kv.Value)).OrderBy(p => p.Key, StringComparer.Ordinal)];
    }

    internal void MarkScanned(IEnumerable<string> runIds)
    {
        using var c = index.Open();
        using var tx = c.BeginTransaction();
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"UPDATE runs SET scanned = {ScanStates.Done} WHERE run_id = $id";
        var p = cmd.Parameters.Add(new SqliteParameter { ParameterName = "$id" });
        foreach (var id in runIds)
        {
            p.Value = id;
            cmd.ExecuteNonQuery();
        }
        tx.Commit();
    }

    /// <summary>Marks stored changes announced without an event (backfill).</summary>
    internal void MarkAnnounced(IEnumerable<string> ids)
    {
        foreach (var id in ids)
        {
            MarkAnnounced(id);
        }
    }

    private void Execute(string sql, params (string Name, object Value)[] parameters)
    {
        using var c = index.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value);
        }
        cmd.ExecuteNonQuery();
    }

    private List<RegressionRecord> Select(string where, params (string Name, object Value)[] parameters)
    {
        using var c = index.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT {Columns} FROM regressions WHERE {where}";
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value);
        }
        return Read(cmd);
    }

    private static List<RegressionRecord> Read(SqliteCommand cmd)
    {
        using var r = cmd.ExecuteReader();
        var list = new List<RegressionRecord>();
        while (r.Read())
        {
            string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
            double? D(int i) => r.IsDBNull(i) ? null : r.GetDouble(i);
            var change = new DetectedChange(r.GetString(1), r.GetString(2), new SeriesKey(r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6)),
                S(7), r.GetString(8), S(9), D(10), D(11), D(12), D(13), S(14) ?? "");
            list.Add(new RegressionRecord(r.GetString(0), change, UtcTimestamp.Parse(r.GetString(15)), r.GetString(16), S(17), S(18),
                S(19) is { } at ? UtcTimestamp.Parse(at) : null));
        }
        return list;
    }
}
