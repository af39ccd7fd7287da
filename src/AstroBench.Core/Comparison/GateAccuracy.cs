using AstroBench.Core.Results.Reading;

namespace AstroBench.Core.Comparison;

/// <summary>
/// The gate's accuracy rule: for the same dataset fingerprint, the primary metric's p99 or max moving beyond the
/// float tolerance of <see cref="GateRules"/> is a change (larger error = regression). A result that stopped
/// completing is a regression; one that started completing an improvement.
/// </summary>
internal static class GateAccuracy
{
    public static GateAccuracyRow Judge(string experiment, string library, ResultRow? a, ResultRow? b, GateRules rules)
    {
        var metric = b?.PrimaryMetric ?? a?.PrimaryMetric;
        var unit = b?.Unit ?? a?.Unit;
        GateAccuracyRow Row(string verdict, string? note) =>
            new(experiment, library, metric, unit, a?.P99, b?.P99, a?.Max, b?.Max, verdict, note);
        if (a is null || b is null)
        {
            return Row(a is null ? GateVerdicts.New : GateVerdicts.Missing, null);
        }
        var doneA = a.Outcome == RunComparer.Completed;
        var doneB = b.Outcome == RunComparer.Completed;
        if (doneA != doneB)
        {
            return Row(doneA ? GateVerdicts.Regression : GateVerdicts.Improvement, $"outcome {a.Outcome ?? "?"} → {b.Outcome ?? "?"}");
        }
        if (!doneA || a.P99 is not { } p99A || b.P99 is not { } p99B || a.PrimaryMetric != b.PrimaryMetric)
        {
            return Row(GateVerdicts.NotCompared, !doneA ? $"outcome {a.Outcome ?? "?"}" : "no comparable primary metric");
        }
        var p99 = ErrorChange.Of(p99A, p99B, rules.AccuracyRelativeTolerance, rules.AccuracyAbsoluteTolerance);
        var max = a.Max is { } maxA && b.Max is { } maxB
            ? ErrorChange.Of(maxA, maxB, rules.AccuracyRelativeTolerance, rules.AccuracyAbsoluteTolerance)
            : 0;
        return p99 > 0 || max > 0 ? Row(GateVerdicts.Regression, p99 > 0 ? "p99 error grew" : "max error grew")
            : p99 < 0 || max < 0 ? Row(GateVerdicts.Improvement, p99 < 0 ? "p99 error shrank" : "max error shrank")
            : Row(GateVerdicts.Unchanged, null);
    }
}
