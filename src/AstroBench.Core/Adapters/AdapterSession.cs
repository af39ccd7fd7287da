using System.Diagnostics;
using System.Globalization;
using System.Text;
using AstroBench.Core.Protocol;

namespace AstroBench.Core.Adapters;

/// <summary>
/// One persistent adapter process speaking protocol v2: framed accuracy requests, one after the other, on
/// its stdin/stdout. Each request ends the way a v1 call does (<see cref="CallOutcome"/>); any ending other
/// than a well-formed response (crash, garbage, silence, cancel) kills the process and marks the session
/// dead, so only the request in flight fails and the next request gets a fresh process. stderr is read all
/// the time (a full pipe would block the adapter); each result carries what the adapter wrote to it during
/// that request (first 4 KiB).
/// </summary>
public sealed class AdapterSession : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamReader _stdout;
    private readonly StreamWriter _stdin;
    private readonly StderrTail _stderr;
    private readonly TimeSpan _timeout;
    private CancellationTokenSource? _silence;

    private AdapterSession(Process process, WireFormat format, TimeSpan timeout)
    {
        _process = process;
        Format = format;
        _timeout = timeout;
        _stdout = new StreamReader(new ActivityStream(process.StandardOutput.BaseStream, () => _silence?.CancelAfter(_timeout)),
            format.IsBinary ? BinaryRows.TransportEncoding : Encoding.ASCII, false, 1 << 16);
        _stdin = process.StandardInput;
        _stdin.AutoFlush = false;
        _stdin.NewLine = "\n";
        _stderr = new StderrTail(process.StandardError);
    }

    public WireFormat Format { get; }

    /// <summary>False once a request ended any way but a well-formed response: the process is gone.</summary>
    public bool Alive { get; private set; } = true;

    public int ProcessId => _process.Id;

    public static AdapterSession? Start(AdapterInfo adapter, WireEncoding encoding, TimeSpan timeout, AddressSpaceLimit? memoryLimit = null)
    {
        var process = AdapterProcessRunner.Start(adapter, memoryLimit);
        return process is null ? null : new AdapterSession(process, new WireFormat(ProtocolConstants.Version2, encoding), timeout);
    }

    public Task<AdapterCallResult> CallAsync(AdapterRequest request, int outputColumns, CancellationToken ct) =>
        CallAsync(request, outputColumns, default, ct);

    /// <summary>One request; accuracy rows are parsed into <paramref name="into"/> when given (a shard's part of the joined outputs).</summary>
    public async Task<AdapterCallResult> CallAsync(AdapterRequest request, int outputColumns, ArraySegment<double> into, CancellationToken ct)
    {
        if (!Alive)
        {
            throw new InvalidOperationException("the session's process is gone");
        }
        var watch = Stopwatch.StartNew();
        _stderr.Clear();
        using var silence = new CancellationTokenSource(_timeout);
        _silence = silence;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, silence.Token);
        // Written while the response is read: a streaming adapter answers rows before it has read them all.
        var write = WriteAsync(request, linked.Token);
        try
        {
            var rows = request.Mode == AdapterMode.Accuracy ? request.RowCount : 0;
            var response = await ResponseReader.ReadAsync(_stdout, request.Mode, rows, outputColumns, Format, into, linked.Token);
            if (!await write)
            {
                return await FailAsync(CallOutcome.InvalidOutput, "the adapter answered before it had read the request", watch);
            }
            return response.Status switch
            {
                "skipped" => AdapterCallResult.Failed(CallOutcome.Skipped, response.Reason!, watch.Elapsed, _stderr.Take()),
                "error" => AdapterCallResult.Failed(CallOutcome.InvalidOutput, "adapter reported an error: " + response.Reason, watch.Elapsed, _stderr.Take()),
                _ => new AdapterCallResult(CallOutcome.Completed, null, response.Outputs, response.Columns, response.Perf, watch.Elapsed, _stderr.Take()),
            };
        }
        catch (ProtocolException ex)
        {
            return await EndedAsync(ex.Message, watch);
        }
        catch (IOException ex)
        {
            return await EndedAsync("pipe error: " + ex.Message, watch);
        }
        catch (OperationCanceledException)
        {
            Kill();
            return ct.IsCancellationRequested
                ? AdapterCallResult.Failed(CallOutcome.Cancelled, "the run was cancelled", watch.Elapsed, _stderr.Take())
                : AdapterCallResult.Failed(CallOutcome.TimedOut, string.Create(CultureInfo.InvariantCulture, $"no output for {_timeout.TotalSeconds:0.#} s"), watch.Elapsed, _stderr.Take());
        }
        finally
        {
            _silence = null;
        }
    }

    /// <summary>The response broke off or made no sense: a process that exited says why by its exit code, as in v1.</summary>
    private async Task<AdapterCallResult> EndedAsync(string problem, Stopwatch watch)
    {
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            return await FailAsync(CallOutcome.InvalidOutput, problem, watch);
        }
        await _stderr.DrainAsync();
        var stderr = _stderr.Take();
        Alive = false;
        var code = _process.ExitCode;
        if (code is AdapterProcessRunner.TerminatedBySigterm or AdapterProcessRunner.TerminatedBySigint)
        {
            return AdapterCallResult.Failed(CallOutcome.Cancelled,
                string.Create(CultureInfo.InvariantCulture, $"terminated by a signal (exit code {code}): the run is being stopped"), watch.Elapsed, stderr);
        }
        return code != 0
            ? AdapterCallResult.Failed(CallOutcome.NonZeroExit, string.Create(CultureInfo.InvariantCulture, $"exit code {code} during a v2 request ({problem}){AdapterProcessRunner.StderrHint(stderr)}"), watch.Elapsed, stderr)
            : AdapterCallResult.Failed(CallOutcome.InvalidOutput, problem + AdapterProcessRunner.StderrHint(stderr), watch.Elapsed, stderr);
    }

    private async Task<AdapterCallResult> FailAsync(CallOutcome outcome, string detail, Stopwatch watch)
    {
        Kill();
        await _stderr.DrainAsync();
        var stderr = _stderr.Take();
        return AdapterCallResult.Failed(outcome, detail + AdapterProcessRunner.StderrHint(stderr), watch.Elapsed, stderr);
    }

    private async Task<bool> WriteAsync(AdapterRequest request, CancellationToken ct)
    {
        try
        {
            await RequestWriter.WriteAsync(_stdin, request, Format, ct);
            return true;
        }
        catch (IOException)
        {
            // The adapter closed its stdin (crashed): its exit code and output decide the outcome.
            return false;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private void Kill()
    {
        Alive = false;
        AdapterProcessRunner.Kill(_process);
    }

    /// <summary>Closes stdin (a v2 adapter exits at end of input), waits briefly, then kills what is left.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Alive)
        {
            try
            {
                _stdin.Close();
                using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException or InvalidOperationException)
            {
            }
        }
        Kill();
        await _stderr.DrainAsync();
        _process.Dispose();
    }
}
