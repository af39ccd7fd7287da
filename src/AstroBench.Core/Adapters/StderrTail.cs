using System.Text;

namespace AstroBench.Core.Adapters;

/// <summary>
/// Reads a long-lived process's stderr all the time (a full pipe would block the adapter) and keeps what it
/// wrote since the last <see cref="Clear"/>, at most the first 4 KiB: a v2 request's diagnostics.
/// </summary>
internal sealed class StderrTail
{
    private readonly StringBuilder _kept = new();
    private readonly Task _pump;

    public StderrTail(StreamReader reader) => _pump = PumpAsync(reader);

    public void Clear()
    {
        lock (_kept)
        {
            _kept.Clear();
        }
    }

    public string Take()
    {
        lock (_kept)
        {
            return _kept.ToString();
        }
    }

    /// <summary>Waits (at most 2 s) until the process's stderr is closed, so a crash's last words are kept.</summary>
    public async Task DrainAsync()
    {
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await _pump.WaitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task PumpAsync(StreamReader reader)
    {
        var buffer = new char[4096];
        try
        {
            int n;
            while ((n = await reader.ReadAsync(buffer)) > 0)
            {
                lock (_kept)
                {
                    _kept.Append(buffer, 0, Math.Min(n, Math.Max(0, AdapterProcessRunner.StderrLimit - _kept.Length)));
                }
            }
        }
        catch (IOException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }
}
