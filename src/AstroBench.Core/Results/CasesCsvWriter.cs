using System.Text;
using AstroBench.Core.Inputs;
using AstroBench.Core.Protocol;

namespace AstroBench.Core.Results;

/// <summary>
/// Streams <c>cases.csv</c>: index, inputs, the reference's outputs, then each candidate's outputs and
/// primary metric. Numbers are shortest round-trip, invariant culture; missing values are empty → "NaN".
/// </summary>
public static class CasesCsvWriter
{
    // Synchronous on purpose: the row loop formats into stack buffers, and a sequential file write gains nothing from async.
    /// <summary>One library's columns: its name, the outputs to write (row-major, stride = output width), and an optional per-case metric.</summary>
    public sealed record LibraryColumns(string Library, double[]? Outputs, int OutputWidth, string? MetricName, double[]? Metric);

    public static void Write(string path, InputTable inputs, IReadOnlyList<string> outputNames, int caseOutputCount,
        IReadOnlyList<LibraryColumns> libraries, CancellationToken ct)
    {
        var temp = path + ".tmp-" + Environment.ProcessId;
        using (var writer = new StreamWriter(temp, false, new UTF8Encoding(false), 1 << 16))
        {
            writer.NewLine = "\n";
            var header = new List<string> { "index" };
            header.AddRange(inputs.Columns);
            foreach (var lib in libraries)
            {
                header.AddRange(outputNames.Take(caseOutputCount).Select(o => $"{lib.Library}.{o}"));
                if (lib.MetricName is not null)
                {
                    header.Add($"{lib.Library}.{lib.MetricName}");
                }
            }
            writer.WriteLine(string.Join(',', header));
            var line = new StringBuilder(512);
            Span<char> number = stackalloc char[32];
            for (var i = 0; i < inputs.Rows; i++)
            {
                if ((i & 0xFFF) == 0)
                {
                    ct.ThrowIfCancellationRequested();
                }
                line.Clear();
                line.Append(i);
                foreach (var v in inputs.Row(i))
                {
                    Append(line, v, number);
                }
                foreach (var lib in libraries)
                {
                    for (var c = 0; c < caseOutputCount; c++)
                    {
                        Append(line, lib.Outputs is null ? double.NaN : lib.Outputs[i * lib.OutputWidth + c], number);
                    }
                    if (lib.MetricName is not null)
                    {
                        Append(line, lib.Metric is null ? double.NaN : lib.Metric[i], number);
                    }
                }
                line.Append('\n');
                writer.Write(line);
            }
        }
        File.Move(temp, path, overwrite: true);
    }

    private static void Append(StringBuilder line, double value, Span<char> buffer)
    {
        line.Append(',');
        if (double.IsNaN(value))
        {
            line.Append("NaN");
            return;
        }
        WireNumbers.TryFormat(value, buffer, out var n);
        line.Append(buffer[..n]);
    }
}
