namespace AstroBench.Adapters.ErfaDotnet;

/// <summary>
/// The ops of one timed value for <c>ops auto</c> (protocol 5; docs/engine.md): the orchestrator's PerfOps rule, in IEEE-exact
/// operations only (as adapters/common/abp.c), so that the orchestrator's check of the answer gets the same count.
/// </summary>
internal static class ValueRule
{
    public const long MaxOps = 2_000_000_000;

    private static readonly double[] Grid = [1, 2, 5, 10];

    /// <summary>Whole passes over the cases when a pass fits the target, else the 1-2-5 grid count nearest in ratio (a prefix).</summary>
    public static long OpsFor(double nsPerOp, int cases, long targetNs)
    {
        var perOp = Math.Max(nsPerOp, 1e-3);
        var passNs = perOp * cases;
        if (passNs <= targetNs)
        {
            var x = targetNs / passNs;
            var passes = Math.Floor(x);
            if (x - passes >= 0.5)
            {
                passes += 1;
            }
            return (long)Math.Min(MaxOps / cases * (double)cases, Math.Max(1, passes) * cases);
        }
        return Math.Clamp(NearestOnGrid(targetNs / perOp), 1, cases);
    }

    private static long NearestOnGrid(double ops)
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
            if (Ratio(ops, m * decade) <= Ratio(ops, best))
            {
                best = m * decade;
            }
        }
        return (long)best;
    }

    private static double Ratio(double a, double b) => a >= b ? a / b : b / a;
}
