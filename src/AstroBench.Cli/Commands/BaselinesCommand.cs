using System.CommandLine;
using AstroBench.Core.Baselines;
using AstroBench.Core.Results;
using AstroBench.Core.Results.Reading;
using Spectre.Console;

namespace AstroBench.Cli.Commands;

/// <summary>
/// <c>astrobench baselines list|set RUN|remove TESTBED</c>: the same store as <c>/api/baselines</c>
/// (<c>results/.baselines.json</c>), for a CI job that has no server (docs/ci.md).
/// </summary>
internal static class BaselinesCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var resultsDir = new Option<string>("--results-dir") { Description = "where run folders are", DefaultValueFactory = _ => "results", Recursive = true };
        var run = new Argument<string>("run") { Description = "run id" };
        var testbed = new Argument<string>("testbed") { Description = "testbed key (16 hex digits) or unknown" };
        var list = new Command("list", "List baselines, one per testbed");
        list.SetAction(p =>
        {
            foreach (var b in new BaselineStore(p.GetValue(resultsDir)!).All())
            {
                console.WriteLine($"{b.Testbed} {b.RunId} {UtcTimestamp.Format(b.SetAt)}");
            }
            return ExitCodes.Ok;
        });
        var set = new Command("set", "Make a run the baseline of its testbed (from its manifest)") { run };
        set.SetAction(p =>
        {
            var dir = p.GetValue(resultsDir)!;
            var id = p.GetValue(run)!;
            if (!RunIds.IsValidRunId(id))
            {
                throw new CliException($"'{id}' is not a run id (expected YYYY-MM-DD_HH-MM-SS[-n])");
            }
            var reader = new RunFolderReader(dir);
            if (!reader.TryGetRunDirectory(id, out _))
            {
                throw new CliException($"run '{id}' not found in '{Path.GetFullPath(dir)}'");
            }
            var b = new BaselineStore(dir).Set(TestbedKey.Of(reader.ReadManifest(id)), id, DateTimeOffset.UtcNow);
            console.WriteLine($"baseline of testbed {b.Testbed}: {b.RunId}");
            return ExitCodes.Ok;
        });
        var remove = new Command("remove", "Remove a testbed's baseline") { testbed };
        remove.SetAction(p =>
        {
            var key = p.GetValue(testbed)!;
            if (!TestbedKey.IsValid(key))
            {
                throw new CliException($"'{key}' is not a testbed key (16 lowercase hex digits or 'unknown')");
            }
            if (!new BaselineStore(p.GetValue(resultsDir)!).Remove(key))
            {
                throw new CliException($"no baseline for testbed {key}");
            }
            console.WriteLine($"removed the baseline of testbed {key}");
            return ExitCodes.Ok;
        });
        return new Command("baselines", "Baseline runs per testbed (used by compare baseline …)") { resultsDir, list, set, remove };
    }
}
