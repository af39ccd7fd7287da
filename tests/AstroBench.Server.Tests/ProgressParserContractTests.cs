using AstroBench.Server.Logs;

namespace AstroBench.Server.Tests;

/// <summary>The server's progress (docs/progress.md formula, never backwards) over the documented example run.</summary>
public sealed class ProgressParserContractTests
{
    private static IEnumerable<string> ExampleRun()
    {
        var doc = File.ReadAllLines(Path.Combine(Lab.RepoRoot, "docs", "progress.md"));
        var start = Array.FindIndex(doc, l => l.StartsWith("[RUN] start", StringComparison.Ordinal));
        return doc.Skip(start).TakeWhile(l => !l.StartsWith("```", StringComparison.Ordinal));
    }

    [Fact]
    public void DocumentedRun_PercentFollowsTheFormula_NeverGoesBack_AndEndsAt100()
    {
        var parser = new ProgressParser();
        var seen = new List<double>();
        foreach (var line in ExampleRun())
        {
            parser.Feed(line);
            seen.Add(parser.Current.Percent);
            if (line.StartsWith("[PROGRESS] experiment=kepler_solver step=perf current=4 total=6", StringComparison.Ordinal))
            {
                Assert.Equal(Math.Round((1 + 4.0 / 6) / 2 * 100, 1), parser.Current.Percent);
                Assert.Equal(("kepler_solver", "perf"), (parser.Current.CurrentExperiment, parser.Current.CurrentStep));
            }
        }

        Assert.Equal(seen.Order(), seen);
        Assert.Equal(100, parser.Current.Percent);
        Assert.Equal((2, 2), (parser.Current.ExperimentsDone, parser.Current.ExperimentsTotal));
        Assert.Equal("2026-11-29_01-02-03", parser.AnnouncedRunId);
    }

    [Fact]
    public void FreeTextAndUnknownLines_DoNotChangeProgress()
    {
        var parser = new ProgressParser();
        parser.Feed("[RUN] start run_id=r experiments_total=2 libraries=erfa n=1 seed=1 | go");
        var before = parser.Current;

        Assert.False(parser.Feed("  gmst_era erfa round 1/3: 87.094 ns/op"));
        Assert.False(parser.Feed("[RUN] resume whatever=1 | ?"));
        Assert.False(parser.Feed("[PROGRESS] experiment=gmst_era step=perf | no counters"));
        Assert.Equal(before, parser.Current);
    }
}
