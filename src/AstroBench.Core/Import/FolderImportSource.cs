namespace AstroBench.Core.Import;

/// <summary>
/// The files of a run folder on disk as <see cref="ImportEntry"/>s, walked without following links: a symbolic link
/// anywhere (file or folder) is reported as special, so it is refused instead of copied or traversed.
/// </summary>
public static class FolderImportSource
{
    public static IReadOnlyList<ImportEntry> Entries(string folder)
    {
        var root = new DirectoryInfo(Path.GetFullPath(folder));
        if (!root.Exists)
        {
            throw new RunImportException(RunImportFailure.BadArchive, $"'{folder}' is neither a zip file nor a folder");
        }
        var entries = new List<ImportEntry>();
        Walk(root, "", entries);
        return entries;
    }

    private static void Walk(DirectoryInfo dir, string prefix, List<ImportEntry> entries)
    {
        foreach (var info in dir.EnumerateFileSystemInfos().OrderBy(i => i.Name, StringComparer.Ordinal))
        {
            var path = prefix + info.Name;
            if (info.LinkTarget is not null)
            {
                entries.Add(new ImportEntry(path, 0, false, true, () => throw new IOException("a link is never opened")));
            }
            else if (info is DirectoryInfo sub)
            {
                entries.Add(new ImportEntry(path + "/", 0, true, false, () => throw new IOException("a folder is not opened")));
                Walk(sub, path + "/", entries);
            }
            else if (info is FileInfo file)
            {
                entries.Add(new ImportEntry(path, file.Length, false, false, () => file.OpenRead()));
            }
        }
    }
}
