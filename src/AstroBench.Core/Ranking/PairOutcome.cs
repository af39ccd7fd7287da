namespace AstroBench.Core.Ranking;

/// <summary>One comparison of library A with library B, from A's side; <see cref="NotRanked"/> when the two cannot be compared.</summary>
public enum PairOutcome
{
    NotRanked,
    Win,
    Tie,
    Loss,
}
