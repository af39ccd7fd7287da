using System.Globalization;

namespace AstroBench.Core.Retention;

/// <summary>
/// What retention may delete. Every rule is optional (null = no limit); a run goes when any rule selects it
/// (<see cref="RetentionPlanner"/>). <see cref="LogsMaxAgeDays"/> and <see cref="JobsMaxAgeDays"/> govern job logs
/// and job history, which have their own retention (the server applies them; the run planner ignores them).
/// Sizes are MiB (1 MiB = 1,048,576 bytes). <see cref="None"/> deletes nothing: the safe default.
/// </summary>
public sealed record RetentionRules(
    int? KeepLast = null,
    double? MaxAgeDays = null,
    long? MaxTotalMb = null,
    bool Archive = false,
    string? ArchiveDir = null,
    double? LogsMaxAgeDays = null,
    double? JobsMaxAgeDays = null)
{
    public const int MaxKeepLast = 10_000_000;
    public const double MaxDays = 36_500;

    /// <summary>1 EiB in MiB: a larger figure is a typo, not a disk.</summary>
    public const long MaxTotalMbLimit = 1L << 40;

    public const int MaxArchiveDirLength = 4096;

    public static RetentionRules None { get; } = new();

    public const long BytesPerMb = 1024 * 1024;

    public bool HasRunRules => KeepLast is not null || MaxAgeDays is not null || MaxTotalMb is not null;

    /// <summary>Readable errors keyed by the JSON field name (snake_case); empty when the rules are valid.</summary>
    public IReadOnlyDictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (KeepLast is { } k && k is < 1 or > MaxKeepLast)
        {
            errors["keep_last"] = [Invariant($"keep_last must be between 1 and {MaxKeepLast} runs (null for no limit); got {k}.")];
        }
        Days(errors, "max_age_days", MaxAgeDays);
        Days(errors, "logs_max_age_days", LogsMaxAgeDays);
        Days(errors, "jobs_max_age_days", JobsMaxAgeDays);
        if (MaxTotalMb is { } m && m is < 1 or > MaxTotalMbLimit)
        {
            errors["max_total_mb"] = [Invariant($"max_total_mb must be between 1 and {MaxTotalMbLimit} MiB (null for no limit); got {m}.")];
        }
        if (ArchiveDir is not null && (string.IsNullOrWhiteSpace(ArchiveDir) || ArchiveDir.Length > MaxArchiveDirLength || ArchiveDir.Contains('\0', StringComparison.Ordinal)))
        {
            errors["archive_dir"] = [Invariant($"archive_dir must be a non-empty path of at most {MaxArchiveDirLength} characters (null for the default).")];
        }
        return errors;
    }

    private static void Days(Dictionary<string, string[]> errors, string field, double? value)
    {
        if (value is { } d && (!double.IsFinite(d) || d <= 0 || d > MaxDays))
        {
            errors[field] = [Invariant($"{field} must be a number of days greater than 0 and at most {MaxDays} (null for no limit); got {d}.")];
        }
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
