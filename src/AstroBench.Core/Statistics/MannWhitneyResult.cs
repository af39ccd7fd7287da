namespace AstroBench.Core.Statistics;

/// <summary>U of the first sample, the two-sided p-value, and P(X &gt; Y) + ½P(X = Y) (0.5 = no shift).</summary>
public sealed record MannWhitneyResult(double U, double PValue, double ProbabilityXGreater);
