using Cronos;

namespace AstroBench.Server.Scheduling;

/// <summary>5-field cron expressions in UTC, parsed and evaluated by Cronos (never by hand).</summary>
internal static class ScheduleCron
{
    /// <summary>The expression, or null with a readable message.</summary>
    public static (CronExpression? Expression, string? Error) Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, "cron is required: a 5-field expression (minute hour day-of-month month day-of-week) in UTC.");
        }
        try
        {
            return (CronExpression.Parse(text.Trim(), CronFormat.Standard), null);
        }
        catch (CronFormatException ex)
        {
            return (null, $"cron '{Clip(text)}' is not a valid 5-field expression (minute hour day-of-month month day-of-week, UTC): {ex.Message}");
        }
    }

    /// <summary>The first occurrence strictly after <paramref name="from"/>, or null when there is none.</summary>
    public static DateTimeOffset? Next(CronExpression cron, DateTimeOffset from) =>
        cron.GetNextOccurrence(from.ToUniversalTime(), TimeZoneInfo.Utc, inclusive: false);

    /// <summary>Up to <paramref name="count"/> occurrences from <paramref name="from"/> (inclusive).</summary>
    public static List<DateTimeOffset> Upcoming(CronExpression cron, DateTimeOffset from, int count) =>
        [.. cron.GetOccurrences(from.ToUniversalTime(), from.ToUniversalTime().AddYears(50), TimeZoneInfo.Utc, fromInclusive: true, toInclusive: false).Take(count)];

    /// <summary>
    /// The latest occurrence in [<paramref name="due"/>, <paramref name="now"/>]: after downtime only this one is
    /// caught up, never the whole backlog.
    /// </summary>
    public static DateTimeOffset Latest(CronExpression cron, DateTimeOffset due, DateTimeOffset now)
    {
        var latest = due;
        foreach (var o in cron.GetOccurrences(due.ToUniversalTime(), now.ToUniversalTime(), TimeZoneInfo.Utc, fromInclusive: true, toInclusive: true))
        {
            latest = o;
        }
        return latest;
    }

    private static string Clip(string s) => s.Length > 60 ? s[..60] + "…" : s;
}
