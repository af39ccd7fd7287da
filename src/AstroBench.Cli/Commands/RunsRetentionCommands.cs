using System.CommandLine;
using System.Globalization;
using AstroBench.Core.History;
using AstroBench.Core.Results;
using AstroBench.Core.Retention;
using Spectre.Console;

namespace AstroBench.Cli.Commands;

/// <summary>
/// <c>astrobench runs delete|pin|unpin ID</c> and <c>runs gc</c> (docs/retention.md): the same Core pins, trash and
/// planner as the server, on <c>--results-dir</c>. The CLI protects pinned runs; it does not see a server's jobs.
/// </summary>
internal static class RunsRetentionCommands
{
    private static readonly Option<bool> DryRun = new("--dry-run") { Description = "print what would go, remove nothing" };
    private static readonly Option<int?> KeepLast = new("--keep-last") { Description = "keep the N newest runs" };
    private static readonly Option<double?> MaxAgeDays = new("--max-age-days") { Description = "remove runs older than D days" };
    private static readonly Option<long?> MaxTotalMb = new("--max-total-mb") { Description = "remove the oldest runs until the rest fit in M MiB" };
    private static readonly Option<bool> Archive = new("--archive") { Description = "write each removed run to <archive-dir>/<id>.tar.gz first" };
    private static readonly Option<string?> ArchiveDir = new("--archive-dir") { Description = "where archives go (default: archive/ beside the results folder)" };

    public static IEnumerable<Command> Create(IAnsiConsole console, Option<string> resultsDir, Argument<string> id)
    {
        var delete = new Command("delete", "Delete a run (refused for a pinned run)") { id };
        delete.SetAction(parse => Delete(console, parse.GetValue(resultsDir)!, parse.GetValue(id)!));
        var pin = new Command("pin", "Pin a run: retention never deletes it") { id };
        pin.SetAction(parse => Pin(console, parse.GetValue(resultsDir)!, parse.GetValue(id)!, pinned: true));
        var unpin = new Command("unpin", "Unpin a run") { id };
        unpin.SetAction(parse => Pin(console, parse.GetValue(resultsDir)!, parse.GetValue(id)!, pinned: false));
        var gc = new Command("gc", "Remove runs by retention rules (pinned runs are kept)") { DryRun, KeepLast, MaxAgeDays, MaxTotalMb, Archive, ArchiveDir };
        gc.SetAction(parse => Gc(console, parse.GetValue(resultsDir)!, parse.GetValue(DryRun),
            new RetentionRules(parse.GetValue(KeepLast), parse.GetValue(MaxAgeDays), parse.GetValue(MaxTotalMb), parse.GetValue(Archive), parse.GetValue(ArchiveDir))));
        return [delete, pin, unpin, gc];
    }

    private static string RunFolder(string resultsDir, string id)
    {
        if (!RunIds.IsValidRunId(id))
        {
            throw new CliException($"'{id}' is not a run id (expected YYYY-MM-DD_HH-MM-SS[-n])");
        }
        var dir = Path.Combine(resultsDir, id);
        return Directory.Exists(dir) ? dir : throw new CliException($"run '{id}' not found in '{Path.GetFullPath(resultsDir)}'");
    }

    private static int Delete(IAnsiConsole console, string resultsDir, string id)
    {
        RunFolder(resultsDir, id);
        var (outcome, bytes, error) = RunDeletion.Delete(resultsDir, id, RunProtections.Of(resultsDir));
        switch (outcome)
        {
            case RunDeletionOutcome.Deleted:
                ResultsIndex.SyncIfPresent(resultsDir);
                console.WriteLine(Invariant($"deleted {id} ({Bytes(bytes)})"));
                return ExitCodes.Ok;
            case RunDeletionOutcome.Protected:
                throw new CliException($"run '{id}' is pinned; unpin it first (astrobench runs unpin {id})");
            case RunDeletionOutcome.NotFound:
                throw new CliException($"run '{id}' not found in '{Path.GetFullPath(resultsDir)}'");
            default:
                console.WriteLine($"error: run '{id}' could not be deleted: {error}");
                return ExitCodes.Failed;
        }
    }

