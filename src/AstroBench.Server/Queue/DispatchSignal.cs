namespace AstroBench.Server.Queue;

/// <summary>
/// Wakes the dispatcher: set on enqueue, priority change, undrain and whenever a job frees its slot. Auto-reset;
/// several sets before a wake-up coalesce into one pass (a pass looks at the whole state anyway).
/// </summary>
internal sealed class DispatchSignal
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Set()
    {
        try
        {
            _semaphore.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already set: the pending pass will see this change too.
        }
    }

    /// <summary>True when set, false when <paramref name="timeout"/> passed first.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _semaphore.WaitAsync(timeout, ct);
}
