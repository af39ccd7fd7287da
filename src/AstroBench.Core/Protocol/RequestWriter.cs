using System.Globalization;

namespace AstroBench.Core.Protocol;

/// <summary>Writes a request in the text format (v1, or v2 with its encoding), streaming rows so a million cases need no big buffer.</summary>
public static class RequestWriter
{
    public static Task WriteAsync(TextWriter writer, AdapterRequest request, CancellationToken ct) => WriteAsync(writer, request, WireFormat.V1, ct);

    public static async Task WriteAsync(TextWriter writer, AdapterRequest request, WireFormat format, CancellationToken ct)
    {
        var inputs = request.Inputs;
        var encoding = format.Version == ProtocolConstants.Version ? "" : $"encoding {format.Encoding.ToWire()}\n";
        var header = string.Create(CultureInfo.InvariantCulture,
            $"{format.HeaderLine}\nexperiment {request.Experiment}\nmode {(request.Mode == AdapterMode.Perf ? "perf" : "accuracy")}\n{encoding}columns {inputs.Width}\n");
        await writer.WriteAsync(header.AsMemory(), ct);
        if (request.Mode == AdapterMode.Perf)
        {
            var warmup = request.WarmupAuto ? ProtocolConstants.WarmupAuto : request.Warmup.ToString(CultureInfo.InvariantCulture);
            var values = request.Values is { } v ? string.Create(CultureInfo.InvariantCulture, $"{ProtocolConstants.ValuesKey} {v}\n") : "";
            var ops = request.Auto is { } auto ? auto.HeaderLines : request.Ops.ToString(CultureInfo.InvariantCulture);
            var probe = request.ProbeOps is { } p ? string.Create(CultureInfo.InvariantCulture, $"{ProtocolConstants.ProbeOpsKey} {p}\n") : "";
            await writer.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"ops {ops}\nwarmup {warmup}\n{values}{probe}").AsMemory(), ct);
        }
        await writer.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"cases {request.RowCount}\n").AsMemory(), ct);
        if (format.IsBinary)
        {
            // The header is text, the rows raw doubles on the writer's stream (BinaryRows), then the text end line.
            var stream = (writer as StreamWriter)?.BaseStream
                ?? throw new ArgumentException("binary rows are written through a StreamWriter", nameof(writer));
            await writer.FlushAsync(ct);
            await BinaryRows.WriteAsync(stream, inputs.Values.AsMemory(request.FirstRow * inputs.Width, request.RowCount * inputs.Width), ct);
            await writer.WriteAsync("end\n".AsMemory(), ct);
            await writer.FlushAsync(ct);
            return;
        }

        var buffer = new char[64 * 1024];
        var used = 0;
        for (var r = request.FirstRow; r < request.FirstRow + request.RowCount; r++)
        {
            if (buffer.Length - used < inputs.Width * (format.MaxNumberLength + 1) + 1)
            {
                await writer.WriteAsync(buffer.AsMemory(0, used), ct);
                used = 0;
            }
            used += FormatRow(inputs.Row(r), buffer.AsSpan(used), format);
        }
        await writer.WriteAsync(buffer.AsMemory(0, used), ct);
        await writer.WriteAsync("end\n".AsMemory(), ct);
        await writer.FlushAsync(ct);
    }

    private static int FormatRow(ReadOnlySpan<double> row, Span<char> destination, WireFormat format)
    {
        var pos = 0;
        for (var c = 0; c < row.Length; c++)
        {
            if (c > 0)
            {
                destination[pos++] = ' ';
            }
            format.TryFormat(row[c], destination[pos..], out var n);
            pos += n;
        }
        destination[pos++] = '\n';
        return pos;
    }
}
