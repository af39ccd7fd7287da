using System.Text.Json.Nodes;
using AstroBench.Server.Events;

namespace AstroBench.Server.Notifications;

/// <summary>
/// Which endpoints an event goes to: an enabled endpoint that existed before the event (by sequence), whose event types include
/// it (empty = every type); for job events also its notes filter (substring, case-insensitive) and its tags
/// (at least one of them among the job's <see cref="JobTags"/>). Events without a job pass the notes and tags filters.
/// </summary>
internal static class SubscriptionFilter
{
    public static bool Matches(NotificationEndpoint endpoint, LabEvent ev, JsonObject payload)
    {
        if (!endpoint.Enabled || ev.Seq <= endpoint.AfterSeq)
        {
            return false;
        }
        if (endpoint.EventTypes.Count > 0 && !endpoint.EventTypes.Contains(ev.Type, StringComparer.Ordinal))
        {
            return false;
        }
        if (payload["job"] is not JsonObject job)
        {
            return true;
        }
        var notes = job["notes"] is JsonValue v && v.TryGetValue<string>(out var n) ? n : "";
        if (!string.IsNullOrEmpty(endpoint.NotesContains) && !notes.Contains(endpoint.NotesContains, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        return endpoint.Tags.Count == 0 || JobTags.Parse(notes).Overlaps(endpoint.Tags);
    }
}
