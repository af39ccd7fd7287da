using AstroBench.Core.Orchestration;
using AstroBench.Core.Running;

namespace AstroBench.Cli.Output;

/// <summary>Plain progress lines (docs/progress.md) for pipes, log files and the server, written by <see cref="ProgressLines"/>.</summary>
internal sealed class LineRunReporter(LineSink sink) : IRunReporter
{
    public void RunStarted(string runId, int experimentsTotal, IReadOnlyList<string> libraries, int n, long seed) =>
        Write(new RunStartLine(runId, experimentsTotal, libraries, n, seed, $"starting {Inv(experimentsTotal)} experiments"));

    public void Step(string experiment, string step, int current, int total, string message) =>
        Write(new StepLine(experiment, step, current, total, message));

    public void ExperimentDone(string experiment, bool ok, int experimentsDone, int experimentsTotal, string message) =>
        Write(new ExperimentDoneLine(experiment, ok, experimentsDone, experimentsTotal, message));

    public void Info(string message) => sink.WriteLine(message);

    public void RunFinished(RunOutcome outcome) =>
        Write(new RunFinishLine(outcome.Status, outcome.RunId, outcome.ExperimentsDone, outcome.ExperimentsTotal,
            outcome.RunPath is null ? outcome.Reason ?? "" : "results in " + outcome.RunPath));

    private void Write(ProgressLine line) => sink.WriteLine(ProgressLines.Format(line));

    private static string Inv(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
