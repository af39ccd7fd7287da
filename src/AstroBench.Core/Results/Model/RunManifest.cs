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
    Testbed? Testbed = null)
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
    bool? GitDirty);

public sealed record AdapterVersion(string Name, string Library, string Language, string Version);

public sealed record RunCompleteness(
    IReadOnlyList<string> Requested,
    IReadOnlyList<string> Completed,
    IReadOnlyList<FailedExperiment> Failed,
    bool Complete);

public sealed record FailedExperiment(string Experiment, string Reason);

public sealed record ResultEntry(string Experiment, string Library, string Role, string Outcome, string Parity, string File);

/// <summary>Where the wall time went: inside adapter processes vs the lab's own work (generation, scoring, writing).</summary>
public sealed record RunTiming(double WallS, double AdapterCallsS, int AdapterCalls, double OverheadS);
