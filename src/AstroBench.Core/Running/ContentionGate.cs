using AstroBench.Core.Statistics;

namespace AstroBench.Core.Running;

/// <summary>
/// Which of a run's machine-probe samples say the machine was contended (docs/engine.md, "Contended cycles"). On a virtual
/// machine whose physical cores are shared, throughput-bound floating-point code (the probe's kernel 2, and the C
/// libraries' own rounds) runs 1.4–1.6 times slower for tenths of a second to seconds at a time; a round timed then is a
/// figure of the neighbours, and the share of such rounds moved whole runs' medians by ±10 %. The run's uncontended level
/// is the 5th percentile of its recent probe samples (the machine can spend most of a run contended: a higher percentile
/// then lands on the contended level); a sample more than <see cref="ThresholdPercent"/> above it is contended. One gate
/// per run: its level is the machine's, not an experiment's.
/// </summary>
public sealed class ContentionGate
{
    /// <summary>Above the level by more than this (percent), a sample is contended: uncontended probe samples lie within
    /// about ±5 % of their median on a quiet machine, contended ones 40–60 % above it.</summary>
    public const double ThresholdPercent = 12.0;

    /// <summary>Until the run has this many samples there is no level, and no sample is contended: a level from fewer
    /// would be the first cycles' state, whatever it was.</summary>
    public const int MinSamples = 8;

    /// <summary>The level follows the last this many samples, so that a machine whose uncontended speed moves slowly
    /// (over minutes of a catalog run) is judged against its state of the moment.</summary>
    public const int Window = 512;

    /// <summary>The level's percentile of the window: low, since a probe sample is never faster than the machine but often
    /// slower; not the minimum, so that one sample does not set it.</summary>
    public const double LevelPercentile = 0.05;

    /// <summary><c>ASTROBENCH_CONTENTION=0</c> keeps every round as before (diagnostics: the comparison in
    /// scripts/bench-timing.sh); the samples are still recorded.</summary>
    public static bool Disabled { get; } = Environment.GetEnvironmentVariable("ASTROBENCH_CONTENTION") == "0";

    private readonly Queue<double> recent = new();

    /// <summary>The uncontended level (ns/op) the gate judges by: the lower of <see cref="OwnLevel"/> and
    /// <see cref="RememberedLevel"/>, either alone when the other is null; null while it has neither.</summary>
    public double? Level { get; private set; }

    /// <summary>The level of the run's own samples so far, or null while there are fewer than <see cref="MinSamples"/>.</summary>
    public double? OwnLevel { get; private set; }

    /// <summary>A level an earlier run of this machine saw (docs/engine.md, "Remembered levels"): a run contended from its
    /// first sample has no uncontended sample of its own to set the level by, and would judge its first experiments
    /// against the contended level. Null: none.</summary>
    public double? RememberedLevel { get; private set; }

    /// <summary>Adds a probe sample of the run; the level then includes it.</summary>
    public void Observe(double sampleNs)
    {
        recent.Enqueue(sampleNs);
        if (recent.Count > Window)
        {
            recent.Dequeue();
        }
        OwnLevel = recent.Count >= MinSamples ? Percentiles.OfSorted(recent.Order().ToArray(), LevelPercentile) : null;
        Level = Lower(OwnLevel, RememberedLevel);
    }

    /// <summary>Judges by <paramref name="levelNs"/> too, from now on, until the run's own level is lower.</summary>
    public void Remember(double levelNs)
    {
        if (!(levelNs > 0) || double.IsInfinity(levelNs))
        {
            throw new ArgumentOutOfRangeException(nameof(levelNs), levelNs, "a remembered level is a positive ns/op figure");
        }
        RememberedLevel = levelNs;
        Level = Lower(OwnLevel, RememberedLevel);
    }

    private static double? Lower(double? a, double? b) => a is { } x && b is { } y ? Math.Min(x, y) : a ?? b;

    /// <summary>Whether <paramref name="sampleNs"/> says the machine was contended; false while there is no level.</summary>
    public bool IsContended(double sampleNs) => Level is { } level && IsAbove(sampleNs, level);

    /// <summary>Whether <paramref name="sampleNs"/> is more than <see cref="ThresholdPercent"/> above <paramref name="levelNs"/>:
    /// the one definition of "contended", for a sample against the gate's level and for a run's level against a remembered one.</summary>
    public static bool IsAbove(double sampleNs, double levelNs) => sampleNs > levelNs * (1 + ThresholdPercent / 100.0);

    /// <summary>How far above the level <paramref name="sampleNs"/> is, in percent; null while there is no level.</summary>
    public double? AbovePercent(double sampleNs) => Level is { } level ? (sampleNs / level - 1) * 100.0 : null;
}
