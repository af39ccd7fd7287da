using System.Net;
using System.Text;

namespace AstroBench.Server.Tests;

/// <summary>Issue 3 test point 9: every validation rule, traversal attempts on every id, oversized bodies → 4xx with a message, never 500.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly Lab _lab = new();

    public void Dispose()
    {
        _lab.Dispose();
        _lab.DeleteRoot();
    }

    public static TheoryData<string, string> InvalidStarts => new()
    {
        { """{"experiments":[]}""", "experiments" },
        { """{"experiments":["nope"]}""", "experiments" },
        { """{"experiments":["gmst_era","gmst_era"]}""", "experiments" },
        { """{"experiments":["../etc"]}""", "experiments" },
        { """{"experiments":["gmst_era"],"libraries":["Bad Name"]}""", "libraries" },
        { """{"experiments":["gmst_era"],"libraries":[]}""", "libraries" },
        { """{"experiments":["gmst_era"],"n":0}""", "n" },
        { """{"experiments":["gmst_era"],"n":1000001}""", "n" },
        { """{"experiments":["gmst_era"],"seed":-1}""", "seed" },
        { """{"experiments":["gmst_era"],"seed":2147483648}""", "seed" },
        { """{"experiments":["gmst_era"],"perf_rounds":0}""", "perf_rounds" },
        { """{"experiments":["gmst_era"],"perf_rounds":51}""", "perf_rounds" },
        { """{"experiments":["gmst_era"],"notes":"a\u0007b"}""", "notes" },
    };

    [Theory]
    [MemberData(nameof(InvalidStarts))]
    public async Task Start_WithInvalidField_Is422_WithAFieldMessage(string body, string field)
    {
        var response = await _lab.Client.PostAsync("/api/benchmark/start", new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        var errors = System.Text.Json.Nodes.JsonNode.Parse(text)!["errors"]!;
        Assert.NotNull(errors[field]);
        Assert.Empty((await _lab.GetJson("/api/benchmark/jobs")).AsArray());
    }

    [Fact]
    public async Task Start_WithNotesTooLong_Is422()
    {
        var (response, body) = await _lab.PostJson("/api/benchmark/start", new { experiments = new[] { "gmst_era" }, notes = new string('x', 2001) });
        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        Assert.NotNull(body!["errors"]!["notes"]);
    }

    [Fact]
    public async Task Start_WithTooManyExperiments_Is422()
    {
        var (response, _) = await _lab.PostJson("/api/benchmark/start", new { experiments = Enumerable.Repeat("gmst_era", 51).ToArray() });
        Assert.Equal((HttpStatusCode)422, response.StatusCode);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"experiments":"gmst_era","n":"many"}""")]
    public async Task Start_WithMalformedJson_Is400(string body)
    {
        var response = await _lab.Client.PostAsync("/api/benchmark/start", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task OversizedBody_Is413()
    {
        var body = "{\"experiments\":[\"gmst_era\"],\"notes\":\"" + new string('x', 100_000) + "\"}";
        var response = await _lab.Client.PostAsync("/api/benchmark/start", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    public static TheoryData<string> TraversalUrls => new()
    {
        "/api/benchmark/jobs/..%2F..%2Fetc%2Fpasswd",
        "/api/benchmark/jobs/%2Fetc%2Fpasswd",
        "/api/benchmark/jobs/ABCDEF012345",
        "/api/benchmark/jobs/..",
        "/api/benchmark/jobs/%C0%AE%C0%AE%2F/logs",
        "/api/benchmark/jobs/....%2F/history",
        "/api/benchmark/jobs/%2e%2e/logs",
        "/api/runs/..%2F..%2Fetc",
        "/api/runs/%2e%2e",
        "/api/runs/.staging",
        "/api/runs/%2Fetc%2Fpasswd/download",
        "/api/runs/..%5C..%5Cwindows",
        "/api/runs/2026-01-01_00-00-00/experiments/..%2F..%2Fmanifest",
        "/api/runs/2026-01-01_00-00-00/experiments/%2e%2e/cases",
        "/api/runs/.staging/performance-matrix",
        "/api/compare?run_a=..%2Fx&run_b=a",
        "/api/compare?run_a=a&run_b=%2Fetc",
        "/api/benchmark/ws/..%2F..",
    };

    [Theory]
    [MemberData(nameof(TraversalUrls))]
    public async Task Traversal_OnEveryIdParameter_Is4xx_WithAMessage(string url)
    {
        var response = await _lab.Client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{url}: {(int)response.StatusCode} {text}");
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/benchmark/jobs/0123456789ab/cancel?grace=-1")]
    [InlineData("/api/benchmark/jobs/0123456789ab/cancel?grace=61")]
    [InlineData("/api/benchmark/jobs/0123456789ab/cancel?grace=abc")]
    [InlineData("/api/benchmark/jobs/not-an-id/kill")]
    public async Task Cancel_WithBadParameters_Is400(string url)
    {
        var response = await _lab.Client.PostAsync(url, null);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/benchmark/jobs?limit=0")]
    [InlineData("/api/benchmark/jobs?limit=1001")]
    [InlineData("/api/benchmark/jobs?offset=-1")]
    [InlineData("/api/benchmark/jobs/0123456789ab/logs?from=-1")]
    [InlineData("/api/benchmark/jobs/0123456789ab/logs?tail=0")]
    [InlineData("/api/runs/2026-01-01_00-00-00/experiments/gmst_era/cases?limit=5001")]
    [InlineData("/api/benchmark/jobs?limit=abc")]
    public async Task Paging_OutOfRange_Is400(string url)
    {
        var response = await _lab.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    /// <summary>A finished job, so a refused WebSocket is refused by its guard, never by a 404 for an unknown job.</summary>
    private static async Task<string> FinishedJob(Lab lab, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/benchmark/start")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { experiments = new[] { "gmst_era" }, libraries = new[] { "libnova" }, n = 10, no_perf = true }, options: Lab.Json),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }
        var response = await lab.Client.SendAsync(request);
        var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(response.IsSuccessStatusCode, body.ToJsonString());
        var id = body["job_id"]!.GetValue<string>();
        Assert.Equal("completed", (await lab.WaitTerminal(id))["status"]!.GetValue<string>());
        return id;
    }

    /// <summary>Opens the job's WebSocket and reads it to the end; the type of the last message (a finished job ends with "done").</summary>
    private static async Task<string?> ReadSocket(Lab lab, string path, string? origin = null)
    {
        var client = lab.Factory.Server.CreateWebSocketClient();
        if (origin is not null)
        {
            client.ConfigureRequest = r => r.Headers.Origin = origin;
        }
        using var ws = await client.ConnectAsync(new Uri("ws://localhost" + path), CancellationToken.None);
        var buffer = new byte[1 << 16];
        string? last = null;
        while (true)
        {
            var r = await ws.ReceiveAsync(buffer, CancellationToken.None).WaitAsync(Eventually.DefaultBound);
            if (r.MessageType == System.Net.WebSockets.WebSocketMessageType.Close)
            {
                return last;
            }
            if (r.EndOfMessage)
            {
                last = System.Text.Json.Nodes.JsonNode.Parse(Encoding.UTF8.GetString(buffer, 0, r.Count))?["type"]?.GetValue<string>() ?? last;
            }
        }
    }

    private static async Task AssertRefused(Lab lab, string path, HttpStatusCode expected, string? origin = null)
    {
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => ReadSocket(lab, path, origin));
        Assert.Contains(((int)expected).ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_WhenConfigured_GuardsPosts_AndTheWebSocket()
    {
        using var lab = new Lab(settings: new() { ["AstroBench:Token"] = "s3cret" });
        var denied = await lab.Client.PostAsync("/api/runs/reload", null);
        Assert.Equal(HttpStatusCode.Unauthorized, denied.StatusCode);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/runs/reload");
        request.Headers.Authorization = new("Bearer", "s3cret");
        Assert.Equal(HttpStatusCode.OK, (await lab.Client.SendAsync(request)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await lab.Client.GetAsync("/api/health")).StatusCode);
        var id = await FinishedJob(lab, "s3cret");

        await AssertRefused(lab, $"/api/benchmark/ws/{id}", HttpStatusCode.Unauthorized);
        await AssertRefused(lab, $"/api/benchmark/ws/{id}?token=wrong", HttpStatusCode.Unauthorized);
        Assert.Equal("done", await ReadSocket(lab, $"/api/benchmark/ws/{id}?token=s3cret")); // the same job, with the token
        lab.DeleteRoot();
    }

    [Fact]
    public async Task WebSocket_FromAnotherOrigin_IsRejected()
    {
        var id = await FinishedJob(_lab);

        await AssertRefused(_lab, $"/api/benchmark/ws/{id}", HttpStatusCode.Forbidden, origin: "http://evil.example");
        await AssertRefused(_lab, $"/api/benchmark/ws/{id}", HttpStatusCode.Forbidden, origin: "http://localhost.evil.example");
        Assert.Equal("done", await ReadSocket(_lab, $"/api/benchmark/ws/{id}", origin: "http://localhost")); // same origin
        Assert.Equal("done", await ReadSocket(_lab, $"/api/benchmark/ws/{id}")); // no Origin: not a browser
    }

    [Fact]
    public async Task UnknownApiPath_Is404Problem_NotTheWebApp()
    {
        var response = await _lab.Client.GetAsync("/api/nothing-here");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
