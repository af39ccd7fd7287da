using System.Diagnostics;
using System.Globalization;
using System.Text;
using AstroBench.Core.Protocol;

namespace AstroBench.Core.Adapters;

/// <summary>
/// A protocol 6 adapter process started ahead of its timing round (docs/engine.md, "Pre-started timing processes"): it
/// is started with <c>ASTROBENCH_READY=1</c>, <see cref="WaitReadyAsync"/> reads its ready line (its imports, dynamic
/// linking and data loading are over; it is blocked reading stdin), and later <see cref="CallAsync"/> sends it one request
/// through the same exchange as a just-in-time call. It belongs to whoever started it: disposing kills and reaps its
/// process tree whether or not it was used (cancellation, a failed round, the end of timing).
/// </summary>
public sealed class PrestartedProcess : IAsyncDisposable
{
    private readonly AdapterProcessRunner _runner;
    private readonly Process _process;
    private readonly CancellationTokenSource _silence = new();
    private readonly CancellationTokenSource _linked;
    private readonly StreamReader _stdout;
    private readonly Task<string> _stderr;
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private readonly CancellationToken _ct;
    private TimeSpan _silenceLimit = Timeout.InfiniteTimeSpan;
    private TimeSpan _startUp;

    private PrestartedProcess(AdapterProcessRunner runner, Process process, CancellationToken ct)
    {
        _runner = runner;
        _process = process;
        _ct = ct;
        _linked = CancellationTokenSource.CreateLinkedTokenSource(ct, _silence.Token);
        _stdout = new StreamReader(new ActivityStream(process.StandardOutput.BaseStream, () => _silence.CancelAfter(_silenceLimit)),
            Encoding.ASCII, false, 1 << 16);
        _stderr = AdapterProcessRunner.ReadLimitedAsync(process.StandardError, _linked.Token); // read from the start: import warnings must not fill the pipe
    }

    /// <summary>The process id (for tests that check nothing is left behind).</summary>
    public int ProcessId => _process.Id;

    /// <summary>From the start to the ready line: the start-up kept out of the round.</summary>
    public TimeSpan StartUp => _startUp;

    /// <summary>Starts <paramref name="adapter"/>'s run command with the ready variable set; null when it cannot be started.</summary>
    public static PrestartedProcess? Start(AdapterProcessRunner runner, AdapterInfo adapter, CancellationToken ct) =>
        adapter.Available && AdapterProcessRunner.Start(adapter, runner.MemoryLimit, announceReady: true) is { } process
            ? new PrestartedProcess(runner, process, ct)
            : null;

    /// <summary>Null once the ready line is read; else the failed call it amounts to (not ready within <paramref name="timeout"/>, exited, wrong line, cancelled).</summary>
    public async Task<AdapterCallResult?> WaitReadyAsync(TimeSpan timeout)
    {
        _silenceLimit = timeout;
        _silence.CancelAfter(timeout);
        string? problem;
        try
        {
            problem = await ReadyLine.ReadAsync(_stdout, _linked.Token);
        }
        catch (OperationCanceledException)
        {
            AdapterProcessRunner.Kill(_process);
            return _ct.IsCancellationRequested
                ? AdapterCallResult.Failed(CallOutcome.Cancelled, "the run was cancelled", _watch.Elapsed)
                : AdapterCallResult.Failed(CallOutcome.TimedOut, string.Create(CultureInfo.InvariantCulture,
                    $"no ready line within {timeout.TotalSeconds:0.#} s (protocol 6: '{ProtocolConstants.ReadyLine}' on stdout after the imports, before reading stdin)"), _watch.Elapsed);
        }
        catch (IOException ex)
        {
            problem = "pipe error: " + ex.Message;
        }
        _silenceLimit = Timeout.InfiniteTimeSpan;
        _silence.CancelAfter(Timeout.InfiniteTimeSpan); // idle until its round: no silence limit while it waits its turn
        _startUp = _watch.Elapsed;
        if (problem is null)
        {
            return null;
        }
        AdapterProcessRunner.Kill(_process);
        var stderr = await _stderr;
        var exit = _process.HasExited ? string.Create(CultureInfo.InvariantCulture, $" (exit code {_process.ExitCode})") : "";
        return AdapterCallResult.Failed(CallOutcome.InvalidOutput, $"not ready: {problem}{exit}{AdapterProcessRunner.StderrHint(stderr)}", _watch.Elapsed, stderr);
    }

    /// <summary>Sends the one request of this process and reads its response (counted by the runner like any call; its elapsed time is the start-up plus the exchange, not the idle wait).</summary>
    public async Task<AdapterCallResult> CallAsync(AdapterRequest request, int outputColumns)
    {
        var exchange = Stopwatch.StartNew();
        _silenceLimit = _runner.Timeout;
        _silence.CancelAfter(_runner.Timeout);
        var pipes = new AdapterExchange.Pipes(_process, _stdout, _stderr, _linked.Token);
        var result = await AdapterExchange.RunAsync(pipes, request, outputColumns, _runner.Timeout, () => _startUp + exchange.Elapsed, _ct);
        return _runner.Settle(result);
    }

    public async ValueTask DisposeAsync()
    {
        AdapterProcessRunner.Kill(_process);
        await _silence.CancelAsync(); // ends the stderr reader if the process left a pipe open
        try
        {
            await _stderr;
        }
        catch (OperationCanceledException)
        {
        }
        _stdout.Dispose();
        _linked.Dispose();
        _silence.Dispose();
        _process.Dispose();
    }
}
