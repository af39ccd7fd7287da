using System.Text.Json;

namespace AstroBench.Cli.Tests.Run;

/// <summary>
/// "A paused and resumed run equals an uninterrupted run of the same config" (docs/checkpoints.md), checked
/// file by file. What may differ, and nothing else: in result files the <c>performance</c> block (timing
/// figures and its <c>segment</c>; <c>rounds</c> must match); in the manifest <c>run_id</c>,
/// <c>started_at</c>, <c>finished_at</c>, <c>timing</c>, <c>segments</c> and <c>engine</c> (docs/engine.md); summaries when perf ran (they
/// print timing figures; the run summary names its run id). Every other block is compared as raw bytes.
/// </summary>
internal static class SameRun
{
    private static readonly string[] ManifestMayDiffer = ["run_id", "started_at", "finished_at", "timing", "segments", "engine"];

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
            }
            else if (file.EndsWith(".json", StringComparison.Ordinal))
            {
                AssertSameBlocks(expected, actual, ["performance"]);
                AssertSameRounds(expected, actual);
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

    private static void AssertSameRounds(string expected, string actual)
    {
        static int? Rounds(string file)
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            var perf = doc.RootElement.GetProperty("performance");
            return perf.ValueKind == JsonValueKind.Null ? null : perf.GetProperty("rounds").GetInt32();
        }
        Assert.Equal(Rounds(expected), Rounds(actual));
    }
}
