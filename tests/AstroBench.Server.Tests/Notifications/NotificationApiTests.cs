using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace AstroBench.Server.Tests.Notifications;

/// <summary>/api/notifications: validation (422 with messages), write-only secrets, ids, PATCH semantics.</summary>
public sealed class NotificationApiTests : IDisposable
{
    private const string Secret = "very-secret-value-0123456789";
    private readonly Lab _lab = new(settings: NotifyLab.Settings());

    public void Dispose()
    {
        _lab.Dispose();
        _lab.DeleteRoot();
    }

    public static TheoryData<string, string> BadBodies => new()
    {
        { """{"kind":"webhook","url":"ftp://example.org/hook"}""", "url" },
        { """{"kind":"webhook","url":"file:///etc/passwd"}""", "url" },
        { """{"kind":"webhook","url":"/relative/hook"}""", "url" },
        { """{"kind":"webhook"}""", "url" },
        { """{"kind":"webhook","url":"http://127.0.0.1/h","secret":"SECRET"}""".Replace("SECRET", new string('x', 257), StringComparison.Ordinal), "secret" },
        { """{"kind":"webhook","url":"http://127.0.0.1/h","event_types":["job.exploded"]}""", "event_types" },
        { """{"kind":"webhook","url":"http://127.0.0.1/h","event_types":["test"]}""", "event_types" },
        { """{"kind":"webhook","url":"http://127.0.0.1/h","tags":["two words"]}""", "tags" },
        { """{"kind":"email","recipients":[]}""", "recipients" },
        { """{"kind":"email"}""", "recipients" },
        { """{"kind":"email","recipients":["not-an-address"]}""", "recipients" },
        { """{"kind":"email","recipients":["Ops <ops@example.org>"]}""", "recipients" },
        { """{"kind":"pigeon","url":"http://127.0.0.1/h"}""", "kind" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task BadEndpoint_Is422WithAMessageForTheField(string body, string field)
    {
        var response = await _lab.Client.PostAsync("/api/notifications/endpoints", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(422, (int)response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.False(string.IsNullOrWhiteSpace(problem["detail"]?.GetValue<string>()));
        Assert.NotNull(problem["errors"]![field]);
        Assert.Empty((await _lab.GetJson("/api/notifications/endpoints")).AsArray());
    }

    [Fact]
    public async Task Secret_IsNeverInAnyResponse()
    {
        var (created, body) = await _lab.PostJson("/api/notifications/endpoints", new { kind = "webhook", url = "http://127.0.0.1:9/hook", secret = Secret });
        var id = body!["id"]!.GetValue<string>();
        var patch = await _lab.Client.PatchAsJsonAsync($"/api/notifications/endpoints/{id}", new { name = "renamed", secret = Secret + "2" });
        var texts = new List<string>
        {
            body.ToJsonString(),
            await patch.Content.ReadAsStringAsync(),
            await _lab.Client.GetStringAsync("/api/notifications/endpoints"),
            await _lab.Client.GetStringAsync($"/api/notifications/endpoints/{id}"),
            await _lab.Client.GetStringAsync($"/api/notifications/endpoints/{id}/deliveries"),
        };

        Assert.Equal(201, (int)created.StatusCode);
        Assert.All(texts, t => Assert.DoesNotContain(Secret, t, StringComparison.Ordinal));
        Assert.True(body["has_secret"]!.GetValue<bool>());
        Assert.True(JsonNode.Parse(texts[1])!["has_secret"]!.GetValue<bool>());
        Assert.Equal("renamed", JsonNode.Parse(texts[3])!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Patch_KeepsAbsentMembers_EmptySecretRemovesIt()
    {
        var id = await NotifyLab.CreateEndpoint(_lab, new { kind = "webhook", url = "http://127.0.0.1:9/hook", secret = Secret, tags = new[] { "#nightly" } });

        var response = await _lab.Client.PatchAsJsonAsync($"/api/notifications/endpoints/{id}", new { secret = "", enabled = false });
        var endpoint = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(200, (int)response.StatusCode);
        Assert.False(endpoint["has_secret"]!.GetValue<bool>());
        Assert.False(endpoint["enabled"]!.GetValue<bool>());
        Assert.Equal("http://127.0.0.1:9/hook", endpoint["url"]!.GetValue<string>());
        Assert.Equal(["nightly"], endpoint["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        var bad = await _lab.Client.PatchAsJsonAsync($"/api/notifications/endpoints/{id}", new { url = "gopher://x" });
        Assert.Equal(422, (int)bad.StatusCode);
    }

    [Fact]
    public async Task UnknownAndMalformedIds_Are404And400()
    {
        Assert.Equal(404, (int)(await _lab.Client.GetAsync("/api/notifications/endpoints/0123456789ab")).StatusCode);
        Assert.Equal(404, (int)(await _lab.Client.DeleteAsync("/api/notifications/endpoints/0123456789ab")).StatusCode);
        Assert.Equal(400, (int)(await _lab.Client.GetAsync("/api/notifications/endpoints/..%2Fetc")).StatusCode);
        Assert.Equal(404, (int)(await _lab.PostJson("/api/notifications/endpoints/0123456789ab/test", null)).Response.StatusCode);
    }

    [Fact]
    public async Task Delete_RemovesTheEndpointAndItsLog()
    {
        var id = await NotifyLab.CreateEndpoint(_lab, new { kind = "email", recipients = new[] { "ops@example.org" } });

        Assert.Equal(204, (int)(await _lab.Client.DeleteAsync($"/api/notifications/endpoints/{id}")).StatusCode);

        Assert.Empty((await _lab.GetJson("/api/notifications/endpoints")).AsArray());
        Assert.Equal(404, (int)(await _lab.Client.GetAsync($"/api/notifications/endpoints/{id}/deliveries")).StatusCode);
    }

    [Fact]
    public async Task Token_WhenConfigured_GuardsTheMutatingEndpoints()
    {
        using var guarded = new Lab(settings: NotifyLab.Settings(new() { ["AstroBench:Token"] = "t0ken" }));
        try
        {
            var (response, _) = await guarded.PostJson("/api/notifications/endpoints", new { kind = "email", recipients = new[] { "ops@example.org" } });
            Assert.Equal(401, (int)response.StatusCode);
            Assert.Equal(200, (int)(await guarded.Client.GetAsync("/api/notifications/endpoints")).StatusCode);
        }
        finally
        {
            guarded.DeleteRoot();
        }
    }
}
