using System.Collections.Concurrent;
using AstroBench.Core.Adapters;
using AstroBench.Core.Protocol;

namespace AstroBench.Core.Running;

/// <summary>
/// The accuracy calls of a run: at most <c>jobs</c> at once across experiments and libraries. A v2 adapter's
/// requests go to persistent sessions (one per concurrent request of that library, reused for the whole run);
/// a v1 adapter gets one fresh process per call as before. Every call counts in the runner's totals.
/// </summary>
public sealed class AccuracyCalls(AdapterProcessRunner runner, AccuracyTransport transport, int jobs) : IAsyncDisposable
{
    private readonly SemaphoreSlim _slots = new(Math.Max(1, jobs));
    private readonly ConcurrentDictionary<string, ConcurrentBag<AdapterSession>> _idle = new(StringComparer.Ordinal);
    private int _sessionsStarted;

    /// <summary>How many adapter processes v2 sessions started (a crash or a timeout starts another).</summary>
    public int SessionsStarted => Volatile.Read(ref _sessionsStarted);

    public AccuracyTransport Transport => transport;

    public async Task<AdapterCallResult> CallAsync(AdapterInfo adapter, AdapterRequest request, int outputColumns, CancellationToken ct)
    {
        await _slots.WaitAsync(ct);
        try
        {
            if (!adapter.Available || transport.FormatFor(adapter.Manifest) is not { } format)
            {
                return await runner.CallAsync(adapter, request, outputColumns, ct);
            }
            var pool = _idle.GetOrAdd(adapter.Name, _ => []);
            if (!pool.TryTake(out var session))
            {
                session = AdapterSession.Start(adapter, format.Encoding, runner.Timeout, runner.MemoryLimit);
                if (session is null)
                {
                    return AdapterCallResult.Failed(CallOutcome.Unavailable, "the run command could not be started", TimeSpan.Zero);
                }
                Interlocked.Increment(ref _sessionsStarted);
            }
            var result = runner.Settle(await session.CallAsync(request, outputColumns, ct));
            if (session.Alive)
            {
                pool.Add(session);
            }
            else
            {
                // Crashed, timed out or cancelled: this request fails alone; the library's next request starts a fresh process.
                await session.DisposeAsync();
            }
            return result;
        }
        finally
        {
            _slots.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var pool in _idle.Values)
        {
            while (pool.TryTake(out var session))
            {
                await session.DisposeAsync();
            }
        }
        _slots.Dispose();
    }
}
