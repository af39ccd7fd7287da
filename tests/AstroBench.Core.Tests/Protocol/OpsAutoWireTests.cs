using AstroBench.Core.Inputs;
using AstroBench.Core.Protocol;

namespace AstroBench.Core.Tests.Protocol;

/// <summary>Protocol 5 on the wire (docs/adapter-protocol.md, "Version 5"): the <c>ops auto</c> request and the pilot fields of its answer.</summary>
public sealed class OpsAutoWireTests
{
    [Fact]
    public async Task OpsAutoRequest_SaysAutoAndItsTargets_InsteadOfACount()
    {
        var table = new EpochInputs().Generate(10, 1);
        var auto = new StringWriter();
        var counted = new StringWriter();

        await RequestWriter.WriteAsync(auto, AdapterRequest.Perf("solar_position", table, 1, 0, warmupAuto: true, values: 5, new PerfAuto(10_000_000, 20_000_000)), default);
        await RequestWriter.WriteAsync(counted, AdapterRequest.Perf("solar_position", table, 1000, 100, warmupAuto: true, values: 5), default);

        Assert.Contains("\nops auto\npilot_target_ns 10000000\nvalue_target_ns 20000000\nwarmup auto\nvalues 5\ncases 10\n", auto.ToString(), StringComparison.Ordinal);
        Assert.Contains("\nops 1000\nwarmup auto\nvalues 5\n", counted.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("pilot", counted.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Protocol5Answer_CarriesItsPilot_AndAnOlderOneDoesNot()
    {
        const string Common = "ABP 1\nstatus ok\ntotal_ns 3000\nops 30\nsink 1\nclock_res_ns 1\nempty_loop_ns_per_op 2\nwarmup_ops 3\nwarmup_steady 1\nvalues_ns 1000 1000 1000\n";
        var v5 = await ResponseReader.ReadAsync(new StringReader(Common + "pilot_ops 64\npilot_ns 10500000\nend\n"), AdapterMode.Perf, 0, 0, default);
        var v4 = await ResponseReader.ReadAsync(new StringReader(Common + "end\n"), AdapterMode.Perf, 0, 0, default);

        Assert.Equal(64, v5.Perf!.PilotOps);
        Assert.Equal(10_500_000, v5.Perf.PilotNs);
        Assert.Null(v4.Perf!.PilotOps);
        Assert.Null(v4.Perf.PilotNs);
    }

    [Theory]
    [InlineData("pilot_ops -4")]
    [InlineData("pilot_ns 1e7")]
    public async Task MalformedPilotField_IsAProtocolError(string line)
    {
        var text = "ABP 1\nstatus ok\ntotal_ns 3000\nops 30\nsink 1\nclock_res_ns 1\n" + line + "\nend\n";

        await Assert.ThrowsAsync<ProtocolException>(() => ResponseReader.ReadAsync(new StringReader(text), AdapterMode.Perf, 0, 0, default));
    }
}
