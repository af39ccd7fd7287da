using AstroBench.Core.Running;

namespace AstroBench.Core.Tests.Running;

/// <summary>The --jobs slots in reservation order (docs/engine.md, "Slots in plan order"): no clock, only task states.</summary>
public sealed class OrderedSlotsTests
{
    [Fact]
    public async Task EarlierPlace_NotYetAsking_HoldsBackALaterPlaceThatAsks()
    {
        var slots = new OrderedSlots(1);
        using var first = slots.Reserve();
        using var second = slots.Reserve();

        var secondGranted = second.WaitAsync(CancellationToken.None);
        Assert.False(secondGranted.IsCompleted);
        await first.WaitAsync(CancellationToken.None);
        Assert.False(secondGranted.IsCompleted);

        first.Dispose();
        await secondGranted;
    }

    [Fact]
    public async Task PlaceGivenUp_BeforeAsking_LetsTheNextOneThrough()
    {
        var slots = new OrderedSlots(1);
        var cacheHit = slots.Reserve();
        using var next = slots.Reserve();
        var granted = next.WaitAsync(CancellationToken.None);

        cacheHit.Dispose();
        await granted;
    }

    [Fact]
    public async Task CancelWhileWaiting_Throws_AndLetsTheNextOneThrough()
    {
        var slots = new OrderedSlots(1);
        using var holder = slots.Reserve();
        await holder.WaitAsync(CancellationToken.None);
        using var cts = new CancellationTokenSource();
        using var cancelled = slots.Reserve();
        using var next = slots.Reserve();
        var waiting = cancelled.WaitAsync(cts.Token);
        var nextGranted = next.WaitAsync(CancellationToken.None);

        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        holder.Dispose();
        await nextGranted;
    }

    [Fact]
    public async Task Slots_AreHandedOut_UpToTheirCount_AndReturnedOnDispose()
    {
        var slots = new OrderedSlots(2);
        using var a = slots.Reserve();
        using var b = slots.Reserve();
        using var c = slots.Reserve();
        await a.WaitAsync(CancellationToken.None);
        await b.WaitAsync(CancellationToken.None);
        var third = c.WaitAsync(CancellationToken.None);
        Assert.False(third.IsCompleted);

        b.Dispose();
        b.Dispose(); // twice: still one slot back, not two
        await third;
        using var d = slots.Reserve();
        Assert.False(d.WaitAsync(CancellationToken.None).IsCompleted);
    }
}
