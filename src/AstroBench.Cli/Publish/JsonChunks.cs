using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace AstroBench.Cli.Publish;

/// <summary>
/// Shares repeated JSON between the files of a site (docs/publish-import.md): every object or array of at least
/// <see cref="MinBytes"/> serialized bytes (after its own large members were moved out, so a chunk never holds another
/// large subtree inline) becomes a chunk named by a hash of its content, <c>/chunks/&lt;id&gt;</c>, and its place holds
/// <c>{"$chunk":"&lt;id&gt;"}</c>; the web app puts the body back together (lib/staticSite.ts). So the experiment
/// detail and the run detail's entry for it — the same array — are one file, and so is every subtree that many runs
/// share (a manifest's catalogue, accuracy that did not change between runs).
/// </summary>
internal static class JsonChunks
{
    public const string RefKey = "$chunk";
    public const int MinBytes = 16 * 1024;

    /// <summary>The chunks of <paramref name="body"/> (moved out of it in place) and what remains of the body, as JSON text.</summary>
    public static (string Root, List<(string Id, string Json)> Chunks) Split(JsonNode body)
    {
        var chunks = new List<(string, string)>();
        var root = Hoist(body, chunks);
        return (root?.ToJsonString() ?? "null", chunks);
    }

    public static string IdOf(ReadOnlySpan<byte> json) => Convert.ToHexStringLower(SHA256.HashData(json))[..32];

    private static JsonNode? Hoist(JsonNode? node, List<(string, string)> chunks)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var key in o.Select(p => p.Key).ToList())
                {
                    var child = o[key];
                    var replaced = Hoist(child, chunks);
                    if (!ReferenceEquals(replaced, child))
                    {
                        o[key] = replaced;
                    }
                }
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    var child = a[i];
                    var replaced = Hoist(child, chunks);
                    if (!ReferenceEquals(replaced, child))
                    {
                        a[i] = replaced;
                    }
                }
                break;
            default:
                return node;
        }
        var json = node.ToJsonString();
        if (Encoding.UTF8.GetByteCount(json) < MinBytes)
        {
            return node;
        }
        var id = IdOf(Encoding.UTF8.GetBytes(json));
        chunks.Add((id, json));
        return new JsonObject { [RefKey] = id };
    }
}
