using AstroBench.Core.Experiments;

namespace AstroBench.Core.Running;

/// <summary>
/// The one rule for how long a cancelled job gets between SIGTERM and SIGKILL: the larger of the
/// requested grace (or the global default) and the grace the running experiment asks for in the
/// catalog. An explicit kill has no grace whatever the experiment.
/// </summary>
public static class CancelGrace
{
    public static TimeSpan Effective(TimeSpan requested, string? currentExperiment, bool kill = false)
    {
        if (kill)
        {
            return TimeSpan.Zero;
        }
        var floor = currentExperiment is { } id && ExperimentCatalog.Find(id)?.CancelGraceSeconds is { } s
            ? TimeSpan.FromSeconds(s)
            : TimeSpan.Zero;
        return requested > floor ? requested : floor;
    }
}
