using System.CommandLine;
using AstroBench.Core.Baselines;
using AstroBench.Core.History;
using AstroBench.Core.Import;
using AstroBench.Core.Results.Reading;
using Spectre.Console;

namespace AstroBench.Cli.Commands;

/// <summary>
/// <c>astrobench runs import &lt;zip|folder&gt;</c> (docs/publish-import.md): a run made on another machine joins
/// results/ under its own id and testbed, or nothing is written (exit 2, one line; a duplicate id included).
/// </summary>
internal static class RunsImportCommand
{
    public static Command Create(IAnsiConsole console, Option<string> resultsDir)
    {
        var source = new Argument<string>("source") { Description = "a zip of a run folder (as /api/runs/{id}/download gives) or a run folder" };
        var command = new Command("import", "Import a run folder or zip made elsewhere") { source };
        command.SetAction(parse =>
        {
            var dir = parse.GetValue(resultsDir)!;
            RunImportResult result;
            try
            {
                result = RunImporter.ImportPath(parse.GetValue(source)!, dir);
            }
            catch (RunImportException ex)
            {
                throw new CliException($"import refused ({ex.Code}): {ex.Message}");
            }
            // The results index (docs/history.md) learns about the run at once, so its history and regressions include it.
            using (var index = new ResultsIndex(dir))
            {
                index.IndexRun(result.Folder);
            }
            var testbed = TestbedKey.Of(new RunFolderReader(dir).ReadManifest(result.RunId));
            console.WriteLine($"imported {result.RunId} (testbed {testbed}): {result.Files} files, {result.Bytes} bytes");
            return ExitCodes.Ok;
        });
        return command;
    }
}
