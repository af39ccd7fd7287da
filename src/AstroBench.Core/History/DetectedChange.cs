namespace AstroBench.Core.History;

/// <summary>
/// A change found in a series: at <see cref="RunId"/> (the first run with the new value; <see cref="PreviousRunId"/> is
/// the last before it), from <see cref="Before"/> to <see cref="After"/> in <see cref="Unit"/>. <see cref="PValue"/> is the
/// Mann–Whitney p-value (performance only); <see cref="Detail"/> says what changed.
/// </summary>
public sealed record DetectedChange(
    string Kind,
    string Direction,
    SeriesKey Key,
    string? Unit,
    string RunId,
    string? PreviousRunId,
    double? Before,
    double? After,
    double? ChangePct,
    double? PValue,
    string Detail)
{
    public const string Accuracy = "accuracy";
    public const string Performance = "performance";
    public const string Regression = "regression";
    public const string Improvement = "improvement";

    internal static double? Pct(double? before, double? after) =>
        before is { } b && after is { } a && b != 0 ? (a - b) / Math.Abs(b) * 100 : null;
}
