using AstroBench.Cli.Tests.Infrastructure;
using AstroBench.Core.Adapters;
using AstroBench.Core.Experiments;
using AstroBench.Core.Protocol;

namespace AstroBench.Cli.Tests.Adapters;

/// <summary>
/// adapters/common/abp.py ends a process right after its answer, without the interpreter's shutdown (docs/engine.md,
/// "Fewer processes for interpreted runtimes": astropy's took 0.15 s per timing process, during which the lab waits).
/// The shutdown's mark is an atexit handler that never runs; the answer is complete and the exit code 0 all the same.
/// </summary>
[Collection(AdaptersCollection.Name)]
public sealed class PythonExitTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("astrobench-pyexit-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Marker => Path.Combine(_dir, "pyexit", "shutdown.ran");

    private AdapterInfo Adapter()
    {
        var folder = Path.Combine(_dir, "pyexit");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "adapter.py"), $$"""
            import atexit, os, sys
            sys.path.insert(0, {{System.Text.Json.JsonSerializer.Serialize(Path.Combine(Repo.Adapters, "common"))}})
            import abp
            atexit.register(lambda: open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "shutdown.ran"), "w").close())
            class Gmst:
                columns = 2
                def accuracy(self, cols):
                    return abp.np.stack([cols[0], cols[1]], axis=1)
                def run(self, args):
                    return args
            sys.exit(abp.main(sys.argv, "pyexit 1", {"gmst_era": Gmst()}, lambda name: 2, lambda e, rows, w: [tuple(r) for r in rows]))
            """);
        File.WriteAllText(Path.Combine(folder, "adapter.json"), """
            { "name": "pyexit", "protocol": [1, 3, 4], "language": "python", "library": "none", "license": "MIT",
              "run": ["/usr/bin/python3", "-I", "adapter.py"], "version": ["/usr/bin/python3", "-I", "adapter.py", "--version"],
              "experiments": { "gmst_era": { "model": "echo", "role": "candidate", "parity": "model-parity", "conventions": "none" } } }
            """);
        return AdapterRegistry.Load([_dir]).Find("pyexit")!;
    }

    [Fact]
    public async Task PerfAndAccuracyAnswers_EndTheProcessWithoutTheInterpretersShutdown()
    {
        var adapter = Adapter();
        var inputs = ExperimentCatalog.Find("gmst_era")!.Generator.Generate(8, 1);
        var runner = new AdapterProcessRunner(TimeSpan.FromSeconds(60));

        var perf = await runner.CallAsync(adapter, AdapterRequest.Perf("gmst_era", inputs, 16, 2, true, 3), 0, default);
        var perfShutdown = File.Exists(Marker);
        var accuracy = await runner.CallAsync(adapter, AdapterRequest.Accuracy("gmst_era", inputs), 2, default);

        Assert.True(perf.Outcome == CallOutcome.Completed, perf.Detail);
        Assert.Equal(3, perf.Perf!.ValuesNs!.Count);
        Assert.True(accuracy.Outcome == CallOutcome.Completed, accuracy.Detail);
        Assert.Equal(inputs.Rows * 2, accuracy.Outputs!.Length);
        Assert.False(perfShutdown, "the perf process ran the interpreter's shutdown (atexit)");
        Assert.False(File.Exists(Marker), "the accuracy process ran the interpreter's shutdown (atexit)");
    }
}
