namespace AstroBench.Server.Notifications;

/// <summary>
/// Section <c>AstroBench:Notifications</c> (docs/notifications.md). Defaults live here; environment
/// variables override as usual (<c>AstroBench__Notifications__Smtp__Password</c>).
/// </summary>
public sealed class NotificationOptions
{
    public const string Section = "AstroBench:Notifications";

    public WebhookOptions Webhook { get; set; } = new();

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>After the retry pipeline gives up, the delivery waits this long (doubling each round, with jitter) before its next round.</summary>
    public double RoundDelaySeconds { get; set; } = 60;

    /// <summary>Rounds (each a full retry pipeline for webhooks, one send for email) before a delivery is marked failed.</summary>
    public int MaxRounds { get; set; } = 6;

    /// <summary>Deliveries sent at the same time.</summary>
    public int MaxParallelDeliveries { get; set; } = 4;
}

public sealed class WebhookOptions
{
    /// <summary>Retries after the first attempt within one round (Polly, exponential back-off with jitter).</summary>
    public int MaxRetryAttempts { get; set; } = 4;

    public int BaseDelayMs { get; set; } = 1000;

    /// <summary>Timeout of one HTTP attempt.</summary>
    public double TimeoutSeconds { get; set; } = 10;
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    /// <summary>When set (or env <c>ASTROBENCH_SMTP_USERNAME</c>), the client authenticates.</summary>
    public string? Username { get; set; }

    /// <summary>Or env <c>ASTROBENCH_SMTP_PASSWORD</c>; never returned by any endpoint.</summary>
    public string? Password { get; set; }

    public string From { get; set; } = "AstroBench <astrobench@localhost>";

    public double TimeoutSeconds { get; set; } = 30;
}
