using System.IO.Compression;
using AstroBench.Core.Inputs;
using Parquet;
using Parquet.Schema;

namespace AstroBench.Core.Results;

/// <summary>
/// Writes <c>&lt;experiment&gt;/cases.parquet</c> (docs/run-folder.md): <c>index</c> (int64), the inputs, then for each
/// library its outputs and, for candidates, its primary metric — all required IEEE doubles, so every value is
/// stored bit for bit (NaN marks a missing output or metric). Zstandard, row groups of <see cref="CasesFiles.RowGroupRows"/>
/// rows so the server reads one page without the whole file. Same inputs → same bytes (no timestamps in Parquet);
/// temp-then-rename, so a reader never sees half a file.
/// </summary>
public static class CasesParquetWriter
{
    /// <summary>One library's columns: its name, the outputs to write (row-major, stride = output width), and an optional per-case metric.</summary>
    public sealed record LibraryColumns(string Library, double[]? Outputs, int OutputWidth, string? MetricName, double[]? Metric);

    /// <summary>Writes the cases file into <paramref name="experimentDirectory"/> and returns its path.</summary>
    public static async Task<string> WriteAsync(string experimentDirectory, InputTable inputs, IReadOnlyList<string> outputNames,
        int caseOutputCount, IReadOnlyList<LibraryColumns> libraries, CancellationToken ct)
    {
        var path = Path.Combine(experimentDirectory, CasesFiles.ParquetName);
        var columns = new List<(string Name, Func<int, double> Value)>();
        for (var c = 0; c < inputs.Width; c++)
        {
            var column = c;
            columns.Add((inputs.Columns[c], i => inputs.Values[i * inputs.Width + column]));
        }
        foreach (var lib in libraries)
        {
            for (var c = 0; c < caseOutputCount; c++)
            {
                var column = c;
                var outputs = lib.Outputs;
                columns.Add(($"{lib.Library}.{outputNames[c]}", outputs is null ? _ => double.NaN : i => outputs[i * lib.OutputWidth + column]));
            }
            if (lib.MetricName is not null)
            {
                var metric = lib.Metric;
                columns.Add(($"{lib.Library}.{lib.MetricName}", metric is null ? _ => double.NaN : i => metric[i]));
            }
        }

        var indexField = new DataField<long>(CasesFiles.IndexColumn);
        var fields = columns.Select(c => new DataField<double>(c.Name)).ToArray();
        var schema = new ParquetSchema([indexField, .. fields]);
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Zstd, CompressionLevel = CompressionLevel.Fastest };

        var temp = path + ".tmp-" + Environment.ProcessId;
        await using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
        {
            await using (var writer = await ParquetWriter.CreateAsync(schema, stream, options, false, ct))
            {
                writer.CustomMetadata = new Dictionary<string, string> { ["astrobench.schema"] = CasesFiles.ParquetSchemaId };
                var index = new long[Math.Min(CasesFiles.RowGroupRows, inputs.Rows)];
                var values = new double[index.Length];
                for (var start = 0; start < inputs.Rows; start += CasesFiles.RowGroupRows)
                {
                    ct.ThrowIfCancellationRequested();
                    var count = Math.Min(CasesFiles.RowGroupRows, inputs.Rows - start);
                    using var group = writer.CreateRowGroup();
                    for (var i = 0; i < count; i++)
                    {
                        index[i] = start + i;
                    }
                    await group.WriteAsync<long>(indexField, index.AsMemory(0, count), null, null, ct);
                    for (var c = 0; c < columns.Count; c++)
                    {
                        var value = columns[c].Value;
                        for (var i = 0; i < count; i++)
                        {
                            values[i] = value(start + i);
                        }
                        await group.WriteAsync<double>(fields[c], values.AsMemory(0, count), null, null, ct);
                    }
                }
            }
            await stream.FlushAsync(ct);
        }
        File.Move(temp, path, overwrite: true);
        return path;
    }
}
