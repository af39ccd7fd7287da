namespace AstroBench.Cli.Tests.Infrastructure;

/// <summary>A temporary working folder whose results/ the test inspects.</summary>
internal sealed class TempLab : IDisposable
{
    public string Dir { get; } = Directory.CreateTempSubdirectory("ab-cli-").FullName;

    public string Results => Path.Combine(Dir, "results");

    /// <summary>Published run folders (staging excluded).</summary>
    public string[] Runs() => Directory.Exists(Results)
        ? Directory.GetDirectories(Results).Where(d => !Path.GetFileName(d).StartsWith('.')).Order(StringComparer.Ordinal).ToArray()
        : [];

    public void Dispose() => Directory.Delete(Dir, recursive: true);
}
