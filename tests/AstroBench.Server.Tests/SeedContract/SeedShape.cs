using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AstroBench.Server.Tests.SeedContract;

/// <summary>
/// Checks that a real response has the shape of a seed example: every member of the example is
/// present with the same JSON type. <c>null</c> in the example means nullable (any value); an empty
/// object means any object; an array's first element is the shape of every element. <c>job_id</c>
/// must be 12 hex digits and every timestamp string ISO-8601 UTC ending in <c>Z</c>.
/// Extra members in the response are allowed: AstroBench adds fields beside the original ones.
/// </summary>
internal static partial class SeedShape
{
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$")]
    private static partial Regex UtcTimestamp();

    [GeneratedRegex("^[0-9a-f]{12}$")]
    private static partial Regex JobId();

    public static void AssertMatches(JsonNode? example, JsonNode? actual, string path = "$")
    {
        var problems = new List<string>();
        Check(example, actual, path, problems);
        Assert.True(problems.Count == 0, string.Join("\n", problems) + "\nactual: " + actual?.ToJsonString());
    }

    private static void Check(JsonNode? example, JsonNode? actual, string path, List<string> problems)
    {
        if (example is null)
        {
            CheckFormat(path, actual, problems);
            return;
        }
        if (actual is null)
        {
            problems.Add($"{path}: null, expected {example.GetValueKind()}");
            return;
        }
        var want = example.GetValueKind();
        var got = actual.GetValueKind();
        if (!SameKind(want, got))
        {
            problems.Add($"{path}: {got}, expected {want}");
            return;
        }
        switch (example)
        {
            case JsonObject o:
                foreach (var (name, value) in o)
                {
                    if (!actual.AsObject().ContainsKey(name))
                    {
                        problems.Add($"{path}.{name}: missing");
                        continue;
                    }
                    Check(value, actual[name], $"{path}.{name}", problems);
                }
                break;
            case JsonArray a when a.Count > 0:
                var i = 0;
                foreach (var item in actual.AsArray())
                {
                    Check(a[0], item, $"{path}[{i++}]", problems);
                }
                break;
            default:
                CheckFormat(path, actual, problems);
                break;
        }
    }

    private static bool SameKind(JsonValueKind want, JsonValueKind got) =>
        want == got || (want is JsonValueKind.True or JsonValueKind.False && got is JsonValueKind.True or JsonValueKind.False);

    private static void CheckFormat(string path, JsonNode? actual, List<string> problems)
    {
        if (actual is not JsonValue v || !v.TryGetValue<string>(out var s))
        {
            return;
        }
        var name = path[(path.LastIndexOf('.') + 1)..];
        if (name == "job_id" && !JobId().IsMatch(s))
        {
            problems.Add($"{path}: '{s}' is not 12 hex digits");
        }
        if ((name.EndsWith("_at", StringComparison.Ordinal) || name is "timestamp" or "date") && !UtcTimestamp().IsMatch(s))
        {
            problems.Add($"{path}: '{s}' is not ISO-8601 UTC ending in Z");
        }
    }
}
