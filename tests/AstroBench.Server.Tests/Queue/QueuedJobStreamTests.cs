namespace AstroBench.Server.Tests.Queue;

/// <summary>The WebSocket and the job list work for queued jobs: a client that connects while a job waits sees it start and finish.</summary>
public sealed class QueuedJobStreamTests : IDisposable
{
    private readonly Lab _lab = new(settings: QueueLab.Parallel(1));

    public void Dispose()
    {
        _lab.Dispose();
        _lab.DeleteRoot();
    }

    [Fact]
    public async Task AClientOfAQueuedJob_GetsItsStatusChanges_ItsLog_AndDone()
    {
        var blocker = await _lab.Enqueue(QueueLab.Gate("gmst_era"));
        await _lab.WaitHeld("gmst_era");
        var queued = await _lab.Enqueue(QueueLab.Quick());
        var listed = (await _lab.GetJson("/api/benchmark/jobs")).AsArray().Single(j => j!["job_id"]!.GetValue<string>() == queued)!;
        Assert.Equal(1, listed["queue_position"]!.GetValue<int>());

        using var ws = await LabSockets.Connect(_lab, $"/api/benchmark/ws/{queued}");
        var first = await LabSockets.ReceiveJson(ws);
        Assert.Equal(("status", "queued"), (first!["type"]!.GetValue<string>(), first["status"]!.GetValue<string>()));
        _lab.Open("gmst_era");
        var statuses = new List<string>();
        var logLines = 0;
        System.Text.Json.Nodes.JsonNode? done = null;
        while (await LabSockets.ReceiveJson(ws) is { } message)
        {
            switch (message["type"]!.GetValue<string>())
            {
                case "status":
                    statuses.Add(message["status"]!.GetValue<string>());
                    break;
                case "log":
                    logLines++;
                    break;
                case "done":
                    done = message;
                    break;
            }
        }
        Assert.Equal("completed", done?["status"]?.GetValue<string>());
        Assert.DoesNotContain("queued", statuses); // later status messages only (intermediate ones may be coalesced)
        Assert.True(logLines > 0);
        Assert.Equal("completed", await _lab.Status(blocker));
    }
}
