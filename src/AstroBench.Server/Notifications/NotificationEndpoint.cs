namespace AstroBench.Server.Notifications;

/// <summary>
/// A subscription as stored: where to send (a webhook URL or email recipients), the write-only secret,
/// and the filters (event types, empty = all; notes substring; <c>#tags</c> in the job's notes).
/// </summary>
internal sealed record NotificationEndpoint(
    string Id,
    string Kind,
    string Name,
    string? Url,
    IReadOnlyList<string> Recipients,
    string? Secret,
    IReadOnlyList<string> EventTypes,
    string? NotesContains,
    IReadOnlyList<string> Tags,
    bool Enabled,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
