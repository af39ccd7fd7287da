using System.Text;

namespace AstroBench.Server.Logs;

/// <summary>
/// Follows a job's log file written by the orchestrator: each <see cref="Poll"/> reads the bytes
/// appended since the last call, hands complete lines to the feed and the progress parser, and keeps
/// an unterminated last line for the next call. Never reads the file whole.
/// </summary>
internal sealed class LogTailer : IDisposable
{
    private readonly LogFeed _feed;
    private readonly ProgressParser _progress;
    private readonly byte[] _buffer = new byte[1 << 16];
    private readonly MemoryStream _partial = new();
    private FileStream? _stream;
    private long _position;
    private long _partialStart;

    public LogTailer(LogFeed feed, ProgressParser progress)
    {
        _feed = feed;
        _progress = progress;
    }

    /// <summary>Bytes consumed so far.</summary>
    public long Position => _position;

    /// <summary>Set when progress changed; the owner resets it after persisting.</summary>
    public bool ProgressDirty { get; set; }

    /// <summary>Reads what was appended; returns the number of complete lines read.</summary>
    public int Poll(int maxLines = 20_000)
    {
        if (_stream is null)
        {
            if (!File.Exists(_feed.Path))
            {
                return 0;
            }
            _stream = new FileStream(_feed.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
        }
        var lines = new List<string>();
        var offsets = new List<long>();
        var changed = false;
        int read;
        while (lines.Count < maxLines && (read = _stream.Read(_buffer, 0, _buffer.Length)) > 0)
        {
            var span = _buffer.AsSpan(0, read);
            var start = 0;
            int nl;
            while ((nl = span[start..].IndexOf((byte)'\n')) >= 0)
            {
                var piece = span.Slice(start, nl);
                long lineStart;
                string text;
                if (_partial.Length > 0)
                {
                    _partial.Write(piece);
                    lineStart = _partialStart;
                    text = Decode(_partial.GetBuffer().AsSpan(0, (int)_partial.Length));
                    _partial.SetLength(0);
                }
                else
                {
                    lineStart = _position + start;
                    text = Decode(piece);
                }
                lines.Add(text);
                offsets.Add(lineStart);
                changed |= _progress.Feed(text);
                start += nl + 1;
            }
            if (start < read)
            {
                if (_partial.Length == 0)
                {
                    _partialStart = _position + start;
                }
                _partial.Write(span[start..]);
            }
            _position += read;
        }
        _feed.Append(lines, offsets);
        if (changed)
        {
            ProgressDirty = true;
            _feed.SetProgress(_progress.Current);
        }
        return lines.Count;
    }

    /// <summary>Reads everything left (after the writer exited).</summary>
    public void Drain()
    {
        while (Poll() > 0)
        {
        }
    }

    /// <summary>Emits an unterminated last line (the writer is gone and will not finish it).</summary>
    public void FlushPartial()
    {
        if (_partial.Length > 0)
        {
            var text = Decode(_partial.GetBuffer().AsSpan(0, (int)_partial.Length));
            _partial.SetLength(0);
            _progress.Feed(text);
            _feed.Append([text], [_partialStart]);
        }
    }

    private static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > 0 && bytes[^1] == (byte)'\r')
        {
            bytes = bytes[..^1];
        }
        return Encoding.UTF8.GetString(bytes);
    }

    public void Dispose() => _stream?.Dispose();
}
