namespace AstroBench.Core.Retention;

/// <summary>Where archives go: <c>archive_dir</c> (relative paths from the results folder's parent, the lab root),
/// default <c>&lt;lab root&gt;/archive</c>. Never inside the results folder, where it would be listed as a run.</summary>
public static class RetentionPaths
{
    public const string DefaultArchiveFolder = "archive";

    public static string ArchiveDir(RetentionRules rules, string resultsDir)
    {
        var results = Path.GetFullPath(resultsDir);
        var labRoot = Path.GetDirectoryName(results) ?? results;
        return Path.GetFullPath(Path.Combine(labRoot, rules.ArchiveDir ?? DefaultArchiveFolder));
    }

    /// <summary>An error message when the archive folder lies in the results folder, else null.</summary>
    public static string? CheckArchiveDir(RetentionRules rules, string resultsDir)
    {
        var results = Path.GetFullPath(resultsDir).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var archive = ArchiveDir(rules, resultsDir).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return archive.StartsWith(results, StringComparison.Ordinal) || results.StartsWith(archive, StringComparison.Ordinal)
            ? "archive_dir must not be the results folder, inside it, or above it."
            : null;
    }
}
