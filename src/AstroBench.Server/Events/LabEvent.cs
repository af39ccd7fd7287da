using System.Text.Json.Nodes;

namespace AstroBench.Server.Events;

/// <summary>
/// One persisted lab event. <see cref="Seq"/> orders events (consumers keep a cursor on it);
/// <see cref="Id"/> is unique and stable, so a receiver can use it as its idempotency key.
/// <see cref="Payload"/> is the event's data as JSON text (a fresh node per read, so readers never share one).
/// </summary>
public sealed record LabEvent(long Seq, string Id, string Type, DateTimeOffset OccurredAt, string? JobId, string? RunId, string Payload)
{
    public JsonObject PayloadObject() => JsonNode.Parse(Payload) as JsonObject ?? [];
}
