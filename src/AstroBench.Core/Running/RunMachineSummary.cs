using AstroBench.Core.Results.Model;

namespace AstroBench.Core.Running;

/// <summary>
/// Builds the manifest's <see cref="RunMachine"/> from the run's results (read back from staging, so a resumed run counts
/// every segment): each experiment's probe samples are in every one of its timed libraries' files; the first is taken.
/// </summary>
public static class RunMachineSummary
{
    public static RunMachine? Of(RunOptions options, IReadOnlyList<LibraryResult> results)
    {
        if (options.NoPerf)
        {
            return null;
        }
        var samples = results
            .Where(r => r.Performance?.ProbeNs is { Count: > 0 })
            .GroupBy(r => r.Experiment, StringComparer.Ordinal)
            .SelectMany(g => g.First().Performance!.ProbeNs!)
            .ToList();
        return MachineDrift.Of(samples) is { } probe ? new RunMachine(probe) : null;
    }
}
