using System.Buffers;
using System.Globalization;

namespace AstroBench.Core.Protocol;

/// <summary>
/// Reads an accuracy response's rows and its closing <c>end</c> line into one <c>double[]</c> through a pooled char
/// buffer, parsing each line in place: no string per row (at n = 100,000 that was tens of MB of garbage per call,
/// which the GC let pile up as resident memory; docs/engine.md, "Start-up and memory"). The messages are those of a
/// line-by-line read.
/// </summary>
internal static class RowReader
{
    private const int MaxLineChars = 1 << 20;

    /// <param name="into">Where the rows go: a shard's part of its library's outputs (docs/engine.md, "Shards"), returned as the
    /// whole array; default: a new array of their own.</param>
    public static async Task<double[]> ReadAsync(TextReader reader, int rows, int columns, int lineNo, WireFormat format, ArraySegment<double> into, CancellationToken ct)
    {
        if (format.IsBinary)
        {
            return await BinaryRows.ReadAsync(reader, rows, columns, into, ct);
        }
        var (values, at) = RowTarget.Resolve(into, checked(rows * columns));
        var buffer = ArrayPool<char>.Shared.Rent(1 << 16);
        var (start, end) = (0, 0);
        try
        {
            for (var r = 0; r <= rows; r++)
            {
                int newline;
                var eof = false;
                while ((newline = buffer.AsSpan(start, end - start).IndexOf('\n')) < 0)
                {
                    (buffer, start, end) = MakeRoom(buffer, start, end);
                    var read = await reader.ReadAsync(buffer.AsMemory(end), ct);
                    if (read == 0)
                    {
                        eof = true;
                        break;
                    }
                    end += read;
                }
                // Like ReadLine: a last line without a newline still counts; nothing at all is the end of the output.
                var length = eof ? end - start : newline;
                if (eof && length == 0)
                {
                    throw new ProtocolException(r < rows
                        ? string.Create(CultureInfo.InvariantCulture, $"output ended at row {r} of {rows}")
                        : string.Create(CultureInfo.InvariantCulture, $"expected 'end' after {rows} rows"));
                }
                var line = buffer.AsSpan(start, length);
                if (line.EndsWith('\r'))
                {
                    line = line[..^1];
                }
                start += eof ? length : length + 1;
                if (r < rows)
                {
                    ParseRow(line, values.AsSpan(at + r * columns, columns), lineNo + r + 1, format);
                }
                else if (!line.SequenceEqual(ProtocolConstants.End))
                {
                    throw new ProtocolException(string.Create(CultureInfo.InvariantCulture, $"expected 'end' after {rows} rows"));
                }
            }
            // v2 answers one response per request: anything read past its end line would be lost to the next one.
            if (format.Version != ProtocolConstants.Version && start < end)
            {
                throw new ProtocolException("unexpected output after 'end'");
            }
            return values;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>Moves the unread part to the front, or grows the buffer when one line fills it.</summary>
    private static (char[] Buffer, int Start, int End) MakeRoom(char[] buffer, int start, int end)
    {
        if (start > 0)
        {
            buffer.AsSpan(start, end - start).CopyTo(buffer);
            return (buffer, 0, end - start);
        }
        if (end < buffer.Length)
        {
            return (buffer, start, end);
        }
        if (buffer.Length >= MaxLineChars)
        {
            throw new ProtocolException(string.Create(CultureInfo.InvariantCulture, $"a line longer than {MaxLineChars} characters"));
        }
        var larger = ArrayPool<char>.Shared.Rent(buffer.Length * 2);
        buffer.AsSpan(0, end).CopyTo(larger);
        ArrayPool<char>.Shared.Return(buffer);
        return (larger, 0, end);
    }

    private static void ParseRow(ReadOnlySpan<char> line, Span<double> row, int lineNumber, WireFormat format)
    {
        var c = 0;
        foreach (var range in line.Split(' '))
        {
            var token = line[range];
            if (token.IsEmpty)
            {
                continue;
            }
            if (c >= row.Length)
            {
                throw new ProtocolException(string.Create(CultureInfo.InvariantCulture, $"line {lineNumber}: more than {row.Length} numbers"));
            }
            if (!format.TryParse(token, out row[c]))
            {
                throw new ProtocolException(string.Create(CultureInfo.InvariantCulture, $"line {lineNumber}: '{Clip(token)}' is not a number"));
            }
            c++;
        }
        if (c != row.Length)
        {
            throw new ProtocolException(string.Create(CultureInfo.InvariantCulture, $"line {lineNumber}: {c} numbers, expected {row.Length}"));
        }
    }

    private static string Clip(ReadOnlySpan<char> s) => s.Length <= 60 ? s.ToString() : string.Concat(s[..60], "…");
}
