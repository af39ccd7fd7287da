namespace AstroBench.Core.Inputs;

/// <summary>(M, e): circular, near-parabolic (e up to 0.9999) at M ≈ 0 and π, then M ∈ [0, 2π), e ∈ [0, 0.99).</summary>
public sealed class KeplerInputs : EdgeThenRandomGenerator
{
    public override IReadOnlyList<string> Columns { get; } = ["m_rad", "e"];

    protected override IReadOnlyList<double[]> EdgeCases { get; } =
    [
        [0, 0], [1, 0], [Math.PI, 0.5], [1e-6, 0.9999], [Math.PI, 0.9999], [0.1, 0.999],
        [2 * Math.PI - 1e-3, 0.99], [1e-3, 0.99], [Math.PI / 2, 0.95], [3.0, 0.9],
    ];

    protected override void RandomRow(SeededRandom random, Span<double> row)
    {
        row[0] = random.Uniform(0, 2 * Math.PI);
        row[1] = random.Uniform(0, 0.99);
    }
}
