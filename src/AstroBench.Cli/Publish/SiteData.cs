using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AstroBench.Cli.Publish;

/// <summary>
/// Writes the data scripts of a site: <c>data/&lt;name&gt;.js</c> (<see cref="StaticDataFile"/>), a classic script that
/// stores a JSON body under its key in <c>window.__astrobench</c> (file:// forbids fetch in chromium; a script tag is
/// allowed). A key written once is not written again, so content-named chunks shared by many runs cost one file.
/// </summary>
internal sealed class SiteData(string siteDir)
{
    private static readonly byte[] Suffix = ";\n"u8.ToArray();
    private readonly ConcurrentDictionary<string, byte> _written = new(StringComparer.Ordinal);

    public int Written => _written.Count;

    public IEnumerable<string> Keys => _written.Keys;

    public void Create() => Directory.CreateDirectory(Path.Combine(siteDir, "data"));

    public Task WriteAsync(string key, string json, CancellationToken ct) => WriteAsync(key, Encoding.UTF8.GetBytes(json), ct);

    /// <summary>Writes an answer with its large subtrees moved out into shared chunks (<see cref="JsonChunks"/>); changes <paramref name="body"/>.</summary>
    public async Task WriteSharedAsync(string key, JsonNode body, CancellationToken ct)
    {
        var (root, chunks) = JsonChunks.Split(body);
        foreach (var (id, json) in chunks)
        {
            await WriteAsync(PublishedEndpoints.Chunk(id), json, ct);
        }
        await WriteAsync(key, root, ct);
    }

    /// <summary>Writes the body under <paramref name="key"/>; false (nothing written) when the key is in the site already.</summary>
    public async Task<bool> WriteAsync(string key, ReadOnlyMemory<byte> json, CancellationToken ct)
    {
        if (!_written.TryAdd(key, 0))
        {
            return false;
        }
        var prefix = Encoding.UTF8.GetBytes("(window.__astrobench=window.__astrobench||{})[" + JsonSerializer.Serialize(key) + "]=");
        await using var file = new FileStream(Path.Combine(siteDir, StaticDataFile.Of(key)), FileMode.CreateNew, FileAccess.Write, FileShare.None,
            bufferSize: 1 << 16, useAsync: true);
        await file.WriteAsync(prefix, ct);
        await file.WriteAsync(json, ct);
        await file.WriteAsync(Suffix, ct);
        return true;
    }
}
