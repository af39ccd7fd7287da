namespace AstroBench.Server.Notifications;

/// <summary>How one round of a delivery ended: accepted by the receiver, or not (with the reason).</summary>
internal sealed record SendOutcome(bool Delivered, string? Error)
{
    public static readonly SendOutcome Ok = new(true, null);

    public static SendOutcome Failed(string error) => new(false, error);
}
