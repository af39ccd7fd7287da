using AstroBench.Server.Jobs;

namespace AstroBench.Server.Scheduling;

/// <summary>A schedule on the wire (docs/schedules.md). <c>next_occurrences</c> is empty while disabled.</summary>
public sealed record ScheduleDto(
    string Id,
    string Name,
    string Cron,
    StartJobRequest Job,
    int Priority,
    string ConcurrencyKey,
    bool Enabled,
    DateTimeOffset CreatedAt,
    IReadOnlyList<DateTimeOffset> NextOccurrences,
    DateTimeOffset? LastFiredAt,
    string? LastJobId)
{
    public const int Upcoming = 5;

    internal static ScheduleDto From(ScheduleRow s)
    {
        var next = s.Enabled && s.NextDue is { } due && ScheduleCron.Parse(s.Cron).Expression is { } cron
            ? ScheduleCron.Upcoming(cron, due, Upcoming)
            : [];
        var c = s.Job;
        var job = new StartJobRequest([.. c.Experiments], c.Libraries is null ? null : [.. c.Libraries], c.N, c.Seed, c.PerfRounds, c.NoPerf, c.CiMode, s.Notes)
        {
            MaxPerfRounds = c.MaxPerfRounds, PerfCvTargetPercent = c.PerfCvTargetPercent, PerfBudgetSeconds = c.PerfBudgetSeconds,
        };
        return new ScheduleDto(s.Id, s.Name, s.Cron, job, s.Priority, s.ConcurrencyKey, s.Enabled, s.CreatedAt, next, s.LastFiredAt, s.LastJobId);
    }
}
