using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
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
    internal const string Columns = """
        id, kind, direction, testbed, experiment, library, metric, unit, run_id, previous_run_id, before, after, change_pct, p_value, detail,
        detected_at, state, note, state_by, state_at
        """;

    internal const string ChangesOfRunSeries = $"""
        SELECT {Columns} FROM regressions
        WHERE (experiment, library, testbed, metric) IN (SELECT experiment, library, testbed, metric FROM ({SeriesPointSql.SeriesOfRun}))
        ORDER BY run_id
        """;

    /// <summary>The runs the scan has not seen: exactly the rows of the partial index runs_unscanned.</summary>
    internal static readonly string UnscannedRuns = $"SELECT run_id, scanned FROM runs WHERE scanned <> {ScanStates.Done} ORDER BY run_id";

    public static string IdOf(DetectedChange c) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
        $"{c.Kind}\n{c.Key.Testbed}\n{c.Key.Experiment}\n{c.Key.Library}\n{c.Key.Metric}\n{c.RunId}")))[..16];

    /// <summary>Stores a new change as open; null when it is known already.</summary>
    public RegressionRecord? Add(DetectedChange c, DateTimeOffset now)
    {
        var id = IdOf(c);
        using var lease = index.Read();
        var cmd = lease.Command($"""
            INSERT OR IGNORE INTO regressions ({Columns})
            VALUES ($id, $kind, $dir, $t, $e, $l, $m, $unit, $run, $prev, $before, $after, $pct, $p, $detail, $at, '{RegressionStates.Open}', NULL, NULL, NULL)
            """,
            ("$id", id), ("$kind", c.Kind), ("$dir", c.Direction), ("$t", c.Key.Testbed), ("$e", c.Key.Experiment), ("$l", c.Key.Library),
            ("$m", c.Key.Metric), ("$unit", c.Unit), ("$run", c.RunId), ("$prev", c.PreviousRunId), ("$before", c.Before), ("$after", c.After),
            ("$pct", c.ChangePct), ("$p", c.PValue), ("$detail", c.Detail), ("$at", UtcTimestamp.Format(now)));
        return cmd.ExecuteNonQuery() == 1 ? new RegressionRecord(id, c, now, RegressionStates.Open, null, null, null) : null;
    }

    public (IReadOnlyList<RegressionRecord> Items, int Total) List(RegressionFilter f)
    {
        const string Where = """
            ($state IS NULL OR state = $state) AND ($dir IS NULL OR direction = $dir) AND ($kind IS NULL OR kind = $kind)
            AND ($t IS NULL OR testbed = $t) AND ($e IS NULL OR experiment = $e) AND ($l IS NULL OR library = $l) AND ($m IS NULL OR metric = $m)
            """;
        using var lease = index.Read();
        using var r = lease.Command($"""
            SELECT COUNT(*) FROM regressions WHERE {Where};
            SELECT {Columns} FROM regressions WHERE {Where} ORDER BY run_id DESC, id LIMIT $limit OFFSET $offset
            """,
            ("$state", f.State), ("$dir", f.Direction), ("$kind", f.Kind), ("$t", f.Testbed), ("$e", f.Experiment), ("$l", f.Library), ("$m", f.Metric),
            ("$limit", f.Limit), ("$offset", f.Offset)).ExecuteReader();
        r.Read();
        var total = r.GetInt32(0);
        r.NextResult();
        return (Read(r), total);
    }

    public RegressionRecord? Get(string id) => Select("id = $id", ("$id", id)).FirstOrDefault();

    /// <summary>Changes of one series, oldest first (for the markers of a trend).</summary>
    public IReadOnlyList<RegressionRecord> ForSeries(SeriesKey key) => Select(
        "testbed = $t AND experiment = $e AND library = $l AND metric = $m ORDER BY run_id",
        ("$t", key.Testbed), ("$e", key.Experiment), ("$l", key.Library), ("$m", key.Metric));

    /// <summary>Sets the state with its note and who set it; null when the id is unknown.</summary>
    public RegressionRecord? SetState(string id, string state, string? note, string by, DateTimeOffset at)
    {
        using (var lease = index.Read())
        {
            if (lease.Command("UPDATE regressions SET state = $state, note = $note, state_by = $by, state_at = $at WHERE id = $id",
                ("$id", id), ("$state", state), ("$note", note), ("$by", by), ("$at", UtcTimestamp.Format(at))).ExecuteNonQuery() == 0)
            {
                return null;
            }
        }
        return Get(id);
    }

    public IReadOnlyList<RegressionRecord> Unannounced() => Select("announced = 0 ORDER BY run_id, id");

    /// <summary>Every change stored for the series <paramref name="runId"/> has points in, by series (one statement, for the scan).</summary>
    internal ILookup<SeriesKey, RegressionRecord> ForSeriesOfRun(string runId)
    {
        using var lease = index.Read();
        using var r = lease.Command(ChangesOfRunSeries, ("$run", runId)).ExecuteReader();
        return Read(r).ToLookup(c => c.Change.Key);
    }

    public void MarkAnnounced(string id) => Execute("UPDATE regressions SET announced = 1 WHERE id = $id", ("$id", id));

    /// <summary>Runs not yet looked at by the regression scan, oldest first, with their <see cref="ScanStates"/> value.</summary>
    internal IReadOnlyList<(string RunId, int State)> Unscanned()
    {
        using var lease = index.Read();
        using var r = lease.Command(UnscannedRuns).ExecuteReader();
        var list = new List<(string, int)>();
        while (r.Read())
        {
            list.Add((r.GetString(0), r.GetInt32(1)));
        }
        return list;
    }

    internal void MarkScanned(IEnumerable<string> runIds)
    {
        using var lease = index.Read();
        // One statement: every id at once, atomically.
        lease.Command($"UPDATE runs SET scanned = {ScanStates.Done} WHERE run_id IN (SELECT value FROM json_each($ids))",
            ("$ids", JsonSerializer.Serialize(runIds.ToArray()))).ExecuteNonQuery();
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
        using var lease = index.Read();
        lease.Command(sql, [.. parameters.Select(p => (p.Name, (object?)p.Value))]).ExecuteNonQuery();
    }

    private List<RegressionRecord> Select(string where, params (string Name, object Value)[] parameters)
    {
        using var lease = index.Read();
        using var r = lease.Command($"SELECT {Columns} FROM regressions WHERE {where}", [.. parameters.Select(p => (p.Name, (object?)p.Value))]).ExecuteReader();
        return Read(r);
    }

    internal static List<RegressionRecord> Read(SqliteDataReader r)
    {
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
