namespace AstroBench.Core.History;

/// <summary>A result's performance block as indexed: median, interval, validity and the per-round medians (ns/op).</summary>
public sealed record PerfFigures(
    double? MedianNs,
    double? CiLowNs,
    double? CiHighNs,
    double? CiLevel,
    double? CvPercent,
    bool Valid,
    string? InvalidReason,
    int? Rounds,
    IReadOnlyList<double> SamplesNs);
