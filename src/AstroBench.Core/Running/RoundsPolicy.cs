namespace AstroBench.Core.Running;

/// <summary>
/// How many timing rounds a library gets (docs/engine.md, "Rounds: interleaving and adaptive count"):
/// <see cref="Planned"/> rounds always; then, while a library's CV is above <see cref="CvTargetPercent"/>, one more
/// round at a time up to its maximum, as long as the experiment's timing budget (<see cref="BudgetPerLibrary"/> ×
/// its timed libraries, pooled) is not spent. One round is one fresh process giving one value.
/// </summary>
public sealed record RoundsPolicy(int Planned, int? MaxRounds, double CvTargetPercent, TimeSpan BudgetPerLibrary)
{
    public const double DefaultCvTargetPercent = 10.0;
    public const double MinCvTargetPercent = 0.1;
    public const double MaxCvTargetPercent = 100.0;

    public const double DefaultBudgetSecondsPerLibrary = 2.0;
    public const double MaxBudgetSecondsPerLibrary = 3600.0;

    /// <summary>Native code (C, C++): little run-to-run noise beyond the machine's own.</summary>
    public const int DefaultMaxRoundsNative = 15;

    /// <summary>Managed and interpreted runtimes (C#, Python, JavaScript, anything else): GC and JIT add noise, so more values.</summary>
    public const int DefaultMaxRoundsManaged = 25;

    /// <summary>The largest number of rounds <paramref name="language"/> may get: the <c>--max-perf-rounds</c> given, else its language default; never below <see cref="Planned"/>.</summary>
    public int MaxFor(string language) =>
        Math.Max(Planned, MaxRounds ?? (language is "c" or "c++" ? DefaultMaxRoundsNative : DefaultMaxRoundsManaged));

    /// <summary>The experiment's timing budget for <paramref name="timedLibraries"/> libraries.</summary>
    public TimeSpan BudgetFor(int timedLibraries) => BudgetPerLibrary * timedLibraries;

    /// <summary>CI mode's single round is a smoke figure: it never grows.</summary>
    public static RoundsPolicy Of(RunOptions options) => options.CiMode
        ? new RoundsPolicy(1, 1, options.PerfCvTargetPercent, TimeSpan.FromSeconds(options.PerfBudgetSeconds))
        : new RoundsPolicy(options.PerfRounds, options.MaxPerfRounds, options.PerfCvTargetPercent, TimeSpan.FromSeconds(options.PerfBudgetSeconds));
}
