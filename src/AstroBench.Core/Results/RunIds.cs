using System.Globalization;
using System.Text.RegularExpressions;

namespace AstroBench.Core.Results;

/// <summary>Run ids: UTC <c>YYYY-MM-DD_HH-MM-SS</c> with an optional <c>-n</c> suffix; they sort chronologically.</summary>
public static partial class RunIds
{
    public const string StagingFolder = ".staging";

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2}(-\d{1,4})?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    public static string Base(DateTimeOffset utc) =>
        utc.UtcDateTime.ToString("yyyy-MM-dd_HH-mm-ss", CultureInfo.InvariantCulture);
}
