using AstroBench.Core.Running;

namespace AstroBench.Core.Tests.Running;

/// <summary>The CLI's validator applies <see cref="RunLimits"/>: the maximum passes, one more does not.</summary>
public sealed class RunLimitsTests
{
    private static RunOptions Options() => new() { Experiments = ["all"], ResultsDir = "/tmp/r", AdapterDirs = [] };

    public static TheoryData<string, RunOptions, RunOptions> Edges() => new()
    {
        { "--n", Options() with { N = RunLimits.MaxN }, Options() with { N = RunLimits.MaxN + 1 } },
        { "--n", Options() with { N = RunLimits.MinN }, Options() with { N = RunLimits.MinN - 1 } },
        { "--seed", Options() with { Seed = RunLimits.MaxSeed }, Options() with { Seed = RunLimits.MaxSeed + 1 } },
        { "--seed", Options() with { Seed = RunLimits.MinSeed }, Options() with { Seed = RunLimits.MinSeed - 1 } },
        { "--perf-rounds", Options() with { PerfRounds = RunLimits.MaxPerfRounds }, Options() with { PerfRounds = RunLimits.MaxPerfRounds + 1 } },
        { "--perf-rounds", Options() with { PerfRounds = RunLimits.MinPerfRounds }, Options() with { PerfRounds = RunLimits.MinPerfRounds - 1 } },
        { "--max-perf-rounds", Options() with { MaxPerfRounds = RunLimits.MaxPerfRounds }, Options() with { MaxPerfRounds = RunLimits.MaxPerfRounds + 1 } },
        { "--max-perf-rounds", Options() with { PerfRounds = 7, MaxPerfRounds = 7 }, Options() with { PerfRounds = 7, MaxPerfRounds = 6 } },
        { "--perf-cv-target", Options() with { PerfCvTargetPercent = RoundsPolicy.MinCvTargetPercent }, Options() with { PerfCvTargetPercent = 0 } },
        { "--perf-cv-target", Options() with { PerfCvTargetPercent = RoundsPolicy.MaxCvTargetPercent }, Options() with { PerfCvTargetPercent = double.NaN } },
        { "--perf-budget", Options() with { PerfBudgetSeconds = 0 }, Options() with { PerfBudgetSeconds = -0.5 } },
        { "--perf-budget", Options() with { PerfBudgetSeconds = RoundsPolicy.MaxBudgetSecondsPerLibrary }, Options() with { PerfBudgetSeconds = double.PositiveInfinity } },
        { "--shard-rows", Options() with { ShardRows = RunLimits.MaxN }, Options() with { ShardRows = RunLimits.MaxN + 1 } },
        { "--shard-rows", Options() with { ShardRows = RunLimits.MinShardRows }, Options() with { ShardRows = RunLimits.MinShardRows - 1 } },
        { "--notes", Options() with { Notes = new string('x', RunLimits.MaxNotesLength) }, Options() with { Notes = new string('x', RunLimits.MaxNotesLength + 1) } },
        { "--experiments", Options() with { Experiments = Names(RunLimits.MaxExperiments) }, Options() with { Experiments = Names(RunLimits.MaxExperiments + 1) } },
        { "--libraries", Options() with { Libraries = Names(RunLimits.MaxLibraries) }, Options() with { Libraries = Names(RunLimits.MaxLibraries + 1) } },
    };

    [Theory]
    [MemberData(nameof(Edges))]
    public void Validator_AcceptsTheLimit_AndRejectsOnePast(string option, RunOptions atLimit, RunOptions pastLimit)
    {
        Assert.Empty(RunOptionsValidator.Validate(atLimit));
        Assert.Contains(RunOptionsValidator.Validate(pastLimit), e => e.StartsWith(option, StringComparison.Ordinal));
    }

    [Fact]
    public void Messages_AreInvariant_UnderDeDe()
    {
        using var _ = new CultureScope("de-DE");

        var errors = RunOptionsValidator.Validate(Options() with { N = RunLimits.MaxN + 1 });

        Assert.Equal("--n must be between 1 and 1,000,000 (got 1000001)", Assert.Single(errors));
    }

    private static List<string> Names(int count) => [.. Enumerable.Range(0, count).Select(i => "e" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))];
}
