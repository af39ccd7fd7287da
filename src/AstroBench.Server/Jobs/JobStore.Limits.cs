using System.Text.Json;
using AstroBench.Server.Execution.Limits;
using Microsoft.Data.Sqlite;

namespace AstroBench.Server.Jobs;

/// <summary>The limits' part of the job store: column <c>limits</c> (JSON of <see cref="JobLimitsDto"/>), written when a job's process is spawned.</summary>
internal sealed partial class JobStore
{
    /// <summary>Adds the limits column to a store created before limits existed (null = none applied yet).</summary>
    private static void MigrateLimitsColumn(SqliteConnection connection)
    {
        using var info = connection.CreateCommand();
        info.CommandText = "SELECT COUNT(*) FROM pragma_table_info('jobs') WHERE name = 'limits'";
        if (Convert.ToInt64(info.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            Execute(connection, "ALTER TABLE jobs ADD COLUMN limits TEXT;");
        }
    }

    /// <summary>Records the limits applied to a job's process.</summary>
    public void SetLimits(string id, JobLimitsDto applied) =>
        Update(id, "limits = $v", ("$v", JsonSerializer.Serialize(applied, Json)));

    private static JobLimitsDto? ReadLimits(string? json) => json is null ? null : JsonSerializer.Deserialize<JobLimitsDto>(json, Json);
}
