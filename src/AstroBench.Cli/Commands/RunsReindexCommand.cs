using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using AstroBench.Core.History;
using Spectre.Console;

namespace AstroBench.Cli.Commands;

/// <summary><c>astrobench runs reindex</c>: rebuilds <c>results/.index.sqlite</c> from the run folders (docs/history.md).</summary>
internal static class RunsReindexCommand
{
    public static Command Create(IAnsiConsole console, Option<string> resultsDir)
    {
        var command = new Command("reindex", "Rebuild the results index (results/.index.sqlite) from the run folders");
        command.SetAction(parse => Reindex(console, parse.GetValue(resultsDir)!));
        return command;
    }

    private static int Reindex(IAnsiConsole console, string resultsDir)
    {
        if (!Directory.Exists(resultsDir))
        {
            throw new CliException($"results dir '{resultsDir}' does not exist");
        }
        var clock = Stopwatch.StartNew();
        using var index = new ResultsIndex(resultsDir);
        var runs = index.Rebuild();
        console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"indexed {runs} runs into {index.FilePath} in {clock.Elapsed.TotalSeconds:0.00} s"));
        return ExitCodes.Ok;
    }
}
