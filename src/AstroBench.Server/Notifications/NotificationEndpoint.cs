namespace AstroBench.Server.Notifications;

/// <summary>
/// A subscription as stored: where to send (a webhook URL or email recipients), the write-only secret,
/// and the filters (event types, empty = all; notes substring; <c>#tags</c> in the job's notes). <see cref="AfterSeq"/> is the
/// last lab event when it was created: only later events reach it (by sequence, not by clock, so no event is in doubt).
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
    DateTimeOffset UpdatedAt,
    long AfterSeq = 0);
