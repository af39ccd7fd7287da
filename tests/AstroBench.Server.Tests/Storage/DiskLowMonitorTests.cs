using System.Text.Json.Nodes;
using AstroBench.Server.Events;
using AstroBench.Server.Hosting;
using AstroBench.Server.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AstroBench.Server.Tests.Storage;

/// <summary>The disk.low loop alone, on a fake clock: one event per crossing, armed again once free space is back above the threshold.</summary>
public sealed class DiskLowMonitorTests : IAsyncLifetime, IDisposable
{
    private const double IntervalSeconds = 60;
    private readonly string _root = Directory.CreateTempSubdirectory("astrobench-disklow-").FullName;
    private readonly FakeTimeProvider _clock = new();
    // Far above any real disk (1 PB): the results file system is "low" for sure.
    private readonly StorageDiskOptions _options = new() { MinFreeDiskMb = 1, LowDiskWarnMb = 1L << 30, DiskCheckSeconds = IntervalSeconds };
    private readonly ServerPaths _paths;
    private readonly LabEventLog _events;
    private readonly DiskLowMonitor _monitor;

    public DiskLowMonitorTests()
    {
        _paths = new ServerPaths(new AstroBenchServerOptions { Root = _root });
        _events = new LabEventLog(_paths);
        _monitor = new DiskLowMonitor(_paths, _events, Options.Create(_options), _clock, NullLogger<DiskLowMonitor>.Instance);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _monitor.StopAsync(CancellationToken.None);

    // After DisposeAsync (xunit calls both, in that order).
    public void Dispose()
    {
        _monitor.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    private List<LabEvent> DiskLow() => _events.ReadAfter(0).Where(e => e.Type == LabEventTypes.DiskLow).ToList();

    /// <summary>
    /// Advances the fake clock until <paramref name="count"/> checks that began after this call have finished
    /// (advancing past one is harmless). Counting from the checks begun, not finished, keeps a check that was
    /// already running with the old settings from counting as one made with the new.
    /// </summary>
    private async Task Ticks(int count)
    {
        var target = _monitor.ChecksStarted + count;
        await Eventually.True(() =>
        {
            _clock.Advance(TimeSpan.FromSeconds(IntervalSeconds));
            return _monitor.Checks >= target;
        }, $"{count} checks after the settings change");
    }

    [Fact]
    public async Task BelowThreshold_AppendsOneEventPerCrossing_AndRearmsWhenFreeSpaceIsBackAbove()
    {
        await _monitor.StartAsync(CancellationToken.None);
        await Eventually.True(() => DiskLow().Count == 1, "the first check finds the disk low");

        await Ticks(2);
        var only = Assert.Single(DiskLow());
        var payload = only.PayloadObject();
        Assert.Equal(_paths.ResultsDir, payload["results_dir"]!.GetValue<string>());
        Assert.Equal((1L << 30) * 1024 * 1024, payload["threshold_bytes"]!.GetValue<long>());
        Assert.InRange(payload["free_bytes"]!.GetValue<long>(), 0, payload["threshold_bytes"]!.GetValue<long>() - 1);

        _options.LowDiskWarnMb = 1;
        await Ticks(1);
        Assert.Single(DiskLow());
        _options.LowDiskWarnMb = 1L << 30;
        await Ticks(1);
        Assert.Equal(2, DiskLow().Count);
    }

    [Fact]
    public async Task ALabEvent_TriggersACheck_WithoutWaitingForTheInterval()
    {
        _options.LowDiskWarnMb = 1;
        await _monitor.StartAsync(CancellationToken.None);
        await Eventually.True(() => _monitor.Checks >= 1, "the start-up check is done (the disk is above the threshold)");
        _options.LowDiskWarnMb = 1L << 30;

        // A job settling writes its events; the monitor looks at the disk right then, not a minute later.
        _events.Append(LabEventTypes.JobCompleted, "0123456789ab", null, new JsonObject());

        await Eventually.True(() => DiskLow().Count == 1, "a disk.low event right after the job event");
        Assert.Equal(0, _monitor.TimerChecks);
    }
}
