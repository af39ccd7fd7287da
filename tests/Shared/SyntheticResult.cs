namespace AstroBench.Tests.Shared;

/// <summary>One library result of a synthetic run folder: an accuracy metric (statistics given) and, when <see cref="MedianNs"/> is set, a perf block.</summary>
internal sealed record SyntheticResult(string Experiment, string Library)
{
    public string Role { get; init; } = "candidate";
    public string Fingerprint { get; init; } = "sha256:0011223344556677";
    public string Metric { get; init; } = "error_arcsec";
    public double Mean { get; init; } = 0.01;
    public double Max { get; init; } = 0.1;
    public double P99 { get; init; } = 0.09;
    public double P50 { get; init; } = 0.008;
    public double Rms { get; init; } = 0.02;
    public double? MedianNs { get; init; }
    public IReadOnlyList<double> SamplesNs { get; init; } = [];
    public bool PerfValid { get; init; } = true;
    public string? InvalidReason { get; init; }
}
