using System.Collections.Concurrent;
using AstroBench.Core.Adapters;
using AstroBench.Core.Protocol;

namespace AstroBench.Core.Running;

/// <summary>
/// The accuracy calls of a run: at most <c>jobs</c> at once across experiments and libraries, in the order their places
/// were reserved (<see cref="OrderedSlots"/>: the stage reserves them in plan order). A v2 adapter's
/// requests go to persistent sessions (one per concurrent request of that library, reused for the whole run);
/// a v1 adapter gets one fresh process per call as before. Every call counts in the runner's totals.
/// <paramref name="shardRows"/>: the smallest shard a v2 adapter's large request is split into (<see cref="AccuracyShards"/>; 0: never split).
/// </summary>
public sealed class AccuracyCalls(AdapterProcessRunner runner, AccuracyTransport transport, int jobs, int shardRows = 0) : IAsyncDisposable
{
    private readonly OrderedSlots _slots = new(jobs);
    private readonly ConcurrentDictionary<string, ConcurrentBag<AdapterSession>> _idle = new(StringComparer.Ordinal);
    private int _sessionsStarted;

    /// <summary>How many adapter processes v2 sessions started (a crash or a timeout starts another).</summary>
    public int SessionsStarted => Volatile.Read(ref _sessionsStarted);

    public AccuracyTransport Transport => transport;

    /// <summary>
    /// The shards of a request of <paramref name="rows"/> cases to <paramref name="adapter"/>. Only persistent (v2) sessions
    /// are split: a shard there is one more framed request to a process already running, while a v1 shard would start a
    /// process of its own (and the v1 fixtures' failure paths stay one call per experiment). And only adapters that declare
    /// <c>independent_cases</c>: libnova, for one, reuses its last nutation for any case within 0.1 day of the previous
    /// one, so a case's outputs depend on the case before it, which a shard boundary would change.
    /// </summary>
    public IReadOnlyList<CaseRange> ShardsOf(AdapterInfo adapter, int rows) =>
        adapter.Available && adapter.Manifest.IndependentCases && transport.FormatFor(adapter.Manifest) is not null
            ? AccuracyShards.Plan(rows, jobs, AccuracyShards.MinRowsFor(adapter.Manifest.Language, shardRows))
            : [new CaseRange(0, rows)];

    /// <summary>Places for the call of <paramref name="adapter"/> (one per shard of <paramref name="rows"/> cases), after every place reserved before.</summary>
    public IReadOnlyList<SlotTicket> Reserve(AdapterInfo adapter, int rows) => ShardsOf(adapter, rows).Select(_ => _slots.Reserve()).ToList();

    /// <summary>A call whose place is taken now, at the end of the queue.</summary>
    public Task<AdapterCallResult> CallAsync(AdapterInfo adapter, AdapterRequest request, int outputColumns, CancellationToken ct) =>
        CallAsync(adapter, request, outputColumns, default, _slots.Reserve(), ct);

    /// <inheritdoc cref="CallAsync(AdapterInfo, AdapterRequest, int, ArraySegment{double}, SlotTicket, CancellationToken)"/>
    public Task<AdapterCallResult> CallAsync(AdapterInfo adapter, AdapterRequest request, int outputColumns, ArraySegment<double> into, CancellationToken ct) =>
        CallAsync(adapter, request, outputColumns, into, _slots.Reserve(), ct);

    /// <summary>
    /// One call; a v2 session parses the rows into <paramref name="into"/> when given (a shard's part of its library's
    /// outputs, so shards need no copy to be joined); a v1 call ignores it and returns an array of its own. It runs when
    /// <paramref name="ticket"/> holds a slot, and the ticket is disposed when it ends.
    /// </summary>
    public async Task<AdapterCallResult> CallAsync(AdapterInfo adapter, AdapterRequest request, int outputColumns, ArraySegment<double> into, SlotTicket ticket, CancellationToken ct)
    {
        using (ticket)
        {
            await ticket.WaitAsync(ct);
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
            var result = runner.Settle(await session.CallAsync(request, outputColumns, into, ct));
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
    }
}
