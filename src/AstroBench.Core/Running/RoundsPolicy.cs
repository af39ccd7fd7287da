using AstroBench.Core.Adapters;
namespace AstroBench.Core.Running;

/// <summary>
/// How many timing rounds a library gets (docs/engine.md, "Rounds: interleaving and adaptive count"):
/// <see cref="PlannedFor"/> rounds always; then, while a library is above its target (<see cref="RoundsRule"/>: the robust
/// CV above <see cref="CvTargetPercent"/>, or for native code the median's standard error above
/// <see cref="SeTargetFor"/>), one more round at a time up to its maximum, as long as the experiment's timing budget
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

    /// <summary>
    /// Native code (C, C++): many short processes (docs/engine.md, "Many short processes for C"). A C process's sample
    /// differs from the next process's by ±5–15 % while its own values agree within a few percent, so the median's
    /// precision comes from the count of processes: the most <c>--max-perf-rounds</c> accepts; the budget usually ends them first.
    /// </summary>
    public const int DefaultMaxRoundsNative = RunLimits.MaxPerfRounds;

    /// <summary>Planned rounds for native code when <c>--perf-rounds</c> is the default: enough processes for the standard
    /// error's spread estimate (a MAD of 5 samples is too rough to stop on).</summary>
    public const int DefaultPlannedNative = 15;

    /// <summary>
    /// Native code's stop target: rounds go on while the median's relative standard error (<see cref="RoundsRule"/>) is
    /// above 1 %, so that two runs' medians (their difference has a standard error of √2 × 1 % when both met it) agree
    /// within 3 % about 97 % of the time.
    /// </summary>
    public const double DefaultSeTargetPercentNative = 1.0;

    /// <summary>Managed and interpreted runtimes (C#, Python, JavaScript, anything else): GC and JIT add noise, so more values.</summary>
    public const int DefaultMaxRoundsManaged = 25;

    /// <summary>
    /// Values per process for native code: three short ones (<see cref="NativeValueTarget"/>). The process is the unit of
    /// variance, so the time buys processes; three values, not one, so that the round's sample (their median) drops a value
    /// a preemption hit: with one 5 ms value per process, such values were whole rounds and made 40–46 of 46 results
    /// unstable under load, against 21–32 with three of 2 ms at the same cost per process (3 ms, not 2: docs/engine.md,
    /// the op counts of the 60 µs/op experiments).
    /// </summary>
    public const int DefaultValuesNative = 3;

    /// <summary>
    /// Values per process for the other runtimes (C#, Python): two (docs/engine.md, "Two values for Python and C#"). Their
    /// values are flat within a process and their processes differ more than their values do (full catalog: within-process
    /// sd 2.6–7.9 %, between-process sd 5.0–21.7 %), so with a result's median variance ≈ (σ_b² + σ_w² / V) / R a third
    /// value per process narrows its standard error by 1–2 % of itself while costing 20 ms of serial time per process
    /// (about 9 s of the full catalog). Their round's sample is then the mean of its two values.
    /// </summary>
    public const int DefaultValuesManaged = 2;

    /// <summary>
    /// Planned rounds for JavaScript when <c>--perf-rounds</c> is the default (docs/engine.md, "Fewer processes for
    /// interpreted runtimes"): fewer processes with more values each. In the full catalog V8's values within one process
    /// spread more (robust CV 34–83 %) than its processes' samples differ (20–66 %; variance components of the log values:
    /// 45–135 % within, 0–8 % between: the tiers are still compiling while it is timed), so its precision comes from the
    /// values: 3 × <see cref="DefaultValuesJavaScript"/> values cost two start-ups less per result than 5 × 5. Python's and
    /// C#'s processes differ more than their values do, so they keep more processes (<see cref="DefaultPlannedPython"/>,
    /// 5 for C#) of fewer values (<see cref="DefaultValuesManaged"/>). Never below the 3 rounds a valid result needs.
    /// </summary>
    public const int DefaultPlannedJavaScript = 3;

    /// <summary>
    /// Planned rounds for Python when <c>--perf-rounds</c> is the default (docs/engine.md, "Two values for Python and C#,
    /// four processes for Python"): a Python process costs the most to start of any runtime here (astropy's imports
    /// 0.3–0.4 s of CPU, Skyfield's 0.15 s, against 0.05 s for C#), and in the full catalog its planned rounds alone
    /// outlast the experiments' timing budget, so each of them is run time: the fifth process narrows a result's standard
    /// error by about a tenth of itself (√(5/4) ≈ 1.12) for about 16 s of the catalog's. C# keeps 5. Never below the 3
    /// rounds a valid result needs.
    /// </summary>
    public const int DefaultPlannedPython = 4;

    /// <summary>Values per process for JavaScript: about as many values per result as 5 × 5, in three processes.</summary>
    public const int DefaultValuesJavaScript = 8;

    /// <summary>One timed value lasts about this long (<see cref="PerfOps"/> rounds it to whole passes over the cases).</summary>
    public static TimeSpan ValueTarget { get; } = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// A native value lasts 3 ms (docs/engine.md, "Many short processes for C"): a C process starts in about a millisecond,
    /// so the same budget buys more fresh processes, and the median of a C library's rounds is taken over more processes
    /// and more of the moments the machine's speed moves between; interpreted runtimes keep 20 ms, their start-up is what a
    /// round costs.
    /// </summary>
    public static TimeSpan NativeValueTarget { get; } = TimeSpan.FromMilliseconds(3);

    /// <summary>The value target for <paramref name="language"/>: <see cref="NativeValueTarget"/> for C and C++ when <paramref name="target"/> is the default, else <paramref name="target"/>.</summary>
    public static TimeSpan ValueTargetFor(string language, TimeSpan target) =>
        IsNative(language) && target == ValueTarget ? NativeValueTarget : target;

    /// <summary>The largest number of rounds <paramref name="language"/> may get: the <c>--max-perf-rounds</c> given, else its language default; never below <see cref="PlannedFor"/>.</summary>
    public int MaxFor(string language) =>
        Math.Max(PlannedFor(language), MaxRounds ?? (IsNative(language) ? DefaultMaxRoundsNative : DefaultMaxRoundsManaged));

    /// <summary>The rounds <paramref name="language"/> always gets when <c>--perf-rounds</c> is the default:
    /// <see cref="DefaultPlannedNative"/> for native code (capped by a <c>--max-perf-rounds</c> given),
    /// <see cref="DefaultPlannedJavaScript"/> for JavaScript and <see cref="DefaultPlannedPython"/> for Python (unless
    /// <c>--max-perf-rounds</c> equals <c>--perf-rounds</c>: a fixed count); else (and for every language with another
    /// <c>--perf-rounds</c>) <see cref="Planned"/>.</summary>
    public int PlannedFor(string language) => Planned != RunLimits.DefaultPerfRounds ? Planned
        : IsNative(language) ? Math.Max(Planned, Math.Min(DefaultPlannedNative, MaxRounds ?? DefaultPlannedNative))
        : MaxRounds == Planned ? Planned // = --perf-rounds: a fixed count for everyone
        : language == JavaScript ? DefaultPlannedJavaScript
        : language == Python ? DefaultPlannedPython
        : Planned;

    /// <summary>The median's relative standard error target (percent) that stops <paramref name="language"/>'s rounds:
    /// <see cref="DefaultSeTargetPercentNative"/> for native code, null (the robust CV rule) for every other runtime.</summary>
    public double? SeTargetFor(string language) => IsNative(language) ? DefaultSeTargetPercentNative : null;

    /// <summary>The values one round's process of <paramref name="language"/> times (protocol 4 adapters).</summary>
    public int ValuesFor(string language) => Values
        ?? (IsNative(language) ? DefaultValuesNative : language == JavaScript ? DefaultValuesJavaScript : DefaultValuesManaged);

    /// <summary>
    /// Whether the first round of a protocol 5 adapter (<c>ops auto</c>: the process pilots itself, then times its values)
    /// counts as a sample for <paramref name="language"/>. Not for JavaScript: the pilot's ≥ 10 ms of the same loop warm V8's
    /// tiers further than a later round's warm-up does, so that round ran faster than the rest (round 1 over the later
    /// rounds' median in the quiet full catalog: ephemeris 0.56, astronomy-engine 0.84; every other runtime 0.93–1.06) and
    /// one such round among five made 9 of ephemeris' 9 results unstable. There it is the pilot only (one process instead
    /// of the 2–3 separate pilots), and every sample comes from a process warmed up the same way.
    /// </summary>
    public static bool AutoRoundIsASample(string language) => language is not JavaScript;

    private const string JavaScript = "javascript";
    private const string Python = "python";

    /// <summary>The experiment's timing budget for <paramref name="timedLibraries"/> libraries.</summary>
    public TimeSpan BudgetFor(int timedLibraries) => BudgetPerLibrary * timedLibraries;

    /// <summary>CI mode's single round (of one value) is a smoke figure: it never grows.</summary>
    public static RoundsPolicy Of(RunOptions options) => options.CiMode
        ? new RoundsPolicy(1, 1, options.PerfCvTargetPercent, TimeSpan.FromSeconds(options.PerfBudgetSeconds), 1)
        : new RoundsPolicy(options.PerfRounds, options.MaxPerfRounds, options.PerfCvTargetPercent, TimeSpan.FromSeconds(options.PerfBudgetSeconds));

    /// <summary>Native code (C, C++): the one rule for "starts in a millisecond, no JIT or GC" that timing, shards and pre-start share.</summary>
    internal static bool IsNative(string language) => language is "c" or "c++";

    /// <summary><c>ASTROBENCH_TIMING_PARTS=1</c> times every experiment in one piece, as before (diagnostics: the comparison in
    /// scripts/bench-timing.sh).</summary>
    public static bool OnePart { get; } = Environment.GetEnvironmentVariable("ASTROBENCH_TIMING_PARTS") == "1";

    /// <summary>Whether an experiment with these timed libraries is timed in two parts, other experiments' first parts between
    /// them (docs/engine.md, "Timing in two parts"): when every one of them is native code. The machine's slow spells last
    /// seconds, as long as an experiment's timing, so one experiment's rounds in one piece may all fall in one; a process
    /// of native code starts in a millisecond, so a second part costs it nothing but the part's closing probe. Interpreted
    /// runtimes' rounds are not judged by the machine anyway in the catalog, and their start-ups are what they cost.</summary>
    public static bool SplitsTiming(IReadOnlyList<AdapterInfo> timed) =>
        !OnePart && timed.Count > 0 && timed.All(a => IsNative(a.Manifest.Language));
}
