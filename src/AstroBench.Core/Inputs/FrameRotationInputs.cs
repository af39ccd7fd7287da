namespace AstroBench.Core.Inputs;

/// <summary>jd_tt and an ICRS unit vector: the six ±axes at J2000, poles and axes at 1900/2100, then random.</summary>
public sealed class FrameRotationInputs : EdgeThenRandomGenerator
{
    private static readonly double[][] Axes = [[1, 0, 0], [-1, 0, 0], [0, 1, 0], [0, -1, 0], [0, 0, 1], [0, 0, -1]];

    public override IReadOnlyList<string> Columns { get; } = ["jd_tt", "x", "y", "z"];

    protected override IReadOnlyList<double[]> EdgeCases { get; } =
        Axes.Select(a => new[] { Epochs.J2000, a[0], a[1], a[2] })
            .Concat(Axes.Select(a => new[] { Epochs.Jd1900, a[0], a[1], a[2] }))
            .Concat(Axes.Select(a => new[] { Epochs.Jd2100, a[0], a[1], a[2] }))
            .ToArray();

    protected override void RandomRow(SeededRandom random, Span<double> row)
    {
        row[0] = Epochs.Random(random);
        (row[1], row[2], row[3]) = random.UnitVector();
    }
}
