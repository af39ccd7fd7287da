using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AstroBench.Server.Tests;

/// <summary>
/// JSON examples of a docs file — marked <c>&lt;!-- {marker}: {name} --&gt;</c> before a fenced json block, or the first
/// block after a heading — and the member paths or keys of a JSON value, so a test can check a doc's example against a
/// real response.
/// </summary>
internal static partial class DocExamples
{
    public static JsonNode Example(string docFile, string marker, string name)
    {
        var doc = File.ReadAllText(Path.Combine(Lab.RepoRoot, "docs", docFile));
        var pattern = new Regex($@"<!-- {Regex.Escape(marker)}: ([a-z0-9-]+) -->\s*```json\n(.*?)\n```", RegexOptions.Singleline);
        var match = pattern.Matches(doc).FirstOrDefault(m => m.Groups[1].Value == name)
            ?? throw new KeyNotFoundException($"docs/{docFile} has no {marker} '{name}'");
        return JsonNode.Parse(match.Groups[2].Value)!;
    }

    /// <summary>Every member path, arrays described by their elements.</summary>
    public static SortedSet<string> Members(JsonNode? node, string path = "$", SortedSet<string>? into = null)
    {
        into ??= new SortedSet<string>(StringComparer.Ordinal);
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, value) in o)
                {
                    into.Add($"{path}.{name}");
                    Members(value, $"{path}.{name}", into);
                }
                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    Members(item, path + "[]", into);
                }
                break;
        }
        return into;
    }

    [GeneratedRegex("```json\\n(.*?)\\n```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();

    /// <summary>The first JSON block after <paramref name="heading"/> in docs/<paramref name="doc"/>.</summary>
    public static JsonNode Example(string doc, string heading)
    {
        var text = File.ReadAllText(Path.Combine(Lab.RepoRoot, "docs", doc));
        var at = text.IndexOf(heading, StringComparison.Ordinal);
        Assert.True(at >= 0, $"docs/{doc} has '{heading}'");
        return JsonNode.Parse(JsonBlock().Match(text, at).Groups[1].Value)!;
    }

    public static void AssertSameKeys(JsonNode documented, JsonNode real) =>
        Assert.Equal(documented.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal), real.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
}
