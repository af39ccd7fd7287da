using System.Diagnostics;
using System.Text.Json.Nodes;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace AstroBench.Server.Notifications;

/// <summary>
/// One round of an email delivery over SMTP with MailKit: STARTTLS when the server offers it, credentials from
/// configuration (or env <c>ASTROBENCH_SMTP_USERNAME</c>/<c>ASTROBENCH_SMTP_PASSWORD</c>). Each send is one logged attempt.
/// </summary>
internal sealed class EmailSender(IOptions<NotificationOptions> options, PublicBaseUrl baseUrl, DeliveryStore store, TimeProvider time)
{
    public async Task<SendOutcome> SendAsync(NotificationEndpoint endpoint, Delivery delivery, CancellationToken ct)
    {
        var smtp = options.Value.Smtp;
        var at = time.GetUtcNow();
        var start = Stopwatch.GetTimestamp();
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            return Record(delivery, at, start, null, "SMTP is not configured (AstroBench:Notifications:Smtp:Host).");
        }
        var text = NotificationText.Of(delivery.EventType, JsonNode.Parse(delivery.Payload) as JsonObject ?? [], baseUrl.Get());
        using var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.From));
        message.To.AddRange(endpoint.Recipients.Select(MailboxAddress.Parse));
        message.Subject = text.Subject;
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId();
        message.Headers.Add("X-AstroBench-Event-Id", delivery.EventId);
        message.Body = new TextPart("plain") { Text = text.Body };
        using var client = new SmtpClient { Timeout = (int)TimeSpan.FromSeconds(smtp.TimeoutSeconds).TotalMilliseconds };
        try
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, SecureSocketOptions.StartTlsWhenAvailable, ct);
            var user = smtp.Username ?? Environment.GetEnvironmentVariable("ASTROBENCH_SMTP_USERNAME");
            if (!string.IsNullOrEmpty(user))
            {
                await client.AuthenticateAsync(user, smtp.Password ?? Environment.GetEnvironmentVariable("ASTROBENCH_SMTP_PASSWORD") ?? "", ct);
            }
            await client.SendAsync(message, ct);
            await client.DisconnectAsync(quit: true, ct);
            return Record(delivery, at, start, 250, null);
        }
        catch (SmtpCommandException ex)
        {
            return Record(delivery, at, start, (int)ex.StatusCode, ex.Message);
        }
        catch (Exception ex) when (ex is SmtpProtocolException or AuthenticationException or IOException or System.Net.Sockets.SocketException
            or SslHandshakeException or ServiceNotConnectedException or NotSupportedException or TimeoutException
            || ex is OperationCanceledException && !ct.IsCancellationRequested)
        {
            return Record(delivery, at, start, null, ex.Message);
        }
    }

    private SendOutcome Record(Delivery delivery, DateTimeOffset at, long start, int? code, string? error)
    {
        store.RecordAttempt(delivery.Id, at, code, Stopwatch.GetElapsedTime(start).TotalMilliseconds, error);
        return error is null ? SendOutcome.Ok : SendOutcome.Failed(error);
    }
}
