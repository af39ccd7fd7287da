using AstroBench.Core.Storage;
using Microsoft.Data.Sqlite;

namespace AstroBench.Server.Hosting;

/// <summary>
/// How every store reaches the lab's one SQLite file (<see cref="ServerPaths.Database"/>): the job store, the event log,
/// notifications and schedules, with the settings of <see cref="SqliteFile"/>.
/// </summary>
internal static class LabDatabase
{
    public static string ConnectionString(ServerPaths paths)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(paths.Database)!);
        return SqliteFile.ConnectionString(paths.Database);
    }

    public static SqliteConnection Open(string connectionString) => SqliteFile.Open(connectionString);
}
