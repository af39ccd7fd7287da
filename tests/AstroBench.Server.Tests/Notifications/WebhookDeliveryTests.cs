using System.Text.Json.Nodes;
using AstroBench.Server.Events;

namespace AstroBench.Server.Tests.Notifications;

/// <summary>Webhooks against a real local receiver that verifies the signature.</summary>
public sealed class WebhookDeliveryTests
{
    private const string Secret = "s3cr3t-for-tests";

    [Fact]
    public async Task FailsTwice_ThirdAttemptDelivers_SignedWithOneEventId()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Secret);
        receiver.Respond = n => Task.FromResult(n <= 2 ? 500 : 200);
        using var lab = new Lab(settings: NotifyLab.Settings());
        try
        {
            var endpoint = await NotifyLab.CreateEndpoint(lab, new { kind = "webhook", url = receiver.Url, secret = Secret });
            var eventId = NotifyLab.Append(lab, LabEventTypes.DiskLow, new JsonObject { ["free_bytes"] = 1024 });

            var delivery = await NotifyLab.WaitDelivery(lab, endpoint, "delivered");

            var requests = receiver.Requests.ToList();
            Assert.Equal(3, requests.Count);
            Assert.All(requests, r => Assert.True(r.SignatureValid, $"request {r.Number} has a valid signature"));
            Assert.All(requests, r => Assert.Equal((eventId, "disk.low"), (r.EventId, r.EventType)));
            var body = JsonNode.Parse(requests[0].Body)!;
            Assert.Equal(eventId, body["event_id"]!.GetValue<string>());
            Assert.Equal(body["occurred_at"]!.GetValue<string>(), requests[0].Timestamp);
            Assert.Equal(3, delivery["attempts"]!.GetValue<int>());
            Assert.Equal([500, 500, 200], delivery["attempt_log"]!.AsArray().Select(a => a!["status_code"]!.GetValue<int>()));
            Assert.All(delivery["attempt_log"]!.AsArray(), a => Assert.True(a!["duration_ms"]!.GetValue<double>() >= 0));
        }
        finally
        {
            lab.DeleteRoot();
        }
    }

    [Fact]
    public async Task ServerRestartBetweenAttempts_StillDelivers_ReceiverSeesOneEventId()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Secret);
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        receiver.Respond = async n =>
        {
            if (n == 2)
            {
                await held.Task; // answered only once the first server is gone, so attempt 2 cannot succeed
            }
            return n <= 2 ? 500 : 200;
        };
        var first = new Lab(settings: NotifyLab.Settings());
        string endpoint, eventId;
        try
        {
            endpoint = await NotifyLab.CreateEndpoint(first, new { kind = "webhook", url = receiver.Url, secret = Secret });
            eventId = NotifyLab.Append(first, LabEventTypes.DiskLow, []);
            await Eventually.True(() => receiver.Requests.Count >= 2, "the second attempt reached the receiver");
            var log = (await NotifyLab.Deliveries(first, endpoint))[0]!["attempt_log"]!.AsArray();
            Assert.Equal(500, log[0]!["status_code"]!.GetValue<int>());
        }
        finally
        {
            first.Dispose();
            held.SetResult();
        }
        using var second = new Lab(first.Root, NotifyLab.Settings());
        try
        {
            var delivery = await NotifyLab.WaitDelivery(second, endpoint, "delivered");

            Assert.Equal(3, receiver.Requests.Count);
            Assert.Equal([eventId], receiver.Requests.Select(r => r.EventId).Distinct());
            Assert.All(receiver.Requests, r => Assert.True(r.SignatureValid));
            Assert.Equal(200, delivery["last_status_code"]!.GetValue<int>());
        }
        finally
        {
            second.DeleteRoot();
        }
    }

    [Fact]
    public async Task RealJob_DeliversJobCompletedAndRunPublished()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Secret);
        using var lab = new Lab(settings: NotifyLab.Settings());
        try
        {
            await NotifyLab.CreateEndpoint(lab, new { kind = "webhook", url = receiver.Url, secret = Secret });
            var job = await lab.Start(new { experiments = new[] { "gmst_era" }, libraries = new[] { "libnova" }, n = 100, no_perf = true });
            var jobId = job["job_id"]!.GetValue<string>();
            var done = await lab.WaitStatus(jobId, "completed");

            await Eventually.True(() => receiver.Requests.Count >= 2, "job.completed and run.published arrived");

            var bodies = receiver.Requests.Select(r => JsonNode.Parse(r.Body)!).ToList();
            Assert.Equal(["job.completed", "run.published"], bodies.Select(b => b["type"]!.GetValue<string>()).Order());
            Assert.All(bodies, b => Assert.Equal(jobId, b["job"]!["job_id"]!.GetValue<string>()));
            Assert.All(bodies, b => Assert.Equal(done["run_id"]!.GetValue<string>(), b["job"]!["run_id"]!.GetValue<string>()));
            Assert.All(receiver.Requests, r => Assert.True(r.SignatureValid));
        }
        finally
        {
            lab.DeleteRoot();
        }
    }

    [Fact]
    public async Task SendTest_GoesThroughTheOutbox()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Secret);
        using var lab = new Lab(settings: NotifyLab.Settings());
        try
        {
            var endpoint = await NotifyLab.CreateEndpoint(lab, new { kind = "webhook", url = receiver.Url, secret = Secret, enabled = false });

            var (response, accepted) = await lab.PostJson($"/api/notifications/endpoints/{endpoint}/test", null);

            Assert.Equal(202, (int)response.StatusCode);
            var delivery = await NotifyLab.WaitDelivery(lab, endpoint, "delivered");
            Assert.Equal(accepted!["event_id"]!.GetValue<string>(), delivery["event_id"]!.GetValue<string>());
            var request = Assert.Single(receiver.Requests);
            Assert.Equal("test", request.EventType);
            Assert.True(request.SignatureValid);
        }
        finally
        {
            lab.DeleteRoot();
        }
    }
}
