namespace AstroBench.Core.Running;

/// <summary>
/// How many timing rounds a library gets (docs/engine.md, "Rounds: interleaving and adaptive count"):
/// <see cref="Planned"/> rounds always; then, while a library's robust CV (<see cref="RoundsRule"/>) is above
/// <see cref="CvTargetPercent"/>, one more round at a time up to its maximum, as long as the experiment's timing budget
/// (<see cref="BudgetPerLibrary"/> × its timed libraries, pooled) is not spent. One round is one fresh process giving
/// <see cref="ValuesFor"/> values (protocol 4 adapters; one value from older ones), whose median is the round's sample.
/// </summary>
public sealed record RoundsPolicy(int Planned, int? MaxRounds, double CvTargetPercent, TimeSpan BudgetPerLibrary, int? Values = null)
{
    public const double DefaultCvTargetPercent = 3.0;
    public const double MinCvTargetPercent = 0.1;
    public const double MaxCvTargetPercent = 100.0;

    public const double DefaultBudgetSecondsPerLibrary = 0.5;
    public const double MaxBudgetSecondsPerLibrary = 3600.0;

    /// <summary>Native code (C, C++): little run-to-run noise beyond the machine's own.</summary>
    public const int DefaultMaxRoundsNative = 15;

    /// <summary>Managed and interpreted runtimes (C#, Python, JavaScript, anything else): GC and JIT add noise, so more values.</summary>
    public const int DefaultMaxRoundsManaged = 25;

    /// <summary>Values per process for native code: a process is cheap to start, so fresh processes carry most of the values.</summary>
    public const int DefaultValuesNative = 3;

    /// <summary>Values per process for the other runtimes: an interpreter's start-up costs more than several values.</summary>
    public const int DefaultValuesManaged = 5;

    /// <summary>One timed value lasts about this long (<see cref="PerfOps"/> rounds it to whole passes over the cases).</summary>
    public static TimeSpan ValueTarget { get; } = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// A native value is half as long (docs/engine.md, "Shorter values for C"): a C process starts in about a millisecond, so
    /// the same budget buys twice the fresh processes, and the median of a C library's rounds is taken over more of the
    /// moments the machine's speed moves between; interpreted runtimes keep 20 ms, their start-up is what a round costs.
    /// </summary>
    public static TimeSpan NativeValueTarget { get; } = TimeSpan.FromMilliseconds(10);

    /// <summary>The value target for <paramref name="language"/>: <see cref="NativeValueTarget"/> for C and C++ when <paramref name="target"/> is the default, else <paramref name="target"/>.</summary>
    public static TimeSpan ValueTargetFor(string language, TimeSpan target) =>
        IsNative(language) && target == ValueTarget ? NativeValueTarget : target;

    /// <summary>The largest number of rounds <paramref name="language"/> may get: the <c>--max-perf-rounds</c> given, else its language default; never below <see cref="Planned"/>.</summary>
    public int MaxFor(string language) =>
        Math.Max(Planned, MaxRounds ?? (IsNative(language) ? DefaultMaxRoundsNative : DefaultMaxRoundsManaged));

    /// <summary>The values one round's process of <paramref name="language"/> times (protocol 4 adapters).</summary>
    public int ValuesFor(string language) => Values ?? (IsNative(language) ? DefaultValuesNative : DefaultValuesManaged);

    /// <summary>
    /// Whether the first round of a protocol 5 adapter (<c>ops auto</c>: the process pilots itself, then times its values)
    /// counts as a sample for <paramref name="language"/>. Not for JavaScript: the pilot's ≥ 10 ms of the same loop warm V8's
    /// tiers further than a later round's warm-up does, so that round ran faster than the rest (round 1 over the later
    /// rounds' median in the quiet full catalog: ephemeris 0.56, astronomy-engine 0.84; every other runtime 0.93–1.06) and
    /// one such round among five made 9 of ephemeris' 9 results unstable. There it is the pilot only (one process instead
    /// of the 2–3 separate pilots), and every sample comes from a process warmed up the same way.
    /// </summary>
    public static bool AutoRoundIsASample(string language) => language is not "javascript";

    /// <summary>The experiment's timing budget for <paramref name="timedLibraries"/> libraries.</summary>
    public TimeSpan BudgetFor(int timedLibraries) => BudgetPerLibrary * timedLibraries;

    /// <summary>CI mode's single round (of one value) is a smoke figure: it never grows.</summary>
    public static RoundsPolicy Of(RunOptions options) => options.CiMode
        ? new RoundsPolicy(1, 1, options.PerfCvTargetPercent, TimeSpan.FromSeconds(options.PerfBudgetSeconds), 1)
        : new RoundsPolicy(options.PerfRounds, options.MaxPerfRounds, options.PerfCvTargetPercent, TimeSpan.FromSeconds(options.PerfBudgetSeconds));

    private static bool IsNative(string language) => language is "c" or "c++";
}
