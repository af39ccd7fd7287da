namespace AstroBench.Core.Inputs;

/// <summary>The span random epochs are drawn from, and the edge epochs that go with it.</summary>
public sealed record EpochRange(double StartJd, double EndJd)
{
    /// <summary>1900–2100: the seven core experiments (as in the original lab).</summary>
    public static EpochRange Core { get; } = new(Epochs.Jd1900, Epochs.Jd2100);

    /// <summary>2000–2100: the ERFA-referenced direction transforms of the full catalog.</summary>
    public static EpochRange Modern { get; } = new(Epochs.J2000, Epochs.Jd2100);

    public IReadOnlyList<double> Edges => Epochs.Edges.Where(e => e >= StartJd && e <= EndJd).ToArray();

    public double Random(SeededRandom random) => random.Uniform(StartJd, EndJd);
}
