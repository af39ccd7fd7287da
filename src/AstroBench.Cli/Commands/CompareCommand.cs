using System.CommandLine;
using System.Text.Json;
using AstroBench.Core.Comparison;
using AstroBench.Core.Results;
using Spectre.Console;

namespace AstroBench.Cli.Commands;

/// <summary>
/// <c>astrobench compare &lt;baseline|latest|RUN|PATH&gt; &lt;RUN|PATH&gt; [--fail-on regression|any-change] [--format table|markdown|json]</c>:
/// the CI gate (docs/ci.md). Exit 0 = no regression, 1 = regression, 2 = not comparable or bad input.
/// </summary>
internal static class CompareCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var baseline = new Argument<string>("baseline") { Description = "baseline (the candidate testbed's), latest (the newest older run), a run id or a run folder" };
        var candidate = new Argument<string>("candidate") { Description = "a run id or a run folder" };
        var failOn = new Option<string>("--fail-on") { Description = "regression (default) or any-change", DefaultValueFactory = _ => "regression" };
        failOn.AcceptOnlyFromAmong("regression", "any-change");
        var format = new Option<string>("--format") { Description = "table (default), markdown (for a PR comment) or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "markdown", "json");
        var resultsDir = new Option<string>("--results-dir") { Description = "where run folders and results/.baselines.json are", DefaultValueFactory = _ => "results" };
        var command = new Command("compare", "CI gate: compare a candidate run to a baseline; exit 0 pass, 1 regression, 2 not comparable")
        {
            baseline, candidate, failOn, format, resultsDir,
        };
        command.SetAction(parse =>
        {
            var dir = parse.GetValue(resultsDir)!;
            var b = parse.GetValue(candidate)!;
            var cand = CompareTarget.Candidate(b, dir);
            var basis = CompareTarget.Baseline(parse.GetValue(baseline)!, dir, cand);
            var mode = parse.GetValue(failOn) == "any-change" ? GateFailOn.AnyChange : GateFailOn.Regression;
            var report = CompareGate.Evaluate(basis.Run, basis.Testbed, cand.Run, cand.Testbed, mode);
            switch (parse.GetValue(format))
            {
                case "markdown":
                    // Byte-exact text for a PR comment: the plain stdout writer, never a console that wraps lines.
                    Console.Out.Write(GateMarkdown.Format(report));
                    break;
                case "json":
                    Console.Out.WriteLine(JsonSerializer.Serialize(report, ResultJson.Options));
                    break;
                default:
                    GateTable.Write(console, report);
                    break;
            }
            if (report.NotComparable is { } why)
            {
                Console.Error.WriteLine("not comparable: " + why);
            }
            return report.ExitCode;
        });
        return command;
    }
}
