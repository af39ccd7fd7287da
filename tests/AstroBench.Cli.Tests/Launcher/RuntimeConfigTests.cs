using System.Text.Json;
using AstroBench.Cli.Tests.Infrastructure;

namespace AstroBench.Cli.Tests.Launcher;

/// <summary>
/// The memory settings of the CLI's runtimeconfig (docs/engine.md, "Memory at n = 100,000") are in the build, the
/// runtime honours them in a running orchestrator, and they stay out of the adapters' environment (a runtimeconfig
/// knob, never a DOTNET_ variable an adapter such as erfa-dotnet would inherit).
/// </summary>
[Collection(AdaptersCollection.Name)]
public sealed class RuntimeConfigTests : IDisposable
{
    private readonly TempLab _lab = new();
    private readonly string _marker = "ABTEST_" + Guid.NewGuid().ToString("N");

    public void Dispose()
    {
        ProcessTable.KillMarked(_marker);
        _lab.Dispose();
    }

    [Fact]
    public void RuntimeConfig_HasTheMemorySettings()
    {
        var path = Path.ChangeExtension(Repo.AstroBench, ".runtimeconfig.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var props = doc.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");
        Assert.Equal(9, props.GetProperty("System.GC.ConserveMemory").GetInt32());
        Assert.Equal(1 << 20, props.GetProperty("System.GC.Gen0MaxBudget").GetInt32());
        Assert.False(props.GetProperty("System.Runtime.EnableWriteXorExecute").GetBoolean());
    }

    /// <summary>The GC's own view in the orchestrator (with ASTROBENCH_TEST_ORCHESTRATOR: astrobench-run, whose knobs ILCompiler embeds).</summary>
    [Fact]
    public async Task Orchestrator_GcHonoursTheMemorySettings()
    {
        using var run = CliProcess.Start(_lab.Dir, ["run", "--help"], new Dictionary<string, string> { ["ASTROBENCH_TRACE"] = "1" });
        var result = await run.WaitAsync();

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("gc ConserveMemory=9 Gen0MaxBudget=1048576", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunningOrchestrator_HasNoDoubleMappedCode_AndAdaptersInheritNoRuntimeSetting()
    {
        var gates = Directory.CreateDirectory(Path.Combine(_lab.Dir, "gates")).FullName;
        using var run = CliProcess.Start(_lab.Dir,
            ["run", "--adapters-dir", Repo.Adapters, "--adapters-dir", Repo.Fixtures, "--experiments", "gmst_era",
             "--libraries", "gate", "--n", "50", "--no-perf", "--no-cache"],
            new Dictionary<string, string> { ["ASTROBENCH_GATE_DIR"] = gates, [_marker] = "1" });
        await Eventually.True(() => File.Exists(Path.Combine(gates, "gmst_era.waiting")), "the gate adapter is held in gmst_era");

        // With W^X on, the runtime maps its code twice through a memfd named "doublemapper".
        Assert.DoesNotContain("doublemapper", File.ReadAllText($"/proc/{run.Pid}/maps"), StringComparison.Ordinal);
        var adapters = ProcessTable.WithEnvironmentMarker(_marker).Where(pid => pid != run.Pid).ToList();
        Assert.NotEmpty(adapters);
        foreach (var pid in adapters)
        {
            string environ;
            try
            {
                environ = File.ReadAllText($"/proc/{pid}/environ");
            }
            catch (IOException)
            {
                continue; // a short-lived helper of the gate's shell ended meanwhile
            }
            Assert.DoesNotContain("EnableWriteXorExecute", environ, StringComparison.Ordinal);
            Assert.DoesNotContain("Gen0MaxBudget", environ, StringComparison.Ordinal);
        }

        File.WriteAllText(Path.Combine(gates, "gmst_era.open"), "");
        var result = await run.WaitAsync(Eventually.DefaultBound);
        Assert.Equal(0, result.ExitCode);
    }
}
