namespace AstroBench.Core.Ranking;

/// <summary>The all-pairs matrix of one experiment (docs/scoreboard.md): one entry per unordered pair of libraries, in <see cref="Libraries"/> order.</summary>
public sealed record ExperimentPairs(string Experiment, string Metric, string Unit, IReadOnlyList<string> Libraries, IReadOnlyList<PairDistance> Pairs);
