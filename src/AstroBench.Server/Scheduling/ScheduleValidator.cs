using System.Security.Cryptography;
using AstroBench.Server.Jobs;
using AstroBench.Server.Queue;

namespace AstroBench.Server.Scheduling;

/// <summary>
/// A schedule request to a new row: the job body through <see cref="StartJobValidator"/>, priority and key through
/// <see cref="QueueValidator"/>, the cron through Cronos. Field messages for a 422 (the job's under <c>job.*</c>).
/// </summary>
internal static class ScheduleValidator
{
    public const int MaxNameLength = 100;

    public static (ScheduleRow? Row, Dictionary<string, string[]> Errors) Validate(ScheduleRequest? request, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request is null)
        {
            QueueValidator.Add(errors, "body", "A JSON body is required.");
            return (null, errors);
        }
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength || name.Any(char.IsControl))
        {
            QueueValidator.Add(errors, "name", $"name is required: 1 to {MaxNameLength} characters, no control characters.");
        }
        var (cron, cronError) = ScheduleCron.Parse(request.Cron);
        if (cronError is not null)
        {
            QueueValidator.Add(errors, "cron", cronError);
        }
        var (config, notes, jobErrors) = request.Job is null
            ? (null, null, new Dictionary<string, string[]> { ["body"] = ["job is required: the body of POST /api/benchmark/start."] })
            : StartJobValidator.Validate(request.Job);
        foreach (var (field, messages) in jobErrors)
        {
            errors["job." + field] = messages;
        }
        var priority = QueueValidator.Priority(request.Priority, errors);
        var key = QueueValidator.Key(request.ConcurrencyKey, errors);
        if (errors.Count > 0 || cron is null || config is null || priority is null)
        {
            return (null, errors);
        }
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        // Default key: a slow scheduled job is superseded by its next occurrence rather than piled up.
        return (new ScheduleRow(id, name!, request.Cron!.Trim(), config, notes, priority.Value, key ?? "schedule:" + id,
            request.Enabled ?? true, now, ScheduleCron.Next(cron, now), null, null), errors);
    }
}
