using System.Text.Json;
using AstroBench.Cli.Tests.Infrastructure;
using AstroBench.Core.Results;
using AstroBench.Core.Results.Model;
using AstroBench.Core.Testbeds;

namespace AstroBench.Cli.Tests.Run;

/// <summary><c>astrobench run --testbed NAME</c> (docs/history.md): the manifest's testbed carries the label inside its key.</summary>
[Collection(AdaptersCollection.Name)]
public sealed class RunTestbedTests : IDisposable
{
    private readonly TempLab _lab = new();

    public void Dispose() => _lab.Dispose();

    private Task<CliResult> Run(params string[] args) =>
        CliProcess.RunAsync(_lab.Dir, ["run", "--adapters-dir", Repo.Adapters, "--libraries", "libnova", "--n", "10", "--no-perf", "--experiments", "kepler_solver", .. args]);

    private static Testbed TestbedOf(string run) =>
        JsonSerializer.Deserialize<RunManifest>(File.ReadAllText(Path.Combine(run, "manifest.json")), ResultJson.Options)!.Testbed!;

    [Fact]
    public async Task Label_IsRecorded_AndSeparatesTheKey()
    {
        Assert.Equal(0, (await Run("--testbed", "ci-runner")).ExitCode);
        Assert.Equal(0, (await Run()).ExitCode);

        var runs = _lab.Runs().Order(StringComparer.Ordinal).ToList();
        var labelled = TestbedOf(runs[0]);
        var plain = TestbedOf(runs[1]);
        Assert.Equal("ci-runner", labelled.Label);
        Assert.Null(plain.Label);
        Assert.Matches("^[0-9a-f]{16}$", labelled.Key);
        Assert.NotEqual(labelled.Key, plain.Key);
        Assert.Equal(Testbed.KeyOf(plain.CpuModel, plain.Cores, plain.Os, plain.Runtime, plain.Compiler, "ci-runner"), labelled.Key);
    }

    [Fact]
    public async Task BadLabel_ExitsWithBadInput_AndOneLine()
    {
        var result = await Run("--testbed", "../etc");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(result.Lines, l => l.StartsWith("error: --testbed must be", StringComparison.Ordinal));
        Assert.Empty(_lab.Runs());
    }
}
