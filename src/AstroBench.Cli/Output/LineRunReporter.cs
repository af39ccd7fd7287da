using System.Globalization;
using AstroBench.Core.Running;

namespace AstroBench.Cli.Output;

/// <summary>Plain progress lines (docs/progress.md) for pipes, log files and the server.</summary>
internal sealed class LineRunReporter(LineSink sink) : IRunReporter
{
    public void RunStarted(string runId, int experimentsTotal, IReadOnlyList<string> libraries, int n, long seed) =>
        sink.WriteLine(Inv($"[RUN] start run_id={runId} experiments_total={experimentsTotal} libraries={string.Join(',', libraries)} n={n} seed={seed} | starting {experimentsTotal} experiments"));

    public void Step(string experiment, string step, int current, int total, string message) =>
        sink.WriteLine(Inv($"[PROGRESS] experiment={experiment} step={step} current={current} total={total} | {message}"));

    public void ExperimentDone(string experiment, bool ok, int experimentsDone, int experimentsTotal, string message) =>
        sink.WriteLine(Inv($"[RUN] experiment_done experiment={experiment} status={(ok ? "ok" : "failed")} experiments_done={experimentsDone} experiments_total={experimentsTotal} | {message}"));

    public void Info(string message) => sink.WriteLine(message);

    public void RunFinished(RunOutcome outcome) =>
        sink.WriteLine(Inv($"[RUN] finish status={outcome.Status.ToString().ToLowerInvariant()} run_id={outcome.RunId ?? "-"} experiments_done={outcome.ExperimentsDone} experiments_total={outcome.ExperimentsTotal} | {(outcome.RunPath is null ? outcome.Reason ?? "" : "results in " + outcome.RunPath)}"));

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
