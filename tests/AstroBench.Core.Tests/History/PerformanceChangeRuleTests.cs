using AstroBench.Core.History;
using Xunit.Abstractions;

namespace AstroBench.Core.Tests.History;

public sealed class PerformanceChangeRuleTests(ITestOutputHelper output)
{
    /// <summary>The false-positive rate docs/history.md states for 60-run noise-only series at the default options.</summary>
    private const double StatedFalsePositiveRate = 0.01;

    [Fact]
    public void StepOfTenPercentAtRun30Of60_WithThreePercentNoise_IsDetectedAtRun30()
    {
        var points = SyntheticSeries.Perf(60, i => i < 30 ? 100 : 110, 0.03, seed: 7);

        var change = Assert.Single(PerformanceChangeRule.Detect(SyntheticSeries.Key, points, ChangeDetectionOptions.Default));

        Assert.Equal(points[30].RunId, change.RunId);
        Assert.Equal(points[29].RunId, change.PreviousRunId);
        Assert.Equal(DetectedChange.Regression, change.Direction);
        Assert.InRange(change.ChangePct!.Value, 5, 15);
        Assert.True(change.PValue < 0.01);
    }

    [Fact]
    public void StepDown_IsAnImprovement()
    {
        var points = SyntheticSeries.Perf(60, i => i < 30 ? 110 : 100, 0.03, seed: 8);

        var change = Assert.Single(PerformanceChangeRule.Detect(SyntheticSeries.Key, points, ChangeDetectionOptions.Default));

        Assert.Equal(points[30].RunId, change.RunId);
        Assert.Equal(DetectedChange.Improvement, change.Direction);
    }

    [Fact]
    public void ThousandNoiseOnlySeries_FalsePositiveRate_IsAtMostTheStatedRate()
    {
        var flagged = 0;
        for (var s = 0; s < 1000; s++)
        {
            var points = SyntheticSeries.Perf(60, _ => 100, 0.03, seed: 1000 + s);
            var key = SyntheticSeries.Key with { Library = "lib" + s };
            flagged += PerformanceChangeRule.Detect(key, points, ChangeDetectionOptions.Default).Count > 0 ? 1 : 0;
        }
        output.WriteLine($"noise-only series flagged: {flagged} of 1000");
        Assert.True(flagged <= StatedFalsePositiveRate * 1000, $"{flagged} of 1000 noise-only series flagged");
    }

    [Fact]
    public void InvalidOrSmokePoints_NeverTrigger()
    {
        // The step is made only of invalid (too_few_rounds) results: nothing judgeable changed.
        var invalid = SyntheticSeries.Perf(60, i => i < 30 ? 100 : 200, 0.01, seed: 9, valid: i => i < 30);
        Assert.Empty(PerformanceChangeRule.Detect(SyntheticSeries.Key, invalid, ChangeDetectionOptions.Default));

        var smoke = SyntheticSeries.Perf(60, i => i < 30 ? 100 : 200, 0.01, seed: 9).Select((p, i) => i < 30 ? p : p with { Smoke = true }).ToList();
        Assert.Empty(PerformanceChangeRule.Detect(SyntheticSeries.Key, smoke, ChangeDetectionOptions.Default));
    }

    [Fact]
    public void ShiftBelowTheMinimumEffect_IsNotAChange()
    {
        // 1 % with almost no noise: E-Divisive and Mann–Whitney both see it, the 3 % minimum effect rejects it.
        var points = SyntheticSeries.Perf(60, i => i < 30 ? 100 : 101, 0.001, seed: 10);
        Assert.Empty(PerformanceChangeRule.Detect(SyntheticSeries.Key, points, ChangeDetectionOptions.Default));
        Assert.Single(PerformanceChangeRule.Detect(SyntheticSeries.Key, points, ChangeDetectionOptions.Default with { MinRelativeEffect = 0.005 }));
    }

    [Fact]
    public void SameSeries_GivesTheSameAnswer()
    {
        var points = SyntheticSeries.Perf(60, i => i < 30 ? 100 : 110, 0.03, seed: 7);
        Assert.Equal(PerformanceChangeRule.Detect(SyntheticSeries.Key, points, ChangeDetectionOptions.Default),
            PerformanceChangeRule.Detect(SyntheticSeries.Key, points, ChangeDetectionOptions.Default));
    }
}
