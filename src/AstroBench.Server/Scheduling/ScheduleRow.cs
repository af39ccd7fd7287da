using AstroBench.Server.Jobs;

namespace AstroBench.Server.Scheduling;

/// <summary>
/// A stored schedule. <see cref="NextDue"/> is the occurrence the scheduler fires next (null: the expression has
/// no future occurrence); <see cref="LastFiredAt"/> the occurrence it fired last (not the wall time of the fire).
/// </summary>
internal sealed record ScheduleRow(
    string Id,
    string Name,
    string Cron,
    JobConfig Job,
    string? Notes,
    int Priority,
    string ConcurrencyKey,
    bool Enabled,
    DateTimeOffset CreatedAt,
    DateTimeOffset? NextDue,
    DateTimeOffset? LastFiredAt,
    string? LastJobId);
