using System.Text;

namespace AstroBench.Core.Results.Reading;

/// <summary>
/// Byte offsets of every <see cref="Stride"/>-th line of a text file, built by one streaming scan, so
/// that any line range can be read with one seek and at most <see cref="Stride"/> skipped lines —
/// without holding the file in memory. Lines are numbered from 0 and end with '\n' ('\r' is dropped).
/// </summary>
public sealed class SparseLineIndex
{
    private readonly List<long> _offsets = [0];

    private SparseLineIndex(int stride) => Stride = stride;

    public int Stride { get; }

    /// <summary>Byte offset of line k·<see cref="Stride"/>, for k = 0, 1, ….</summary>
    public IReadOnlyList<long> Offsets => _offsets;

    /// <summary>Complete lines (terminated by '\n'), plus a final unterminated line when <c>includePartial</c> was set.</summary>
    public long LineCount { get; private set; }

    /// <summary>Bytes covered by the index (the file length at build time).</summary>
    public long Length { get; private set; }

    public static SparseLineIndex Build(string path, int stride = 1024, bool includePartial = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(stride, 1);
        var index = new SparseLineIndex(stride);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
        var buffer = new byte[1 << 16];
        long position = 0;
        long lines = 0;
        var lastByte = (byte)'\n';
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            var span = buffer.AsSpan(0, read);
            var start = 0;
            int nl;
            while ((nl = span[start..].IndexOf((byte)'\n')) >= 0)
            {
                start += nl + 1;
                lines++;
                if (lines % stride == 0)
                {
                    index._offsets.Add(position + start);
                }
            }
            position += read;
            lastByte = span[read - 1];
        }
        index.Length = position;
        index.LineCount = lines + (includePartial && lastByte != (byte)'\n' ? 1 : 0);
        return index;
    }

    /// <summary>Reads up to <paramref name="count"/> lines starting at line <paramref name="from"/>.</summary>
    public List<string> ReadLines(string path, long from, int count)
    {
        var result = new List<string>(Math.Min(count, 4096));
        if (from < 0 || from >= LineCount || count <= 0)
        {
            return result;
        }
        var slot = (int)Math.Min(from / Stride, _offsets.Count - 1);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
        stream.Seek(_offsets[slot], SeekOrigin.Begin);
        using var reader = new StreamReader(stream, Encoding.UTF8, false, 1 << 16);
        var line = (long)slot * Stride;
        var last = Math.Min(LineCount, from + count);
        while (line < last && reader.ReadLine() is { } text)
        {
            if (line >= from)
            {
                result.Add(text);
            }
            line++;
        }
        return result;
    }
}
