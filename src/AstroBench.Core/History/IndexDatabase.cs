using AstroBench.Core.Storage;
using Microsoft.Data.Sqlite;

namespace AstroBench.Core.History;

/// <summary>
/// The results index's SQLite file (docs/history.md): its connection settings and schema. The CLI and the
/// server open the same file, so both go through here. Version 1 of the schema; a file of another version is
/// rebuilt from the folders (it is derived data), never migrated in place.
/// </summary>
internal static class IndexDatabase
{
    /// <summary>2: samples as binary doubles, the <c>series</c> table, covering and partial indexes (docs/history.md).</summary>
    public const int SchemaVersion = 2;

    public static string ConnectionString(string path) => SqliteFile.ConnectionString(path);

    public static SqliteConnection Open(string connectionString) => SqliteFile.Open(connectionString);

    /// <summary>A run's rows by run id (the scan's series of a run, deleting a run); a rebuild drops them while it inserts.</summary>
    public const string RunIndexes = """
        CREATE INDEX IF NOT EXISTS results_by_run ON results (run_id);
        CREATE INDEX IF NOT EXISTS metrics_by_run ON metrics (run_id);
        """;

    /// <summary>Creates the tables; true when the file held an older schema whose rows were dropped (the caller reindexes).</summary>
    public static bool EnsureSchema(SqliteConnection connection)
    {
        Execute(connection, "PRAGMA journal_mode=WAL; CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);");
        using var read = connection.CreateCommand();
        read.CommandText = "SELECT value FROM meta WHERE key = 'schema'";
        var found = read.ExecuteScalar() as string;
        var stale = found is not null && found != SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (stale)
        {
            // Regressions (with their states) survive: their ids are hashes of series and run, found again by the rescan.
            Execute(connection, """
                DROP TABLE IF EXISTS runs; DROP TABLE IF EXISTS results; DROP TABLE IF EXISTS metrics; DROP TABLE IF EXISTS series;
                DROP INDEX IF EXISTS regressions_by_series;
                """);
        }
        // Every hot query is a SEARCH on one of these keys (checked by IndexQueryPlanTests):
        //   results/metrics primary keys: a series' points by run; *_by_run: a run's rows (scan, delete);
        //   runs_points covers the run columns a point shows; runs_unscanned holds only the runs the scan has not seen;
        //   series: which series exist, without grouping millions of rows.
        Execute(connection, $"""
            CREATE TABLE IF NOT EXISTS runs (
              run_id TEXT PRIMARY KEY, testbed TEXT NOT NULL, testbed_json TEXT, started_at TEXT, git_sha TEXT,
              ci_mode INTEGER NOT NULL, bytes INTEGER NOT NULL, summary_json TEXT NOT NULL, scanned INTEGER NOT NULL DEFAULT 0);
            CREATE INDEX IF NOT EXISTS runs_by_testbed ON runs (testbed, run_id);
            CREATE INDEX IF NOT EXISTS runs_points ON runs (run_id, started_at, git_sha, ci_mode);
            CREATE INDEX IF NOT EXISTS runs_unscanned ON runs (run_id, scanned) WHERE scanned <> {ScanStates.Done};
            CREATE TABLE IF NOT EXISTS results (
              testbed TEXT NOT NULL, experiment TEXT NOT NULL, library TEXT NOT NULL, run_id TEXT NOT NULL,
              role TEXT, parity TEXT, outcome TEXT, fingerprint TEXT, library_version TEXT, adapter_version TEXT,
              primary_metric TEXT, unit TEXT, median_ns REAL, ci_low_ns REAL, ci_high_ns REAL, ci_level REAL, cv_percent REAL,
              perf_valid INTEGER, perf_invalid_reason TEXT, rounds INTEGER, samples_ns BLOB,
              PRIMARY KEY (testbed, experiment, library, run_id)) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS metrics (
              testbed TEXT NOT NULL, experiment TEXT NOT NULL, library TEXT NOT NULL, metric TEXT NOT NULL, run_id TEXT NOT NULL,
              unit TEXT, p50 REAL, p99 REAL, max REAL, mean REAL, rms REAL, bias REAL, count INTEGER, nan_count INTEGER,
              PRIMARY KEY (testbed, experiment, library, metric, run_id)) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS series (
              experiment TEXT NOT NULL, library TEXT NOT NULL, testbed TEXT NOT NULL, metric TEXT NOT NULL, unit TEXT NOT NULL,
              points INTEGER NOT NULL, PRIMARY KEY (experiment, library, testbed, metric, unit)) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS regressions (
              id TEXT PRIMARY KEY, kind TEXT NOT NULL, direction TEXT NOT NULL, testbed TEXT NOT NULL, experiment TEXT NOT NULL,
              library TEXT NOT NULL, metric TEXT NOT NULL, unit TEXT, run_id TEXT NOT NULL, previous_run_id TEXT,
              before REAL, after REAL, change_pct REAL, p_value REAL, detail TEXT, detected_at TEXT NOT NULL,
              state TEXT NOT NULL, note TEXT, state_by TEXT, state_at TEXT, announced INTEGER NOT NULL DEFAULT 0);
            DROP INDEX IF EXISTS regressions_by_series;
            CREATE INDEX IF NOT EXISTS regressions_by_library ON regressions (experiment, library, testbed, metric, run_id);
            CREATE INDEX IF NOT EXISTS regressions_by_run ON regressions (run_id DESC, id);
            CREATE INDEX IF NOT EXISTS regressions_by_previous ON regressions (previous_run_id);
            CREATE INDEX IF NOT EXISTS regressions_unannounced ON regressions (run_id, id) WHERE announced = 0;
            {RunIndexes}
            {IndexVersion.Schema}
            INSERT OR REPLACE INTO meta (key, value) VALUES ('schema', '{SchemaVersion}');
            """);
        return stale;
    }

    public static void Execute(SqliteConnection connection, string sql, SqliteTransaction? tx = null)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    /// <summary>run id → scan state (<see cref="ScanStates"/>) of every indexed run.</summary>
    public static Dictionary<string, int> ScanStatesOf(SqliteConnection c, SqliteTransaction? tx)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT run_id, scanned FROM runs";
        using var r = cmd.ExecuteReader();
        var states = new Dictionary<string, int>(StringComparer.Ordinal);
        while (r.Read())
        {
            states[r.GetString(0)] = r.GetInt32(1);
        }
        return states;
    }
}
