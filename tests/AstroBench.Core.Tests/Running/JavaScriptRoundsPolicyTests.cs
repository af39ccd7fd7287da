using AstroBench.Core.Running;
using AstroBench.Core.Statistics;

namespace AstroBench.Core.Tests.Running;

/// <summary>The interpreted runtimes' defaults (docs/engine.md, "Fewer processes for interpreted runtimes"): JavaScript 3 processes × 8 values, Python 4 × 2, C# 5 × 2.</summary>
public sealed class JavaScriptRoundsPolicyTests
{
    private static RunOptions Options() => new() { Experiments = ["all"], ResultsDir = "/tmp/r", AdapterDirs = [] };

    [Fact]
    public void Default_IsThreeProcessesOfEightValues_NeverBelowTheRoundsAValidResultNeeds()
    {
        var policy = RoundsPolicy.Of(Options());

        Assert.Equal((3, 8), (policy.PlannedFor("javascript"), policy.ValuesFor("javascript")));
        Assert.True(policy.PlannedFor("javascript") >= PerformanceSummary.MinRounds);
        Assert.Equal(RoundsPolicy.DefaultMaxRoundsManaged, policy.MaxFor("javascript")); // the adaptive rule may still add rounds
    }

    [Fact]
    public void Python_GetsFourProcesses_CSharpFive_BothOfTwoValues()
    {
        var policy = RoundsPolicy.Of(Options());

        // docs/engine.md, "Two values for Python and C#" (their processes differ more than their values do) and "Four
        // processes for Python" (its start-up is the costliest).
        Assert.Equal((4, 2), (policy.PlannedFor("python"), policy.ValuesFor("python")));
        Assert.Equal((5, 2), (policy.PlannedFor("csharp"), policy.ValuesFor("csharp")));
        Assert.True(policy.PlannedFor("python") >= PerformanceSummary.MinRounds);
        Assert.Equal(RoundsPolicy.DefaultMaxRoundsManaged, policy.MaxFor("python"));
    }

    [Fact]
    public void AnotherPerfRounds_OrAFixedCount_AppliesToPythonAsGiven()
    {
        Assert.Equal(7, RoundsPolicy.Of(Options() with { PerfRounds = 7 }).PlannedFor("python"));
        var fixedCount = RoundsPolicy.Of(Options() with { MaxPerfRounds = RunLimits.DefaultPerfRounds });
        Assert.Equal((5, 5), (fixedCount.PlannedFor("python"), fixedCount.MaxFor("python")));
    }

    [Fact]
    public void AnotherPerfRounds_AppliesToJavaScriptAsGiven_WithItsEightValues()
    {
        var policy = RoundsPolicy.Of(Options() with { PerfRounds = 7 });

        Assert.Equal((7, 8), (policy.PlannedFor("javascript"), policy.ValuesFor("javascript")));
    }

    [Fact]
    public void MaxPerfRoundsEqualToPerfRounds_StillFixesTheCount_AndALargerOneOnlyRaisesTheMaximum()
    {
        var fixedCount = RoundsPolicy.Of(Options() with { MaxPerfRounds = RunLimits.DefaultPerfRounds });
        var raised = RoundsPolicy.Of(Options() with { MaxPerfRounds = 10 });

        Assert.Equal((5, 5), (fixedCount.PlannedFor("javascript"), fixedCount.MaxFor("javascript")));
        Assert.Equal((3, 10), (raised.PlannedFor("javascript"), raised.MaxFor("javascript")));
    }

    [Fact]
    public void CiMode_StaysOneRoundOfOneValue()
    {
        var ci = RoundsPolicy.Of(Options() with { CiMode = true });

        Assert.Equal((1, 1, 1), (ci.PlannedFor("javascript"), ci.MaxFor("javascript"), ci.ValuesFor("javascript")));
    }
}
