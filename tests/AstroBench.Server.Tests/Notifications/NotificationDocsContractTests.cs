using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AstroBench.Server.Events;
using AstroBench.Server.Hosting;
using AstroBench.Server.Jobs;

namespace AstroBench.Server.Tests.Notifications;

/// <summary>The JSON examples of docs/notifications.md have the shape the server really sends.</summary>
public sealed partial class NotificationDocsContractTests
{
    private static readonly string Doc = File.ReadAllText(Path.Combine(Lab.RepoRoot, "docs", "notifications.md"));

    [GeneratedRegex("```json\\n(.*?)\\n```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();

    [Fact]
    public async Task EndpointDeliveryAndProblemExamples_MatchRealResponses()
    {
        await using var receiver = await WebhookReceiver.StartAsync("k");
        using var lab = new Lab(settings: NotifyLab.Settings());
        try
        {
            var id = await NotifyLab.CreateEndpoint(lab, new { kind = "webhook", url = receiver.Url, secret = "k" });
            await lab.PostJson($"/api/notifications/endpoints/{id}/test", null);
            var delivery = await NotifyLab.WaitDelivery(lab, id, "delivered");
            var (_, problem) = await lab.PostJson("/api/notifications/endpoints", new { kind = "webhook", url = "ftp://x" });

            AssertSameKeys(Example("### Endpoint object"), await lab.GetJson($"/api/notifications/endpoints/{id}"));
            var documented = Example("### Delivery log").AsArray()[0]!;
            AssertSameKeys(documented, delivery);
            AssertSameKeys(documented["attempt_log"]![0]!, delivery["attempt_log"]![0]!);
            AssertSameKeys(Example("Rules (422)"), problem!);
        }
        finally
        {
            lab.DeleteRoot();
        }
    }

    [Fact]
    public void JobEventExample_MatchesWhatATerminalTransitionWrites()
    {
        var root = Directory.CreateTempSubdirectory("astrobench-notify-doc-").FullName;
        try
        {
            var paths = new ServerPaths(new AstroBenchServerOptions { Root = root });
            var events = new LabEventLog(paths);
            var store = new JobStore(paths, events);
            var row = new JobRow("00000000000a", JobStatus.Running, new JobConfig(["gmst_era"], null, 100, 42, 5, true, false), "#nightly",
                DateTimeOffset.UtcNow, null, null, null, JobProgress.Empty, null, null, null, null, null, 0);
            Assert.True(store.TryImport(row, null));
            Assert.True(store.TryTransition(row.Id, JobStatus.Completed, new TransitionUpdate { RunId = "2026-12-01_10-00-00" }));

            var payload = JsonNode.Parse(events.ReadAfter(0)[0].Payload)!;
            var documented = Example("## Events");
            AssertSameKeys(documented, payload);
            AssertSameKeys(documented["job"]!, payload["job"]!);
            AssertSameKeys(documented["job"]!["config"]!, payload["job"]!["config"]!);
            AssertSameKeys(documented["job"]!["progress"]!, payload["job"]!["progress"]!);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>The first JSON block after <paramref name="heading"/>.</summary>
    private static JsonNode Example(string heading)
    {
        var at = Doc.IndexOf(heading, StringComparison.Ordinal);
        Assert.True(at >= 0, $"docs/notifications.md has '{heading}'");
        return JsonNode.Parse(JsonBlock().Match(Doc, at).Groups[1].Value)!;
    }

    private static void AssertSameKeys(JsonNode documented, JsonNode real) =>
        Assert.Equal(documented.AsObject().Select(p => p.Key).Order(), real.AsObject().Select(p => p.Key).Order());
}
