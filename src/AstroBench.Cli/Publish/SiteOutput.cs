namespace AstroBench.Cli.Publish;

/// <summary>
/// Where a site is written: a sibling temp folder, then swapped into <c>--out</c> with renames, so a reader (a static
/// host serving the folder) sees the old site or the new one, never half of one. An existing <c>--out</c> is replaced
/// only when it is empty or a previous publish (it holds <see cref="Marker"/>): publish never deletes someone's folder.
/// </summary>
internal static class SiteOutput
{
    public const string Marker = ".astrobench-site";

    public static string Prepare(string outDir)
    {
        var target = Path.GetFullPath(outDir.TrimEnd('/'));
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any() && !File.Exists(Path.Combine(target, Marker)))
        {
            throw new CliException($"--out '{outDir}' exists and is not a published AstroBench site; choose a new or empty folder");
        }
        if (File.Exists(target))
        {
            throw new CliException($"--out '{outDir}' is a file");
        }
        var temp = $"{target}.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}";
        Directory.CreateDirectory(temp);
        return temp;
    }

    public static void Commit(string temp, string outDir)
    {
        var target = Path.GetFullPath(outDir.TrimEnd('/'));
        File.WriteAllText(Path.Combine(temp, Marker), "published by astrobench publish\n");
        string? old = null;
        if (Directory.Exists(target))
        {
            old = $"{target}.old-{Environment.ProcessId}-{Guid.NewGuid():N}";
            Directory.Move(target, old);
        }
        Directory.Move(temp, target);
        if (old is not null)
        {
            Directory.Delete(old, recursive: true);
        }
    }

    public static void Abandon(string temp)
    {
        if (Directory.Exists(temp))
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    public static void CopyTree(string from, string to)
    {
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        }
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)), overwrite: true);
        }
    }
}
