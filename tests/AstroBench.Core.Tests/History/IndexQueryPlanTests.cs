using System.Text.RegularExpressions;
using AstroBench.Core.History;
using Microsoft.Data.Sqlite;

namespace AstroBench.Core.Tests.History;

/// <summary>
/// Every statement a request or a scan runs finds its rows through a key (EXPLAIN QUERY PLAN): a SEARCH on a primary
/// key or an index, never a SCAN of runs, results, metrics or regressions, whose size grows with the lab. Scans of the
/// statement's own small intermediate tables (the CTE k, subqueries, the series table s) and of a partial index that holds
/// exactly the rows asked for (runs not scanned, changes not announced) are fine.
/// </summary>
public sealed partial class IndexQueryPlanTests : IDisposable
{
    private readonly HistoryLab _lab = new();

    public void Dispose() => _lab.Dispose();

    public static TheoryData<string, string> Statements() => new()
    {
        { "history: series", HistoryQueries.HistorySeries },
        { "history: points", HistoryQueries.LibraryPoints },
        { "history: changes", HistoryQueries.HistoryChanges },
        { "points of one series", HistoryQueries.OnePoints },
        { "series list", HistoryQueries.SeriesList },
        { "scan: windows of a run", HistoryQueries.RunPoints },
        { "scan: changes of a run's series", RegressionStore.ChangesOfRunSeries },
        { "scan: runs not scanned", RegressionStore.UnscannedRuns },
        { "announcer: changes not announced", $"SELECT {RegressionStore.Columns} FROM regressions WHERE announced = 0 ORDER BY run_id, id" },
        { "listing: generation", "SELECT value FROM meta WHERE key = 'generation'" },
    };

    [Theory]
    [MemberData(nameof(Statements))]
    public void HotStatements_SearchByKey_AndNeverScanAGrowingTable(string name, string sql)
    {
        var plan = Plan(sql);

        Assert.False(plan.Any(line => ScanOfATable().IsMatch(line) || line.Contains("AUTOMATIC", StringComparison.Ordinal)),
            $"{name}:\n{string.Join('\n', plan)}");
    }

    [Fact]
    public void SeriesPoints_StepThroughTheSeriesKey_AndReadRunsFromTheirCoveringIndex_AndTheScanReadsOnlyUnscannedRuns()
    {
        var plan = Plan(HistoryQueries.LibraryPoints);

        Assert.Contains(plan, l => l.Contains("SEARCH m USING PRIMARY KEY (testbed=? AND experiment=? AND library=? AND metric=? AND run_id>? AND run_id<?)", StringComparison.Ordinal));
        Assert.Contains(plan, l => l.Contains("SEARCH r USING PRIMARY KEY (testbed=? AND experiment=? AND library=? AND run_id>? AND run_id<?)", StringComparison.Ordinal));
        Assert.Equal(2, plan.Count(l => l.Contains("SEARCH u USING COVERING INDEX runs_points (run_id=?)", StringComparison.Ordinal)));
        Assert.Contains(Plan(RegressionStore.UnscannedRuns), l => l.Contains("runs_unscanned", StringComparison.Ordinal));
    }

    /// <summary>The plan's detail lines for <paramref name="sql"/> over the real schema, with every parameter bound.</summary>
    private List<string> Plan(string sql)
    {
        var index = _lab.Index();
        using var c = new SqliteConnection($"Data Source={index.FilePath};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (Match m in Parameter().Matches(sql))
        {
            if (!cmd.Parameters.Contains(m.Value))
            {
                cmd.Parameters.AddWithValue(m.Value, m.Value is "$limit" or "$samples" ? 1 : "x");
            }
        }
        using var r = cmd.ExecuteReader();
        var lines = new List<string>();
        while (r.Read())
        {
            lines.Add(r.GetString(3));
        }
        return lines;
    }

    [GeneratedRegex(@"\$[a-z_]+")]
    private static partial Regex Parameter();

    /// <summary>"SCAN runs", "SCAN results", "SCAN m" (an alias of metrics)…: any scan but of k, s, a subquery or a partial index.</summary>
    [GeneratedRegex(@"^SCAN (?!k\b|s\b|\(subquery|CONSTANT|\w+ USING (COVERING )?INDEX (runs_unscanned|regressions_unannounced)\b)")]
    private static partial Regex ScanOfATable();
}
