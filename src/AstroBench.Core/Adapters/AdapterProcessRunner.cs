using System.Diagnostics;
using System.Text;
using AstroBench.Core.Protocol;

namespace AstroBench.Core.Adapters;

/// <summary>
/// Runs one adapter call: one fresh process, request on stdin, response on stdout, stderr kept
/// (first 4 KiB). Writing and reading run concurrently so neither side can block on a full pipe.
/// Every ending maps to a <see cref="CallOutcome"/>; a timed-out or cancelled call kills the
/// adapter's whole process tree before returning. <see cref="Timeout"/> is a silence limit: the call
/// times out when stdout stays quiet that long, so a slow library streaming many rows is never cut off.
/// </summary>
public sealed class AdapterProcessRunner(TimeSpan timeout, AddressSpaceLimit? memoryLimit = null)
{
    internal const int StderrLimit = 4096;

    // A process killed by signal N exits with 128 + N (as the shell and .NET report it).
    internal const int TerminatedBySigterm = 128 + 15;
    internal const int TerminatedBySigint = 128 + 2;

    private long _callTicks;
    private int _calls;
    private int _outOfMemory;

    public TimeSpan Timeout { get; } = timeout;

    /// <summary>Wall time spent inside adapter calls so far (summed over calls, which may overlap), to tell the lab's own overhead from the libraries'.</summary>
    public TimeSpan TotalCallTime => TimeSpan.FromTicks(Interlocked.Read(ref _callTicks));

    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Calls that ended <see cref="CallOutcome.OutOfMemory"/> (over the run's address-space limit).</summary>
    public int OutOfMemoryCalls => Volatile.Read(ref _outOfMemory);

    /// <summary>The address-space limit every adapter process runs under (null: none).</summary>
    public AddressSpaceLimit? MemoryLimit { get; } = memoryLimit;

    public async Task<AdapterCallResult> CallAsync(AdapterInfo adapter, AdapterRequest request, int outputColumns, CancellationToken ct)
    {
        var result = await CallCoreAsync(adapter, request, outputColumns, ct);
        return Settle(result);
    }

    /// <summary>
    /// Classifies and counts a finished call, made here or in a v2 session: under an address-space limit a refused
    /// allocation ends the adapter like any crash, and its runtime's message tells it was out of memory.
    /// </summary>
    public AdapterCallResult Settle(AdapterCallResult result)
    {
        if (MemoryLimit is not null && result.Outcome is CallOutcome.NonZeroExit or CallOutcome.InvalidOutput
            && AddressSpaceLimit.LooksOutOfMemory(result.Stderr))
        {
            result = result with { Outcome = CallOutcome.OutOfMemory, Detail = $"over its memory limit of {MemoryLimit.MemoryMb.ToString(System.Globalization.CultureInfo.InvariantCulture)} MB (RLIMIT_AS): {result.Detail}" };
            Interlocked.Increment(ref _outOfMemory);
        }
        Interlocked.Add(ref _callTicks, result.Elapsed.Ticks);
        Interlocked.Increment(ref _calls);
        return result;
    }

    private async Task<AdapterCallResult> CallCoreAsync(AdapterInfo adapter, AdapterRequest request, int outputColumns, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        if (!adapter.Available)
        {
            return AdapterCallResult.Failed(CallOutcome.Unavailable, adapter.UnavailableReason ?? "unavailable", watch.Elapsed);
        }
        using var process = Start(adapter, MemoryLimit);
        if (process is null)
        {
            return AdapterCallResult.Failed(CallOutcome.Unavailable, "the run command could not be started", watch.Elapsed);
        }
        using var timeoutCts = new CancellationTokenSource(Timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeoutCts.Token);
        using var stdout = new StreamReader(new ActivityStream(process.StandardOutput.BaseStream, () => timeoutCts.CancelAfter(Timeout)),
            Encoding.ASCII, false, 1 << 16);
        var stderrTask = ReadLimitedAsync(process.StandardError, linked.Token);
        var pipes = new AdapterExchange.Pipes(process, stdout, stderrTask, linked.Token);
        return await AdapterExchange.RunAsync(pipes, request, outputColumns, Timeout, () => watch.Elapsed, ct);
    }

    internal static Process? Start(AdapterInfo adapter, AddressSpaceLimit? memoryLimit, bool announceReady = false)
    {
        IReadOnlyList<string> argv = adapter.ResolveCommand(adapter.Manifest.Run);
        var psi = new ProcessStartInfo(argv[0])
        {
            WorkingDirectory = adapter.Directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.ASCII,
            StandardErrorEncoding = Encoding.UTF8,
        };
        if (announceReady)
        {
            psi.Environment[ProtocolConstants.ReadyEnvironment] = "1"; // protocol 6: write the ready line before reading stdin
        }
        else
        {
            psi.Environment.Remove(ProtocolConstants.ReadyEnvironment); // never inherited: a just-in-time call gets no ready line
        }
        if (memoryLimit is not null)
        {
            argv = memoryLimit.Apply(adapter.Manifest.Language, argv, psi);
            psi.FileName = argv[0];
        }
        foreach (var a in argv.Skip(1))
        {
            psi.ArgumentList.Add(a);
        }
        try
        {
            return Process.Start(psi);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    internal static async Task<string> ReadLimitedAsync(StreamReader reader, CancellationToken ct)
    {
        var kept = new StringBuilder();
        var buffer = new char[4096];
        try
        {
            int n;
            while ((n = await reader.ReadAsync(buffer, ct)) > 0)
            {
                if (kept.Length < StderrLimit)
                {
                    kept.Append(buffer, 0, Math.Min(n, StderrLimit - kept.Length));
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        return kept.ToString();
    }

    internal static string StderrHint(string stderr)
    {
        var line = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return line is null ? "" : $" (stderr: {(line.Length > 120 ? line[..120] + "…" : line)})";
    }

    internal static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
