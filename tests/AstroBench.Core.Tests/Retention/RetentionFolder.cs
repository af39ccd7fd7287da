namespace AstroBench.Core.Tests.Retention;

/// <summary>A temp lab root with a results folder of small synthetic runs.</summary>
internal sealed class RetentionFolder : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("ab-retention-").FullName;

    public string Results => Path.Combine(Root, "results");

    /// <summary>A run folder with a manifest and one result file of <paramref name="bytes"/> bytes.</summary>
    public string AddRun(string id, int bytes = 1000)
    {
        var dir = Path.Combine(Results, id);
        Directory.CreateDirectory(Path.Combine(dir, "gmst_era"));
        File.WriteAllText(Path.Combine(dir, "manifest.json"), "{}");
        File.WriteAllBytes(Path.Combine(dir, "gmst_era", "erfa.json"), new byte[bytes]);
        return dir;
    }

    public string[] Listed() => Directory.GetDirectories(Results).Select(d => Path.GetFileName(d)).Where(n => !n.StartsWith('.')).Order(StringComparer.Ordinal).ToArray();

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
