using System.Globalization;
using AstroBench.Server.Events;

namespace AstroBench.Server.Tests.Notifications;

/// <summary>Email over SMTP (MailKit) to a real aiosmtpd started by the test.</summary>
public sealed class EmailDeliveryTests
{
    [Fact]
    public async Task JobCompleted_ArrivesWithSubjectAndLinkToTheJob()
    {
        using var smtp = await SmtpServer.StartAsync();
        using var lab = new Lab(settings: NotifyLab.Settings(new()
        {
            ["AstroBench:Notifications:Smtp:Host"] = "127.0.0.1",
            ["AstroBench:Notifications:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["AstroBench:Notifications:Smtp:From"] = "lab@example.org",
        }));
        try
        {
            var endpoint = await NotifyLab.CreateEndpoint(lab, new { kind = "email", recipients = new[] { "ops@example.org" } });
            NotifyLab.Append(lab, LabEventTypes.JobCompleted, NotifyLab.JobPayload("0123456789ab", "completed", "2026-12-01_10-00-00", "nightly #erfa"),
                "0123456789ab", "2026-12-01_10-00-00");

            var delivery = await NotifyLab.WaitDelivery(lab, endpoint, "delivered");

            await Eventually.True(() => smtp.Output.Contains("http://lab.example:8000/jobs/0123456789ab", StringComparison.Ordinal),
                "the message with its link arrived");
            Assert.Contains("Subject: [AstroBench] job 0123456789ab completed (run 2026-12-01_10-00-00)", smtp.Output, StringComparison.Ordinal);
            Assert.Contains("To: ops@example.org", smtp.Output, StringComparison.Ordinal);
            Assert.Equal(250, delivery["last_status_code"]!.GetValue<int>());
        }
        finally
        {
            lab.DeleteRoot();
        }
    }

    [Fact]
    public async Task RunPublished_LinksToTheRun()
    {
        using var smtp = await SmtpServer.StartAsync();
        using var lab = new Lab(settings: NotifyLab.Settings(new()
        {
            ["AstroBench:Notifications:Smtp:Host"] = "127.0.0.1",
            ["AstroBench:Notifications:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
        }));
        try
        {
            var endpoint = await NotifyLab.CreateEndpoint(lab, new { kind = "email", recipients = new[] { "ops@example.org" }, event_types = new[] { "run.published" } });
            NotifyLab.Append(lab, LabEventTypes.RunPublished, NotifyLab.JobPayload("0123456789ab", "completed", "2026-12-01_10-00-00", ""),
                "0123456789ab", "2026-12-01_10-00-00");

            await NotifyLab.WaitDelivery(lab, endpoint, "delivered");

            await Eventually.True(() => smtp.Output.Contains("http://lab.example:8000/runs/2026-12-01_10-00-00", StringComparison.Ordinal),
                "the message with its link arrived");
            Assert.Contains("Subject: [AstroBench] run 2026-12-01_10-00-00 published (job 0123456789ab)", smtp.Output, StringComparison.Ordinal);
        }
        finally
        {
            lab.DeleteRoot();
        }
    }

    [Fact]
    public async Task SmtpNotConfigured_IsALoggedFailedAttempt()
    {
        using var lab = new Lab(settings: NotifyLab.Settings(new() { ["AstroBench:Notifications:MaxRounds"] = "1" }));
        try
        {
            var endpoint = await NotifyLab.CreateEndpoint(lab, new { kind = "email", recipients = new[] { "ops@example.org" } });
            await lab.PostJson($"/api/notifications/endpoints/{endpoint}/test", null);

            var delivery = await NotifyLab.WaitDelivery(lab, endpoint, "failed");

            Assert.Contains("SMTP is not configured", delivery["last_error"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Single(delivery["attempt_log"]!.AsArray());
        }
        finally
        {
            lab.DeleteRoot();
        }
    }
}
