using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace AstroBench.Core.Protocol;

/// <summary>
/// Case rows of the v2 <c>binary</c> encoding (docs/adapter-protocol.md, "Version 2"): right after the <c>cases</c>
/// header line, rows × columns IEEE 754 doubles of 8 bytes, little-endian, row-major, no separators; then the
/// <c>end</c> line. Nothing is formatted or parsed: on a little-endian host the input table's memory is written as it
/// is and a response is copied straight into its array. As in decimal and hex, NaN payloads and signs are not kept:
/// every NaN read is <see cref="double.NaN"/>, so the three encodings give the same values bit for bit.
/// </summary>
public static class BinaryRows
{
    /// <summary>The text the session's stdout is decoded with: Latin-1 maps every byte to the char of the same value, so the
    /// header lines read as ASCII and the raw rows survive the <see cref="TextReader"/> unchanged.</summary>
    public static Encoding TransportEncoding => Encoding.Latin1;

    /// <summary>Writes the doubles in 64 KiB chunks (a pipe write of the whole table would hold a thread while the adapter computes).</summary>
    public static async Task WriteAsync(Stream stream, ReadOnlyMemory<double> rows, CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            var perChunk = buffer.Length / sizeof(double);
            for (var i = 0; i < rows.Length; i += perChunk)
            {
                var count = Math.Min(rows.Length - i, perChunk);
                Encode(rows.Span.Slice(i, count), buffer);
                await stream.WriteAsync(buffer.AsMemory(0, count * sizeof(double)), ct);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads rows × columns doubles and the <c>end</c> line from a reader decoding with <see cref="TransportEncoding"/>.</summary>
    /// <param name="into">Where the rows go (a shard's part of its library's outputs, returned as the whole array), as in
    /// <see cref="RowReader"/>; default: a new array of their own.</param>
    public static async Task<double[]> ReadAsync(TextReader reader, int rows, int columns, ArraySegment<double> into, CancellationToken ct)
    {
        var count = checked(rows * columns);
        var (values, at) = RowTarget.Resolve(into, count);
        var total = checked(count * sizeof(double));
        var chars = ArrayPool<char>.Shared.Rent(1 << 16);
        try
        {
            var done = 0;
            while (done < total)
            {
                var read = await reader.ReadAsync(chars.AsMemory(0, Math.Min(chars.Length, total - done)), ct);
                if (read == 0)
                {
                    throw new ProtocolException(string.Create(CultureInfo.InvariantCulture,
                        $"output ended at row {done / sizeof(double) / Math.Max(columns, 1)} of {rows} (binary rows)"));
                }
                Narrow(chars.AsSpan(0, read), MemoryMarshal.AsBytes(values.AsSpan(at, count)).Slice(done, read));
                done += read;
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
        var end = await reader.ReadLineAsync(ct);
        if (end != ProtocolConstants.End)
        {
            throw new ProtocolException(string.Create(CultureInfo.InvariantCulture, $"expected 'end' after {rows} binary rows"));
        }
        Normalize(values.AsSpan(at, count));
        return values;
    }

    /// <summary>Little-endian bytes of <paramref name="values"/> into <paramref name="destination"/> (8 bytes each).</summary>
    public static void Encode(ReadOnlySpan<double> values, Span<byte> destination)
    {
        if (BitConverter.IsLittleEndian)
        {
            MemoryMarshal.AsBytes(values).CopyTo(destination);
            return;
        }
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(destination[(i * sizeof(double))..], values[i]);
        }
    }

    /// <summary>Chars of a Latin-1 decoded stream back to their bytes. A char above U+00FF cannot come from Latin-1.</summary>
    private static void Narrow(ReadOnlySpan<char> chars, Span<byte> destination)
    {
        if (Encoding.Latin1.GetBytes(chars, destination) != chars.Length || chars.ContainsAnyExceptInRange('\0', '\u00ff'))
        {
            throw new ProtocolException("binary rows read through a reader that does not decode Latin-1");
        }
    }

    /// <summary>Host order and one NaN: what decimal and hex readers produce for the same bits.</summary>
    private static void Normalize(Span<double> values)
    {
        if (!BitConverter.IsLittleEndian)
        {
            var raw = MemoryMarshal.Cast<double, long>(values);
            BinaryPrimitives.ReverseEndianness(raw, raw);
        }
        for (var i = 0; i < values.Length; i++)
        {
            if (double.IsNaN(values[i]))
            {
                values[i] = double.NaN;
            }
        }
    }
}
