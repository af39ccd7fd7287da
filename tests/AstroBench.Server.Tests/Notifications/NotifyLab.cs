using System.Text.Json.Nodes;
using AstroBench.Server.Events;
using Microsoft.Extensions.DependencyInjection;

namespace AstroBench.Server.Tests.Notifications;

/// <summary>Settings and helpers shared by the notification tests (a small retry base delay is configuration, not a timing assertion).</summary>
internal static class NotifyLab
{
    public static Dictionary<string, string> Settings(Dictionary<string, string>? extra = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["AstroBench:Notifications:Webhook:BaseDelayMs"] = "1",
            ["AstroBench:Notifications:Webhook:MaxRetryAttempts"] = "4",
            // One round per test: a second round would come an hour later.
            ["AstroBench:Notifications:RoundDelaySeconds"] = "3600",
            ["AstroBench:PublicBaseUrl"] = "http://lab.example:8000",
        };
        foreach (var (k, v) in extra ?? [])
        {
            settings[k] = v;
        }
        return settings;
    }

    public static async Task<string> CreateEndpoint(Lab lab, object body)
    {
        var (response, json) = await lab.PostJson("/api/notifications/endpoints", body);
        Assert.True((int)response.StatusCode == 201, $"create endpoint: {(int)response.StatusCode} {json}");
        return json!["id"]!.GetValue<string>();
    }

    public static string Append(Lab lab, string type, JsonObject payload, string? jobId = null, string? runId = null) =>
        lab.Factory.Services.GetRequiredService<LabEventLog>().Append(type, jobId, runId, payload);

    public static async Task<JsonArray> Deliveries(Lab lab, string endpointId) =>
        (await lab.GetJson($"/api/notifications/endpoints/{endpointId}/deliveries")).AsArray();

    /// <summary>Waits until the endpoint's newest delivery has <paramref name="status"/>, and returns it.</summary>
    public static async Task<JsonNode> WaitDelivery(Lab lab, string endpointId, string status)
    {
        JsonNode? last = null;
        await Eventually.True(async () =>
        {
            var list = await Deliveries(lab, endpointId);
            last = list.Count > 0 ? list[0] : null;
            return last?["status"]?.GetValue<string>() == status;
        }, $"a delivery to {endpointId} is {status}");
        return last!;
    }

    public static JsonObject JobPayload(string jobId, string status, string? runId, string notes) => new()
    {
        ["job"] = new JsonObject { ["job_id"] = jobId, ["status"] = status, ["run_id"] = runId, ["notes"] = notes },
    };
}
