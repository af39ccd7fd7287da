using AstroBench.Cli.Tests.Infrastructure;
using AstroBench.Core.Adapters;
using AstroBench.Core.Experiments;
using AstroBench.Core.Protocol;
using AstroBench.Core.Running;

namespace AstroBench.Cli.Tests.Adapters;

/// <summary>
/// Protocol 7 (docs/adapter-protocol.md, "Version 7") with the real native adapters: every C and C++ adapter answers
/// <c>probe_ops</c> with one chunk before its first value and one after each, refuses an oversized chunk, and answers
/// without chunks when none are asked; <c>adapters check</c> fails an adapter that declares 7 and lists none. No timing
/// figure is asserted, only the shape of the answers.
/// </summary>
[Collection(AdaptersCollection.Name)]
public sealed class ProbeChunksTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("astrobench-probechunks-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("erfa")]
    [InlineData("libnova")]
    [InlineData("swisseph")]
    [InlineData("casacore")] // C++ through the same abp.c
    public async Task EveryNativeAdapter_ListsOneChunkMoreThanItsValues(string name)
    {
        var adapter = AdapterRegistry.Load([Repo.Adapters]).Find(name)!;
        var runner = new AdapterProcessRunner(TimeSpan.FromSeconds(60));
        var experiment = ExperimentCatalog.Find(adapter.Manifest.Experiments.Keys.Order(StringComparer.Ordinal).First())!;
        var inputs = experiment.Generator.Generate(8, 1);

        var asked = await runner.CallAsync(adapter, AdapterRequest.Perf(experiment.Id, inputs, 40, 0, warmupAuto: true, values: 3, probeOps: 1000), 0, default);
        var plain = await runner.CallAsync(adapter, AdapterRequest.Perf(experiment.Id, inputs, 40, 0, warmupAuto: true, values: 3), 0, default);
        var oversized = await runner.CallAsync(adapter, AdapterRequest.Perf(experiment.Id, inputs, 40, 0, warmupAuto: true, values: 3, probeOps: ProtocolConstants.MaxProbeOps + 1), 0, default);

        Assert.True(adapter.Available, adapter.UnavailableReason);
        Assert.True(adapter.Manifest.SpeaksV7);
        Assert.True(asked.Outcome == CallOutcome.Completed, asked.Detail);
        Assert.Equal(4, asked.Perf!.ProbeNs!.Count);
        Assert.Null(PerfMeasurer.MissingProbes(1000, asked.Perf));
        Assert.True(plain.Outcome == CallOutcome.Completed, plain.Detail);
        Assert.Null(plain.Perf!.ProbeNs);
        Assert.Equal(CallOutcome.InvalidOutput, oversized.Outcome);
        Assert.Contains("probe_ops must be 1 to 1000000", oversized.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdaptersCheck_Fails_ForAProtocol7AdapterWithoutChunks_AndPassesOneListingThem()
    {
        var broken = await CliProcess.RunAsync(Repo.Root, "adapters", "check", "--adapters-dir", Only("fixedperf", "[1, 3, 4, 7]"));
        var v7 = await CliProcess.RunAsync(Repo.Root, "adapters", "check", "--adapters-dir", Only("probed", null));

        Assert.Equal(1, broken.ExitCode);
        Assert.Contains(broken.Lines, l => l.Contains("gmst_era perf (protocol 7)", StringComparison.Ordinal)
            && l.Contains("0 probe_ns for 3 values (expected 4)", StringComparison.Ordinal));
        Assert.True(v7.ExitCode == 0, v7.All);
        Assert.Contains(v7.Lines, l => l.Contains("gmst_era perf (protocol 7): loop cost, warm-up, values and probe chunks reported", StringComparison.Ordinal));
    }

    private string Only(string fixture, string? protocol) => FixtureFolders.Only(_dir, fixture, protocol);
}
