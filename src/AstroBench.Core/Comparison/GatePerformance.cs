using AstroBench.Core.Results.Reading;
using AstroBench.Core.Statistics;

namespace AstroBench.Core.Comparison;

/// <summary>
/// The gate's performance rule: only two valid results with at least <see cref="GateRules.PerfMinRounds"/> raw rounds
/// each are compared (a <c>too_few_rounds</c> smoke figure or an unstable result never is). Speedup = baseline median /
/// candidate median with the bootstrap interval of <see cref="SpeedupBootstrap"/>; a regression when the whole interval
/// lies below 1 and the point estimate is slower by at least <see cref="GateRules.PerfMinEffect"/>; an improvement
/// symmetrically; anything else is unchanged.
/// </summary>
internal static class GatePerformance
{
    /// <summary>Null when neither side measured performance (an accuracy-only run): no row at all.</summary>
    public static GatePerfRow? Judge(string experiment, string library, ResultRow? a, ResultRow? b, GateRules rules)
    {
        if (a?.PerfValid is null && b?.PerfValid is null)
        {
            return null;
        }
        GatePerfRow Row(string verdict, string? note, SpeedupBootstrap.Estimate? e = null) =>
            new(experiment, library, a?.MedianNs, b?.MedianNs, e?.Ratio, e?.CiLow, e?.CiHigh, verdict, note);
        if (a is null || b is null)
        {
            return Row(a is null ? GateVerdicts.New : GateVerdicts.Missing, null);
        }
        if (Unusable(a, rules) is { } whyA)
        {
            return Row(GateVerdicts.NotCompared, "baseline " + whyA);
        }
        if (Unusable(b, rules) is { } whyB)
        {
            return Row(GateVerdicts.NotCompared, "candidate " + whyB);
        }
        var e = SpeedupBootstrap.Compute(a.SamplesNs!, b.SamplesNs!);
        var slower = e.CiHigh < 1.0 && e.Ratio <= 1.0 / (1.0 + rules.PerfMinEffect);
        var faster = e.CiLow > 1.0 && e.Ratio >= 1.0 + rules.PerfMinEffect;
        return slower ? Row(GateVerdicts.Regression, null, e)
            : faster ? Row(GateVerdicts.Improvement, null, e)
            : Row(GateVerdicts.Unchanged, null, e);
    }

    private static string? Unusable(ResultRow r, GateRules rules) =>
        r.PerfValid != true ? "invalid: " + (r.PerfInvalidReason ?? "no valid performance figure")
        : r.SamplesNs is not { } s || s.Count < rules.PerfMinRounds ? $"has fewer than {rules.PerfMinRounds} raw rounds"
        : s.Any(x => x <= 0) ? "has a non-positive sample"
        : null;
}
