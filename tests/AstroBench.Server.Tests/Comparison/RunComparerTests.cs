using AstroBench.Core.Results.Reading;
using AstroBench.Core.Comparison;

namespace AstroBench.Server.Tests.Comparison;

public sealed class RunComparerTests
{
    private static ResultRow Row(double medianNs, bool valid, string? reason = null) =>
        new("gmst_era", "libnova", "candidate", "model-mismatch", "m", "completed", "gmst_error_arcsec", "arcsec",
            0.01, 0.09, 0.1, medianNs, medianNs * 0.99, medianNs * 1.01, 1.0, valid, reason, null, "sha256:0");

    [Fact]
    public void Performance_IsNotComparable_WhenTheCandidateIsASmokeFigure()
    {
        var d = RunComparer.Performance("gmst_era", "libnova", Row(40, valid: true), Row(80, valid: false, "too_few_rounds: 1 round"));

        Assert.Equal("not_comparable", d.Verdict);
        Assert.Null(d.ChangePercent);
    }

    [Fact]
    public void Performance_IsNotComparable_WhenTheBaselineIsASmokeFigure()
    {
        var d = RunComparer.Performance("gmst_era", "libnova", Row(80, valid: false, "too_few_rounds: 1 round"), Row(40, valid: true));

        Assert.Equal("not_comparable", d.Verdict);
    }

    [Fact]
    public void Performance_HasAVerdict_BetweenTwoValidResults()
    {
        var d = RunComparer.Performance("gmst_era", "libnova", Row(40, valid: true), Row(80, valid: true));

        Assert.Equal("regressed", d.Verdict);
    }
}
