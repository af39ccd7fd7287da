namespace AstroBench.Core.Inputs;

/// <summary>jd_tt and a unit vector: the six ±axes at each edge epoch of the range, then random epochs and directions.</summary>
public sealed class FrameRotationInputs(EpochRange range) : EdgeThenRandomGenerator
{
    private static readonly double[][] Axes = [[1, 0, 0], [-1, 0, 0], [0, 1, 0], [0, -1, 0], [0, 0, 1], [0, 0, -1]];

    public FrameRotationInputs()
        : this(EpochRange.Core)
    {
    }

    public override IReadOnlyList<string> Columns { get; } = ["jd_tt", "x", "y", "z"];

    protected override IReadOnlyList<double[]> EdgeCases { get; } =
        range.Edges.SelectMany(jd => Axes.Select(a => new[] { jd, a[0], a[1], a[2] })).ToArray();

    protected override void RandomRow(SeededRandom random, Span<double> row)
    {
        row[0] = range.Random(random);
        (row[1], row[2], row[3]) = random.UnitVector();
    }
}
