using System.Collections.Concurrent;

namespace AstroBench.Core.History;

/// <summary>
/// Open read connections of the results index, each with its prepared statements (<see cref="IndexLease"/>).
/// Microsoft.Data.Sqlite pools the native handle but compiles a statement per command; a request that reuses a
/// lease runs statements compiled once per connection. WAL lets these readers run beside a writer. Thread-safe: a
/// lease is used by one thread at a time and goes back here when disposed; at most <see cref="MaxIdle"/> stay open.
/// </summary>
internal sealed class IndexReadPool(string connectionString) : IDisposable
{
    public const int MaxIdle = 8;

    private readonly ConcurrentBag<IndexLease> _idle = [];
    private bool _disposed;

    public IndexLease Rent() => _idle.TryTake(out var lease) ? lease : new IndexLease(this, IndexDatabase.Open(connectionString));

    public void Return(IndexLease lease)
    {
        if (Volatile.Read(ref _disposed) || _idle.Count >= MaxIdle)
        {
            lease.Close();
            return;
        }
        _idle.Add(lease);
    }

    public void Dispose()
    {
        Volatile.Write(ref _disposed, true);
        while (_idle.TryTake(out var lease))
        {
            lease.Close();
        }
    }
}
