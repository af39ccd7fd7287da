using System.Text.Json.Nodes;
using AstroBench.Server.Events;
using AstroBench.Server.History;
using Microsoft.Extensions.DependencyInjection;

namespace AstroBench.Server.Tests.History;

/// <summary>
/// A failure inside the history follower stays the follower's: an exception escaping a BackgroundService stops the host
/// (BackgroundServiceExceptionBehavior.StopHost), and with it every request and job of the lab.
/// </summary>
public sealed class HistoryFollowerFaultTests : IDisposable
{
    private readonly Lab _lab = new();

    public void Dispose()
    {
        _lab.Dispose();
        _lab.DeleteRoot();
    }

    [Fact]
    public async Task AnEventNamingNoRunFolderOfTheLab_IsLogged_AndTheServerAndFollowerGoOn()
    {
        var follower = _lab.Factory.Services.GetRequiredService<HistoryFollower>();
        await Eventually.True(() => follower.Passes >= 1, "the follower's start pass ran");
        var events = _lab.Factory.Services.GetRequiredService<LabEventLog>();

        // "nested/run" is not a folder directly under the results directory: IndexRun refuses it with an ArgumentException.
        events.Append(LabEventTypes.RunPublished, null, "nested/run", new JsonObject());
        await Eventually.True(() => follower.Passes >= 2, "the follower's pass after the bad event ran");

        var job = await _lab.Start(new { experiments = new[] { "gmst_era" }, libraries = new[] { "libnova" }, n = 20, no_perf = true });
        var done = await _lab.WaitTerminal(job["job_id"]!.GetValue<string>());
        Assert.Equal("completed", done["status"]!.GetValue<string>());
        await Eventually.True(() => follower.Passes >= 3, "the follower indexed the job's run after the bad event");
    }
}
