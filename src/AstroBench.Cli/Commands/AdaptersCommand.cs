using System.CommandLine;
using AstroBench.Core.Adapters;
using AstroBench.Core.Experiments;
using AstroBench.Core.Protocol;
using Spectre.Console;

namespace AstroBench.Cli.Commands;

/// <summary><c>astrobench adapters list|build|check</c>.</summary>
internal static class AdaptersCommand
{
    private static readonly Option<string[]> AdaptersDir = new("--adapters-dir") { Description = "adapter folders (repeatable)", Recursive = true };

    public static Command Create(IAnsiConsole console)
    {
        var command = new Command("adapters", "List, build and check library adapters");
        command.Options.Add(AdaptersDir);
        var list = new Command("list", "List adapters and whether they can run here");
        list.SetAction(parse => List(console, Load(parse)));
        var build = new Command("build", "Build every adapter that has a build command");
        build.SetAction((parse, ct) => BuildAsync(console, Load(parse), RepoLocator.AdapterDirs(parse.GetValue(AdaptersDir)), ct));
        var check = new Command("check", "Check each available adapter answers --version and a one-case request per experiment (and, for protocol 3, a perf request reporting its loop cost; for protocol 2, the same numbers in every declared encoding)");
        check.SetAction((parse, ct) => CheckAsync(console, Load(parse), ct));
        command.Subcommands.Add(list);
        command.Subcommands.Add(build);
        command.Subcommands.Add(check);
        return command;
    }

    private static AdapterRegistry Load(ParseResult parse) => AdapterRegistry.Load(RepoLocator.AdapterDirs(parse.GetValue(AdaptersDir)));

    private static int List(IAnsiConsole console, AdapterRegistry registry)
    {
        var table = new Table().AddColumns("name", "library", "language", "status", "experiments");
        foreach (var a in registry.Adapters)
        {
            table.AddRow(Markup.Escape(a.Name), Markup.Escape(a.Manifest.Library), Markup.Escape(a.Manifest.Language),
                a.Available ? "[green]available[/]" : "[red]unavailable[/]: " + Markup.Escape(a.UnavailableReason ?? ""),
                Markup.Escape(string.Join(' ', a.Manifest.Experiments.Select(e => e.Value.IsReference ? e.Key + "*" : e.Key))));
        }
        console.Write(table);
        console.MarkupLine("[grey]* = reference for that experiment[/]");
        PrintProblems(console, registry);
        return ExitCodes.Ok;
    }

    private static async Task<int> BuildAsync(IAnsiConsole console, AdapterRegistry registry, IReadOnlyList<string> dirs, CancellationToken ct)
    {
        var failed = new List<string>();
        // The machine-speed probe is built with the adapters (same compiler, same make), though it is not one (docs/engine.md).
        foreach (var probe in dirs.Select(d => Path.Combine(d, "probe")).Where(d => File.Exists(Path.Combine(d, "Makefile"))))
        {
            var built = await AdapterCommand.RunInAsync(probe, ["make"], TimeSpan.FromMinutes(1), ct);
            if (built.ExitCode == 0)
            {
                console.MarkupLineInterpolated($"[green]built[/] machine probe ({probe})");
            }
            else
            {
                failed.Add("machine probe");
                console.MarkupLineInterpolated($"[red]failed[/] machine probe (exit {built.ExitCode}):");
                console.WriteLine(built.Output.TrimEnd());
            }
        }
        foreach (var a in registry.Adapters.Where(a => a.Manifest.Build is { Count: > 0 }))
        {
            var missing = a.Manifest.Requires?.FirstOrDefault(r => !File.Exists(r.Path) && !Directory.Exists(r.Path));
            if (missing is not null)
            {
                console.MarkupLineInterpolated($"[yellow]skip[/] {a.Name}: missing {missing.Path} ({missing.InstallHint})");
                continue;
            }
            var result = await AdapterCommand.RunAsync(a, a.Manifest.Build!, TimeSpan.FromMinutes(5), ct);
            if (result.ExitCode == 0)
            {
                console.MarkupLineInterpolated($"[green]built[/] {a.Name}");
            }
            else
            {
                failed.Add(a.Name);
                console.MarkupLineInterpolated($"[red]failed[/] {a.Name} (exit {result.ExitCode}):");
                console.WriteLine(result.Output.TrimEnd());
            }
        }
        PrintProblems(console, registry);
        if (failed.Count > 0)
        {
            console.MarkupLineInterpolated($"[red]error:[/] build failed for {string.Join(", ", failed)}");
            return ExitCodes.Failed;
        }
        return ExitCodes.Ok;
    }

