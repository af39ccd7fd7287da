namespace AstroBench.Core.Inputs;

/// <summary>Shared shape of every generator: a fixed list of edge rows, then random rows.</summary>
public abstract class EdgeThenRandomGenerator : IInputGenerator
{
    public abstract IReadOnlyList<string> Columns { get; }

    /// <summary>Edge cases, each a full row in column order.</summary>
    protected abstract IReadOnlyList<double[]> EdgeCases { get; }

    /// <summary>Fills one random row.</summary>
    protected abstract void RandomRow(SeededRandom random, Span<double> row);

    public InputTable Generate(int n, long seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        var edges = EdgeCases;
        var edgeCount = Math.Min(n, edges.Count);
        var table = new InputTable(Columns, n, edgeCount);
        for (var i = 0; i < edgeCount; i++)
        {
            edges[i].CopyTo(table.RowForWrite(i));
        }
        var random = new SeededRandom(seed);
        for (var i = edgeCount; i < n; i++)
        {
            RandomRow(random, table.RowForWrite(i));
        }
        return table;
    }
}
