using Microsoft.Data.Sqlite;

namespace AstroBench.Core.Storage;

/// <summary>
/// How AstroBench opens any of its SQLite files (the server's lab database, the results index): the same connection
/// settings and per-connection pragmas everywhere, so no store disagrees with another on timeouts or durability.
/// WAL is set once by each store's schema set-up; these pragmas per connection.
/// </summary>
public static class SqliteFile
{
    public static string ConnectionString(string path) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Cache = SqliteCacheMode.Private,
        DefaultTimeout = 30,
        Pooling = true,
    }.ToString();

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
