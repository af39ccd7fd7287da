using System.CommandLine;
using System.Diagnostics;
using AstroBench.Cli.Publish;
using AstroBench.Core.Baselines;
using AstroBench.Core.Results.Reading;
using Spectre.Console;

namespace AstroBench.Cli.Commands;

/// <summary>
/// <c>astrobench publish --out DIR [--runs ID,…] [--testbed KEY] [--results-dir results] [--web-dir DIR]</c>: a static
/// site of the chosen runs that works from file:// and any static host (docs/publish-import.md).
/// </summary>
internal static class PublishCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var output = new Option<string>("--out") { Description = "folder to write the site to (new, empty, or a previous publish)", Required = true };
        var runs = new Option<string?>("--runs") { Description = "comma-separated run ids (default: every run)" };
        var testbed = new Option<string?>("--testbed") { Description = "only runs of this testbed key (16 hex digits, or unknown)" };
        var resultsDir = new Option<string>("--results-dir") { Description = "where run folders are", DefaultValueFactory = _ => "results" };
        var webDir = new Option<string?>("--web-dir") { Description = "the static build of the web app (default: <repo>/web/dist-static; npm run build:static)" };
        var command = new Command("publish", "Write a static site of runs (runs list, dashboards, experiment plots) that needs no server")
        {
            output, runs, testbed, resultsDir, webDir,
        };
        command.SetAction(async (parse, ct) =>
        {
            var results = parse.GetValue(resultsDir)!;
            var web = parse.GetValue(webDir) ?? (RepoLocator.Find() is { } repo ? Path.Combine(repo, "web", "dist-static") : null);
            if (web is null || !File.Exists(Path.Combine(web, "index.html")))
            {
                throw new CliException($"no static web build at '{web ?? "<repo>/web/dist-static"}' (build it: cd web && npm run build:static)");
            }
            if (!Directory.Exists(results))
            {
                throw new CliException($"results dir '{results}' does not exist");
            }
            var chosen = Select(results, parse.GetValue(runs), parse.GetValue(testbed));
            var clock = Stopwatch.StartNew();
            var temp = SiteOutput.Prepare(parse.GetValue(output)!);
            try
            {
                SiteOutput.CopyTree(web, temp);
                await using var lab = await LabReader.StartAsync(results, chosen, ct);
                var crawler = new SiteCrawler(lab.Http, temp, chosen);
                await crawler.CrawlAsync(ct);
                SiteOutput.Commit(temp, parse.GetValue(output)!);
                console.WriteLine(FormattableString.Invariant(
                    $"published {chosen.Count} runs ({crawler.Written} data files) to {Path.GetFullPath(parse.GetValue(output)!)} in {clock.Elapsed.TotalSeconds:0.0} s"));
            }
            catch
            {
                SiteOutput.Abandon(temp);
                throw;
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static HashSet<string> Select(string resultsDir, string? runs, string? testbed)
    {
        if (testbed is not null && !TestbedKey.IsValid(testbed))
        {
            throw new CliException($"--testbed '{testbed}' is not a testbed key (16 lowercase hex digits or 'unknown')");
        }
        var reader = new RunFolderReader(resultsDir);
        var all = reader.ListRuns().Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var chosen = all;
        if (runs is not null)
        {
            chosen = runs.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
            if (chosen.FirstOrDefault(id => !all.Contains(id)) is { } missing)
            {
                throw new CliException($"--runs: no run '{missing}' in '{Path.GetFullPath(resultsDir)}'");
            }
        }
        if (testbed is not null)
        {
            chosen = chosen.Where(id => TestbedKey.Of(reader.ReadManifest(id)) == testbed).ToHashSet(StringComparer.Ordinal);
        }
        return chosen.Count > 0 ? chosen : throw new CliException("no run to publish (check --runs and --testbed)");
    }
}
