namespace AstroBench.Core.Ranking;

/// <summary>How far apart two libraries' outputs are over the cases both answered: p99 and max of |primary metric| (A scored against B).</summary>
public sealed record PairDistance(string A, string B, int Cases, double P99, double Max);
