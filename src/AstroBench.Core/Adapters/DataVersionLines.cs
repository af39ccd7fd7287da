namespace AstroBench.Core.Adapters;

/// <summary>Parses the output of an adapter's data_versions command: one <c>key: value</c> per line.</summary>
public static class DataVersionLines
{
    public static IReadOnlyDictionary<string, string> Parse(string output)
    {
        var versions = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            // A line without a key (e.g. a library's warning on stderr) is kept under "note" rather than dropped.
            var (key, value) = colon > 0 ? (line[..colon].Trim(), line[(colon + 1)..].Trim()) : ("note", line);
            versions[key] = versions.TryGetValue(key, out var earlier) ? earlier + "; " + value : value;
        }
        return versions;
    }
}
