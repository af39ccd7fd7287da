using System.Buffers.Text;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text.Json;

namespace AstroBench.ServerBench;

/// <summary>
/// One WebSocket subscriber: records every <c>log</c> message's <c>n</c> in a bitmap (duplicates,
/// gaps, order and the <c>line=</c> number inside the text are checked), the monotonic time of the
/// first line, of line <c>expectLast</c> and of <c>done</c>.
/// </summary>
internal sealed class LogClient(Uri uri, long firstLine, long expectedLines)
{
    private readonly bool[] _seen = new bool[expectedLines];
    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public long Received { get; private set; }
    public long Distinct { get; private set; }
    public long Duplicates { get; private set; }
    public long OutOfOrder { get; private set; }
    public long BadText { get; private set; }
    public long OutOfRange { get; private set; }
    public long OtherMessages { get; private set; }
    public long FirstLineTicks { get; private set; }
    public long LastLineTicks { get; private set; }
    public long DoneTicks { get; private set; }
    public string? DoneStatus { get; private set; }
    public Task Connected => _connected.Task;

    public long Missing => expectedLines - Distinct;

    public async Task RunAsync(CancellationToken ct)
    {
        using var ws = new ClientWebSocket();
        ws.Options.KeepAliveInterval = TimeSpan.Zero;
        await ws.ConnectAsync(uri, ct);
        var buffer = new byte[1 << 16];
        var length = 0;
        var expectedNext = firstLine;
        while (true)
        {
            var r = await ws.ReceiveAsync(buffer.AsMemory(length), ct);
            if (r.MessageType == WebSocketMessageType.Close)
            {
                break;
            }
            length += r.Count;
            if (!r.EndOfMessage)
            {
                if (length == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }
                continue;
            }
            var now = Stopwatch.GetTimestamp();
            Handle(buffer.AsSpan(0, length), now, ref expectedNext);
            length = 0;
            if (DoneStatus is not null)
            {
                // the server closes with 1000 after done; answer the close handshake
                try
                {
                    await ws.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", ct);
                }
                catch (WebSocketException)
                {
                }
                break;
            }
        }
    }

    private void Handle(ReadOnlySpan<byte> json, long now, ref long expectedNext)
    {
        var reader = new Utf8JsonReader(json);
        string? type = null;
        long n = -1;
        long lineNumber = -1;
        string? status = null;
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1)
            {
                continue;
            }
            if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                type = reader.ValueTextEquals("log"u8) ? "log" : reader.GetString();
            }
            else if (reader.ValueTextEquals("n"u8))
            {
                reader.Read();
                n = reader.GetInt64();
            }
            else if (reader.ValueTextEquals("line"u8))
            {
                reader.Read();
                var span = reader.ValueSpan;
                var at = span.IndexOf("line="u8);
                if (at >= 0 && Utf8Parser.TryParse(span[(at + 5)..], out long parsed, out _))
                {
                    lineNumber = parsed;
                }
            }
            else if (reader.ValueTextEquals("from"u8))
            {
                reader.Read();
                n = reader.GetInt64();
            }
            else if (reader.ValueTextEquals("lines"u8))
            {
                // Batched frame ({"type":"logs","from":n,"lines":[…]}): "from" precedes "lines" in the server's output.
                reader.Read();
                var k = n;
                while (reader.Read() && reader.TokenType == JsonTokenType.String)
                {
                    var span = reader.ValueSpan;
                    var at = span.IndexOf("line="u8);
                    var parsed = at >= 0 && Utf8Parser.TryParse(span[(at + 5)..], out long p, out _) ? p : -1;
                    Line(k++, parsed, now, ref expectedNext);
                }
                type = "logs";
            }
            else if (reader.ValueTextEquals("status"u8))
            {
                reader.Read();
                status = reader.GetString();
            }
            else
            {
                reader.Skip();
            }
        }
        switch (type)
        {
            case "log":
                Line(n, lineNumber, now, ref expectedNext);
                break;
            case "logs":
                break;
            case "done":
                DoneTicks = now;
                DoneStatus = status ?? "?";
                break;
            default:
                OtherMessages++;
                _connected.TrySetResult();
                break;
        }
    }

    private void Line(long n, long lineNumber, long now, ref long expectedNext)
    {
        Received++;
        if (FirstLineTicks == 0)
        {
            FirstLineTicks = now;
        }
        if (n != expectedNext)
        {
            OutOfOrder++;
        }
        expectedNext = n + 1;
        if (lineNumber != n)
        {
            BadText++;
        }
        if (n < 0 || n >= _seen.Length)
        {
            OutOfRange++;
            return;
        }
        if (_seen[n])
        {
            Duplicates++;
        }
        else
        {
            _seen[n] = true;
            Distinct++;
        }
        if (n == _seen.Length - 1)
        {
            LastLineTicks = now;
        }
    }

    /// <summary>Lines at or after <paramref name="from"/> that were never received.</summary>
    public long MissingFrom(long from)
    {
        long missing = 0;
        for (var i = from; i < _seen.Length; i++)
        {
            if (!_seen[i])
            {
                missing++;
            }
        }
        return missing;
    }
}
