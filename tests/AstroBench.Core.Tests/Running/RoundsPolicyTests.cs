using AstroBench.Core.Running;

namespace AstroBench.Core.Tests.Running;

public sealed class RoundsPolicyTests
{
    private static RunOptions Options() => new() { Experiments = ["all"], ResultsDir = "/tmp/r", AdapterDirs = [] };

    [Theory]
    [InlineData("c", RoundsPolicy.DefaultMaxRoundsNative)]
    [InlineData("c++", RoundsPolicy.DefaultMaxRoundsNative)]
    [InlineData("csharp", RoundsPolicy.DefaultMaxRoundsManaged)]
    [InlineData("python", RoundsPolicy.DefaultMaxRoundsManaged)]
    [InlineData("javascript", RoundsPolicy.DefaultMaxRoundsManaged)]
    public void MaxRounds_DefaultsByLanguage(string language, int expected) =>
        Assert.Equal(expected, RoundsPolicy.Of(Options()).MaxFor(language));

    [Fact]
    public void MaxPerfRounds_OverridesEveryLanguage_AndEqualToPerfRounds_FixesTheCount()
    {
        var fixedCount = RoundsPolicy.Of(Options() with { PerfRounds = 4, MaxPerfRounds = 4 });

        Assert.Equal((4, 4), (fixedCount.MaxFor("c"), fixedCount.MaxFor("python")));
    }

    [Fact]
    public void TheMaximumIsNeverBelowThePlannedRounds()
    {
        Assert.Equal(40, RoundsPolicy.Of(Options() with { PerfRounds = 40 }).MaxFor("python"));
    }

    [Fact]
    public void CiMode_IsOneRoundThatNeverGrows()
    {
        var ci = RoundsPolicy.Of(Options() with { CiMode = true, MaxPerfRounds = 30 });

        Assert.Equal((1, 1), (ci.Planned, ci.MaxFor("javascript")));
    }

    [Fact]
    public void TheBudgetIsPerLibrary_PooledOverTheExperiment()
    {
        var policy = RoundsPolicy.Of(Options() with { PerfBudgetSeconds = 1.5 });

        Assert.Equal(TimeSpan.FromSeconds(4.5), policy.BudgetFor(3));
    }
}
