using AstroBench.Core.Statistics;

namespace AstroBench.Core.Tests.Statistics;

/// <summary>invalid_reason lands in result files: under de-DE it must still read 0.5, never 0,5.</summary>
public sealed class PerformanceSummaryCultureTests
{
    [Theory]
    [InlineData("de-DE")]
    [InlineData("fr-FR")]
    public void InvalidReason_IsInvariant(string culture)
    {
        using var _ = new CultureScope(culture);

        var belowResolution = PerformanceSummary.From([0.5, 0.5, 0.5], 1_000_000_000, clockResNs: 1.5);
        var unstable = PerformanceSummary.From([10.0, 20.0, 31.0], 10_000_000, 1);
        var tooShort = PerformanceSummary.From([50.5, 50.5, 50.5], opsPerRound: 10, clockResNs: 1.25);

        Assert.Equal("median 0.5 ns/op is below the timer resolution (1.5 ns) or 1 ns", belowResolution.InvalidReason);
        Assert.Equal("unstable: CV 51.7 % > 20 %", unstable.InvalidReason);
        Assert.Equal("round shorter than 1000 clock ticks (505 ns, resolution 1.25 ns)", tooShort.InvalidReason);
    }
}
