using AstroBench.Cli.Tests.Infrastructure;

namespace AstroBench.Cli.Tests.Adapters;

/// <summary>An adapters folder under <c>root</c> holding one fixture only (its script linked), with the manifest's
/// <c>"protocol": [1, 3]</c> replaced by <c>protocol</c> when given.</summary>
internal static class FixtureFolders
{
    public static string Only(string root, string fixture, string? protocol = null)
    {
        var dir = Path.Combine(root, fixture + (protocol is null ? "" : "-v" + protocol.Replace(" ", "", StringComparison.Ordinal)));
        var adapter = Path.Combine(dir, fixture);
        Directory.CreateDirectory(adapter);
        File.CreateSymbolicLink(Path.Combine(adapter, "adapter.sh"), Path.Combine(Repo.Fixtures, fixture, "adapter.sh"));
        var manifest = File.ReadAllText(Path.Combine(Repo.Fixtures, fixture, "adapter.json"));
        File.WriteAllText(Path.Combine(adapter, "adapter.json"), protocol is null ? manifest : manifest.Replace("\"protocol\": [1, 3]", "\"protocol\": " + protocol, StringComparison.Ordinal));
        return dir;
    }
}
