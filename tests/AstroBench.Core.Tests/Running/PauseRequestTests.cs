using AstroBench.Core.Results.Model;
using AstroBench.Core.Running;

namespace AstroBench.Core.Tests.Running;

public sealed class PauseRequestTests
{
    [Fact]
    public void Boundary_LeavesTheCallInFlightAlone()
    {
        using var pause = new PauseRequest();

        pause.Request(PauseMode.Boundary);

        Assert.Equal(PauseMode.Boundary, pause.Mode);
        Assert.False(pause.NowToken.IsCancellationRequested);
    }

    [Fact]
    public void Now_StopsTheCallInFlight_AndABoundaryAfterItNeverWeakensIt()
    {
        using var pause = new PauseRequest();

        pause.Request(PauseMode.Boundary);
        pause.Request(PauseMode.Now);
        pause.Request(PauseMode.Boundary);

        Assert.Equal(PauseMode.Now, pause.Mode);
        Assert.True(pause.NowToken.IsCancellationRequested);
    }

    [Fact]
    public void NoRequest_NoMode() => Assert.Null(new PauseRequest().Mode);

    [Fact]
    public void SegmentReasons_NameTheMode()
    {
        Assert.Equal(RunSegmentReasons.Paused, RunSegmentReasons.Of(PauseMode.Boundary));
        Assert.Equal(RunSegmentReasons.PausedNow, RunSegmentReasons.Of(PauseMode.Now));
    }
}