    private static async Task<int> CheckAsync(IAnsiConsole console, AdapterRegistry registry, CancellationToken ct)
    {
        var runner = new AdapterProcessRunner(TimeSpan.FromSeconds(30));
        var problems = 0;
        foreach (var a in registry.Adapters)
        {
            if (!a.Available)
            {
                console.MarkupLineInterpolated($"[yellow]unavailable[/] {a.Name}: {a.UnavailableReason}");
                continue;
            }
            console.MarkupLineInterpolated($"[bold]{a.Name}[/]: {await AdapterCommand.VersionAsync(a, ct)}");
            var answered = new List<EncodingCheck.Answered>();
            foreach (var experimentId in a.Manifest.Experiments.Keys)
            {
                var definition = ExperimentCatalog.Find(experimentId);
                if (definition is null)
                {
                    problems++;
                    console.MarkupLineInterpolated($"  [red]✗[/] {experimentId}: not in the catalog");
                    continue;
                }
                var inputs = definition.Generator.Generate(1, 1);
                var call = await runner.CallAsync(a, AdapterRequest.Accuracy(experimentId, inputs), definition.OutputColumns.Count, ct);
                var ok = call.Outcome is CallOutcome.Completed or CallOutcome.Skipped;
                problems += ok ? 0 : 1;
                Mark(console, ok, $"{experimentId}: {call.Outcome.ToWire()}{(call.Detail is null ? "" : " — " + call.Detail)}");
                if (call.Outcome == CallOutcome.Completed)
                {
                    answered.Add(new(experimentId, inputs, definition.OutputColumns.Count, call.Outputs!));
                }
                if (call.Outcome == CallOutcome.Completed && a.Manifest.SpeaksV3)
                {
                    problems += await CheckPerfAsync(console, runner, a, experimentId, inputs, ct) ? 0 : 1;
                }
            }
            problems += await EncodingCheck.RunAsync(console, a, answered, Mark, ct);
            problems += await ReadyCheck.RunAsync(console, runner, a, answered, Mark, ct);
        }
        PrintProblems(console, registry);
        return problems == 0 && registry.Problems.Count == 0 ? ExitCodes.Ok : ExitCodes.Failed;
    }

    /// <summary>
    /// Protocol 3: a tiny perf request with <c>warmup auto</c>; its answer must carry the loop cost and the warm-up done,
    /// within the warm-up bound (2 ops for a value of 4: <see cref="Core.Protocol.WarmupRule"/>; docs/adapter-protocol.md).
    /// Protocol 4: the request also says <c>values 3</c>, and the answer must list three values of 4 ops (12 ops in all). Protocol 7: it also says <c>probe_ops 100</c>, and the answer must list four probe chunks.
    /// A v1/v2 adapter is not asked: its answer has no such fields.
    /// </summary>
    private static async Task<bool> CheckPerfAsync(IAnsiConsole console, AdapterProcessRunner runner, AdapterInfo adapter,
        string experimentId, Core.Inputs.InputTable inputs, CancellationToken ct)
    {
        int? values = adapter.Manifest.SpeaksV4 ? PerfCheckValues : null;
        long? probeOps = adapter.Manifest.SpeaksV7 ? PerfCheckProbeOps : null;
        var call = await runner.CallAsync(adapter, AdapterRequest.Perf(experimentId, inputs, PerfCheckOps, 0, warmupAuto: true, values, probeOps: probeOps), 0, ct);
        var why = call.Outcome != CallOutcome.Completed
            ? call.Outcome.ToWire() + (call.Detail is null ? "" : " — " + call.Detail)
            : Core.Running.PerfMeasurer.MissingV3Fields(adapter, call.Perf!)
              ?? Core.Running.PerfMeasurer.WarmupOverBound(adapter, call.Perf!, PerfCheckOps)
              ?? Core.Running.PerfMeasurer.MissingValues(values, call.Perf!)
              ?? Core.Running.PerfMeasurer.MissingProbes(probeOps, call.Perf!)
              ?? (call.Perf!.Ops == PerfCheckOps * (values ?? 1) ? null : $"answer says ops {call.Perf.Ops}, {PerfCheckOps * (values ?? 1)} were timed");
        var (label, done) = values is null ? ("3", "loop cost and warm-up reported")
            : probeOps is null ? ("4", "loop cost, warm-up and values reported")
            : ("7", "loop cost, warm-up, values and probe chunks reported");
        Mark(console, why is null, $"{experimentId} perf (protocol {label}): {why ?? done}");
        return why is null && (!adapter.Manifest.SpeaksV5 || await CheckOpsAutoAsync(console, runner, adapter, experimentId, inputs, ct));
    }

    /// <summary>
    /// Protocol 5: an <c>ops auto</c> request with small targets (so the check stays quick); the answer must report its
    /// pilot, and its values the ops the value rule gives for that pilot (<see cref="Core.Running.PilotRule.CheckAuto"/>).
    /// </summary>
    private static async Task<bool> CheckOpsAutoAsync(IAnsiConsole console, AdapterProcessRunner runner, AdapterInfo adapter,
        string experimentId, Core.Inputs.InputTable inputs, CancellationToken ct)
    {
        var request = AdapterRequest.Perf(experimentId, inputs, 1, 0, warmupAuto: true, PerfCheckValues, OpsAutoCheck);
        var call = await runner.CallAsync(adapter, request, 0, ct);
        var why = call.Outcome != CallOutcome.Completed
            ? call.Outcome.ToWire() + (call.Detail is null ? "" : " — " + call.Detail)
            : Core.Running.PilotRule.CheckAuto(call.Perf!, OpsAutoCheck, request.RowCount, PerfCheckValues);
        Mark(console, why is null, $"{experimentId} perf (protocol 5): {why ?? "ops auto: pilot reported, values sized by the rule"}");
        return why is null;
    }

    private static readonly PerfAuto OpsAutoCheck = new(100_000, 200_000);

    // The tick is markup, the text is not (MarkupLineInterpolated would escape the tick too).
    private static void Mark(IAnsiConsole console, bool ok, string text) =>
        console.MarkupLine("  " + (ok ? "[green]✓[/] " : "[red]✗[/] ") + Markup.Escape(text));

    private const long PerfCheckOps = 4;
    private const int PerfCheckValues = 3;
    private const long PerfCheckProbeOps = 100;

    private static void PrintProblems(IAnsiConsole console, AdapterRegistry registry)
    {
        foreach (var p in registry.Problems)
        {
            console.MarkupLineInterpolated($"[red]problem:[/] {p}");
        }
    }
}
