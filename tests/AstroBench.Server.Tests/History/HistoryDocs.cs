using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AstroBench.Server.Tests.History;

/// <summary>The marked JSON examples of docs/history.md and the member paths of a JSON value, to compare a doc with a real response.</summary>
internal static partial class HistoryDocs
{
    [GeneratedRegex(@"<!-- history-example: ([a-z0-9-]+) -->\s*```json\n(.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex ExamplePattern();

    public static JsonNode Example(string name)
    {
        var doc = File.ReadAllText(Path.Combine(Lab.RepoRoot, "docs", "history.md"));
        var match = ExamplePattern().Matches(doc).FirstOrDefault(m => m.Groups[1].Value == name)
            ?? throw new KeyNotFoundException($"docs/history.md has no history-example '{name}'");
        return JsonNode.Parse(match.Groups[2].Value)!;
    }

    /// <summary>Every member path (<c>$[].points[].run_id</c>), arrays described by their elements, except those below <paramref name="skip"/>.</summary>
    public static SortedSet<string> Members(JsonNode? node, string? skip = null)
    {
        var all = new SortedSet<string>(StringComparer.Ordinal);
        Collect(node, "$", all);
        all.RemoveWhere(p => skip is not null && p.StartsWith(skip, StringComparison.Ordinal));
        return all;
    }

    private static void Collect(JsonNode? node, string path, SortedSet<string> into)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, value) in o)
                {
                    into.Add($"{path}.{name}");
                    Collect(value, $"{path}.{name}", into);
                }
                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    Collect(item, path + "[]", into);
                }
                break;
        }
    }
}
