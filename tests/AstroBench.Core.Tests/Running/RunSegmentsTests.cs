using AstroBench.Core.Adapters;
using AstroBench.Core.Results.Model;
using AstroBench.Core.Running;

namespace AstroBench.Core.Tests.Running;

public sealed class RunSegmentsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 29, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AResumedRun_CountsTheWallTimeOfItsSegments_NotTheTimePaused()
    {
        var closed = new[] { new RunSegment(T0, T0.AddSeconds(10), RunSegmentReasons.Paused) };
        var segments = new RunSegments(T0, T0.AddHours(5), closed, 7, 4.5);

        var timing = segments.Timing(new AdapterProcessRunner(TimeSpan.FromSeconds(1)), T0.AddHours(5).AddSeconds(3));

        Assert.Equal(1, segments.Index);
        Assert.Equal(13, timing.WallS, 9);
        Assert.Equal(7, timing.AdapterCalls);
        Assert.Equal(4.5, timing.AdapterCallsS, 9);
        Assert.Equal([RunSegmentReasons.Paused, RunSegmentReasons.Completed],
            segments.Close(RunSegmentReasons.Completed, T0.AddHours(6)).Select(s => s.Reason));
    }
}
