namespace AstroBench.Core.Inputs;

/// <summary>jd_ut1 and jd_tt = jd_ut1 + 69.184 s: J2000, 1900, 2100 and midnights, then random.</summary>
public sealed class SiderealTimeInputs : EdgeThenRandomGenerator
{
    public override IReadOnlyList<string> Columns { get; } = ["jd_ut1", "jd_tt"];

    protected override IReadOnlyList<double[]> EdgeCases { get; } =
        new[] { Epochs.J2000, Epochs.Jd1900, Epochs.Jd2100, Epochs.J2000 + 0.5, Epochs.J2000 - 0.5 }
            .Select(ut1 => new[] { ut1, ut1 + Epochs.TtMinusUt1Days })
            .ToArray();

    protected override void RandomRow(SeededRandom random, Span<double> row)
    {
        row[0] = Epochs.Random(random);
        row[1] = row[0] + Epochs.TtMinusUt1Days;
    }
}
