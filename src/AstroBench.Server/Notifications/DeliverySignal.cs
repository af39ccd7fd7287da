namespace AstroBench.Server.Notifications;

/// <summary>Wakes the delivery loop when new deliveries were enqueued (a set before the wait is never lost).</summary>
internal sealed class DeliverySignal
{
    private readonly Lock _lock = new();
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Set()
    {
        lock (_lock)
        {
            _next.TrySetResult();
        }
    }

    /// <summary>The task to await; completed already if <see cref="Set"/> ran since the last <see cref="Reset"/>.</summary>
    public Task Current
    {
        get
        {
            lock (_lock)
            {
                return _next.Task;
            }
        }
    }

    /// <summary>Called before reading the outbox, so a set during the read wakes the next wait.</summary>
    public void Reset()
    {
        lock (_lock)
        {
            if (_next.Task.IsCompleted)
            {
                _next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }
}
