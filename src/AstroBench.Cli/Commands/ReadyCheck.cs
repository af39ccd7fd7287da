using AstroBench.Core.Adapters;
using AstroBench.Core.Protocol;
using Spectre.Console;

namespace AstroBench.Cli.Commands;

/// <summary>
/// Protocol 6 in <c>astrobench adapters check</c>: the adapter is started as a pre-started timing process would be
/// (<c>ASTROBENCH_READY=1</c>), must write its ready line before reading stdin, and must then answer a small perf
/// request as usual (docs/adapter-protocol.md, "Version 6"). Asked once per adapter, with its first answered experiment.
/// </summary>
internal static class ReadyCheck
{
    public static async Task<int> RunAsync(IAnsiConsole console, AdapterProcessRunner runner, AdapterInfo adapter,
        IReadOnlyList<EncodingCheck.Answered> answered, Action<IAnsiConsole, bool, string> mark, CancellationToken ct)
    {
        if (!adapter.Manifest.SpeaksV6 || answered.Count == 0)
        {
            return 0;
        }
        var experiment = answered[0];
        await using var process = PrestartedProcess.Start(runner, adapter, ct);
        var why = process is null ? "the run command could not be started" : (await process.WaitReadyAsync(runner.Timeout))?.Detail;
        if (why is null)
        {
            var call = await process!.CallAsync(AdapterRequest.Perf(experiment.Experiment, experiment.Inputs, 4, 0, adapter.Manifest.SpeaksV3), 0);
            why = call.Outcome == CallOutcome.Completed ? null : "after the ready line: " + call.Outcome.ToWire() + (call.Detail is null ? "" : " — " + call.Detail);
        }
        mark(console, why is null, $"ready line (protocol 6): {why ?? "written before the request, then a perf answer"}");
        return why is null ? 0 : 1;
    }
}
