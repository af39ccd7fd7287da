using AstroBench.Core.Baselines;
using AstroBench.Core.History;

namespace AstroBench.Cli.Publish;

/// <summary>
/// The results folder a publish reads: the chosen runs only, as links to the lab's run folders (nothing copied), with
/// the lab's baselines file and a results index of its own. Every answer — the runs list, the history series, the
/// regressions — is then about the published runs: a series is the published runs of a testbed, and its changes are
/// found by the server's own <see cref="RegressionScanner"/> over exactly those points. The lab's index is only read,
/// to carry over the state (acknowledged, expected-shift, note, who) of a change the lab knows by the same id.
/// </summary>
internal static class PublishedResults
{
    public static string Prepare(string labResults, IReadOnlySet<string> runs, string root)
    {
        var source = Path.GetFullPath(labResults);
        var dir = Path.Combine(root, "results");
        Directory.CreateDirectory(dir);
        foreach (var run in runs)
        {
            Directory.CreateSymbolicLink(Path.Combine(dir, run), Path.Combine(source, run));
        }
        var baselines = Path.Combine(source, BaselineStore.FileName);
        if (File.Exists(baselines))
        {
            File.Copy(baselines, Path.Combine(dir, BaselineStore.FileName));
        }
        var index = new ResultsIndex(dir);
        new RegressionScanner(index).ScanPending();
        if (File.Exists(Path.Combine(source, ResultsIndex.FileName)))
        {
            CarryStates(new RegressionStore(new ResultsIndex(source)), new RegressionStore(index));
        }
        return dir;
    }

    /// <summary>A change's id is a hash of its series and run, so the lab's row for the same change is found by id.</summary>
    private static void CarryStates(RegressionStore lab, RegressionStore published)
    {
        foreach (var change in published.List(new RegressionFilter(Limit: int.MaxValue)).Items)
        {
            if (lab.Get(change.Id) is { State: not RegressionStates.Open } known)
            {
                published.SetState(change.Id, known.State, known.Note, known.StateBy ?? "", known.StateAt ?? known.DetectedAt);
            }
        }
    }
}
