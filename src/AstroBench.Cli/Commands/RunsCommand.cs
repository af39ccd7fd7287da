using System.CommandLine;
using System.Globalization;
using AstroBench.Core.Experiments;
using AstroBench.Core.Ranking;
using AstroBench.Core.Results;
using AstroBench.Core.Results.Reading;
using AstroBench.Core.Retention;
using AstroBench.Core.Storage;
using Spectre.Console;

namespace AstroBench.Cli.Commands;

/// <summary><c>astrobench runs list|show ID|reindex</c>, and <c>delete|pin|unpin|gc</c> (<see cref="RunsRetentionCommands"/>).</summary>
internal static class RunsCommand
{
    private static readonly Option<string> ResultsDir = new("--results-dir") { Description = "where run folders are", DefaultValueFactory = _ => "results", Recursive = true };
    private static readonly Option<bool> Pairs = new("--pairs") { Description = "also print each experiment's all-pairs accuracy matrix (reads cases.parquet)" };
    private static readonly Argument<string> Id = new("id") { Description = "run id (YYYY-MM-DD_HH-MM-SS[-n])" };

    public static Command Create(IAnsiConsole console)
    {
        var command = new Command("runs", "List and show run folders");
        command.Options.Add(ResultsDir);
        var list = new Command("list", "List runs, newest first");
        list.SetAction(parse => List(console, parse.GetValue(ResultsDir)!));
        var show = new Command("show", "Print a run's summary, parity matrix, scoreboard, heatmaps and frame pairs");
        show.Arguments.Add(Id);
        show.Options.Add(Pairs);
        show.SetAction((parse, ct) => Show(console, parse.GetValue(ResultsDir)!, parse.GetValue(Id)!, parse.GetValue(Pairs), ct));
        command.Subcommands.Add(list);
        command.Subcommands.Add(show);
        command.Subcommands.Add(RunsReindexCommand.Create(console, ResultsDir));
        command.Subcommands.Add(ReferenceUncertaintyCommand.Create(console, ResultsDir, Id));
        command.Subcommands.Add(RunsImportCommand.Create(console, ResultsDir));
        foreach (var sub in RunsRetentionCommands.Create(console, ResultsDir, Id))
        {
            command.Subcommands.Add(sub);
        }
        return command;
    }

    private static int List(IAnsiConsole console, string resultsDir)
    {
        if (!Directory.Exists(resultsDir))
        {
            throw new CliException($"results dir '{resultsDir}' does not exist");
        }
        var table = new Table().AddColumns("run", "machine", "experiments", "libraries", "results", "complete", "bytes", "pinned");
        var pins = new RunPins(resultsDir).All();
        foreach (var run in new RunFolderReader(resultsDir).ListRuns())
        {
            table.AddRow(Markup.Escape(run.Id), Markup.Escape(run.Machine ?? "?"),
                run.Experiments.Count.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(string.Join(",", run.Libraries)),
                run.ResultCount.ToString(CultureInfo.InvariantCulture),
                run.Layout != RunLayout.Manifest ? Markup.Escape($"{run.Layout}") : run.Complete ? "yes" : "[red]no[/]",
                DirectoryUsage.Measure(Path.Combine(resultsDir, run.Id)).Bytes.ToString(CultureInfo.InvariantCulture),
                pins.Contains(run.Id) ? "yes" : "");
        }
        console.Write(table);
        return ExitCodes.Ok;
    }

    private static async Task<int> Show(IAnsiConsole console, string resultsDir, string id, bool pairs, CancellationToken ct)
    {
        if (!RunIds.IsValid(id))
        {
            throw new CliException($"'{id}' is not a run id (expected YYYY-MM-DD_HH-MM-SS[-n])");
        }
        var summary = Path.Combine(resultsDir, id, "summary.md");
        if (!File.Exists(summary))
        {
            throw new CliException($"run '{id}' not found in '{Path.GetFullPath(resultsDir)}'");
        }
        console.WriteLine(await File.ReadAllTextAsync(summary, ct));
        var reader = new RunFolderReader(resultsDir);
        if (reader.ReadRun(id) is { } run)
        {
            ScoreboardTables.Write(console, ScoreboardBuilder.Build(run));
            if (pairs && reader.TryGetRunDirectory(id, out var dir))
            {
                foreach (var experiment in run.Results.Keys.Order(StringComparer.Ordinal))
                {
                    if (ExperimentCatalog.Find(experiment) is { } def && await PairsMatrix.ComputeAsync(Path.Combine(dir, experiment), def,
                            run.Rows.Where(r => r.Experiment == experiment).Select(r => r.Library).ToList(), ct) is { } matrix)
                    {
                        ScoreboardTables.WritePairs(console, matrix);
                    }
                }
            }
        }
        return ExitCodes.Ok;
    }
}
