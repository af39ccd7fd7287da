namespace AstroBench.Core.Running;

/// <summary>
/// The ops of one timed value (docs/engine.md, "Rounds: interleaving and adaptive count"), from the pilot's ns/op: a
/// fixed unit of work, so that two runs whose pilots differ by a few percent time the same cases. When a whole pass over
/// the request's cases fits the value target, a whole number of passes (every case equally often); otherwise the nearest
/// count on the 1-2-5 grid (1, 2, 5, 10, 20, 50, …; a prefix of the cases, the same prefix whatever the pilot said
/// within a factor of about 1.6).
/// </summary>
public static class PerfOps
{
    public const long MaxOps = 2_000_000_000;

    private static readonly double[] Grid = [1, 2, 5, 10];

    public static long ForValue(double nsPerOp, int cases, TimeSpan valueTarget) => ForValue(nsPerOp, cases, valueTarget.TotalNanoseconds);

    /// <summary>The same with the target in ns. Only IEEE-exact operations (no logarithms), so that the adapters of protocol
    /// 5, which apply this rule themselves (<c>ops auto</c>), get the same count in every language.</summary>
    public static long ForValue(double nsPerOp, int cases, double target)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cases, 1);
        var perOp = Math.Max(nsPerOp, 1e-3);
        var passNs = perOp * cases;
        if (passNs <= target)
        {
            var passes = Math.Max(1.0, Math.Round(target / passNs, MidpointRounding.AwayFromZero));
            return (long)Math.Min(MaxOps / cases * (double)cases, passes * cases);
        }
        return Math.Clamp(NearestOnGrid(target / perOp), 1, cases);
    }

    /// <summary>The 1-2-5 grid value nearest to <paramref name="ops"/> in ratio (ties go up); at least 1.</summary>
    internal static long NearestOnGrid(double ops)
    {
        if (!(ops > 1))
        {
            return 1;
        }
        var decade = 1.0;
        while (decade * 10 <= ops)
        {
            decade *= 10;
        }
        var best = decade;
        foreach (var m in Grid)
        {
            var candidate = m * decade;
            if (Ratio(ops, candidate) <= Ratio(ops, best))
            {
                best = candidate;
            }
        }
        return (long)best;
    }

    // How far apart two positive counts are, as a ratio ≥ 1 (|log(a / b)| without the logarithm).
    private static double Ratio(double a, double b) => a >= b ? a / b : b / a;
}
