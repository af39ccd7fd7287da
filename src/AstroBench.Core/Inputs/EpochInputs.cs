namespace AstroBench.Core.Inputs;

/// <summary>jd_tt alone (Sun and Moon positions): J2000, 1900, 2100 and J2000 ± 0.5 d, then random.</summary>
public sealed class EpochInputs : EdgeThenRandomGenerator
{
    public override IReadOnlyList<string> Columns { get; } = ["jd_tt"];

    protected override IReadOnlyList<double[]> EdgeCases { get; } =
        new[] { Epochs.J2000, Epochs.Jd1900, Epochs.Jd2100, Epochs.J2000 + 0.5, Epochs.J2000 - 0.5 }
            .Select(jd => new[] { jd }).ToArray();

    protected override void RandomRow(SeededRandom random, Span<double> row) => row[0] = Epochs.Random(random);
}
