namespace AstroBench.Core.Inputs;

/// <summary>
/// jd_tt and a spherical direction (by default ICRS ra, dec; the column names are parameters so the
/// same generator feeds ecliptic inputs): equinoxes, solstice points and both poles at each edge
/// epoch, then random.
/// </summary>
public sealed class EquatorialInputs(string lonColumn = "ra_rad", string latColumn = "dec_rad") : EdgeThenRandomGenerator
{
    private static readonly double[][] Directions =
    [
        [0, 0], [Math.PI / 2, 0], [Math.PI, 0], [3 * Math.PI / 2, 0],
        [0, Math.PI / 2], [0, -Math.PI / 2], [Math.PI / 2, 0.40909280422232897],
    ];

    public override IReadOnlyList<string> Columns { get; } = ["jd_tt", lonColumn, latColumn];

    protected override IReadOnlyList<double[]> EdgeCases { get; } =
        Epochs.Edges.SelectMany(jd => Directions.Select(d => new[] { jd, d[0], d[1] })).ToArray();

    protected override void RandomRow(SeededRandom random, Span<double> row)
    {
        row[0] = Epochs.Random(random);
        var (x, y, z) = random.UnitVector();
        var ra = Math.Atan2(y, x);
        row[1] = ra < 0 ? ra + 2 * Math.PI : ra;
        row[2] = Math.Asin(z);
    }
}
