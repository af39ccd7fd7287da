using System.Text.Json.Nodes;
using AstroBench.Server.Events;
using AstroBench.Server.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AstroBench.Server.Storage;

/// <summary>
/// Appends a <c>disk.low</c> lab event when free space on the results file system drops below
/// <see cref="StorageDiskOptions.EffectiveLowDiskWarnMb"/>: once per crossing, armed again when free
/// space rises above the threshold. It looks at start-up, every <c>DiskCheckSeconds</c> on
/// <see cref="TimeProvider"/>, and right after every lab event (a job settling writes one), so a job
/// that filled the disk is noticed at once. The crossing state is in memory: a restart while the disk
/// is still low announces it once more.
/// </summary>
internal sealed class DiskLowMonitor(ServerPaths paths, LabEventLog events, IOptions<StorageDiskOptions> options, TimeProvider clock,
    ILogger<DiskLowMonitor> logger) : BackgroundService
{
    private bool _low;
    private long _timerChecks;
    private long _checks;
    private long _started;

    /// <summary>Checks made because the interval elapsed (for tests driving a fake clock).</summary>
    internal long TimerChecks => Interlocked.Read(ref _timerChecks);

    /// <summary>Every check finished, for whatever reason.</summary>
    internal long Checks => Interlocked.Read(ref _checks);

    /// <summary>
    /// Every check begun. Checks run one after another, so once <see cref="Checks"/> reaches a value of this
    /// taken earlier plus k, k checks have begun after that moment (tests use it to see a settings change).
    /// </summary>
    internal long ChecksStarted => Interlocked.Read(ref _started);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var cursor = SafeLastSeq();
        Check();
        while (!stoppingToken.IsCancellationRequested)
        {
            bool byTimer;
            (cursor, byTimer) = await WaitAsync(cursor, stoppingToken);
            Check();
            if (byTimer)
            {
                Interlocked.Increment(ref _timerChecks);
            }
        }
    }

    /// <summary>Looks once; appends <c>disk.low</c> when free space has just dropped below the threshold.</summary>
    internal void Check()
    {
        Interlocked.Increment(ref _started);
        try
        {
            var threshold = options.Value.EffectiveLowDiskWarnMb * StorageDiskOptions.BytesPerMb;
            var free = DiskSpace.Of(paths.ResultsDir).FreeBytes;
            if (free >= threshold)
            {
                _low = false;
                return;
            }
            if (_low)
            {
                return;
            }
            events.Append(LabEventTypes.DiskLow, null, null, new JsonObject
            {
                ["results_dir"] = paths.ResultsDir,
                ["free_bytes"] = free,
                ["threshold_bytes"] = threshold,
            });
            _low = true;
            logger.LogWarning("disk low: {Free} bytes free on {Dir}, below {Threshold}", free, paths.ResultsDir, threshold);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A failed look is tried again on the next tick; the monitor must never stop the server (an exception escaping
            // ExecuteAsync would: BackgroundServiceExceptionBehavior.StopHost).
            logger.LogError(ex, "disk check failed for {Dir}", paths.ResultsDir);
        }
        finally
        {
            Interlocked.Increment(ref _checks);
        }
    }

    private async Task<(long Cursor, bool ByTimer)> WaitAsync(long cursor, CancellationToken stoppingToken)
    {
        using var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var interval = TimeSpan.FromSeconds(Math.Max(1, options.Value.DiskCheckSeconds));
        var tick = Task.Delay(interval, clock, wake.Token);
        var appended = events.WaitAfterAsync(cursor, wake.Token);
        var first = await Task.WhenAny(tick, appended);
        if (first == appended && !appended.IsCompletedSuccessfully)
        {
            // The event log could not be read: fall back to the clock instead of spinning.
            first = await Task.WhenAny(tick);
        }
        await wake.CancelAsync();
        stoppingToken.ThrowIfCancellationRequested();
        return (SafeLastSeq(cursor), first == tick && tick.IsCompletedSuccessfully);
    }

    private long SafeLastSeq(long fallback = 0)
    {
        try
        {
            return events.LastSeq();
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex)
        {
            logger.LogError(ex, "reading the lab event log failed");
            return fallback;
        }
    }
}
