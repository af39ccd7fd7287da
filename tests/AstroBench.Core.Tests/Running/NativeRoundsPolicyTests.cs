using AstroBench.Core.Running;

namespace AstroBench.Core.Tests.Running;

/// <summary>Native code's defaults (docs/engine.md, "Many short processes for C"): many short processes, a standard error target.</summary>
public sealed class NativeRoundsPolicyTests
{
    private static RunOptions Options() => new() { Experiments = ["all"], ResultsDir = "/tmp/r", AdapterDirs = [] };

    [Theory]
    [InlineData("c", RoundsPolicy.DefaultPlannedNative, RoundsPolicy.DefaultValuesNative)]
    [InlineData("c++", RoundsPolicy.DefaultPlannedNative, RoundsPolicy.DefaultValuesNative)]
    [InlineData("csharp", RunLimits.DefaultPerfRounds, RoundsPolicy.DefaultValuesManaged)]
    [InlineData("python", RoundsPolicy.DefaultPlannedPython, RoundsPolicy.DefaultValuesManaged)]
    [InlineData("javascript", RoundsPolicy.DefaultPlannedJavaScript, RoundsPolicy.DefaultValuesJavaScript)]
    public void DefaultPlannedRoundsAndValues_ByLanguage(string language, int planned, int values)
    {
        var policy = RoundsPolicy.Of(Options());

        Assert.Equal((planned, values), (policy.PlannedFor(language), policy.ValuesFor(language)));
    }

    [Fact]
    public void OnlyNativeCode_StopsOnTheMediansStandardError()
    {
        var policy = RoundsPolicy.Of(Options());

        Assert.Equal(RoundsPolicy.DefaultSeTargetPercentNative, policy.SeTargetFor("c"));
        Assert.Null(policy.SeTargetFor("python"));
    }

    [Fact]
    public void AnotherPerfRounds_AppliesToNativeCodeAsGiven()
    {
        Assert.Equal(3, RoundsPolicy.Of(Options() with { PerfRounds = 3 }).PlannedFor("c"));
        Assert.Equal(40, RoundsPolicy.Of(Options() with { PerfRounds = 40 }).PlannedFor("c"));
    }

    [Fact]
    public void AMaxPerfRoundsBelowTheNativePlan_CapsIt_SoEqualToPerfRoundsStillFixesTheCount()
    {
        var fixedCount = RoundsPolicy.Of(Options() with { MaxPerfRounds = RunLimits.DefaultPerfRounds });
        var capped = RoundsPolicy.Of(Options() with { MaxPerfRounds = 10 });

        Assert.Equal((5, 5), (fixedCount.PlannedFor("c"), fixedCount.MaxFor("c")));
        Assert.Equal((10, 10), (capped.PlannedFor("c"), capped.MaxFor("c")));
    }

    [Fact]
    public void CiMode_StaysOneRoundForNativeCode()
    {
        var ci = RoundsPolicy.Of(Options() with { CiMode = true });

        Assert.Equal((1, 1, 1), (ci.PlannedFor("c"), ci.MaxFor("c"), ci.ValuesFor("c")));
    }
}
