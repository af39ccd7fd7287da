namespace AstroBench.Server.Notifications;

/// <summary>The closed set of endpoint kinds.</summary>
internal static class EndpointKinds
{
    public const string Webhook = "webhook";
    public const string Email = "email";

    public static bool IsKnown(string? kind) => kind is Webhook or Email;
}
