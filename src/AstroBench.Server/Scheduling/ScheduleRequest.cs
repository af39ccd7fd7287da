using System.Text.Json;
using AstroBench.Server.Jobs;

namespace AstroBench.Server.Scheduling;

/// <summary>
/// Body of POST /api/schedules. <c>job</c> is the start request's body; <c>priority</c> is raw JSON so a
/// non-integer is a 422 with a field message, as on the queue.
/// </summary>
public sealed record ScheduleRequest(
    string? Name,
    string? Cron,
    StartJobRequest? Job,
    JsonElement? Priority,
    string? ConcurrencyKey,
    bool? Enabled);
