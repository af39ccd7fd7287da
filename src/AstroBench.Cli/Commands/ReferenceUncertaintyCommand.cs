using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using AstroBench.Core.Experiments;
using AstroBench.Core.Ranking;
using AstroBench.Core.Results;
using AstroBench.Core.Results.Reading;
using Spectre.Console;

namespace AstroBench.Cli.Commands;

/// <summary>
/// <c>astrobench runs reference-uncertainty ID --library L [--experiments a,b] [--output FILE]</c>: measures the
/// reference's uncertainty per experiment from the run's cases.parquet (candidate L vs the reference, per century) and
/// merges the entries into the data file the catalog embeds (docs/scoreboard.md). Other experiments' entries are kept.
/// </summary>
internal static class ReferenceUncertaintyCommand
{
    private static readonly Option<string> Library = new("--library") { Description = "the candidate that realises the reference's quantity independently", Required = true };
    private static readonly Option<string?> Experiments = new("--experiments") { Description = "comma-separated experiment ids (default: every experiment where the library is model-parity; name ephemeris experiments explicitly)" };
    private static readonly Option<string> Output = new("--output") { Description = "the data file to update", DefaultValueFactory = _ => "src/AstroBench.Core/Experiments/reference-uncertainty.json" };

    public static Command Create(IAnsiConsole console, Option<string> resultsDir, Argument<string> id)
    {
        var command = new Command("reference-uncertainty", "Measure each experiment's reference uncertainty from a run and update the catalog's data file");
        command.Arguments.Add(id);
        command.Options.Add(Library);
        command.Options.Add(Experiments);
        command.Options.Add(Output);
        command.SetAction((parse, ct) => RunAsync(console, parse.GetValue(resultsDir)!, parse.GetValue(id)!, parse.GetValue(Library)!,
            parse.GetValue(Experiments), parse.GetValue(Output)!, ct));
        return command;
    }

    private static async Task<int> RunAsync(IAnsiConsole console, string resultsDir, string id, string library, string? experiments, string output, CancellationToken ct)
    {
        var reader = new RunFolderReader(resultsDir);
        if (!RunIds.IsValidRunId(id) || reader.ReadRun(id) is not { } run || !reader.TryGetRunDirectory(id, out var dir))
        {
            throw new CliException($"run '{id}' not found in '{Path.GetFullPath(resultsDir)}'");
        }
        var wanted = experiments?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        var entries = File.Exists(output) ? ReferenceUncertaintyTable.Parse(await File.ReadAllTextAsync(output, ct)).Experiments.ToDictionary() : [];
        var table = new Table().AddColumns("experiment", "value", "unit", "cases", "per century: p50 / p99 (max)");
        foreach (var row in run.Rows.Where(r => r.Library == library && (wanted is null || wanted.Contains(r.Experiment))))
        {
            if (wanted is null && row.Parity is not "model-parity")
            {
                continue;
            }
            if (row.PrimaryMetric is null || row.Unit is null)
            {
                throw new CliException($"{library} has no accuracy result in {row.Experiment}");
            }
            var reference = run.Rows.FirstOrDefault(r => r.Experiment == row.Experiment && r.Role == "reference")?.Library ?? "?";
            var candidate = new ReferenceUncertaintyMeasurer.Candidate(library, row.Parity ?? "", reference, row.PrimaryMetric, row.Unit, row.Model);
            try
            {
                var measured = await ReferenceUncertaintyMeasurer.MeasureAsync(Path.Combine(dir, row.Experiment), candidate, id,
                    Source(run, library, reference), DateOnly.FromDateTime(DateTime.UtcNow), ct);
                entries[row.Experiment] = measured;
                table.AddRow(row.Experiment, SummaryMarkdown.Num(measured.Value), measured.Unit, measured.Provenance.Cases.ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(string.Join("; ", measured.Ranges.Select(r => string.Create(CultureInfo.InvariantCulture,
                        $"{Span(r)}: {SummaryMarkdown.Num(r.P50 ?? double.NaN)} / {SummaryMarkdown.Num(r.P99)} ({SummaryMarkdown.Num(r.Max)})")))));
            }
            catch (InvalidOperationException ex)
            {
                throw new CliException($"{row.Experiment}: {ex.Message}");
            }
        }
        if (table.Rows.Count == 0)
        {
            throw new CliException($"run '{id}' has no result of {library} to measure with");
        }
        await AtomicFile.WriteTextAsync(output, ReferenceUncertaintyTable.Format(entries), ct);
        console.Write(table);
        console.WriteLine($"wrote {output} ({entries.Count} experiments)");
        return ExitCodes.Ok;
    }

    /// <summary>"1959.94–2000", or "all cases" for an experiment without an epoch input (e.g. kepler_solver).</summary>
    private static string Span(UncertaintyRange r) =>
        r.FromYear is not null ? string.Create(CultureInfo.InvariantCulture, $"{r.FromYear:0.##}–{r.ToYear:0.##}") : "all cases";

    /// <summary>"astropy 6.0.1 (Astropy, Python) vs erfa 2.0.1 (ERFA, C)" from the run's manifest.</summary>
    private static string Source(RunDetail run, string library, string reference)
    {
        string Describe(string name)
        {
            if (run.Manifest is { } m && m.TryGetProperty("adapters", out var adapters) && adapters.ValueKind == JsonValueKind.Array)
            {
                foreach (var a in adapters.EnumerateArray())
                {
                    if (a.TryGetProperty("name", out var n) && n.GetString() == name)
                    {
                        return $"{name} {Str(a, "version")} ({Str(a, "library")})";
                    }
                }
            }
            return name;
        }
        return $"{Describe(library)} vs the reference {Describe(reference)}";
    }

    private static string Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "?";
}
