using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace AstroBench.Server.Jobs;

/// <summary>
/// The Slurm executor's part of the job store: column <c>slurm</c> (JSON of <see cref="SlurmJobInfo"/>), set once sbatch
/// accepted the job. A job pending in Slurm is <c>queued</c> but already submitted: the dispatcher's queue skips it and the
/// start-up reconciler reattaches it like a running one.
/// </summary>
internal sealed partial class JobStore
{
    /// <summary>SQL: a queued row that Slurm already holds (submitted, pending there).</summary>
    private const string SubmittedQueued = "(status = 'queued' AND slurm IS NOT NULL)";

    private static void MigrateSlurmColumn(SqliteConnection connection)
    {
        if (!ColumnsOf(connection).Contains("slurm"))
        {
            Execute(connection, "ALTER TABLE jobs ADD COLUMN slurm TEXT;");
        }
    }

    /// <summary>Records what Slurm said of the job (its id at submission, then node, state and reason as they change).</summary>
    public void SetSlurm(string id, SlurmJobInfo info) =>
        Update(id, "slurm = $v", ("$v", JsonSerializer.Serialize(info, Json)));

    private static SlurmJobInfo? ReadSlurm(string? json) => json is null ? null : JsonSerializer.Deserialize<SlurmJobInfo>(json, Json);
}
