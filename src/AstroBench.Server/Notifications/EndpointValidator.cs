using System.Globalization;
using AstroBench.Server.Events;

namespace AstroBench.Server.Notifications;

/// <summary>The rules of an endpoint definition; each broken rule is a field message (422).</summary>
internal static class EndpointValidator
{
    public const int MaxSecretLength = 256;
    public const int MaxUrlLength = 2048;
    public const int MaxRecipients = 20;
    public const int MaxNameLength = 100;
    public const int MaxNotesFilterLength = 200;
    public const int MaxTags = 20;

    public static Dictionary<string, string[]> Validate(NotificationEndpoint e)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Add(string field, string message) => errors[field] = [.. errors.GetValueOrDefault(field) ?? [], message];
        if (!EndpointKinds.IsKnown(e.Kind))
        {
            Add("kind", $"kind must be '{EndpointKinds.Webhook}' or '{EndpointKinds.Email}'.");
        }
        if (e.Name.Length > MaxNameLength)
        {
            Add("name", Inv($"name is limited to {MaxNameLength} characters."));
        }
        if (e.Kind == EndpointKinds.Webhook)
        {
            if (e.Url is null || e.Url.Length > MaxUrlLength || !Uri.TryCreate(e.Url, UriKind.Absolute, out var uri)
                || uri.Scheme is not ("http" or "https") || string.IsNullOrEmpty(uri.Host))
            {
                Add("url", Inv($"url must be an absolute http:// or https:// URL of at most {MaxUrlLength} characters."));
            }
            if (e.Recipients.Count > 0)
            {
                Add("recipients", "A webhook endpoint has no recipients.");
            }
        }
        if (e.Kind == EndpointKinds.Email)
        {
            if (e.Recipients.Count == 0 || e.Recipients.Count > MaxRecipients)
            {
                Add("recipients", Inv($"An email endpoint needs 1 to {MaxRecipients} recipients."));
            }
            foreach (var r in e.Recipients.Where(r => !IsEmailAddress(r)))
            {
                Add("recipients", $"'{Clip(r)}' is not an email address.");
            }
            if (e.Url is not null)
            {
                Add("url", "An email endpoint has no url.");
            }
            if (e.Secret is not null)
            {
                Add("secret", "An email endpoint has no secret.");
            }
        }
        if (e.Secret is { Length: > MaxSecretLength })
        {
            Add("secret", Inv($"secret is limited to {MaxSecretLength} characters."));
        }
        foreach (var t in e.EventTypes.Where(t => !LabEventTypes.IsKnown(t)))
        {
            Add("event_types", $"Unknown event type '{Clip(t)}' (known: {string.Join(", ", LabEventTypes.All)}).");
        }
        if (e.NotesContains is { Length: > MaxNotesFilterLength })
        {
            Add("notes_contains", Inv($"notes_contains is limited to {MaxNotesFilterLength} characters."));
        }
        if (e.Tags.Count > MaxTags)
        {
            Add("tags", Inv($"At most {MaxTags} tags."));
        }
        foreach (var t in e.Tags.Where(t => !JobTags.IsValid(t)))
        {
            Add("tags", $"'{Clip(t)}' is not a tag (letters, digits, _ . - up to {JobTags.MaxTagLength}; written #tag in job notes).");
        }
        return errors;
    }

    /// <summary>A bare address (<c>user@host</c>), no display name or list.</summary>
    public static bool IsEmailAddress(string s) =>
        s.Length <= 254 && System.Net.Mail.MailAddress.TryCreate(s, out var a) && a.Address == s && a.Host.Length > 0 && a.User.Length > 0
        && MimeKit.MailboxAddress.TryParse(s, out _);

    private static string Clip(string s) => s.Length > 64 ? s[..64] + "…" : s;

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
