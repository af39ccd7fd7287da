using System.Text.Json;
using System.Text.Json.Nodes;
using AstroBench.Cli.Commands;
using AstroBench.Core.Running;
using AstroBench.Server.Jobs;
using Spectre.Console;

namespace AstroBench.Server.Tests;

/// <summary>Every user of <see cref="RunLimits"/> accepts the maximum and refuses one past it.</summary>
public sealed class RunLimitsContractTests
{
    private static StartJobRequest Request(int? n = null, long? seed = null, int? rounds = null, List<string>? experiments = null,
        List<string>? libraries = null, string? notes = null) => new(experiments ?? ["gmst_era"], libraries, n, seed, rounds, true, false, notes);

    public static TheoryData<string, StartJobRequest, StartJobRequest> ValidatorEdges() => new()
    {
        { "n", Request(n: RunLimits.MaxN), Request(n: RunLimits.MaxN + 1) },
        { "n", Request(n: RunLimits.MinN), Request(n: RunLimits.MinN - 1) },
        { "seed", Request(seed: RunLimits.MaxSeed), Request(seed: RunLimits.MaxSeed + 1) },
        { "seed", Request(seed: RunLimits.MinSeed), Request(seed: RunLimits.MinSeed - 1) },
        { "perf_rounds", Request(rounds: RunLimits.MaxPerfRounds), Request(rounds: RunLimits.MaxPerfRounds + 1) },
        { "perf_rounds", Request(rounds: RunLimits.MinPerfRounds), Request(rounds: RunLimits.MinPerfRounds - 1) },
        { "notes", Request(notes: new string('x', RunLimits.MaxNotesLength)), Request(notes: new string('x', RunLimits.MaxNotesLength + 1)) },
        { "libraries", Request(libraries: Names("lib", RunLimits.MaxLibraries)), Request(libraries: Names("lib", RunLimits.MaxLibraries + 1)) },
    };

    [Theory]
    [MemberData(nameof(ValidatorEdges))]
    public void StartJobValidator_AcceptsTheLimit_AndRejectsOnePast(string field, StartJobRequest atLimit, StartJobRequest pastLimit)
    {
        var ok = StartJobValidator.Validate(atLimit);
        var bad = StartJobValidator.Validate(pastLimit);

        Assert.Empty(ok.Errors);
        Assert.NotNull(ok.Config);
        Assert.Null(bad.Config);
        Assert.True(bad.Errors.ContainsKey(field), string.Join("; ", bad.Errors.Keys));
    }

    [Fact]
    public void StartJobValidator_RefusesOneExperimentPastTheLimit()
    {
        // Every experiment in the list must exist, so the at-limit case repeats known ids only to count them.
        var bad = StartJobValidator.Validate(Request(experiments: [.. Enumerable.Repeat("gmst_era", RunLimits.MaxExperiments + 1)]));

        Assert.Contains("At most 50 experiments.", bad.Errors["experiments"]);
    }

    [Theory]
    [InlineData("n", RunLimits.MaxN, RunLimits.MaxN)]
    [InlineData("n", RunLimits.MaxN + 1, RunLimits.MaxN)]
    [InlineData("n", 0, RunLimits.MinN)]
    [InlineData("perf_rounds", RunLimits.MaxPerfRounds, RunLimits.MaxPerfRounds)]
    [InlineData("perf_rounds", RunLimits.MaxPerfRounds + 1, RunLimits.MaxPerfRounds)]
    [InlineData("seed", -1, RunLimits.MinSeed)]
    [InlineData("seed", RunLimits.MaxSeed, RunLimits.MaxSeed)]
    public void LegacyJobImporter_KeepsTheLimit_AndClampsOnePast(string field, long value, long expected)
    {
        var row = Import(new JsonObject { [field] = value });

        var actual = field switch { "n" => row.Config.N, "perf_rounds" => row.Config.PerfRounds, _ => (long)row.Config.Seed };
        Assert.Equal(expected, actual);
        Assert.Empty(StartJobValidator.Validate(Request(row.Config.N, row.Config.Seed, row.Config.PerfRounds)).Errors);
    }

    [Fact]
    public void LegacyJobImporter_CutsListsAndNotesToTheirLimits()
    {
        var config = new JsonObject
        {
            ["experiments"] = new JsonArray([.. Names("e", RunLimits.MaxExperiments + 1).Select(e => (JsonNode)e)]),
            ["libraries"] = new JsonArray([.. Names("lib", RunLimits.MaxLibraries + 1).Select(e => (JsonNode)e)]),
            ["notes"] = new string('x', RunLimits.MaxNotesLength + 1),
        };

        var row = Import(config);

        Assert.Equal(RunLimits.MaxExperiments, row.Config.Experiments.Count);
        Assert.Equal(RunLimits.MaxLibraries, row.Config.Libraries!.Count);
        Assert.Equal(RunLimits.MaxNotesLength, row.Notes!.Length);
    }

    [Fact]
    public async Task OpenApiDocument_ShowsTheLimitsOfAStartRequest()
    {
        using var lab = new Lab();
        try
        {
            var doc = await lab.GetJson("/openapi/v1.json");
            var schema = doc["components"]!["schemas"]!["StartJobRequest"]!["properties"]!;

            Assert.Equal((RunLimits.MinN, RunLimits.MaxN), Range(schema["n"]!));
            Assert.Equal((RunLimits.MinSeed, RunLimits.MaxSeed), Range(schema["seed"]!));
            Assert.Equal((RunLimits.MinPerfRounds, RunLimits.MaxPerfRounds), Range(schema["perf_rounds"]!));
            Assert.Equal(RunLimits.MaxExperiments, schema["experiments"]!["maxItems"]!.GetValue<int>());
            Assert.Equal(RunLimits.MaxLibraries, schema["libraries"]!["maxItems"]!.GetValue<int>());
            Assert.Equal(RunLimits.MaxNotesLength, schema["notes"]!["maxLength"]!.GetValue<int>());
        }
        finally
        {
            lab.DeleteRoot();
        }
    }

    [Fact]
    public void CliOptionDescriptions_ShowTheLimits()
    {
        var options = RunCommand.Create(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Null) }))
            .Options.ToDictionary(o => o.Name, o => o.Description);

        Assert.Contains("(1..1,000,000)", options["--n"], StringComparison.Ordinal);
        Assert.Contains("(0..2,147,483,647)", options["--seed"], StringComparison.Ordinal);
        Assert.Contains("(1..50)", options["--perf-rounds"], StringComparison.Ordinal);
        Assert.Contains("2,000", options["--notes"], StringComparison.Ordinal);
    }

    private static (long, long) Range(JsonNode property) =>
        (long.Parse(property["minimum"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture),
         long.Parse(property["maximum"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture));

    private static JobRow Import(JsonObject config)
    {
        var json = new JsonObject { ["job_id"] = "0123456789ab", ["status"] = "completed", ["config"] = config }.ToJsonString();
        return LegacyJobImporter.Convert(JsonDocument.Parse(json).RootElement, "file")!.Value.Row;
    }

    private static List<string> Names(string prefix, int count) =>
        [.. Enumerable.Range(0, count).Select(i => prefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture))];
}
