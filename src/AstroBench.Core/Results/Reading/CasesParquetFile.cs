using Parquet;
using Parquet.Schema;

namespace AstroBench.Core.Results.Reading;

/// <summary>
/// The layout of a <c>cases.parquet</c> (column names and the first row of every row group), read from its footer
/// alone, so a page of rows is served by decoding only the row groups it overlaps — never the whole file.
/// Columns must be numeric (int64 <c>index</c>, doubles, nullable doubles); values come back as doubles, NaN kept.
/// </summary>
public sealed class CasesParquetFile
{
    private readonly long[] _groupStarts;

    private CasesParquetFile(IReadOnlyList<string> columns, long[] groupStarts, long rows)
    {
        Columns = columns;
        _groupStarts = groupStarts;
        Rows = rows;
    }

    public IReadOnlyList<string> Columns { get; }

    /// <summary>Number of cases (rows).</summary>
    public long Rows { get; }

    public int RowGroups => _groupStarts.Length;

    public static async Task<CasesParquetFile> OpenAsync(string path, CancellationToken ct = default)
    {
        await using var stream = OpenRead(path);
        await using var reader = await ParquetReader.CreateAsync(stream, null, false, ct);
        var starts = new long[reader.RowGroupCount];
        long rows = 0;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            starts[g] = rows;
            using var group = reader.OpenRowGroupReader(g);
            rows += group.RowCount;
        }
        return new CasesParquetFile(reader.Schema.DataFields.Select(f => f.Name).ToList(), starts, rows);
    }

    /// <summary>Rows <paramref name="offset"/> … offset + limit − 1 (fewer at the end), each in column order.</summary>
    public async Task<List<double[]>> ReadRowsAsync(string path, long offset, int limit, CancellationToken ct = default)
    {
        var rows = new List<double[]>();
        if (offset >= Rows || limit <= 0)
        {
            return rows;
        }
        var end = Math.Min(Rows, offset + limit);
        await using var stream = OpenRead(path);
        await using var reader = await ParquetReader.CreateAsync(stream, null, false, ct);
        var fields = reader.Schema.DataFields;
        // The last group starting at or before the offset, then every group until the end of the page.
        var g = Array.BinarySearch(_groupStarts, offset);
        for (g = g >= 0 ? g : ~g - 1; g < _groupStarts.Length && _groupStarts[g] < end; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var count = checked((int)group.RowCount);
            var from = (int)Math.Max(0, offset - _groupStarts[g]);
            var to = (int)Math.Min(count, end - _groupStarts[g]);
            var page = new double[to - from][];
            for (var r = 0; r < page.Length; r++)
            {
                page[r] = new double[fields.Length];
            }
            for (var c = 0; c < fields.Length; c++)
            {
                var values = await ReadColumnAsync(group, fields[c], count, ct);
                for (var r = 0; r < page.Length; r++)
                {
                    page[r][c] = values[from + r];
                }
            }
            rows.AddRange(page);
        }
        return rows;
    }

    /// <summary>Every column whole, by name (for tests and tools; the server pages instead).</summary>
    public static async Task<(IReadOnlyList<string> Columns, double[][] Values)> ReadAllAsync(string path, CancellationToken ct = default)
    {
        var file = await OpenAsync(path, ct);
        var rows = await file.ReadRowsAsync(path, 0, checked((int)file.Rows), ct);
        var values = file.Columns.Select((_, c) => rows.Select(r => r[c]).ToArray()).ToArray();
        return (file.Columns, values);
    }

    private static async Task<double[]> ReadColumnAsync(ParquetRowGroupReader group, DataField field, int count, CancellationToken ct)
    {
        if (field.ClrType == typeof(double) && !field.IsNullable)
        {
            var values = new double[count];
            await group.ReadAsync<double>(field, values, null, ct);
            return values;
        }
        if (field.ClrType == typeof(double))
        {
            var nullable = new double?[count];
            await group.ReadAsync<double>(field, nullable, null, ct);
            return nullable.Select(v => v ?? double.NaN).ToArray();
        }
        if (field.ClrType == typeof(long) && !field.IsNullable)
        {
            var values = new long[count];
            await group.ReadAsync<long>(field, values, null, ct);
            return values.Select(v => (double)v).ToArray();
        }
        throw new InvalidDataException($"cases.parquet column {field.Name} is {field.ClrType.Name}{(field.IsNullable ? "?" : "")}; expected int64 or double.");
    }

    private static FileStream OpenRead(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16, useAsync: true);
}
