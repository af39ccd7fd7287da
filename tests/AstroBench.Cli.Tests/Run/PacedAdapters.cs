using System.Text.Json.Nodes;
using AstroBench.Cli.Tests.Infrastructure;

namespace AstroBench.Cli.Tests.Run;

/// <summary>Copies of the <c>paced</c> fixture (v1; reports chosen ns/op values) as adapter folders.</summary>
internal static class PacedAdapters
{
    /// <summary>An adapter folder <paramref name="name"/> whose program is the paced fixture reporting <paramref name="values"/>.</summary>
    public static void Write(string adapters, string name, string role, params string[] values) => WriteAs(adapters, name, role, "sh", values);

    /// <summary>The same, declaring <paramref name="language"/> (e.g. "c": timed by native code's rules).</summary>
    public static void WriteAs(string adapters, string name, string role, string language, params string[] values)
    {
        var script = Path.Combine(Repo.Fixtures, "paced", "adapter.sh");
        var dir = Directory.CreateDirectory(Path.Combine(adapters, name)).FullName;
        var manifest = new JsonObject
        {
            ["name"] = name, ["protocol"] = 1, ["language"] = language, ["library"] = "paced fixture", ["license"] = "n/a",
            ["run"] = new JsonArray([JsonValue.Create("sh"), JsonValue.Create(script), .. values.Select(v => JsonValue.Create(v))]),
            ["version"] = new JsonArray("sh", script, "--version"),
            ["requires"] = new JsonArray(),
            ["experiments"] = new JsonObject { ["gmst_era"] = new JsonObject { ["model"] = "paced fixture " + string.Join(' ', values), ["role"] = role } },
        };
        File.WriteAllText(Path.Combine(dir, "adapter.json"), manifest.ToJsonString(), System.Text.Encoding.UTF8);
    }
}
