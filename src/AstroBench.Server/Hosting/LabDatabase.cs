using Microsoft.Data.Sqlite;

namespace AstroBench.Server.Hosting;

/// <summary>
/// How every store reaches the lab's one SQLite file (<see cref="ServerPaths.Database"/>): the same
/// connection settings and per-connection pragmas for the job store, the event log, notifications and
/// schedules, so they never disagree on timeouts or durability.
/// </summary>
internal static class LabDatabase
{
    public static string ConnectionString(ServerPaths paths)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(paths.Database)!);
        return new SqliteConnectionStringBuilder
        {
            DataSource = paths.Database,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            DefaultTimeout = 30,
            Pooling = true,
        }.ToString();
    }

    /// <summary>An open connection; WAL is set once by each store's schema set-up, these pragmas per connection.</summary>
    public static SqliteConnection Open(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;";
        cmd.ExecuteNonQuery();
        return connection;
    }
}
