namespace AstroBench.Server.Notifications;

/// <summary>Builds an endpoint from a create request, or applies a PATCH to a stored one (null keeps a value), normalising lists.</summary>
internal static class EndpointMerge
{
    public static NotificationEndpoint Create(EndpointRequest r, string id, DateTimeOffset now) => Normalize(new NotificationEndpoint(
        id, r.Kind ?? "", r.Name ?? "", r.Url, r.Recipients ?? [], r.Secret, r.EventTypes ?? [], r.NotesContains, r.Tags ?? [],
        r.Enabled ?? true, now, now));

    public static NotificationEndpoint Apply(NotificationEndpoint e, EndpointRequest r, DateTimeOffset now) => Normalize(e with
    {
        Kind = r.Kind ?? e.Kind,
        Name = r.Name ?? e.Name,
        Url = r.Url ?? e.Url,
        Recipients = r.Recipients ?? e.Recipients,
        Secret = r.Secret ?? e.Secret,
        EventTypes = r.EventTypes ?? e.EventTypes,
        NotesContains = r.NotesContains ?? e.NotesContains,
        Tags = r.Tags ?? e.Tags,
        Enabled = r.Enabled ?? e.Enabled,
        UpdatedAt = now,
    });

    private static NotificationEndpoint Normalize(NotificationEndpoint e)
    {
        var recipients = e.Recipients.Select(x => x.Trim()).Where(x => x.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var url = string.IsNullOrWhiteSpace(e.Url) ? null : e.Url.Trim();
        var name = e.Name.Trim();
        if (name.Length == 0)
        {
            name = url is not null && Uri.TryCreate(url, UriKind.Absolute, out var u) ? u.Host : recipients.FirstOrDefault() ?? e.Kind;
        }
        return e with
        {
            Name = name,
            Url = url,
            Recipients = recipients,
            Secret = string.IsNullOrEmpty(e.Secret) ? null : e.Secret,
            EventTypes = e.EventTypes.Select(x => x.Trim()).Distinct(StringComparer.Ordinal).ToList(),
            NotesContains = string.IsNullOrWhiteSpace(e.NotesContains) ? null : e.NotesContains.Trim(),
            Tags = e.Tags.Select(JobTags.Normalize).Where(x => x.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
        };
    }
}
