using AstroBench.Core.Inputs;
using AstroBench.Core.Protocol;
using AstroBench.Core.Running;

namespace AstroBench.Core.Tests.Protocol;

/// <summary>Protocol 7 on the wire (docs/adapter-protocol.md, "Version 7"): <c>probe_ops</c> in the request, <c>probe_ns</c> in the answer.</summary>
public sealed class ProbeChunksWireTests
{
    private const string V4 = "ABP 1\nstatus ok\ntotal_ns 3000\nops 30\nsink 1\nclock_res_ns 1\nempty_loop_ns_per_op 2\nwarmup_ops 3\nvalues_ns 1000 1000 1000\n";

    [Fact]
    public async Task ARequestSaysProbeOps_OnlyWhenAsked()
    {
        var table = new EpochInputs().Generate(10, 1);
        var asked = new StringWriter();
        var plain = new StringWriter();

        await RequestWriter.WriteAsync(asked, AdapterRequest.Perf("obliquity", table, 1000, 100, values: 3, probeOps: 10000), default);
        await RequestWriter.WriteAsync(plain, AdapterRequest.Perf("obliquity", table, 1000, 100, values: 3), default);

        Assert.Contains("\nvalues 3\nprobe_ops 10000\ncases 10\n", asked.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("probe", plain.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAnswerCarriesItsChunks_AndOneWithoutThemHasNone()
    {
        var v7 = await ResponseReader.ReadAsync(new StringReader(V4 + "probe_ns 200000 210000 300000 205000\nend\n"), AdapterMode.Perf, 0, 0, default);
        var v4 = await ResponseReader.ReadAsync(new StringReader(V4 + "end\n"), AdapterMode.Perf, 0, 0, default);

        Assert.Equal([200000, 210000, 300000, 205000], v7.Perf!.ProbeNs!);
        Assert.Null(PerfMeasurer.MissingProbes(10000, v7.Perf));
        Assert.Null(v4.Perf!.ProbeNs);
        Assert.Null(PerfMeasurer.MissingProbes(null, v4.Perf)); // none asked: none needed
    }

    [Fact]
    public async Task AnAnswerWithTheWrongCountOfChunks_IsRefused()
    {
        var few = await ResponseReader.ReadAsync(new StringReader(V4 + "probe_ns 200000 210000 300000\nend\n"), AdapterMode.Perf, 0, 0, default);
        var none = await ResponseReader.ReadAsync(new StringReader(V4 + "end\n"), AdapterMode.Perf, 0, 0, default);

        Assert.Equal("protocol 7 perf answer with 3 probe_ns for 3 values (expected 4)", PerfMeasurer.MissingProbes(10000, few.Perf!));
        Assert.Equal("protocol 7 perf answer with 0 probe_ns for 3 values (expected 4)", PerfMeasurer.MissingProbes(10000, none.Perf!));
    }

    [Theory]
    [InlineData("probe_ns 200000 -3 1 1")]
    [InlineData("probe_ns 2e5 1 1 1")]
    [InlineData("probe_ns ")]
    public async Task AMalformedChunk_IsAProtocolError(string line)
    {
        var error = await Assert.ThrowsAsync<ProtocolException>(() => ResponseReader.ReadAsync(new StringReader(V4 + line + "\nend\n"), AdapterMode.Perf, 0, 0, default));
        Assert.Contains("probe_ns", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheRoundSample_IsTheMedianOfTheKeptValues_NetOfTheLoop()
    {
        var perf = new PerfMeasurement(6000, 30, 0, 1, EmptyLoopNsPerOp: 2, ValuesNs: [1000, 3000, 2000]); // 100, 300, 200 ns/op

        Assert.Equal(200 - 2, perf.RoundNsPerOp);
        Assert.Equal(100 - 2, perf.RoundNsPerOpOf([true, false, false]));
        Assert.Equal(150 - 2, perf.RoundNsPerOpOf([true, false, true]));
    }
}
