namespace AstroBench.Core.Storage;

/// <summary>Bytes and files under a folder (recursive; links are counted as themselves, never followed).</summary>
public readonly record struct DirectoryUsage(long Bytes, long Files)
{
    public static DirectoryUsage Measure(string directory)
    {
        long bytes = 0, files = 0;
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true };
        foreach (var file in new DirectoryInfo(directory).EnumerateFiles("*", options))
        {
            bytes += file.Length;
            files++;
        }
        return new DirectoryUsage(bytes, files);
    }
}
