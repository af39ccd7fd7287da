using System.IO.Compression;

namespace AstroBench.Server.History;

/// <summary>
/// One computed <c>GET /api/history</c> body (UTF-8 JSON) for an index version, with its gzip and Brotli forms made on
/// first demand and kept beside it: a cached answer is compressed once, not per request.
/// </summary>
internal sealed class HistoryAnswer(Core.History.IndexVersion version, byte[] json)
{
    private byte[]? _gzip;
    private byte[]? _brotli;

    public Core.History.IndexVersion Version { get; } = version;

    public byte[] Json { get; } = json;

    public long LastUsed { get; set; }

    /// <summary>The body in <paramref name="encoding"/> (<c>gzip</c>, <c>br</c> or null for identity).</summary>
    public byte[] Body(string? encoding) => encoding switch
    {
        HistoryEncodings.Gzip => _gzip ??= Compress(s => new GZipStream(s, CompressionLevel.Fastest)),
        HistoryEncodings.Brotli => _brotli ??= Compress(s => new BrotliStream(s, CompressionLevel.Fastest)),
        _ => Json,
    };

    /// <summary>Bytes held (the JSON and whichever compressed forms exist), for the cache's budget.</summary>
    public long Size => Json.Length + (_gzip?.Length ?? 0) + (_brotli?.Length ?? 0);

    private byte[] Compress(Func<Stream, Stream> encoder)
    {
        using var output = new MemoryStream(Json.Length / 8);
        using (var z = encoder(output))
        {
            z.Write(Json);
        }
        return output.ToArray();
    }
}
