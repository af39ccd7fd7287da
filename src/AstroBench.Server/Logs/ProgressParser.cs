using AstroBench.Core.Orchestration;
using AstroBench.Core.Running;
using AstroBench.Server.Jobs;

namespace AstroBench.Server.Logs;

/// <summary>
/// Turns the orchestrator's progress lines (docs/progress.md, parsed by <see cref="ProgressLines"/>) into <see cref="JobProgress"/>.
/// Percent = (experiments_done + current/total) / experiments_total × 100, and never goes backwards.
/// </summary>
internal sealed class ProgressParser
{
    private int _done;
    private int _total;
    private string? _experiment;
    private string? _step;
    private double _fraction;
    private double _percent;

    public ProgressParser(JobProgress? start = null)
    {
        if (start is not null)
        {
            (_done, _total, _experiment, _step, _percent) = (start.ExperimentsDone, start.ExperimentsTotal, start.CurrentExperiment, start.CurrentStep, start.Percent);
        }
        Current = start ?? JobProgress.Empty;
    }

    public JobProgress Current { get; private set; }

    /// <summary>The run id announced by <c>[RUN] start</c>, if any.</summary>
    public string? AnnouncedRunId { get; private set; }

    /// <summary>Feeds one line; true when progress changed.</summary>
    public bool Feed(string line)
    {
        switch (ProgressLines.TryParse(line))
        {
            case StepLine step:
                _experiment = step.Experiment;
                _step = step.Step;
                if (step.Total > 0)
                {
                    _fraction = Math.Clamp((double)step.Current / step.Total, 0, 1);
                }
                break;
            case RunStartLine start:
                _total = start.ExperimentsTotal;
                AnnouncedRunId = start.RunId;
                break;
            case ExperimentDoneLine done:
                _total = done.ExperimentsTotal;
                _done = Math.Max(_done, done.ExperimentsDone);
                _fraction = 0;
                _step = null;
                break;
            case RunFinishLine finish:
                _total = finish.ExperimentsTotal;
                _done = Math.Max(_done, finish.ExperimentsDone);
                _fraction = 0;
                _step = null;
                if (finish.Status == RunStatus.Completed)
                {
                    _percent = 100;
                }
                break;
            default:
                return false;
        }
        if (_total > 0)
        {
            _percent = Math.Max(_percent, Math.Min(100, Math.Round((_done + _fraction) / _total * 100, 1)));
        }
        var next = new JobProgress(_done, _total, _experiment, _step, _percent);
        if (next == Current)
        {
            return false;
        }
        Current = next;
        return true;
    }

    /// <summary>Marks the job finished successfully: 100 %.</summary>
    public JobProgress Completed() => Current = Current with { Percent = 100, ExperimentsDone = Math.Max(Current.ExperimentsDone, Current.ExperimentsTotal), CurrentStep = null };
}
