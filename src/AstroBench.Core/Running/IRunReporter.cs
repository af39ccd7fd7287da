namespace AstroBench.Core.Running;

/// <summary>What a run tells the outside world; the CLI turns it into progress lines or a progress bar (docs/progress.md).</summary>
public interface IRunReporter
{
    void RunStarted(string runId, int experimentsTotal, IReadOnlyList<string> libraries, int n, long seed);

    void Step(string experiment, string step, int current, int total, string message);

    void ExperimentDone(string experiment, bool ok, int experimentsDone, int experimentsTotal, string message);

    void Info(string message);

    void RunFinished(RunOutcome outcome);
}
