using System.Text;

namespace AstroBench.Server.Logs;

/// <summary>Reads lines split on '\n' only (a trailing '\r' is dropped), so line numbers agree with <see cref="LogTailer"/>.</summary>
internal sealed class NewlineReader(Stream stream)
{
    private readonly byte[] _buffer = new byte[1 << 16];
    private readonly MemoryStream _pending = new();
    private int _pos;
    private int _len;

    public string? ReadLine()
    {
        while (true)
        {
            if (_pos < _len)
            {
                var span = _buffer.AsSpan(_pos, _len - _pos);
                var nl = span.IndexOf((byte)'\n');
                if (nl >= 0)
                {
                    _pending.Write(span[..nl]);
                    _pos += nl + 1;
                    return Take();
                }
                _pending.Write(span);
                _pos = _len;
            }
            _len = stream.Read(_buffer, 0, _buffer.Length);
            _pos = 0;
            if (_len == 0)
            {
                return _pending.Length > 0 ? Take() : null;
            }
        }
    }

    private string Take()
    {
        var bytes = _pending.GetBuffer().AsSpan(0, (int)_pending.Length);
        if (bytes.Length > 0 && bytes[^1] == (byte)'\r')
        {
            bytes = bytes[..^1];
        }
        var text = Encoding.UTF8.GetString(bytes);
        _pending.SetLength(0);
        return text;
    }
}
