using System.Diagnostics;
using System.Globalization;
using AstroBench.Core.Protocol;

namespace AstroBench.Core.Adapters;

/// <summary>
/// One request/response exchange with a started adapter process (v1: request on stdin, response on stdout), shared by
/// the just-in-time call (<see cref="AdapterProcessRunner.CallAsync"/>) and a pre-started timing process
/// (<see cref="PrestartedProcess"/>), so both parse the response through the one <see cref="ResponseReader"/> and map
/// every ending to the same <see cref="CallOutcome"/>. The process is killed before returning on every path.
/// </summary>
internal static class AdapterExchange
{
    /// <summary>The pipes and limits of one started process.</summary>
    internal sealed record Pipes(Process Process, StreamReader Stdout, Task<string> Stderr, CancellationToken Linked);

    internal static async Task<AdapterCallResult> RunAsync(Pipes pipes, AdapterRequest request, int outputColumns, TimeSpan timeout,
        Func<TimeSpan> elapsed, CancellationToken ct)
    {
        var (process, stdout, stderrTask, linked) = pipes;
        var writeTask = WriteRequestAsync(process, request, linked);
        try
        {
            var rows = request.Mode == AdapterMode.Accuracy ? request.RowCount : 0;
            ResponseReader.Response? response = null;
            ProtocolException? protocolError = null;
            try
            {
                response = await ResponseReader.ReadAsync(stdout, request.Mode, rows, outputColumns, linked);
            }
            catch (ProtocolException ex)
            {
                protocolError = ex;
            }
            // Drain whatever is left so the adapter can exit, then wait for it.
            await stdout.BaseStream.CopyToAsync(Stream.Null, linked);
            await process.WaitForExitAsync(linked);
            await writeTask;
            var stderr = await stderrTask;
            if (process.ExitCode is AdapterProcessRunner.TerminatedBySigterm or AdapterProcessRunner.TerminatedBySigint)
            {
                // Adapters run in the orchestrator's process group, so a terminating signal means the run
                // itself is being stopped, even when the adapter saw it before the orchestrator did.
                return AdapterCallResult.Failed(CallOutcome.Cancelled,
                    string.Create(CultureInfo.InvariantCulture, $"terminated by a signal (exit code {process.ExitCode}): the run is being stopped"),
                    elapsed(), stderr);
            }
            if (process.ExitCode != 0)
            {
                return AdapterCallResult.Failed(CallOutcome.NonZeroExit, $"exit code {process.ExitCode}{AdapterProcessRunner.StderrHint(stderr)}", elapsed(), stderr);
            }
            if (protocolError is not null)
            {
                return AdapterCallResult.Failed(CallOutcome.InvalidOutput, protocolError.Message + AdapterProcessRunner.StderrHint(stderr), elapsed(), stderr);
            }
            return response!.Status switch
            {
                "skipped" => AdapterCallResult.Failed(CallOutcome.Skipped, response.Reason!, elapsed(), stderr),
                "error" => AdapterCallResult.Failed(CallOutcome.InvalidOutput, "adapter reported an error: " + response.Reason, elapsed(), stderr),
                _ => new AdapterCallResult(CallOutcome.Completed, null, response.Outputs, response.Columns, response.Perf, elapsed(), stderr),
            };
        }
        catch (OperationCanceledException)
        {
            AdapterProcessRunner.Kill(process);
            return ct.IsCancellationRequested
                ? AdapterCallResult.Failed(CallOutcome.Cancelled, "the run was cancelled", elapsed())
                : AdapterCallResult.Failed(CallOutcome.TimedOut, string.Create(CultureInfo.InvariantCulture, $"no output for {timeout.TotalSeconds:0.#} s"), elapsed());
        }
        catch (IOException ex)
        {
            AdapterProcessRunner.Kill(process);
            return AdapterCallResult.Failed(CallOutcome.InvalidOutput, "pipe error: " + ex.Message, elapsed());
        }
        finally
        {
            AdapterProcessRunner.Kill(process);
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
}
