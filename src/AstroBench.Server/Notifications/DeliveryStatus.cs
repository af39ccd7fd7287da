namespace AstroBench.Server.Notifications;

/// <summary>The closed set of outbox states: pending until a receiver accepted it (delivered) or every round failed (failed).</summary>
internal static class DeliveryStatus
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Failed = "failed";
}
