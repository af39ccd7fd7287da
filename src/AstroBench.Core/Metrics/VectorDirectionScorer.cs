using AstroBench.Core.Numerics;

namespace AstroBench.Core.Metrics;

/// <summary>
/// Scores a rotated Cartesian direction (outputs x, y, z) and, when both sides give it, the
/// 3×3 rotation matrix that follows the vector in the output row (Frobenius norm of the difference).
/// </summary>
public sealed class VectorDirectionScorer : IScorer
{
    private readonly int _matrixStart;

    public VectorDirectionScorer(int matrixStart)
    {
        _matrixStart = matrixStart;
        Metrics =
        [
            new MetricSpec("angular_error_mas", "mas", false, ["x", "y", "z"]),
            new MetricSpec("matrix_frobenius", "1", false, ["r11", "r12", "r13", "r21", "r22", "r23", "r31", "r32", "r33"]),
        ];
    }

    public IReadOnlyList<MetricSpec> Metrics { get; }

    public string PrimaryMetric => "angular_error_mas";

    public void Score(ReadOnlySpan<double> input, ReadOnlySpan<double> reference, ReadOnlySpan<double> candidate, Span<double> values)
    {
        values[0] = Angles.Between(reference[0], reference[1], reference[2], candidate[0], candidate[1], candidate[2]) * Angles.MasPerRad;
        var sum = 0.0;
        for (var k = 0; k < 9; k++)
        {
            var d = candidate[_matrixStart + k] - reference[_matrixStart + k];
            sum += d * d;
        }
        values[1] = Math.Sqrt(sum);
    }
}
