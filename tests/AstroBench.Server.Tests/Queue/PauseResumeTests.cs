using AstroBench.Cli.Tests.Run;
using AstroBench.Core.Running;
using AstroBench.Server.Events;
using Microsoft.Extensions.DependencyInjection;

namespace AstroBench.Server.Tests.Queue;

/// <summary>
/// Issue 9 point 3 (server half): pause (boundary and now) through the API, resume through the queue, across a
/// server restart; the published run equals an uninterrupted one (docs/pause.md). Real orchestrator, real signals.
/// </summary>
public sealed class PauseResumeTests
{
    [Fact]
    public async Task PauseAtTheBoundary_ThenResume_PublishesTheRunAnUninterruptedJobPublishes()
    {
        var expected = await PauseLab.Uninterrupted();
        using var lab = new Lab();
        var id = await lab.Enqueue(PauseLab.TwoExperiments());
        await lab.WaitHeld("gmst_era");

        var asked = await lab.Pause(id);
        SeedContract.SeedShape.AssertMatches(QueueDocsTests.DocExample("pause-response", "pause.md"), asked);
        Assert.Equal("running", asked["status"]!.GetValue<string>());
        Assert.Equal("boundary", asked["pause_requested"]!.GetValue<string>());
        // The run took the request before the gate opens, so gmst_era is the experiment it finishes.
        await Eventually.True(() => Log(lab, id).Contains(PauseSignals.Acknowledgement(PauseMode.Boundary), StringComparison.Ordinal),
            "the run acknowledged the pause");
        lab.Open("gmst_era");
        var paused = await lab.WaitStatus(id, "paused");
        var checkpoint = paused["checkpoint"]!.GetValue<string>();
        Assert.True(Directory.Exists(Path.Combine(checkpoint, "gmst_era")));
        Assert.Null(paused["pause_requested"]);
        Assert.Null(paused["finished_at"]);
        Assert.Empty(lab.RunFolders());
        var events = lab.Factory.Services.GetRequiredService<LabEventLog>().ReadAfter(0);
        Assert.Contains(events, e => e.Type == LabEventTypes.JobPaused && e.JobId == id);

        var resumed = await lab.Resume(id);
        SeedContract.SeedShape.AssertMatches(QueueDocsTests.DocExample("resume-response", "pause.md"), resumed);
        Assert.Equal("queued", resumed["status"]!.GetValue<string>());
        lab.Open("all");
        var published = await lab.Published(id);
        // Published under the id its run reserved when it started.
        Assert.Equal(Path.GetFileName(checkpoint), Path.GetFileName(published));
        SameRun.AssertEquivalent(expected, published, noPerf: true);
        Assert.Empty(lab.Staging());
        Assert.Equal(["queued", "starting", "running", "paused", "queued", "starting", "running", "completed"], await lab.History(id));
        Assert.Equal(paused["started_at"]!.GetValue<string>(), (await lab.GetJson($"/api/benchmark/jobs/{id}"))["started_at"]!.GetValue<string>());
        lab.DeleteRoot();
    }

    [Fact]
    public async Task PauseNow_SurvivesAServerRestart_AndTheResumeRedoesTheStoppedExperiment()
    {
        var expected = await PauseLab.Uninterrupted();
        var root = Directory.CreateTempSubdirectory("astrobench-server-test-").FullName;
        string id;
        string checkpoint;
        using (var lab = new Lab(root))
        {
            lab.Open("gmst_era");
            id = await lab.Enqueue(PauseLab.TwoExperiments());
            await lab.WaitExperimentDone(id, "gmst_era");
            await lab.WaitHeld("kepler_solver");
            Assert.Equal("now", (await lab.Pause(id, "now"))["pause_requested"]!.GetValue<string>());
            checkpoint = (await lab.WaitStatus(id, "paused"))["checkpoint"]!.GetValue<string>();
            Assert.False(Directory.Exists(Path.Combine(checkpoint, "kepler_solver")));
        }
        using (var lab = new Lab(root))
        {
            var after = await lab.GetJson($"/api/benchmark/jobs/{id}");
            Assert.Equal("paused", after["status"]!.GetValue<string>());
            Assert.Equal(checkpoint, after["checkpoint"]!.GetValue<string>());
            Assert.Equal(0, lab.DispatchNow());

            lab.Open("all");
            await lab.Resume(id);
            var published = await lab.Published(id);
            SameRun.AssertEquivalent(expected, published, noPerf: true);
            Assert.Empty(lab.Staging());
        }
        Directory.Delete(root, true);
    }

    private static string Log(Lab lab, string id)
    {
        var path = Path.Combine(lab.Root, "logs", id + ".log");
        return File.Exists(path) ? File.ReadAllText(path) : "";
    }
}
