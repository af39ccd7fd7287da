namespace AstroBench.Core.Statistics;

/// <summary>
/// How the machine-probe judged a native library's rounds (docs/engine.md, "Contended cycles"; docs/run-folder.md,
/// <c>performance.contention</c>).
/// </summary>
/// <param name="ThresholdPercent">A probe sample this far above the run's uncontended level was contended.</param>
/// <param name="LevelNs">The run's uncontended probe level (ns/op) when the experiment's timing ended; null while the run had too few samples.</param>
/// <param name="JudgedRounds">Rounds (kept or discarded) the library took in cycles of native libraries only, the cycles the probe judges.</param>
/// <param name="DiscardedRounds">Rounds taken while the machine was contended and taken again; not in the samples.</param>
/// <param name="DiscardedSamplesNs">Those rounds' samples (ns/op, empty-loop cost subtracted), in the order they were discarded.</param>
/// <param name="ContendedRounds">Rounds that stood although the probe said contended: the experiment's waiting or discarding limit was reached.</param>
/// <param name="GateWaits">Probes the experiment took again before a cycle because the machine was contended (the same for every judged library of the experiment).</param>
/// <param name="JudgedValues">Values judged by the probe chunks inside their own process (protocol 7; docs/engine.md, "Contended values"); 0 without them.</param>
/// <param name="ContendedValues">Of those, the values left out of their round's sample: a probe chunk beside them said contended.</param>
/// <param name="ValueLevelNs">The run's uncontended level of the in-process probe chunks (ns/op) when the experiment's timing ended; null without them.</param>
/// <param name="ContendedSamplesNs">The samples of the <paramref name="ContendedRounds"/>, in round order (docs/engine.md, "Contended rounds left out"); null in older results.</param>
/// <param name="ContendedLeftOut">Whether those rounds are left out of <c>samples_ns</c> and every statistic (at least 3 rounds were uncontended);
/// false: they are in, and with any of them the result is flagged <c>contended</c>.</param>
/// <param name="RememberedLevelNs">The probe level an earlier run of this machine saw, which the gate judged by too (docs/engine.md, "Remembered levels"); null: none.</param>
/// <param name="RememberedValueLevelNs">The same for the probe chunks; null: none.</param>
public sealed record RoundsContention(
    double ThresholdPercent,
    double? LevelNs,
    int JudgedRounds,
    int DiscardedRounds,
    IReadOnlyList<double> DiscardedSamplesNs,
    int ContendedRounds,
    int GateWaits,
    int JudgedValues = 0,
    int ContendedValues = 0,
    double? ValueLevelNs = null,
    IReadOnlyList<double>? ContendedSamplesNs = null,
    bool ContendedLeftOut = false,
    double? RememberedLevelNs = null,
    double? RememberedValueLevelNs = null);
