using System.Text.Json;

namespace AstroBench.Cli.Tests.Run;

/// <summary>
/// "A paused and resumed run equals an uninterrupted run of the same config" (docs/checkpoints.md), checked
/// file by file. What may differ, and nothing else: in result files the <c>performance</c> block (timing
/// figures, its <c>segment</c> and, since rounds adapt to the CV, how many rounds ran; <c>rounds_planned</c> and <c>rounds_max</c>
/// must match); in the manifest <c>run_id</c>, <c>started_at</c>, <c>finished_at</c>, <c>timing</c>, <c>segments</c>, <c>engine</c>
/// (docs/engine.md), <c>machine</c> (the probe: a timing figure) and what the round rule did (its settings in <c>rounds</c> must match); summaries when perf ran (they
/// print timing figures; the run summary names its run id). Every other block is compared as raw bytes.
/// </summary>
internal static class SameRun
{
    private static readonly string[] ManifestMayDiffer = ["run_id", "started_at", "finished_at", "timing", "segments", "engine", "rounds", "machine"];

    /// <summary>The round rule's settings in the manifest's <c>rounds</c> block (the rest is what the rule did).</summary>
    private static readonly string[] RoundsRule = ["interleaved", "planned", "max_rounds", "cv_target_percent", "budget_s_per_library"];

    public static void AssertEquivalent(string expectedRun, string actualRun, bool noPerf)
    {
        var files = Files(expectedRun);
        Assert.Equal(files, Files(actualRun));
        foreach (var file in files)
        {
            var expected = Path.Combine(expectedRun, file);
            var actual = Path.Combine(actualRun, file);
            if (file == "manifest.json")
            {
                AssertSameBlocks(expected, actual, ManifestMayDiffer);
                AssertSame(expected, actual, "rounds", RoundsRule);
            }
            else if (file.EndsWith(".json", StringComparison.Ordinal))
            {
                AssertSameBlocks(expected, actual, ["performance"]);
                AssertSame(expected, actual, "performance", ["rounds_planned", "rounds_max"]);
            }
            else if (file.EndsWith("summary.md", StringComparison.Ordinal))
            {
                if (noPerf)
                {
                    Assert.Equal(File.ReadAllText(expected).Replace(Path.GetFileName(expectedRun), "RUN", StringComparison.Ordinal),
                        File.ReadAllText(actual).Replace(Path.GetFileName(actualRun), "RUN", StringComparison.Ordinal));
                }
            }
            else
            {
                Assert.True(File.ReadAllBytes(expected).AsSpan().SequenceEqual(File.ReadAllBytes(actual)), $"{file} differs byte for byte");
            }
        }
    }

    /// <summary>The <c>segment</c> of every timing block of an experiment's results (null when it was not timed).</summary>
    public static IEnumerable<int?> Segments(string run, string experiment) =>
        Directory.GetFiles(Path.Combine(run, experiment), "*.json").Select(f =>
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(f));
            var perf = doc.RootElement.GetProperty("performance");
            return perf.ValueKind == JsonValueKind.Null ? (int?)null : perf.GetProperty("segment").GetInt32();
        }).ToList();

    private static List<string> Files(string run) =>
        Directory.GetFiles(run, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(run, f)).Order(StringComparer.Ordinal).ToList();

    private static void AssertSameBlocks(string expected, string actual, string[] mayDiffer)
    {
        using var a = JsonDocument.Parse(File.ReadAllText(expected));
        using var b = JsonDocument.Parse(File.ReadAllText(actual));
        var names = a.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(names, b.RootElement.EnumerateObject().Select(p => p.Name).ToList());
        foreach (var name in names.Except(mayDiffer))
        {
            Assert.True(a.RootElement.GetProperty(name).GetRawText() == b.RootElement.GetProperty(name).GetRawText(),
                $"{Path.GetFileName(Path.GetDirectoryName(actual))}/{Path.GetFileName(actual)}: block '{name}' differs");
        }
    }

    /// <summary>The <paramref name="fields"/> of block <paramref name="block"/> (both null or both absent count as equal).</summary>
    private static void AssertSame(string expected, string actual, string block, string[] fields)
    {
        static string? Field(string file, string block, string field)
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            return doc.RootElement.TryGetProperty(block, out var b) && b.ValueKind == JsonValueKind.Object && b.TryGetProperty(field, out var f)
                ? f.GetRawText() : null;
        }
        foreach (var field in fields)
        {
            Assert.True(Field(expected, block, field) == Field(actual, block, field), $"{Path.GetFileName(actual)}: {block}.{field} differs");
        }
    }
}
