namespace AstroBench.Server.Notifications;

/// <summary>An endpoint as the API shows it: never the secret, only whether one is set.</summary>
public sealed record EndpointDto(
    string Id,
    string Kind,
    string Name,
    string? Url,
    IReadOnlyList<string> Recipients,
    bool HasSecret,
    IReadOnlyList<string> EventTypes,
    string? NotesContains,
    IReadOnlyList<string> Tags,
    bool Enabled,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    internal static EndpointDto From(NotificationEndpoint e) => new(e.Id, e.Kind, e.Name, e.Url, e.Recipients, !string.IsNullOrEmpty(e.Secret),
        e.EventTypes, e.NotesContains, e.Tags, e.Enabled, e.CreatedAt, e.UpdatedAt);
}
