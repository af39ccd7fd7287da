namespace AstroBench.Core.Running;

/// <summary>One call's place in <see cref="OrderedSlots"/>: wait for it once, dispose it once the call is done.</summary>
public sealed class SlotTicket : IDisposable
{
    private readonly OrderedSlots _slots;

    internal SlotTicket(OrderedSlots slots) => _slots = slots;

    internal enum Phase { Reserved, Waiting, Holding, Done }

    internal Phase State { get; set; }

    internal LinkedListNode<SlotTicket>? Node { get; set; }

    // Continuations never run under the gate's lock.
    internal TaskCompletionSource Granted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal CancellationTokenRegistration Cancellation { get; set; }

    /// <summary>Completes when this place holds a slot; throws <see cref="OperationCanceledException"/> on a cancel.</summary>
    public Task WaitAsync(CancellationToken ct) => _slots.WaitAsync(this, ct);

    /// <summary>Releases the slot held, or gives up the place not yet served.</summary>
    public void Dispose()
    {
        Cancellation.Dispose();
        _slots.Done(this);
    }
}
