namespace AstroBench.Core.Ranking;

/// <summary>The closed set of <see cref="ScoreboardEntry.AccuracyStatus"/> and <see cref="ScoreboardEntry.SpeedStatus"/> values.</summary>
public static class AccuracyStatuses
{
    public const string Ranked = "ranked";

    /// <summary>p99 ≤ the reference's uncertainty: shown as such, never ranked against other such results.</summary>
    public const string WithinReferenceUncertainty = "within_reference_uncertainty";

    public const string Reference = "reference";

    /// <summary>No accuracy figure (skipped, no finite p99) or, for speed, no valid timing.</summary>
    public const string NotRanked = "not_ranked";

    /// <summary>Speed only: the timing is flagged invalid (unstable, below resolution, too_few_rounds, contended).</summary>
    public const string Invalid = "invalid";
}
