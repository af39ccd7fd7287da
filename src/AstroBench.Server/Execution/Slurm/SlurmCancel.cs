using Microsoft.Extensions.Logging;

namespace AstroBench.Server.Execution.Slurm;

/// <summary>
/// The cancel sequence through Slurm: <c>scancel --signal=TERM --full</c>, the grace period, <c>scancel --signal=KILL --full</c>,
/// then Slurm's confirmation that the job ended (its cgroup-tracked processes are all gone). Only then is the job <c>cancelled</c>.
/// Grace and confirmation are measured on <paramref name="clock"/>.
/// </summary>
internal static class SlurmCancel
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    public static async Task<CancelOutcome> RunAsync(SlurmJobHandle slurm, TimeSpan grace, TimeSpan killConfirm, TimeProvider? clock = null)
    {
        clock ??= TimeProvider.System;
        if (grace > TimeSpan.Zero)
        {
            // A job still pending has no process: TERM cancels it outright.
            var term = slurm.Client.Signal(slurm.JobId, "TERM");
            if (!term.Ok && !Gone(slurm))
            {
                return new CancelOutcome(false, [], "scancel --signal=TERM: " + term.Message);
            }
            if (await WaitEndedAsync(slurm, grace, clock))
            {
                return new CancelOutcome(true, [], null);
            }
        }
        var kill = slurm.Client.Signal(slurm.JobId, "KILL");
        if (!kill.Ok && !Gone(slurm))
        {
            return new CancelOutcome(false, [], "scancel --signal=KILL: " + kill.Message);
        }
        return await WaitEndedAsync(slurm, killConfirm, clock)
            ? new CancelOutcome(true, [], null)
            : new CancelOutcome(false, [], $"Slurm job {slurm.JobId} not ended after SIGKILL (state {slurm.Last?.State ?? "?"})");
    }

    /// <summary>After an internal error: SIGKILL through Slurm and wait for it to confirm. Never throws.</summary>
    public static async Task KillAsync(SlurmJobHandle slurm, TimeSpan confirm, ILogger logger, string id)
    {
        try
        {
            if (!await KillAndConfirm(slurm, confirm))
            {
                logger.LogError("job {Id}: Slurm job {Slurm} not confirmed ended after SIGKILL", id, slurm.JobId);
            }
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "job {Id}: killing Slurm job {Slurm} failed", id, slurm.JobId);
        }
    }

    /// <summary>Repeats SIGKILL until Slurm confirms the end (a cancel whose first sequence did not get that far).</summary>
    public static async Task EnsureEndedAsync(SlurmJobHandle slurm, ILogger logger, string id)
    {
        while (!await KillAndConfirm(slurm, TimeSpan.FromSeconds(5)))
        {
            logger.LogError("job {Id}: Slurm job {Slurm} still {State}; retrying SIGKILL", id, slurm.JobId, slurm.Last?.State);
        }
    }

    private static async Task<bool> KillAndConfirm(SlurmJobHandle slurm, TimeSpan confirm)
    {
        if (Gone(slurm))
        {
            return true;
        }
        slurm.Client.Signal(slurm.JobId, "KILL");
        return await WaitEndedAsync(slurm, confirm, TimeProvider.System);
    }

    private static bool Gone(SlurmJobHandle slurm)
    {
        slurm.Refresh(force: true);
        return slurm.HasEnded;
    }

    private static async Task<bool> WaitEndedAsync(SlurmJobHandle slurm, TimeSpan timeout, TimeProvider clock)
    {
        var started = clock.GetTimestamp();
        while (true)
        {
            if (Gone(slurm))
            {
                return true;
            }
            if (clock.GetElapsedTime(started) >= timeout)
            {
                return false;
            }
            await Task.Delay(Poll, CancellationToken.None);
        }
    }
}
