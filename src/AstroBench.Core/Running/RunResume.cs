using AstroBench.Core.Adapters;
using AstroBench.Core.Results;
using AstroBench.Core.Results.Checkpoints;

namespace AstroBench.Core.Running;

/// <summary>
/// Turns a checkpoint folder into a <see cref="ResumePoint"/> (docs/checkpoints.md): reopen the reservation,
/// claim the checkpoint, rebuild the options and plan from it, and refuse (a <see cref="CheckpointException"/>,
/// the checkpoint given back untouched) when the lab's code, the plan or an adapter changed, since the run
/// would then no longer be the one an uninterrupted run of the same config publishes.
/// </summary>
public static class RunResume
{
    public static CheckpointConfig ConfigOf(RunOptions o) =>
        new(o.Experiments, o.Libraries, o.N, o.Seed, o.PerfRounds, o.NoPerf, o.CiMode, o.Notes, o.CallTimeout.TotalSeconds, o.AdapterDirs, o.Testbed,
            o.MaxPerfRounds, o.PerfCvTargetPercent, o.PerfBudgetSeconds);

    public static RunOptions OptionsOf(CheckpointConfig c, string resultsDir) => new()
    {
        Experiments = c.Experiments, Libraries = c.Libraries, N = c.N, Seed = c.Seed, PerfRounds = c.PerfRounds, NoPerf = c.NoPerf,
        CiMode = c.CiMode, Notes = c.Notes, ResultsDir = resultsDir, AdapterDirs = c.AdapterDirs, CallTimeout = TimeSpan.FromSeconds(c.TimeoutS), Testbed = c.Testbed,
        // A checkpoint written before adaptive rounds holds none of these: the defaults then.
        MaxPerfRounds = c.MaxPerfRounds, PerfCvTargetPercent = c.PerfCvTargetPercent ?? RoundsPolicy.DefaultCvTargetPercent,
        PerfBudgetSeconds = c.PerfBudgetSeconds ?? RoundsPolicy.DefaultBudgetSecondsPerLibrary,
    };

    public static async Task<ResumePoint> PrepareAsync(string checkpointDir, Action<string> warn, CancellationToken ct)
    {
        RunStaging staging;
        try
        {
            staging = RunStaging.Open(checkpointDir);
        }
        catch (IOException ex)
        {
            throw new CheckpointException(ex.Message);
        }
        var checkpoint = CheckpointClaim.Take(staging.StagingPath);
        try
        {
            return await CheckAsync(staging, checkpoint, warn, ct);
        }
        catch (Exception ex)
        {
            CheckpointClaim.Return(staging.StagingPath);
            throw ex is RunPlanException or AdapterManifestException ? new CheckpointException("cannot resume: " + ex.Message) : ex;
        }
    }

    private static async Task<ResumePoint> CheckAsync(RunStaging staging, Checkpoint checkpoint, Action<string> warn, CancellationToken ct)
    {
        if (checkpoint.RunId != staging.RunId)
        {
            throw new CheckpointException($"checkpoint of run {checkpoint.RunId} found in the staging folder of {staging.RunId}");
        }
        if (checkpoint.LabBuild != LabBuild.Id)
        {
            throw new CheckpointException($"cannot resume: the lab's code changed since the run was paused (build {checkpoint.LabBuild}, now {LabBuild.Id})");
        }
        var options = OptionsOf(checkpoint.Config, staging.ResultsDir);
        var errors = RunOptionsValidator.Validate(options);
        if (errors.Count > 0)
        {
            throw new CheckpointException("cannot resume: the checkpoint's config is invalid: " + string.Join("; ", errors));
        }
        var registry = AdapterRegistry.Load(options.AdapterDirs);
        foreach (var problem in registry.Problems)
        {
            warn(problem);
        }
        var plan = RunPlan.Resolve(options, registry);
        var was = string.Join("; ", checkpoint.Plan.Select(Describe));
        var now = string.Join("; ", RunAdapters.Plan(plan).Select(Describe));
        if (was != now)
        {
            throw new CheckpointException($"cannot resume: the plan changed since the run was paused (was {was}; now {now})");
        }
        var adapters = await RunAdapters.CaptureAsync(plan, ct);
        foreach (var before in checkpoint.Adapters)
        {
            var after = adapters.FirstOrDefault(a => a.Name == before.Name);
            var change = after is null ? "it is gone"
                : after.Version != before.Version ? $"version '{before.Version}', now '{after.Version}'"
                : after.Fingerprint != before.Fingerprint ? $"its files changed ({before.Fingerprint[..19]}…, now {after.Fingerprint[..19]}…)"
                : null;
            if (change is not null)
            {
                throw new CheckpointException($"cannot resume: adapter {before.Name} changed since the run was paused: {change}");
            }
        }
        return new ResumePoint(staging, checkpoint, options, plan, adapters);
    }

    private static string Describe(CheckpointExperiment e) => $"{e.Experiment}: {string.Join(',', e.Libraries)}";
}