    private static int Pin(IAnsiConsole console, string resultsDir, string id, bool pinned)
    {
        RunFolder(resultsDir, id);
        var pins = new RunPins(resultsDir);
        var changed = pinned ? pins.Pin(id, DateTimeOffset.UtcNow) : pins.Unpin(id);
        console.WriteLine($"{id} {(pinned ? "pinned" : "unpinned")}{(changed ? "" : " (already)")}");
        return ExitCodes.Ok;
    }

    private static int Gc(IAnsiConsole console, string resultsDir, bool dryRun, RetentionRules rules)
    {
        if (rules.Validate().Values.SelectMany(m => m).FirstOrDefault() is { } invalid)
        {
            throw new CliException(invalid.Replace(" (null for no limit)", "", StringComparison.Ordinal).Replace(" (null for the default)", "", StringComparison.Ordinal)
                .Replace("keep_last", "--keep-last", StringComparison.Ordinal)
                .Replace("max_age_days", "--max-age-days", StringComparison.Ordinal).Replace("max_total_mb", "--max-total-mb", StringComparison.Ordinal)
                .Replace("archive_dir", "--archive-dir", StringComparison.Ordinal));
        }
        if (!rules.HasRunRules)
        {
            throw new CliException("gc needs at least one rule: --keep-last, --max-age-days or --max-total-mb");
        }
        if (!Directory.Exists(resultsDir))
        {
            throw new CliException($"results dir '{resultsDir}' does not exist");
        }
        if (rules.Archive && RetentionPaths.CheckArchiveDir(rules, resultsDir) is { } archiveError)
        {
            throw new CliException(archiveError.Replace("archive_dir", "--archive-dir", StringComparison.Ordinal));
        }
        var sweep = new RetentionSweep(resultsDir);
        var protection = RunProtections.Of(resultsDir);
        if (dryRun)
        {
            var plan = sweep.Preview(rules, protection, DateTimeOffset.UtcNow);
            foreach (var r in plan.Remove)
            {
                console.WriteLine(Invariant($"would remove {r.RunId} {r.Bytes} bytes ({r.Rule})"));
            }
            console.WriteLine(Invariant($"dry run: {plan.Remove.Count} runs, {Bytes(plan.BytesFreed)} would be freed; {plan.RunsKept} runs kept"));
            return ExitCodes.Ok;
        }
        var report = sweep.TryRun(rules, protection, DateTimeOffset.UtcNow)
            ?? throw new CliException($"another sweep (a server or another gc) is running on '{Path.GetFullPath(resultsDir)}'; try again later");
        foreach (var r in report.Results)
        {
            var what = r.Outcome == RunRemovalResult.Removed ? (r.ArchivePath is { } a ? $"archived to {a} and removed" : "removed") : $"{r.Outcome} ({r.Error})";
            console.WriteLine(Invariant($"{what} {r.Removal.RunId} {r.Removal.Bytes} bytes ({r.Removal.Rule})"));
        }
        ResultsIndex.SyncIfPresent(resultsDir);
        var failed = report.Results.Count(r => r.Outcome == RunRemovalResult.Failed);
        console.WriteLine(Invariant($"gc: {report.Removed.Count()} runs removed, {Bytes(report.BytesFreed)} freed; {report.Plan.RunsKept} runs kept{(failed > 0 ? $"; {failed} failed" : "")}"));
        return failed > 0 ? ExitCodes.Failed : ExitCodes.Ok;
    }

    private static string Bytes(long bytes) => Invariant($"{bytes} bytes ({bytes / (double)RetentionRules.BytesPerMb:0.0} MiB)");

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
