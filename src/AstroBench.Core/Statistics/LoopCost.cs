using AstroBench.Core.Protocol;

namespace AstroBench.Core.Statistics;

/// <summary>
/// The adapter's own timed loop over a result's rounds (docs/engine.md, "Empty-loop cost, warm-up and equal work"):
/// the empty-loop cost subtracted from every round's per-op figure, the raw figures before the subtraction, and the
/// warm-up the adapter actually ran.
/// </summary>
/// <param name="EmptyLoopNsPerOp">Median over the rounds of the empty-loop cost per op; null when the adapter does not
/// report it (protocol &lt; 3): then nothing was subtracted and <paramref name="Note"/> says so.</param>
/// <param name="RawMedianNs">Median of the raw per-op figures (loop overhead included).</param>
/// <param name="Warmup"><c>auto</c> (steady-state warm-up, protocol 3) or <c>fixed</c> (10 % of the ops, untimed).</param>
/// <param name="WarmupOps">Warm-up ops each round ran, as the adapter reports them; null when it does not.</param>
/// <param name="WarmupSteadyRounds">Rounds whose warm-up met the steady-state rule; null unless <c>auto</c>.</param>
public sealed record LoopCost(
    double? EmptyLoopNsPerOp,
    IReadOnlyList<double>? EmptyLoopSamplesNs,
    bool Subtracted,
    double RawMedianNs,
    IReadOnlyList<double> RawSamplesNs,
    string Warmup,
    IReadOnlyList<long>? WarmupOps,
    int? WarmupSteadyRounds,
    string? Note)
{
    public const string WarmupAuto = "auto";
    public const string WarmupFixed = "fixed";
    public const string UnknownNote = "loop cost unknown: the adapter does not report empty_loop_ns_per_op (protocol < 3); per-op figures include its loop overhead";

    public static LoopCost From(IReadOnlyList<PerfMeasurement> rounds, bool warmupAuto)
    {
        var raw = rounds.Select(r => r.RawRoundNsPerOp).ToArray();
        var known = rounds.All(r => r.EmptyLoopNsPerOp is not null);
        var empty = known ? rounds.Select(r => r.EmptyLoopNsPerOp!.Value).ToArray() : null;
        var warmupOps = rounds.All(r => r.WarmupOps is not null) ? rounds.Select(r => r.WarmupOps!.Value).ToArray() : null;
        int? steady = warmupAuto ? rounds.Count(r => r.WarmupSteady == true) : null;
        return new LoopCost(empty is null ? null : MedianOf(empty), empty, known, MedianOf(raw), raw,
            warmupAuto ? WarmupAuto : WarmupFixed, warmupOps, steady, known ? null : UnknownNote);
    }

    private static double MedianOf(double[] values)
    {
        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        return Percentiles.OfSorted(sorted, 0.5);
    }
}
