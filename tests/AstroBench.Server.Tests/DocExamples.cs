using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AstroBench.Server.Tests;

/// <summary>The JSON examples of a docs file, found by the heading above them, and a same-keys check against a real response.</summary>
internal static partial class DocExamples
{
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
