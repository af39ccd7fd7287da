namespace AstroBench.Core.Results.Model;

/// <summary>
/// The manifest's <c>rounds</c> block (docs/engine.md, "Rounds: interleaving and adaptive count"): the rule timing
/// followed and what it did. Absent with <c>--no-perf</c> and in runs written before adaptive rounds.
/// </summary>
public sealed record RunRounds(
    bool Interleaved,
    int Planned,
    IReadOnlyDictionary<string, int> MaxRounds,
    double CvTargetPercent,
    double BudgetSPerLibrary,
    int RoundsDone,
    int ExtraRounds,
    IReadOnlyDictionary<string, int> Stopped,
    int Unstable);
