using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AstroBench.Server.Tests;

/// <summary>
/// JSON examples of a docs file, marked <c>&lt;!-- {marker}: {name} --&gt;</c> before a fenced json block, and the
/// member paths of a JSON value (<c>$.runs[].run_id</c>), so a test can check a doc's example against a real response.
/// </summary>
internal static class DocExamples
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
}
