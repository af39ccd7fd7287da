using System.Net;
using AstroBench.Server.Events;
using Microsoft.Extensions.DependencyInjection;

namespace AstroBench.Server.Tests.Queue;

/// <summary>The pause and resume endpoints' refusals, and the cancel of a paused job (docs/pause.md).</summary>
public sealed class PauseApiTests : IDisposable
{
    private readonly Lab _lab = new();

    public void Dispose()
    {
        _lab.Dispose();
        _lab.DeleteRoot();
    }

    [Fact]
    public async Task Refusals_BadMode422_NotRunning409_NotPaused409_Unknown404()
    {
        var id = await _lab.Enqueue(PauseLab.TwoExperiments());
        await _lab.WaitHeld("gmst_era");

        var (bad, body) = await _lab.PostJson($"/api/benchmark/jobs/{id}/pause?mode=later", null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Contains("mode must be 'boundary' or 'now'", body!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null((await _lab.GetJson($"/api/benchmark/jobs/{id}"))["pause_requested"]);

        var (notPaused, conflict) = await _lab.PostJson($"/api/benchmark/jobs/{id}/resume", null);
        Assert.Equal(HttpStatusCode.Conflict, notPaused.StatusCode);
        Assert.Equal("running", conflict!["job_status"]!.GetValue<string>());

        var (unknown, _) = await _lab.PostJson("/api/benchmark/jobs/0123456789ab/pause", null);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        _lab.Open("all");
        await _lab.WaitTerminal(id);
        var (notRunning, done) = await _lab.PostJson($"/api/benchmark/jobs/{id}/pause", null);
        Assert.Equal(HttpStatusCode.Conflict, notRunning.StatusCode);
        Assert.Equal("completed", done!["job_status"]!.GetValue<string>());
    }

    [Fact]
    public async Task CancelOfAPausedJob_DeletesItsCheckpoint_AndPublishesNothing()
    {
        var id = await _lab.Enqueue(PauseLab.TwoExperiments());
        await _lab.WaitHeld("gmst_era");
        await _lab.Pause(id, "now");
        var checkpoint = (await _lab.WaitStatus(id, "paused"))["checkpoint"]!.GetValue<string>();
        Assert.True(Directory.Exists(checkpoint));

        var (response, job) = await _lab.PostJson($"/api/benchmark/jobs/{id}/cancel", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("cancelled", job!["status"]!.GetValue<string>());
        Assert.NotNull(job["finished_at"]);
        Assert.False(Directory.Exists(checkpoint));
        Assert.Empty(_lab.Staging());
        Assert.Empty(_lab.RunFolders());
        var events = _lab.Factory.Services.GetRequiredService<LabEventLog>().ReadAfter(0);
        Assert.Contains(events, e => e.Type == LabEventTypes.JobCancelled && e.JobId == id);

        var (resume, _) = await _lab.PostJson($"/api/benchmark/jobs/{id}/resume", null);
        Assert.Equal(HttpStatusCode.Conflict, resume.StatusCode);
    }
}
