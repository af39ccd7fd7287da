using System.Text.Json.Nodes;
using AstroBench.Cli.Tests.Infrastructure;

namespace AstroBench.Cli.Tests.Run;

/// <summary>What every contention test of a run checks the same way: the run's "contended cycles" line in its output and
/// in summary.md, and the <c>performance.contention</c> record's keys as docs/run-folder.md shows them.</summary>
internal static class ContentionAsserts
{
    public static void LineAndDocumentedKeys(RunFolder folder, string stdout, string line)
    {
        Assert.Contains("contended cycles: " + line, stdout, StringComparison.Ordinal);
        Assert.Contains("**Contended cycles:** " + line + ".", File.ReadAllText(Path.Combine(folder.Path, "summary.md")), StringComparison.Ordinal);
        var written = JsonNode.Parse(File.ReadAllText(Path.Combine(folder.Path, "gmst_era", "pcand.json")))!["performance"]!["contention"]!.AsObject();
        var doc = JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.Root, "docs", "run-folder.md")).Split("```json")[2].Split("```")[0])!;
        Assert.Equal(doc["performance"]!["contention"]!.AsObject().Select(p => p.Key), written.Select(p => p.Key));
    }
}
