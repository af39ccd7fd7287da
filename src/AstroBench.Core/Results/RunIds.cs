using System.Globalization;
using System.Text.RegularExpressions;
using AstroBench.Core.Adapters;

namespace AstroBench.Core.Results;

/// <summary>
/// Run ids — UTC <c>YYYY-MM-DD_HH-MM-SS</c> with an optional <c>-n</c> suffix, sorting chronologically —
/// and the strict patterns every id must match before it becomes a path segment.
/// </summary>
public static partial class RunIds
{
    public const string StagingFolder = ".staging";

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2}(-\d{1,4})?$", RegexOptions.CultureInvariant)]
    private static partial Regex NewRunPattern();

    /// <summary>Any run folder name the reader accepts (this lab's ids, the original lab's days, imported names).</summary>
    [GeneratedRegex(@"^[0-9A-Za-z][0-9A-Za-z_-]{0,63}$")]
    private static partial Regex RunIdPattern();

    [GeneratedRegex(@"^[a-z][a-z0-9_]{0,63}$")]
    private static partial Regex ExperimentPattern();

    [GeneratedRegex(@"^(\d{4}-\d{2}-\d{2})(?:_(\d{2})-(\d{2})-(\d{2}))?(?:-\d{1,6})?$")]
    private static partial Regex DatedPattern();

    /// <summary>True for ids this lab creates (<see cref="Base"/> plus an optional suffix).</summary>
    public static bool IsValid(string? id) => id is not null && NewRunPattern().IsMatch(id);

    public static string Base(DateTimeOffset utc) =>
        utc.UtcDateTime.ToString("yyyy-MM-dd_HH-mm-ss", CultureInfo.InvariantCulture);

    public static bool IsValidRunId(string? id) => id is not null && RunIdPattern().IsMatch(id);

    public static bool IsValidExperiment(string? id) => id is not null && ExperimentPattern().IsMatch(id);

    public static bool IsValidLibrary(string? id) => AdapterNames.IsValid(id);

    /// <summary>True for the original lab's day folders <c>YYYY-MM-DD</c>.</summary>
    public static bool IsLegacyDay(string id) => id.Length == 10 && DatedPattern().IsMatch(id);

    /// <summary>The UTC time encoded in <c>YYYY-MM-DD_HH-MM-SS[-n]</c> or <c>YYYY-MM-DD</c>, else null.</summary>
    public static DateTimeOffset? TimestampOf(string id)
    {
        var m = DatedPattern().Match(id);
        if (!m.Success)
        {
            return null;
        }
        var text = m.Groups[2].Success
            ? $"{m.Groups[1].Value}T{m.Groups[2].Value}:{m.Groups[3].Value}:{m.Groups[4].Value}Z"
            : $"{m.Groups[1].Value}T00:00:00Z";
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t)
            ? t
            : null;
    }
}
