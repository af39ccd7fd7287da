using AstroBench.Core.Retention;
using AstroBench.Server.Events;
using AstroBench.Server.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AstroBench.Server.Storage;

/// <summary>
/// The retention loop: at start it sweeps once (which first finishes what a crashed sweep left in the trash),
/// then sweeps every <see cref="RetentionOptions.SweepInterval"/> on <see cref="TimeProvider"/> and after every
/// finished job (a job.completed|failed|cancelled event past its own cursor on the lab event log). A failed
/// sweep is logged with its context and simply tried again at the next wake-up.
/// </summary>
internal sealed class RetentionSweeper(RetentionService retention, LabEventLog events, ServerPaths paths, IOptions<RetentionOptions> options,
    TimeProvider time, ILogger<RetentionSweeper> log) : BackgroundService
{
    /// <summary>Completed sweeps (any outcome), for tests that wait for "the loop has swept again".</summary>
    public long Sweeps => Interlocked.Read(ref _sweeps);

    private long _sweeps;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var cursor = events.LastSeq();
        await SweepOnceAsync("start", stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            using var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var tick = Task.Delay(options.Value.SweepInterval, time, wake.Token);
            var evt = events.WaitAfterAsync(cursor, wake.Token);
            await Task.WhenAny(tick, evt);
            await wake.CancelAsync();
            stoppingToken.ThrowIfCancellationRequested();
            var reason = "interval";
            if (evt.IsCompletedSuccessfully)
            {
                var (next, jobEnded) = Consume(cursor);
                cursor = next;
                if (!jobEnded)
                {
                    continue;
                }
                reason = "job finished";
            }
            await SweepOnceAsync(reason, stoppingToken);
        }
    }

    private (long Cursor, bool JobEnded) Consume(long cursor)
    {
        var ended = false;
        IReadOnlyList<LabEvent> batch;
        while ((batch = events.ReadAfter(cursor)).Count > 0)
        {
            cursor = batch[^1].Seq;
            ended |= batch.Any(e => e.Type is LabEventTypes.JobCompleted or LabEventTypes.JobFailed or LabEventTypes.JobCancelled);
        }
        return (cursor, ended);
    }

    private async Task SweepOnceAsync(string reason, CancellationToken ct)
    {
        try
        {
            var report = await retention.SweepAsync(ct);
            if (report is null)
            {
                log.LogInformation("Retention sweep ({Reason}) skipped: another process is sweeping {Results}", reason, paths.ResultsDir);
            }
            else if (report.Runs.Count > 0 || report.TrashFinished > 0 || report.Jobs.Count > 0 || report.Logs.Count > 0)
            {
                log.LogInformation("Retention sweep ({Reason}): {Runs} runs removed ({Bytes} bytes), {Trash} trash leftovers, {Jobs} jobs, {Logs} logs",
                    reason, report.Runs.Count(r => r.Outcome == RunRemovalResult.Removed), report.BytesFreed, report.TrashFinished,
                    report.Jobs.Count, report.Logs.Count);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // Never fatal: the next interval or finished job tries again.
            log.LogError(ex, "Retention sweep ({Reason}) of {Results} failed; retrying at the next wake-up", reason, paths.ResultsDir);
        }
        finally
        {
            Interlocked.Increment(ref _sweeps);
        }
    }
}
