namespace AstroBench.Core.Running;

/// <summary>
/// The <c>--jobs</c> slots of the accuracy calls, handed out in the order places were reserved (<see cref="Reserve"/>),
/// not in the order callers happen to ask. The run reserves every call's place in plan order when an experiment's stage
/// begins (experiment, then reference first, then candidates, then shards), so a call that asks late (the reference
/// waiting for the version capture that keys its cache entry) still gets its slot before calls planned after it
/// (docs/engine.md, "Slots in plan order"). A place given up (a cache hit, a cancel, a stage that failed before its
/// calls) lets the next one through.
/// </summary>
public sealed class OrderedSlots(int slots)
{
    private readonly Lock _gate = new();
    private readonly LinkedList<SlotTicket> _queue = new();
    private int _free = Math.Max(1, slots);

    /// <summary>A place at the end of the queue; dispose it when the call is done (or was never made).</summary>
    public SlotTicket Reserve()
    {
        var ticket = new SlotTicket(this);
        lock (_gate)
        {
            ticket.Node = _queue.AddLast(ticket);
        }
        return ticket;
    }

    internal Task WaitAsync(SlotTicket ticket, CancellationToken ct)
    {
        lock (_gate)
        {
            if (ticket.State != SlotTicket.Phase.Reserved)
            {
                throw new InvalidOperationException("a slot ticket is waited for once");
            }
            ticket.State = SlotTicket.Phase.Waiting;
            Pump();
        }
        if (ct.CanBeCanceled)
        {
            ticket.Cancellation = ct.Register(() => Cancel(ticket, ct));
        }
        return ticket.Granted.Task;
    }

    internal void Done(SlotTicket ticket)
    {
        lock (_gate)
        {
            switch (ticket.State)
            {
                case SlotTicket.Phase.Holding:
                    _free++;
                    break;
                case SlotTicket.Phase.Reserved or SlotTicket.Phase.Waiting:
                    _queue.Remove(ticket.Node!);
                    ticket.Granted.TrySetCanceled();
                    break;
            }
            ticket.State = SlotTicket.Phase.Done;
            Pump();
        }
    }

    private void Cancel(SlotTicket ticket, CancellationToken ct)
    {
        lock (_gate)
        {
            if (ticket.State != SlotTicket.Phase.Waiting)
            {
                return; // granted meanwhile: the caller holds the slot and releases it as usual
            }
            _queue.Remove(ticket.Node!);
            ticket.State = SlotTicket.Phase.Done;
            ticket.Granted.TrySetCanceled(ct);
            Pump();
        }
    }

    /// <summary>Grants free slots to the head of the queue while it is asking; a head that has not asked yet holds the rest back.</summary>
    private void Pump()
    {
        while (_free > 0 && _queue.First is { Value.State: SlotTicket.Phase.Waiting } head)
        {
            _queue.RemoveFirst();
            _free--;
            head.Value.State = SlotTicket.Phase.Holding;
            head.Value.Granted.TrySetResult();
        }
    }
}
