using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AstroBench.Server.Tests.SeedContract;

/// <summary>
/// The hand-written examples of docs/http-api.md ("Compatibility with the original lab"), each
/// under a <c>&lt;!-- seed-example: NAME --&gt;</c> marker, read from the doc itself so the doc
/// and the test can never drift apart.
/// </summary>
internal static partial class SeedExamples
{
    private static readonly Lazy<Dictionary<string, JsonNode>> All = new(Load);

    public static JsonNode Get(string name) =>
        All.Value.TryGetValue(name, out var node) ? node.DeepClone() : throw new KeyNotFoundException($"docs/http-api.md has no seed-example '{name}'");

    public static IReadOnlyCollection<string> Names => All.Value.Keys;

    [GeneratedRegex(@"<!-- seed-example: ([a-z0-9-]+) -->\s*```json\n(.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex ExamplePattern();

    private static Dictionary<string, JsonNode> Load()
    {
        var doc = File.ReadAllText(Path.Combine(Lab.RepoRoot, "docs", "http-api.md"));
        return ExamplePattern().Matches(doc).ToDictionary(m => m.Groups[1].Value, m => JsonNode.Parse(m.Groups[2].Value)!);
    }
}
