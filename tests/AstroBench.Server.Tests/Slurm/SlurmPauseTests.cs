using AstroBench.Cli.Tests.Run;
using AstroBench.Core.Running;
using AstroBench.Server.Tests.Queue;

namespace AstroBench.Server.Tests.Slurm;

/// <summary>
/// Issue 12 with docs/pause.md: a Slurm job pauses at the boundary on a signal to its batch step (scancel --batch), its checkpoint
/// stays in the shared lab root, and the resume is a new batch job running <c>astrobench run --resume</c>; a preemption by a more
/// urgent Slurm job works the same. The published run equals an uninterrupted one in every accuracy block.
/// </summary>
public sealed class SlurmPauseTests : IDisposable
{
    public SlurmPauseTests() => SlurmCluster.AssertUp();

    public void Dispose() => SlurmCluster.CancelTestJobs();

    [SlurmFact]
    public async Task PauseAtTheBoundary_ThenResume_ResubmitsFromTheCheckpoint_AndPublishesTheRunAnUninterruptedJobPublishes()
    {
        var expected = await PauseLab.Uninterrupted();
        using var lab = new Lab(settings: SlurmExecutorTests.SlurmLab);
        var id = await Submit(lab, PauseLab.TwoExperiments());
        await lab.WaitHeld("gmst_era");
        // Running in Slurm, and its plan read from the log (a pause is refused before: docs/pause.md).
        var first = (await lab.WaitFor(id, j => j["status"]!.GetValue<string>() == "running" && j["current_experiment"] is not null))["slurm_job_id"]!.GetValue<long>();

        var asked = await lab.Pause(id);
        Assert.Equal("boundary", asked["pause_requested"]!.GetValue<string>());
        await Eventually.True(() => Log(lab, id).Contains(PauseSignals.Acknowledgement(PauseMode.Boundary), StringComparison.Ordinal),
            "the run on the node acknowledged the pause");
        lab.Open("gmst_era");
        var paused = await lab.WaitStatus(id, "paused");
        var checkpoint = paused["checkpoint"]!.GetValue<string>();
        Assert.StartsWith(lab.Root, checkpoint, StringComparison.Ordinal);
        Assert.True(Directory.Exists(Path.Combine(checkpoint, "gmst_era")));
        Assert.Empty(Procs.OfJob(id)); // the batch job ended with the pause: the node is free
        Assert.Empty(lab.RunFolders());

        await lab.Resume(id);
        lab.Open("all");
        var published = await lab.Published(id);
        var done = await lab.GetJson($"/api/benchmark/jobs/{id}");
        Assert.NotEqual(first, done["slurm_job_id"]!.GetValue<long>()); // the resume was a new batch job
        Assert.Equal(Path.GetFileName(checkpoint), Path.GetFileName(published));
        AssertSameAccuracy(expected, published);
        Assert.Empty(lab.Staging());
        var history = await lab.History(id);
        Assert.Equal(["paused", "queued"], history.SkipWhile(s => s != "paused").Take(2));
        Assert.Equal("completed", history[^1]);
        lab.DeleteRoot();
    }

    [SlurmFact]
    public async Task AnUrgentSlurmJob_PreemptsTheRunningTimingJob_WhichIsResubmittedAfterIt_WithoutRedoingAnExperiment()
    {
        using var lab = new Lab(settings: SlurmExecutorTests.SlurmLab);
        var victim = await Submit(lab, new
        {
            experiments = new[] { "gmst_era", "kepler_solver" }, libraries = new[] { "gate" }, n = 20, perf_rounds = 1, no_perf = false,
        });
        await lab.WaitHeld("gmst_era");
        await lab.WaitStatus(victim, "running");
        // The victim holds the node alone (--exclusive): the urgent job waits in Slurm, and preempts.
        var urgent = await Submit(lab, new
        {
            experiments = new[] { "gmst_era" }, libraries = new[] { "libnova" }, n = 20, no_perf = true, priority = 10, preempt = true,
        });
        await Eventually.True(() => Log(lab, victim).Contains(PauseSignals.Acknowledgement(PauseMode.Boundary), StringComparison.Ordinal),
            "the victim acknowledged the boundary pause");
        lab.Open("gmst_era");

        var waiting = await lab.WaitStatus(victim, "preempted");
        Assert.Equal(urgent, waiting["preempted_by"]!.GetValue<string>());
        Assert.True(Directory.Exists(Path.Combine(waiting["checkpoint"]!.GetValue<string>(), "gmst_era")));
        lab.Open("all");
        Assert.Equal("completed", (await lab.WaitTerminal(urgent))["status"]!.GetValue<string>());

        var published = await lab.Published(victim);
        var history = await lab.History(victim);
        Assert.Equal(["preempted", "queued"], history.SkipWhile(s => s != "preempted").Take(2));
        // gmst_era was measured once, before the preemption; only kepler_solver ran after it.
        Assert.All(SameRun.Segments(published, "gmst_era"), s => Assert.Equal(0, s));
        Assert.All(SameRun.Segments(published, "kepler_solver"), s => Assert.Equal(1, s));
        lab.DeleteRoot();
    }

    private static async Task<string> Submit(Lab lab, object body)
    {
        var (response, job) = await lab.PostJson("/api/benchmark/jobs", body);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, $"enqueue: {(int)response.StatusCode} {job}");
        return job!["job_id"]!.GetValue<string>();
    }

    /// <summary>
    /// Every file of both runs but the run's own manifest and summary (they name the Slurm job, node and testbed, which differ
    /// from the local uninterrupted run by design), by <see cref="SameRun"/>'s rule: accuracy blocks byte for byte.
    /// </summary>
    private static void AssertSameAccuracy(string expectedRun, string actualRun)
    {
        SameRun.AssertEquivalent(WithoutRunFiles(expectedRun), WithoutRunFiles(actualRun), noPerf: true);
    }

    private static string WithoutRunFiles(string run)
    {
        var copy = Path.Combine(Directory.CreateTempSubdirectory("astrobench-accuracy-").FullName, Path.GetFileName(run));
        foreach (var dir in Directory.GetDirectories(run))
        {
            foreach (var file in Directory.GetFiles(dir, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(copy, Path.GetRelativePath(run, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }
        return copy;
    }

    private static string Log(Lab lab, string id)
    {
        var path = Path.Combine(lab.Root, "logs", id + ".log");
        return File.Exists(path) ? File.ReadAllText(path) : "";
    }
}
