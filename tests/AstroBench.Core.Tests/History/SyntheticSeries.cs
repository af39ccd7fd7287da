using AstroBench.Core.History;
using AstroBench.Core.Inputs;

namespace AstroBench.Core.Tests.History;

/// <summary>Performance series with seeded Gaussian noise: run-to-run noise on the level, five round samples around each run's median.</summary>
internal static class SyntheticSeries
{
    public static readonly SeriesKey Key = new("0123456789abcdef", "gmst_era", "libnova", SeriesKey.PerformanceMetric);

    /// <param name="level">ns/op of run i before noise.</param>
    public static List<SeriesPoint> Perf(int runs, Func<int, double> level, double noise, long seed, Func<int, bool>? valid = null)
    {
        var random = new SeededRandom(seed);
        var points = new List<SeriesPoint>();
        for (var i = 0; i < runs; i++)
        {
            var median = level(i) * (1 + noise * Gaussian(random));
            var samples = Enumerable.Range(0, 5).Select(_ => median * (1 + 0.005 * Gaussian(random))).ToList();
            var ok = valid?.Invoke(i) ?? true;
            var perf = new PerfFigures(median, samples.Min(), samples.Max(), 0.9375, 0.5, ok, ok ? null : "too_few_rounds: 1 round", 5, samples);
            points.Add(new SeriesPoint(SyntheticRunsId(i), null, null, "1.0", "1.0", "sha256:x", "completed", false, median, null, perf));
        }
        return points;
    }

    private static string SyntheticRunsId(int i) => AstroBench.Tests.Shared.SyntheticRuns.Id(i);

    /// <summary>Box–Muller from the frozen generator.</summary>
    public static double Gaussian(SeededRandom random)
    {
        var u1 = 1 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
