using AstroBench.Core.History;
using Microsoft.Data.Sqlite;

namespace AstroBench.Core.Tests.History;

/// <summary>A temp results folder with synthetic runs and its index.</summary>
internal sealed class HistoryLab : IDisposable
{
    public string Results { get; } = Directory.CreateTempSubdirectory("ab-history-").FullName;

    public ResultsIndex Index() => new(Results);

    /// <summary>Every row of the index's run, result and metric tables as text, in key order (scan state excluded).</summary>
    public static List<string> Dump(ResultsIndex index)
    {
        var rows = new List<string>();
        using var c = new SqliteConnection($"Data Source={index.FilePath};Pooling=False");
        c.Open();
        foreach (var sql in new[]
        {
            "SELECT run_id, testbed, testbed_json, started_at, git_sha, ci_mode, bytes, summary_json FROM runs ORDER BY run_id",
            "SELECT * FROM results ORDER BY testbed, experiment, library, run_id",
            "SELECT * FROM metrics ORDER BY testbed, experiment, library, metric, run_id",
        })
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = sql;
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                rows.Add(string.Join('|', Enumerable.Range(0, r.FieldCount).Select(i => r.IsDBNull(i) ? "null" : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
            }
        }
        return rows;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Results, recursive: true);
    }
}
