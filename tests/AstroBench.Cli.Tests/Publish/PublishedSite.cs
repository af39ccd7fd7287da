using System.Text.Json;
using System.Text.Json.Nodes;

namespace AstroBench.Cli.Tests.Publish;

/// <summary>Reads a published site's data scripts back: the JSON body stored under a key.</summary>
internal static class PublishedSite
{
    public static string FileOf(string site, string key) => Path.Combine(site, AstroBench.Cli.Publish.StaticDataFile.Of(key));

    /// <summary>The body a data script stores: what follows "]=" up to the final ";".</summary>
    public static JsonNode Data(string site, string key)
    {
        var text = File.ReadAllText(FileOf(site, key));
        Assert.StartsWith("(window.__astrobench=window.__astrobench||{})[" + JsonSerializer.Serialize(key) + "]=", text, StringComparison.Ordinal);
        var body = text[(text.IndexOf("]=", StringComparison.Ordinal) + 2)..].TrimEnd('\n', ';');
        return JsonNode.Parse(body)!;
    }

    public static List<string> Ids(JsonNode list, string field) => list.AsArray().Select(x => x![field]!.GetValue<string>()).ToList();
}
