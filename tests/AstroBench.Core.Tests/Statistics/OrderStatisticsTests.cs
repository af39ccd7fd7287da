using AstroBench.Core.Inputs;
using AstroBench.Core.Statistics;

namespace AstroBench.Core.Tests.Statistics;

public sealed class OrderStatisticsTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(0.025)]
    [InlineData(0.5)]
    [InlineData(0.975)]
    [InlineData(1.0)]
    public void Percentile_IsBitForBit_ThatOfTheSortedData(double p)
    {
        var random = new SeededRandom(5);
        for (var n = 1; n <= 60; n++)
        {
            for (var trial = 0; trial < 30; trial++)
            {
                // Continuous, heavily tied, sorted, reversed, with infinities, with a NaN.
                var values = Enumerable.Range(0, n).Select(i => trial switch
                {
                    0 => i,
                    1 => n - i,
                    _ when trial % 3 == 0 => Math.Floor(random.NextDouble() * 3),
                    _ => random.NextDouble(),
                }).ToArray();
                if (trial == 7)
                {
                    values[0] = double.PositiveInfinity;
                    values[^1] = double.NegativeInfinity;
                }
                if (trial == 8)
                {
                    values[n / 2] = double.NaN;
                }
                var sorted = values.ToArray();
                Array.Sort(sorted);

                Assert.Equal(Percentiles.OfSorted(sorted, p), OrderStatistics.Percentile(values, p));
            }
        }
    }

    [Fact]
    public void Percentile_OfNothing_IsNaN() => Assert.True(double.IsNaN(OrderStatistics.Percentile([], 0.5)));
}
