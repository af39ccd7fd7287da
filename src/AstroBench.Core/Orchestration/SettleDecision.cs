using System.Globalization;
using AstroBench.Core.Running;

namespace AstroBench.Core.Orchestration;

/// <summary>
/// The one rule that turns "the orchestrator is gone" into a final status, used by the server's runner
/// (it watched the process) and by its start-up reconciler (it found the process gone). In order:
/// <list type="number">
/// <item>the OOM killer ended a process of the job → failed, <see cref="Oom"/> (a published run stays referenced);</item>
/// <item>record <c>completed</c> → completed (a run that published its folder wins, even over a late cancel);</item>
/// <item>stopped by the watcher for a limit → failed with that reason (<see cref="Timeout"/>);</item>
/// <item>cancel requested → cancelled, with the request's reason (a <c>paused</c> record's checkpoint rides along:
/// the caller discards it with <c>RunStaging.Discard</c>, nothing is published);</item>
/// <item>record <c>paused</c> → paused, with the record's checkpoint (the server's job status <c>paused</c>);</item>
/// <item>record <c>cancelled</c> (a signal nobody here sent) → cancelled, the record's reason;</item>
/// <item>record <c>failed</c> → failed, the record's reason;</item>
/// <item>no record but an exit code → failed, <c>exit code N[: last stderr line]</c>;</item>
/// <item>no record, no exit code → failed, <c>lost</c>.</item>
/// </list>
/// The exit code is the record's, else the reaped one.
/// </summary>
public static class SettleDecision
{
    public const string Lost = "lost";
    public const string CancelledByUser = "cancelled by user";

    /// <summary>The run stopped because the results file system was full (ENOSPC); its staging folder was deleted.</summary>
    public const string DiskFull = "disk_full";

    /// <summary>The job went over its memory limit: the kernel's OOM killer ended one of its processes (docs/limits.md).</summary>
    public const string Oom = "oom";

    /// <summary>The job went over its <c>timeout_s</c>; the server ended it with SIGTERM → grace → SIGKILL (docs/limits.md).</summary>
    public const string Timeout = "timeout";

    public static SettleVerdict Decide(SettleInput input)
    {
        var record = input.Record;
        var exitCode = record?.ExitCode ?? input.ReapedExitCode;
        if (input.OomKilled)
        {
            return new SettleVerdict(RunStatus.Failed, Oom, exitCode, record?.RunId, false, false);
        }
        if (record is { Status: RunStatus.Completed })
        {
            return new SettleVerdict(RunStatus.Completed, null, exitCode ?? 0, record.RunId, false, false);
        }
        if (input.StoppedBy is { } limit)
        {
            return new SettleVerdict(RunStatus.Failed, limit, exitCode, null, false, false);
        }
        if (input.CancelRequested)
        {
            return new SettleVerdict(RunStatus.Cancelled, input.CancelReason ?? CancelledByUser, exitCode, null, true, false,
                record is { Status: RunStatus.Paused } ? record.Checkpoint : null);
        }
        if (record is { Status: RunStatus.Paused })
        {
            return new SettleVerdict(RunStatus.Paused, record.Reason ?? "paused", exitCode, null, false, false, record.Checkpoint);
        }
        var showStderr = exitCode is not 0;
        return record switch
        {
            { Status: RunStatus.Cancelled } => new SettleVerdict(RunStatus.Cancelled,
                record.Reason ?? "terminated by a signal" + (exitCode is { } c ? $" (exit code {Code(c)})" : ""), exitCode, null, false, showStderr),
            { Status: RunStatus.Failed } => new SettleVerdict(RunStatus.Failed,
                record.Reason ?? ExitCodeReason(exitCode, input.StderrLastLine), exitCode, record.RunId, false, showStderr),
            _ when exitCode is not null => new SettleVerdict(RunStatus.Failed, ExitCodeReason(exitCode, input.StderrLastLine), exitCode, null, false, showStderr),
            _ => new SettleVerdict(RunStatus.Failed, Lost, null, null, false, false),
        };
    }

    private static string ExitCodeReason(int? exitCode, string? stderr) =>
        "exit code " + (exitCode is { } c ? Code(c) : "?") + (stderr is { Length: > 0 } s ? ": " + s : "");

    private static string Code(int c) => c.ToString(CultureInfo.InvariantCulture);
}
