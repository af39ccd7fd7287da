using AstroBench.Cli.Tests.Infrastructure;
using AstroBench.Core.Orchestration;
using AstroBench.Core.Results.Checkpoints;

namespace AstroBench.Cli.Tests.Run;

/// <summary>
/// A lab for pause tests: a run of gmst_era and kepler_solver over erfa (reference), libnova and the gate
/// fixture, whose calls are held until the test opens a gate, so a signal is sent at a known point.
/// The gate library runs in the uninterrupted run too (its gate open), so both runs have the same libraries.
/// With <c>native</c>, the gate fixture is declared C: every library is native code, so an experiment that is not the
/// last is timed in two parts (docs/engine.md, "Timing in two parts").
/// </summary>
internal sealed class PausedLab : IDisposable
{
    public const string Experiments = "gmst_era,kepler_solver";

    private static readonly string[] NoPerf = ["--no-perf"];
    private static readonly string[] ThreeRounds = ["--perf-rounds", "3"];
    private readonly TempLab _lab = new();

    private readonly bool _native;

    public PausedLab(string marker, bool native = false)
    {
        Marker = marker;
        Gates = Directory.CreateDirectory(Path.Combine(_lab.Dir, "gates")).FullName;
        _native = native;
        if (native)
        {
            var dir = Directory.CreateDirectory(Path.Combine(_lab.Dir, "native", "cgate")).FullName;
            var script = Path.Combine(Repo.Fixtures, "gate", "adapter.sh");
            File.WriteAllText(Path.Combine(dir, "adapter.json"), File.ReadAllText(Path.Combine(Repo.Fixtures, "gate", "adapter.json"))
                .Replace("\"name\": \"gate\"", "\"name\": \"cgate\"", StringComparison.Ordinal)
                .Replace("\"language\": \"sh\"", "\"language\": \"c\"", StringComparison.Ordinal)
                .Replace("\"adapter.sh\"", System.Text.Json.JsonSerializer.Serialize(script), StringComparison.Ordinal));
        }
    }

    public string Marker { get; }
    public string Gates { get; }
    public string Dir => _lab.Dir;
    public string Results => _lab.Results;
    public string Log => Path.Combine(_lab.Dir, "run.log");
    public string ExitRecordPath => Path.Combine(_lab.Dir, "exit.json");

    public string[] Runs() => _lab.Runs();

    public CliProcess Start(bool noPerf) =>
        Cli(["run", "--adapters-dir", Repo.Adapters, "--adapters-dir", _native ? Path.Combine(_lab.Dir, "native") : Repo.Fixtures,
             "--experiments", Experiments, "--libraries", _native ? "libnova,cgate" : "libnova,gate", "--n", "40", .. noPerf ? NoPerf : ThreeRounds]);

    public CliProcess Resume(string checkpoint) => Cli(["run", "--resume", checkpoint]);

    public CliProcess Cli(string[] args) =>
        CliProcess.Start(_lab.Dir, [.. args, "--log-file", Log, "--exit-record", ExitRecordPath],
            new Dictionary<string, string> { ["ASTROBENCH_GATE_DIR"] = Gates, [Marker] = "1" });

    public void Open(string gate) => File.WriteAllText(Path.Combine(Gates, gate + ".open"), "");

    public Task Held(string experiment) =>
        Eventually.True(() => File.Exists(Path.Combine(Gates, experiment + ".waiting")), $"the gate adapter is held in {experiment}");

    public Task Logged(string text) =>
        Eventually.True(() => File.Exists(Log) && File.ReadAllText(Log).Contains(text, StringComparison.Ordinal), $"the log says '{text}'");

    public ExitRecord? Exit() => ExitRecordFile.TryRead(ExitRecordPath);

    public Checkpoint Checkpoint(string dir) => CheckpointFile.Read(dir);

    public string[] StagingEntries() => Directory.GetFileSystemEntries(Path.Combine(Results, ".staging"));

    public void Dispose()
    {
        ProcessTable.KillMarked(Marker);
        _lab.Dispose();
    }
}
