namespace AstroBench.Server.Tests.Storage;

/// <summary>Synthetic run folders for retention tests: a manifest and one result file of a chosen size.</summary>
internal static class RetentionRuns
{
    public static void Add(string resultsDir, string id, int bytes = 2000)
    {
        var dir = Path.Combine(resultsDir, id);
        Directory.CreateDirectory(Path.Combine(dir, "gmst_era"));
        File.WriteAllText(Path.Combine(dir, "manifest.json"), "{}");
        File.WriteAllBytes(Path.Combine(dir, "gmst_era", "erfa.json"), new byte[bytes]);
    }

    /// <summary><paramref name="count"/> runs one day apart, oldest first, ending 2026-01-<paramref name="count"/>.</summary>
    public static List<string> AddDaily(string resultsDir, int count, int bytes = 2000)
    {
        var ids = Enumerable.Range(1, count).Select(d => $"2026-01-{d:00}_12-00-00").ToList();
        foreach (var id in ids)
        {
            Add(resultsDir, id, bytes);
        }
        return ids;
    }
}
