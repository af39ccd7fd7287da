namespace AstroBench.Core.Results.Model;

/// <summary>
/// The manifest's <c>rounds</c> block (docs/engine.md, "Rounds: interleaving and adaptive count"): the rule timing
/// followed and what it did. Absent with <c>--no-perf</c> and in runs written before adaptive rounds.
/// <see cref="Unstable"/> and <see cref="Contended"/> count the results flagged for either (never ranked; Contended is 0
/// in runs written before "Contended rounds left out", docs/engine.md).
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
    int Unstable,
    int Contended = 0);
