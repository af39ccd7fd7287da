namespace AstroBench.Core.Inputs;

/// <summary>Row-major table of doubles: one row per case, one column per named input.</summary>
public sealed class InputTable
{
    public InputTable(IReadOnlyList<string> columns, int rows, int edgeCases)
    {
        Columns = columns;
        Rows = rows;
        EdgeCases = edgeCases;
        Values = new double[checked(rows * columns.Count)];
    }

    public IReadOnlyList<string> Columns { get; }
    public int Rows { get; }
    public int Width => Columns.Count;

    /// <summary>How many leading rows are fixed edge cases (the rest are seeded random).</summary>
    public int EdgeCases { get; }

    public double[] Values { get; }

    public ReadOnlySpan<double> Row(int i) => Values.AsSpan(i * Width, Width);

    public Span<double> RowForWrite(int i) => Values.AsSpan(i * Width, Width);

    /// <summary>A copy of the last <paramref name="count"/> rows (all of them when there are fewer), as a table of its own;
    /// its edge cases are those among them.</summary>
    public InputTable LastRows(int count)
    {
        var n = Math.Min(Math.Max(0, count), Rows);
        var first = Rows - n;
        var copy = new InputTable(Columns, n, Math.Max(0, EdgeCases - first));
        Values.AsSpan(first * Width, n * Width).CopyTo(copy.Values);
        return copy;
    }
}
