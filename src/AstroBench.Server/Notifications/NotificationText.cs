using System.Text;
using System.Text.Json.Nodes;
using AstroBench.Server.Events;

namespace AstroBench.Server.Notifications;

/// <summary>The human side of an event (email subject, link back to the job or run, a few lines of text).</summary>
internal sealed record NotificationText(string Subject, string? Link, string Body)
{
    public static NotificationText Of(string type, JsonObject payload, string baseUrl)
    {
        var job = payload["job"] as JsonObject;
        var jobId = Str(job, "job_id");
        var runId = Str(job, "run_id") ?? Str(payload, "run_id");
        var subject = type switch
        {
            LabEventTypes.RunPublished => $"[AstroBench] run {runId} published (job {jobId})",
            LabEventTypes.JobCompleted => $"[AstroBench] job {jobId} completed" + (runId is null ? "" : $" (run {runId})"),
            LabEventTypes.JobFailed or LabEventTypes.JobCancelled or LabEventTypes.JobPaused =>
                $"[AstroBench] job {jobId} {type["job.".Length..]}" + (Str(job, "reason") is { } r ? $": {r}" : ""),
            LabEventTypes.Test => "[AstroBench] test notification",
            _ => $"[AstroBench] {type}",
        };
        string? link = type == LabEventTypes.RunPublished && runId is not null ? $"{baseUrl}/runs/{runId}"
            : jobId is not null ? $"{baseUrl}/jobs/{jobId}"
            : runId is not null ? $"{baseUrl}/runs/{runId}"
            : null;
        var body = new StringBuilder().AppendLine(subject["[AstroBench] ".Length..]).AppendLine();
        if (link is not null)
        {
            body.AppendLine(link).AppendLine();
        }
        if (Str(job, "notes") is { Length: > 0 } notes)
        {
            body.AppendLine("Notes: " + notes);
        }
        if (Str(payload, "message") is { } message)
        {
            body.AppendLine(message);
        }
        body.AppendLine("Event: " + type + " " + Str(payload, "event_id") + " at " + Str(payload, "occurred_at"));
        return new NotificationText(subject, link, body.ToString());
    }

    private static string? Str(JsonObject? o, string key) => o?[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
