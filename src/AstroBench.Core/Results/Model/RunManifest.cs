using System.Text.Json.Serialization;
using AstroBench.Core.Testbeds;

namespace AstroBench.Core.Results.Model;

/// <summary><c>manifest.json</c> of a run folder (schema <c>astrobench.run/1</c>, docs/run-folder.md).</summary>
public sealed record RunManifest(
    string Schema,
    string RunId,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    RunConfig Config,
    RunEnvironment Environment,
    IReadOnlyList<AdapterVersion> Adapters,
    RunCompleteness Completeness,
    IReadOnlyList<ResultEntry> Results,
    RunTiming Timing,
    IReadOnlyList<RunSegment>? Segments = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] RunEngine? Engine = null,
    Testbed? Testbed = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] RunRounds? Rounds = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] RunMachine? Machine = null)
{
    public const string SchemaId = "astrobench.run/1";
}

public sealed record RunConfig(
    IReadOnlyList<string> Experiments,
    IReadOnlyList<string> Libraries,
    int N,
    long Seed,
    int PerfRounds,
    bool NoPerf,
    bool CiMode,
    string? Notes);

public sealed record RunEnvironment(
    string Machine,
    string CpuModel,
    int Cores,
    string Os,
    string Dotnet,
    string Compiler,
    string? GitSha,
    bool? GitDirty,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    string? SlurmJobId = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    string? SlurmNode = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    string? SlurmPartition = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    string? SlurmConstraint = null);

/// <summary>One library of a run. <c>DataVersions</c>: the leap-second, EOP, ΔT and ephemeris data it used (null when the adapter declares no data_versions command).</summary>
public sealed record AdapterVersion(string Name, string Library, string Language, string Version,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? DataVersions = null);

public sealed record RunCompleteness(
    IReadOnlyList<string> Requested,
    IReadOnlyList<string> Completed,
    IReadOnlyList<FailedExperiment> Failed,
    bool Complete);

public sealed record FailedExperiment(string Experiment, string Reason);

public sealed record ResultEntry(string Experiment, string Library, string Role, string Outcome, string Parity, string File,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? CachedFromRun = null);

/// <summary>How the accuracy work ran (docs/engine.md): it may differ between runs whose results are byte-identical.</summary>
public sealed record RunEngine(int Jobs, IReadOnlyDictionary<string, string> Transport, bool ReferenceCache, int CacheHits);

/// <summary>Where the wall time went: inside adapter processes vs the lab's own work (generation, scoring, writing).</summary>
public sealed record RunTiming(double WallS, double AdapterCallsS, int AdapterCalls, double OverheadS);
