namespace AstroBench.Server.Notifications;

/// <summary>The headers of a webhook request (docs/notifications.md).</summary>
internal static class WebhookHeaders
{
    public const string Event = "X-AstroBench-Event";

    /// <summary>The event id: the same on every attempt and after a restart (the receiver's idempotency key).</summary>
    public const string Delivery = "X-AstroBench-Delivery";

    public const string Timestamp = "X-AstroBench-Timestamp";

    /// <summary><c>sha256=&lt;hex of HMAC-SHA256(secret, exact body bytes)&gt;</c>; absent when the endpoint has no secret.</summary>
    public const string Signature = "X-AstroBench-Signature";

    public static string Sign(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret), body));
}
