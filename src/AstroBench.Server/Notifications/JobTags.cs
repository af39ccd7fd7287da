using System.Text.RegularExpressions;

namespace AstroBench.Server.Notifications;

/// <summary>
/// Tags are <c>#word</c> tokens in a job's notes ("nightly run #nightly #erfa" has tags nightly and erfa):
/// letters, digits, <c>_ . -</c> after a <c>#</c> at the start or after a space; compared case-insensitively.
/// </summary>
internal static partial class JobTags
{
    public const int MaxTagLength = 64;

    [GeneratedRegex(@"(?<![^\s(\[,;])#([\p{L}\p{N}_.-]{1,64})")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"^[\p{L}\p{N}_.-]{1,64}$")]
    private static partial Regex TagNamePattern();

    public static IReadOnlySet<string> Parse(string? notes)
    {
        var tags = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (!string.IsNullOrEmpty(notes))
        {
            foreach (Match m in TagPattern().Matches(notes))
            {
                tags.Add(m.Groups[1].Value.TrimEnd('.', '-'));
            }
        }
        return tags;
    }

    /// <summary>A tag as a subscription names it, with or without the leading <c>#</c>.</summary>
    public static string Normalize(string tag) => tag.Trim().TrimStart('#');

    public static bool IsValid(string tag) => TagNamePattern().IsMatch(tag);
}
