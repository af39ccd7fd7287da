using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.TestHost;

namespace AstroBench.Server.Tests;

/// <summary>Issue 3 test point 7: reconnect with from = no gap, no duplicate; the job completes with no client attached.</summary>
public sealed class WebSocketTests : IDisposable
{
    private readonly Lab _lab = new();

    public void Dispose()
    {
        _lab.Dispose();
        _lab.DeleteRoot();
    }

    private async Task<WebSocket> Connect(string id, long from, bool batch = false)
    {
        var client = _lab.Factory.Server.CreateWebSocketClient();
        var query = $"/api/benchmark/ws/{id}?from={from}" + (batch ? "&batch=true" : "");
        return await client.ConnectAsync(new Uri(_lab.Factory.Server.BaseAddress, query.Replace("http", "ws", StringComparison.Ordinal)), CancellationToken.None);
    }

    private static async Task<JsonNode?> Receive(WebSocket ws)
    {
        var buffer = new byte[1 << 16];
        using var ms = new MemoryStream();
        WebSocketReceiveResult r;
        do
        {
            r = await ws.ReceiveAsync(buffer, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
            if (r.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }
            ms.Write(buffer, 0, r.Count);
        }
        while (!r.EndOfMessage);
        return JsonNode.Parse(Encoding.UTF8.GetString(ms.ToArray()));
    }

    [Fact]
    public async Task Reconnect_WithFrom_HasNoGapAndNoDuplicate_AndDoneArrives()
    {
        var job = await _lab.Start(new { experiments = new[] { "gmst_era", "kepler_solver" }, libraries = new[] { "slow" }, n = 100, no_perf = true });
        var id = job["job_id"]!.GetValue<string>();
        var received = new List<(long N, string Line)>();

        var first = await Connect(id, 0);
        var sawStatus = false;
        while (received.Count < 3)
        {
            var msg = await Receive(first);
            Assert.NotNull(msg);
            switch (msg!["type"]!.GetValue<string>())
            {
                case "log":
                    received.Add((msg["n"]!.GetValue<long>(), msg["line"]!.GetValue<string>()));
                    break;
                case "status":
                    sawStatus = true;
                    break;
            }
        }
        Assert.True(sawStatus);
        first.Abort(); // drop mid-run, without a close handshake

        var second = await Connect(id, received[^1].N + 1);
        JsonNode? done = null;
        while (await Receive(second) is { } msg)
        {
            var type = msg["type"]!.GetValue<string>();
            if (type == "log")
            {
                received.Add((msg["n"]!.GetValue<long>(), msg["line"]!.GetValue<string>()));
            }
            else if (type == "done")
            {
                done = msg;
            }
        }
        Assert.NotNull(done);
        Assert.Equal("completed", done!["status"]!.GetValue<string>());
        Assert.Equal(Enumerable.Range(0, received.Count).Select(i => (long)i), received.Select(r => r.N));
        var file = await File.ReadAllLinesAsync(Path.Combine(_lab.Root, "logs", id + ".log"));
        Assert.Equal(file, received.Select(r => r.Line));
    }

    [Fact]
    public async Task JobCompletesWithNoClient_ThenAReplayEndsWithDone()
    {
        var job = await _lab.Start(new { experiments = new[] { "gmst_era" }, libraries = new[] { "libnova" }, n = 100, no_perf = true });
        var id = job["job_id"]!.GetValue<string>();
        var done = await _lab.WaitTerminal(id);
        Assert.Equal("completed", done["status"]!.GetValue<string>());
        var ws = await Connect(id, 0);
        var lines = 0;
        string? last = null;
        while (await Receive(ws) is { } msg)
        {
            last = msg["type"]!.GetValue<string>();
            lines += last == "log" ? 1 : 0;
        }
        Assert.Equal("done", last);
        Assert.Equal(done["log_lines"]!.GetValue<int>(), lines);
    }

    [Fact]
    public async Task BatchedReplay_CarriesTheSameLinesAsSingleMessages_InOrder()
    {
        var job = await _lab.Start(new { experiments = new[] { "gmst_era", "kepler_solver" }, libraries = new[] { "libnova" }, n = 100, no_perf = true });
        var id = job["job_id"]!.GetValue<string>();
        await _lab.WaitTerminal(id);

        var single = new List<string>();
        var ws = await Connect(id, 3);
        while (await Receive(ws) is { } msg)
        {
            if (msg["type"]!.GetValue<string>() == "log")
            {
                Assert.Equal(3 + single.Count, msg["n"]!.GetValue<long>());
                single.Add(msg["line"]!.GetValue<string>());
            }
        }
        var batched = new List<string>();
        string? last = null;
        var batchedWs = await Connect(id, 3, batch: true);
        while (await Receive(batchedWs) is { } msg)
        {
            last = msg["type"]!.GetValue<string>();
            Assert.NotEqual("log", last);
            if (last == "logs")
            {
                Assert.Equal(3 + batched.Count, msg["from"]!.GetValue<long>());
                batched.AddRange(msg["lines"]!.AsArray().Select(l => l!.GetValue<string>()));
            }
        }

        Assert.Equal("done", last);
        Assert.True(single.Count >= 5, $"only {single.Count} lines");
        Assert.Equal(single, batched);
    }
}
