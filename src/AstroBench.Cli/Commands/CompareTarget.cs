using AstroBench.Core.Baselines;
using AstroBench.Core.Results;
using AstroBench.Core.Results.Reading;

namespace AstroBench.Cli.Commands;

/// <summary>
/// Resolves the arguments of <c>astrobench compare</c> (docs/ci.md): <c>baseline</c> (the candidate testbed's baseline),
/// <c>latest</c> (the newest run older than the candidate on the same testbed), a run id in <c>--results-dir</c>, or the
/// path of a run folder anywhere. Every failure is one line and exit 2.
/// </summary>
internal static class CompareTarget
{
    public const string BaselineWord = "baseline";
    public const string LatestWord = "latest";

    public sealed record Resolved(RunDetail Run, string Testbed);

    public static Resolved Candidate(string spec, string resultsDir) =>
        spec is BaselineWord or LatestWord
            ? throw new CliException($"the candidate must be a run id or a run folder, not '{spec}'")
            : RunOrPath(spec, resultsDir);

    public static Resolved Baseline(string spec, string resultsDir, Resolved candidate)
    {
        switch (spec)
        {
            case BaselineWord:
                var store = new BaselineStore(resultsDir);
                var b = store.For(candidate.Testbed)
                    ?? throw new CliException($"no baseline for testbed {candidate.Testbed} in {store.FilePath} (set one: astrobench baselines set RUN)");
                return RunOrPath(b.RunId, resultsDir);
            case LatestWord:
                var reader = new RunFolderReader(resultsDir);
                foreach (var run in reader.ListRuns().Where(r => string.CompareOrdinal(r.Id, candidate.Run.Summary.Id) < 0))
                {
                    if (TestbedKey.Of(reader.ReadManifest(run.Id)) == candidate.Testbed && reader.ReadRun(run.Id) is { } detail)
                    {
                        return new Resolved(detail, candidate.Testbed);
                    }
                }
                throw new CliException($"no run older than {candidate.Run.Summary.Id} on testbed {candidate.Testbed} in '{Path.GetFullPath(resultsDir)}'");
            default:
                return RunOrPath(spec, resultsDir);
        }
    }

    private static Resolved RunOrPath(string spec, string resultsDir)
    {
        string dir;
        string id;
        if (RunIds.IsValidRunId(spec) && !Directory.Exists(spec))
        {
            dir = Path.GetFullPath(resultsDir);
            id = spec;
        }
        else if (Directory.Exists(spec))
        {
            var full = Path.GetFullPath(spec.TrimEnd('/'));
            id = Path.GetFileName(full);
            dir = Path.GetDirectoryName(full) ?? full;
            if (!RunIds.IsValidRunId(id))
            {
                throw new CliException($"'{spec}' is not a run folder (its name must be a run id, YYYY-MM-DD_HH-MM-SS[-n])");
            }
        }
        else
        {
            throw new CliException($"'{spec}' is neither a run id nor a run folder");
        }
        var reader = new RunFolderReader(dir);
        var detail = reader.ReadRun(id) ?? throw new CliException($"run '{id}' not found in '{dir}'");
        return new Resolved(detail, TestbedKey.Of(detail.Manifest));
    }
}
