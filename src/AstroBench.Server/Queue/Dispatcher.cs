using AstroBench.Server.Execution;
using AstroBench.Server.Jobs;
using AstroBench.Server.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AstroBench.Server.Queue;

/// <summary>
/// The dispatcher loop: wakes on <see cref="DispatchSignal"/> (enqueue, priority change, undrain, a job freeing
/// its slot) or every few seconds as a safety net, asks <see cref="DispatchPolicy"/> what may start, and hands
/// each pick to <see cref="JobRunner.TryLaunch"/>, whose compare-and-set queued → starting makes a double
/// dispatch impossible even if two passes raced. A failed pass is logged and retried at the next wake-up.
/// </summary>
internal sealed class Dispatcher(JobStore store, JobRunner runner, DispatchSignal signal, DrainState drain,
    QueueLimits limits, StorageEstimator storage, TimeProvider time, ILogger<Dispatcher> log) : BackgroundService
{
    private static readonly TimeSpan SafetyWake = TimeSpan.FromSeconds(5);

    /// <summary>The reason of a job refused at dispatch because its predicted size does not fit.</summary>
    public const string InsufficientDiskReason = "insufficient_disk";

    /// <summary>How many queued jobs a pass looks at (enough for every slot plus jobs skipped for their key).</summary>
    private int HeadSize => MaxParallelAccuracy + 64;

    private readonly Lock _pass = new();

    private int MaxParallelAccuracy => limits.MaxParallelAccuracy;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                DispatchOnce();
            }
            catch (Exception ex)
            {
                log.LogError(ex, "Dispatch pass failed; retrying at the next wake-up");
            }
            using var tick = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var wake = signal.WaitAsync(Timeout.InfiniteTimeSpan, tick.Token);
            await Task.WhenAny(wake, Task.Delay(SafetyWake, time, tick.Token));
            await tick.CancelAsync();
            stoppingToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>One pass: starts what the policy allows; again while a claim lost a race (the state changed). Returns the jobs started.</summary>
    public int DispatchOnce()
    {
        lock (_pass)
        {
            var started = 0;
            while (true)
            {
                RequeuePreempted();
                // Slurm jobs are the cluster's to schedule (docs/slurm.md): they hold no local slot and are submitted at once.
                var held = store.ListHolding();
                var holding = held.Where(j => !runner.IsSlurm(j)).ToList();
                var all = store.ListQueued(HeadSize);
                var queued = all.Where(j => !runner.IsSlurm(j)).ToList();
                foreach (var submit in drain.Draining ? [] : all.Where(runner.IsSlurm))
                {
                    started += runner.TryLaunch(submit) ? 1 : 0;
                }
                if (PreemptionPolicy.Pick(holding, queued, drain.Draining) is { } preemption)
                {
                    runner.Preempt(preemption);
                }
                if (SlurmPreemption.Pick([.. held.Where(runner.IsSlurm)], drain.Draining) is { } onCluster)
                {
                    runner.Preempt(onCluster);
                }
                var picks = DispatchPolicy.Pick([.. holding.Select(Slot)], [.. queued.Select(Slot)], MaxParallelAccuracy, drain.Draining);
                if (picks.Count == 0)
                {
                    return started;
                }
                var lost = false;
                foreach (var id in picks)
                {
                    var pick = queued.First(q => q.Id == id);
                    // The disk is checked again at dispatch (it may have filled since the enqueue): a refused job
                    // ends failed with its reason instead of starting a run that cannot fit (docs/storage.md).
                    if (storage.EstimateForStart(pick.Config) is { WouldRefuse: true } estimate)
                    {
                        runner.TryRefuse(pick, InsufficientDiskReason, "Refused at dispatch: " + estimate.Detail);
                        lost = true;
                        continue;
                    }
                    if (runner.TryLaunch(pick))
                    {
                        started++;
                    }
                    else
                    {
                        lost = true;
                    }
                }
                if (!lost)
                {
                    return started;
                }
            }
        }
    }

    /// <summary>A preempted job waits (status <c>preempted</c>) until its preemptor is done, then takes its old place in the queue.</summary>
    private void RequeuePreempted()
    {
        foreach (var row in store.ListPreempted())
        {
            if (row.PreemptedBy is not { } by || store.Get(by) is not { } urgent || JobStatus.IsTerminal(urgent.Status))
            {
                store.TryRequeueFromCheckpoint(row.Id, JobStatus.Preempted, keepPlace: true, $"requeued: job {row.PreemptedBy} is done");
            }
        }
    }

    private static DispatchSlot Slot(JobRow row) => new(row.Id, ResourceClass.Of(row.Config), row.ConcurrencyKey);
}
