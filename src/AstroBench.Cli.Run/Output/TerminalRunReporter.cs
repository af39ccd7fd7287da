using AstroBench.Core.Running;
using Spectre.Console;

namespace AstroBench.Cli.Output;

/// <summary>A progress bar for people at a terminal; the same events as <see cref="LineRunReporter"/>.</summary>
internal sealed class TerminalRunReporter(IAnsiConsole console, ProgressTask bar) : IRunReporter
{
    private int _experimentsDone;
    private int _experimentsTotal = 1;

    public void RunStarted(string runId, int experimentsTotal, IReadOnlyList<string> libraries, int n, long seed)
    {
        _experimentsTotal = Math.Max(1, experimentsTotal);
        bar.MaxValue = 1000;
        console.MarkupLineInterpolated($"[bold]run {runId}[/]: {experimentsTotal} experiments, libraries {string.Join(", ", libraries)}, n={n}, seed={seed}");
    }

    public void Step(string experiment, string step, int current, int total, string message)
    {
        bar.Description = $"{experiment}: {step}";
        bar.Value = 1000.0 * (_experimentsDone + (double)current / total) / _experimentsTotal;
        console.MarkupLineInterpolated($"[grey]{experiment}[/] {step} {current}/{total}: {message}");
    }

    public void ExperimentDone(string experiment, bool ok, int experimentsDone, int experimentsTotal, string message)
    {
        _experimentsDone = experimentsDone;
        bar.Value = 1000.0 * experimentsDone / _experimentsTotal;
        if (ok)
        {
            console.MarkupLineInterpolated($"[green]✓[/] {message}");
        }
        else
        {
            console.MarkupLineInterpolated($"[red]✗[/] {message}");
        }
    }

    public void Info(string message) => console.MarkupLineInterpolated($"[grey]{message}[/]");

    public void RunFinished(RunOutcome outcome)
    {
        bar.Value = bar.MaxValue;
        bar.StopTask();
    }
}
