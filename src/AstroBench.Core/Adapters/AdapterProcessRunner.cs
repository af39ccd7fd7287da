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
        var writeTask = WriteRequestAsync(process, request, linked.Token);
        try
        {
            var rows = request.Mode == AdapterMode.Accuracy ? request.RowCount : 0;
            ResponseReader.Response? response = null;
            ProtocolException? protocolError = null;
            try
            {
                response = await ResponseReader.ReadAsync(stdout, request.Mode, rows, outputColumns, linked.Token);
            }
            catch (ProtocolException ex)
            {
                protocolError = ex;
            }
            // Drain whatever is left so the adapter can exit, then wait for it.
            await stdout.BaseStream.CopyToAsync(Stream.Null, linked.Token);
            await process.WaitForExitAsync(linked.Token);
            await writeTask;
            var stderr = await stderrTask;
            if (process.ExitCode is TerminatedBySigterm or TerminatedBySigint)
            {
                // Adapters run in the orchestrator's process group, so a terminating signal means the run
                // itself is being stopped, even when the adapter saw it before the orchestrator did.
                return AdapterCallResult.Failed(CallOutcome.Cancelled,
                    string.Create(System.Globalization.CultureInfo.InvariantCulture, $"terminated by a signal (exit code {process.ExitCode}): the run is being stopped"),
                    watch.Elapsed, stderr);
            }
            if (process.ExitCode != 0)
            {
                return AdapterCallResult.Failed(CallOutcome.NonZeroExit, $"exit code {process.ExitCode}{StderrHint(stderr)}", watch.Elapsed, stderr);
            }
            if (protocolError is not null)
            {
                return AdapterCallResult.Failed(CallOutcome.InvalidOutput, protocolError.Message + StderrHint(stderr), watch.Elapsed, stderr);
            }
            return response!.Status switch
            {
                "skipped" => AdapterCallResult.Failed(CallOutcome.Skipped, response.Reason!, watch.Elapsed, stderr),
                "error" => AdapterCallResult.Failed(CallOutcome.InvalidOutput, "adapter reported an error: " + response.Reason, watch.Elapsed, stderr),
                _ => new AdapterCallResult(CallOutcome.Completed, null, response.Outputs, response.Columns, response.Perf, watch.Elapsed, stderr),
            };
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            return ct.IsCancellationRequested
                ? AdapterCallResult.Failed(CallOutcome.Cancelled, "the run was cancelled", watch.Elapsed)
                : AdapterCallResult.Failed(CallOutcome.TimedOut, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"no output for {Timeout.TotalSeconds:0.#} s"), watch.Elapsed);
        }
        catch (IOException ex)
        {
            Kill(process);
            return AdapterCallResult.Failed(CallOutcome.InvalidOutput, "pipe error: " + ex.Message, watch.Elapsed);
        }
        finally
        {
            Kill(process);
        }
    }

    internal static Process? Start(AdapterInfo adapter, AddressSpaceLimit? memoryLimit)
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

    private static async Task WriteRequestAsync(Process process, AdapterRequest request, CancellationToken ct)
    {
        try
        {
            var stdin = process.StandardInput;
            stdin.AutoFlush = false;
            stdin.NewLine = "\n";
            await RequestWriter.WriteAsync(stdin, request, ct);
            stdin.Close();
        }
        catch (IOException)
        {
            // The adapter closed stdin early (crashed or answered without reading): its exit code
            // and output decide the outcome, not this broken pipe.
        }
        catch (OperationCanceledException)
        {
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
