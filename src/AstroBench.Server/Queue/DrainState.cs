using AstroBench.Server.Jobs;

namespace AstroBench.Server.Queue;

/// <summary>
/// Whether the dispatcher may start jobs. Saved in the store's meta table, so a server restarted during a
/// maintenance window stays drained until someone undrains it.
/// </summary>
internal sealed class DrainState(JobStore store, DispatchSignal signal)
{
    private const string MetaKey = "queue.draining";
    private volatile bool _draining = store.GetMeta(MetaKey) == "true";

    public bool Draining => _draining;

    public void Set(bool draining)
    {
        store.SetMeta(MetaKey, draining ? "true" : "false");
        _draining = draining;
        signal.Set();
    }
}
