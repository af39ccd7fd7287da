using AstroBench.Core.History;
using AstroBench.Server.Events;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AstroBench.Server.History;

/// <summary>
/// Keeps the results index and the regressions current: at start, after every <c>run.published</c> lab event (the
/// run is indexed from its folder at once) and every <see cref="HistoryOptions.PollSeconds"/> on <see cref="TimeProvider"/>
/// (for imports and folders copied in), it syncs the index, scans pending runs and announces new regressions.
/// A failed pass is logged and tried again at the next wake-up.
/// </summary>
internal sealed class HistoryFollower(ResultsIndex index, RegressionScanner scanner, RegressionStore store, LabEventLog events,
    IOptions<HistoryOptions> options, TimeProvider time, ILogger<HistoryFollower> log) : BackgroundService
{
    /// <summary>Completed passes, for tests that wait for "the follower has looked again".</summary>
    public long Passes => Interlocked.Read(ref _passes);

    private long _passes;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the start-up path: a first start over a large lab builds the index here, not in the host's start.
        await Task.Yield();
        var cursor = events.LastSeq();
        Pass("start");
        while (!stoppingToken.IsCancellationRequested)
        {
            using var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var tick = Task.Delay(TimeSpan.FromSeconds(options.Value.PollSeconds), time, wake.Token);
            var evt = events.WaitAfterAsync(cursor, wake.Token);
            await Task.WhenAny(tick, evt);
            await wake.CancelAsync();
            stoppingToken.ThrowIfCancellationRequested();
            if (evt.IsCompletedSuccessfully)
            {
                var (next, published) = Consume(cursor);
                cursor = next;
                if (published == 0)
                {
                    continue;
                }
            }
            Pass(evt.IsCompletedSuccessfully ? "run published" : "interval");
        }
    }

    /// <summary>Indexes the folder of every <c>run.published</c> and <c>run.imported</c> event after the cursor; returns the new cursor and how many.</summary>
    private (long Cursor, int Published) Consume(long cursor)
    {
        var published = 0;
        while (TryReadAfter(cursor) is { Count: > 0 } batch)
        {
            cursor = batch[^1].Seq;
            foreach (var e in batch.Where(e => e.Type is LabEventTypes.RunPublished or LabEventTypes.RunImported && e.RunId is not null))
            {
                published++;
                try
                {
                    index.IndexRun(Path.Combine(index.ResultsDirectory, e.RunId!));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Any failure of one run (a folder removed mid-read, an event naming no folder of the lab) stays that
                    // run's: an exception escaping ExecuteAsync would stop the whole host (BackgroundServiceExceptionBehavior).
                    log.LogWarning(ex, "Indexing run {RunId} failed; the next pass syncs it", e.RunId);
                }
            }
        }
        return (cursor, published);
    }

    /// <summary>The events after <paramref name="cursor"/>, or none when the log cannot be read now (the next wake-up reads them).</summary>
    private IReadOnlyList<LabEvent> TryReadAfter(long cursor)
    {
        try
        {
            return events.ReadAfter(cursor);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogError(ex, "Reading the lab events after {Cursor} failed; retried at the next wake-up", cursor);
            return [];
        }
    }

    private void Pass(string reason)
    {
        try
        {
            var found = scanner.ScanPending();
            var announced = RegressionAnnouncer.Announce(store, events);
            if (found.Count > 0 || announced > 0)
            {
                log.LogInformation("History pass ({Reason}): {Found} changes detected, {Announced} announced", reason, found.Count, announced);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Logged and retried, never thrown: a follower that died would stop the host and every job with it.
            log.LogError(ex, "History pass ({Reason}) failed; retried at the next wake-up", reason);
        }
        finally
        {
            Interlocked.Increment(ref _passes);
        }
    }
}
