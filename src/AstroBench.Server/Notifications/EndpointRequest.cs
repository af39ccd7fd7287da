namespace AstroBench.Server.Notifications;

/// <summary>
/// Body of POST (create) and PATCH (change) <c>/api/notifications/endpoints</c>. In a PATCH an absent (null)
/// member keeps its value; <c>secret: ""</c> removes the secret. The secret is write-only: no response returns it.
/// </summary>
public sealed record EndpointRequest(
    string? Kind = null,
    string? Name = null,
    string? Url = null,
    IReadOnlyList<string>? Recipients = null,
    string? Secret = null,
    IReadOnlyList<string>? EventTypes = null,
    string? NotesContains = null,
    IReadOnlyList<string>? Tags = null,
    bool? Enabled = null);
