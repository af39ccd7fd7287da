using System.Text.Json;
using AstroBench.Core.Results;
using AstroBench.Core.Results.Model;

namespace AstroBench.Core.Tests.Results;

public sealed class ResultJsonCultureTests
{
    [Theory]
    [InlineData("de-DE")]
    [InlineData("fr-FR")]
    [InlineData("en-US")]
    public void NumbersUseInvariantFormat_UnderAnyCulture(string culture)
    {
        using var _ = new CultureScope(culture);
        var stats = new MetricStats("mas", true, 3, 0, 0.5, 1.25, 0.75, 0.8, 0.6, 1.1, 1.2, 1.24, -0.125, null, null, null, false);
        var json = JsonSerializer.Serialize(stats, ResultJson.Options);
        var md = SummaryMarkdown.Num(1.25);

        Assert.Contains("\"max\": 1.25", json, StringComparison.Ordinal);
        Assert.Contains("\"bias\": -0.125", json, StringComparison.Ordinal);
        Assert.Equal("1.25", md);
    }

    [Fact]
    public void NonFiniteNumbers_BecomeNull_AndReadBackAsNaN()
    {
        var stats = new MetricStats("mas", false, 0, 5, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN,
            double.NaN, double.NaN, double.PositiveInfinity, null, null, null, null, false);

        var json = JsonSerializer.Serialize(stats, ResultJson.Options);
        var back = JsonSerializer.Deserialize<MetricStats>(json, ResultJson.Options)!;

        Assert.Contains("\"p99\": null", json, StringComparison.Ordinal);
        Assert.True(double.IsNaN(back.P50));
    }
}
