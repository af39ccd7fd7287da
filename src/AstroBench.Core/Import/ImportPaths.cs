namespace AstroBench.Core.Import;

/// <summary>
/// The one check that an entry path stays inside the run folder. A path is split on both separators (a zip made on
/// Windows may use <c>\</c>); it is refused when absolute, rooted with a drive letter, or when any segment is
/// <c>..</c>, empty in the middle, or holds a NUL or colon. The answer is the clean relative segments.
/// </summary>
public static class ImportPaths
{
    public static string[] Segments(string path)
    {
        if (path.Length == 0 || path[0] is '/' or '\\' || (path.Length >= 2 && path[1] == ':'))
        {
            throw Unsafe(path);
        }
        var trimmed = path.TrimEnd('/', '\\');
        var segments = trimmed.Split('/', '\\');
        foreach (var s in segments)
        {
            if (s.Length == 0 || s == ".." || s == "." || s.Contains('\0', StringComparison.Ordinal) || s.Contains(':', StringComparison.Ordinal))
            {
                throw Unsafe(path);
            }
        }
        return segments;
    }

    /// <summary>The absolute target of <paramref name="segments"/> under <paramref name="root"/>, checked once more after normalisation.</summary>
    public static string Under(string root, string[] segments)
    {
        var full = System.IO.Path.GetFullPath(System.IO.Path.Combine([root, .. segments]));
        var prefix = System.IO.Path.GetFullPath(root).TrimEnd(System.IO.Path.DirectorySeparatorChar) + System.IO.Path.DirectorySeparatorChar;
        return full.StartsWith(prefix, StringComparison.Ordinal) ? full : throw Unsafe(string.Join('/', segments));
    }

    private static RunImportException Unsafe(string path) =>
        new(RunImportFailure.UnsafePath, $"entry '{(path.Length > 80 ? path[..80] + "…" : path)}' would leave the run folder");
}
