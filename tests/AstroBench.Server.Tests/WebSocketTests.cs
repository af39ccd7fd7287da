using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

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

    private Task<WebSocket> Connect(string id, long from, bool batch = false) =>
        LabSockets.Connect(_lab, $"/api/benchmark/ws/{id}?from={from}" + (batch ? "&batch=true" : ""));

    private static Task<JsonNode?> Receive(WebSocket ws) => LabSockets.ReceiveJson(ws);

    [Fact]
    public async Task Reconnect_WithFrom_WhileTheJobRuns_HasNoGapAndNoDuplicate_AndDoneArrives()
    {
        var job = await _lab.Start(new { experiments = new[] { "gmst_era", "kepler_solver" }, libraries = new[] { "gate" }, n = 100, no_perf = true });
        var id = job["job_id"]!.GetValue<string>();
        await _lab.WaitHeld("gmst_era"); // the log has its first lines, and no more come until the gate opens
        var first = new List<(long N, string Line)>();
        var second = new List<(long N, string Line)>();

        var ws = await Connect(id, 0);
        var sawStatus = false;
        while (first.Count < 3)
        {
            var msg = await Receive(ws);
            Assert.NotNull(msg);
            switch (msg!["type"]!.GetValue<string>())
            {
                case "log":
                    first.Add((msg["n"]!.GetValue<long>(), msg["line"]!.GetValue<string>()));
                    break;
                case "status":
                    sawStatus = true;
                    break;
            }
        }
        Assert.True(sawStatus);
        ws.Abort(); // drop mid-run, without a close handshake
        Assert.Equal("running", (await _lab.GetJson($"/api/benchmark/jobs/{id}"))["status"]!.GetValue<string>());
        Assert.True(_lab.IsHeld("gmst_era"), "the job must still be held in its first experiment when the socket drops");

        // Lines written while no client is attached: the first experiment ends, the second is held.
        _lab.Open("gmst_era");
        await _lab.WaitExperimentDone(id, "gmst_era");
        await _lab.WaitHeld("kepler_solver");
        var written = (await File.ReadAllLinesAsync(Path.Combine(_lab.Root, "logs", id + ".log"))).Length;
        Assert.True(written > first.Count, "no line was written while disconnected");

        ws = await Connect(id, first[^1].N + 1);
        JsonNode? done = null;
        while (await Receive(ws) is { } msg)
        {
            var type = msg["type"]!.GetValue<string>();
            if (type == "log")
            {
                second.Add((msg["n"]!.GetValue<long>(), msg["line"]!.GetValue<string>()));
                if (second[^1].N == written - 1)
                {
                    _lab.Open("kepler_solver"); // replay caught up: the rest arrives live
                }
            }
            else if (type == "done")
            {
                done = msg;
            }
        }
        Assert.NotNull(done);
        Assert.Equal("completed", done!["status"]!.GetValue<string>());
        Assert.Equal(first[^1].N + 1, second[0].N); // resumed where the first stream stopped: no duplicate
        var received = first.Concat(second).ToList();
        Assert.Equal(Enumerable.Range(0, received.Count).Select(i => (long)i), received.Select(r => r.N)); // no gap
        var file = await File.ReadAllLinesAsync(Path.Combine(_lab.Root, "logs", id + ".log"));
        Assert.Equal(file, received.Select(r => r.Line));
        Assert.True(file.Length > written, "no line arrived live after the reconnect");
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
