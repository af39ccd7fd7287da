namespace AstroBench.Core.Comparison;

/// <summary>
/// One performance result of the gate. <see cref="Speedup"/> is baseline median / candidate median (below 1: the
/// candidate is slower), with its bootstrap interval; null when the pair was not compared (<see cref="Note"/> says why).
/// </summary>
public sealed record GatePerfRow(string Experiment, string Library, double? MedianNsBaseline, double? MedianNsCandidate,
    double? Speedup, double? SpeedupCiLow, double? SpeedupCiHigh, string Verdict, string? Note);
