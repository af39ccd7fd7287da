namespace AstroBench.Core.Running;

/// <summary>
/// A pause asked for from outside (a signal handler) and read by the orchestrator. <see cref="Now"/> also
/// fires <see cref="NowToken"/>, which stops the adapter call in flight the way a cancel does; unlike a
/// cancel, the orchestrator then keeps its staging folder as the checkpoint. A later request never
/// weakens an earlier one: boundary after now stays now.
/// </summary>
public sealed class PauseRequest : IDisposable
{
    private readonly CancellationTokenSource _now = new();
    private int _mode = -1;

    /// <summary>The mode asked for, or null while no pause was requested.</summary>
    public PauseMode? Mode => Volatile.Read(ref _mode) is var m and >= 0 ? (PauseMode)m : null;

    /// <summary>Fires when a pause <see cref="PauseMode.Now"/> is requested.</summary>
    public CancellationToken NowToken => _now.Token;

    public void Request(PauseMode mode)
    {
        if (mode == PauseMode.Now)
        {
            Volatile.Write(ref _mode, (int)PauseMode.Now);
            _now.Cancel();
        }
        else
        {
            Interlocked.CompareExchange(ref _mode, (int)PauseMode.Boundary, -1);
        }
    }

    public void Dispose() => _now.Dispose();
}
