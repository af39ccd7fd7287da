namespace AstroBench.Core.Ranking;

/// <summary>Wins, ties and losses of pairwise comparisons.</summary>
public sealed record Tally(int Wins, int Ties, int Losses)
{
    public static Tally Zero { get; } = new(0, 0, 0);

    public Tally Add(PairOutcome outcome) => outcome switch
    {
        PairOutcome.Win => this with { Wins = Wins + 1 },
        PairOutcome.Tie => this with { Ties = Ties + 1 },
        PairOutcome.Loss => this with { Losses = Losses + 1 },
        _ => this,
    };

    public Tally Plus(Tally other) => new(Wins + other.Wins, Ties + other.Ties, Losses + other.Losses);
}
