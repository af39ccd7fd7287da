using AstroBench.Core.Inputs;
using AstroBench.Core.Protocol;

namespace AstroBench.Core.Tests.Protocol;

/// <summary>Protocol 3 perf answers: the empty-loop cost and the warm-up done (docs/adapter-protocol.md).</summary>
public sealed class PerfAnswerTests
{
    private static Task<ResponseReader.Response> Read(string text) =>
        ResponseReader.ReadAsync(new StringReader(text), AdapterMode.Perf, 0, 0, default);

    [Fact]
    public async Task Protocol3Answer_CarriesLoopCostAndWarmup_AndThePerOpFigureIsRawMinusTheLoopCost()
    {
        var r = await Read("ABP 1\nstatus ok\ntotal_ns 1000000\nops 20000\nsink 3.5\nclock_res_ns 1\nempty_loop_ns_per_op 1.25\nwarmup_ops 3000\nwarmup_steady 1\nend\n");

        Assert.Equal(50, r.Perf!.NsPerOp);
        Assert.Equal(1.25, r.Perf.EmptyLoopNsPerOp);
        Assert.Equal(50 - 1.25, r.Perf.NetNsPerOp);
        Assert.Equal(3000, r.Perf.WarmupOps);
        Assert.True(r.Perf.WarmupSteady);
        Assert.Empty(r.Perf.MissingV3Fields(warmupAuto: true));
    }

    [Fact]
    public async Task Version1Answer_HasNoLoopCost_AndItsPerOpFigureIsTheRawOne()
    {
        var r = await Read("ABP 1\nstatus ok\ntotal_ns 1000000\nops 20000\nsink 3.5\nclock_res_ns 1\nend\n");

        Assert.Null(r.Perf!.EmptyLoopNsPerOp);
        Assert.Null(r.Perf.WarmupOps);
        Assert.Null(r.Perf.WarmupSteady);
        Assert.Equal(50, r.Perf.NetNsPerOp);
        Assert.Equal(["empty_loop_ns_per_op", "warmup_ops", "warmup_steady"], r.Perf.MissingV3Fields(warmupAuto: true));
        Assert.Equal(["empty_loop_ns_per_op", "warmup_ops"], r.Perf.MissingV3Fields(warmupAuto: false));
    }

    [Fact]
    public void LoopCostAboveTheRawFigure_GivesZero_NeverANegativeCost()
    {
        var perf = new PerfMeasurement(1000, 1000, 0, 1, EmptyLoopNsPerOp: 1.5);

        Assert.Equal(0, perf.NetNsPerOp);
    }

    [Theory]
    [InlineData("empty_loop_ns_per_op -1\n", "empty_loop_ns_per_op")]
    [InlineData("empty_loop_ns_per_op inf\n", "empty_loop_ns_per_op")]
    [InlineData("empty_loop_ns_per_op fast\n", "empty_loop_ns_per_op")]
    [InlineData("warmup_ops -5\n", "warmup_ops")]
    [InlineData("warmup_steady yes\n", "warmup_steady")]
    public async Task MalformedProtocol3Field_IsAProtocolError(string line, string field)
    {
        var ex = await Assert.ThrowsAsync<ProtocolException>(() => Read("ABP 1\nstatus ok\ntotal_ns 1000\nops 10\nsink 0\n" + line + "end\n"));

        Assert.Contains(field, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PerfRequest_SaysWarmupAuto_WhenAsked_AndTheFixedCountOtherwise()
    {
        var table = new EpochInputs().Generate(10, 1);
        var auto = new StringWriter();
        var fixedCount = new StringWriter();

        await RequestWriter.WriteAsync(auto, AdapterRequest.Perf("solar_position", table, 1000, 100, warmupAuto: true), default);
        await RequestWriter.WriteAsync(fixedCount, AdapterRequest.Perf("solar_position", table, 1000, 100), default);

        Assert.Contains("\nwarmup auto\n", auto.ToString(), StringComparison.Ordinal);
        Assert.Contains("\nwarmup 100\n", fixedCount.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Protocol4Answer_ListsItsValues_AndTheRoundFigureIsTheirMedianNetOfTheLoopCost()
    {
        var r = await Read("ABP 1\nstatus ok\ntotal_ns 7000\nops 30\nsink 1\nclock_res_ns 1\nempty_loop_ns_per_op 10\nwarmup_ops 5\nwarmup_steady 1\nvalues_ns 1000 4000 2000\nend\n");

        var perf = r.Perf!;
        Assert.Equal([1000L, 4000, 2000], perf.ValuesNs!);
        Assert.Equal(3, perf.ValueCount);
        Assert.Equal(10, perf.OpsPerValue);
        Assert.Equal([100.0, 400, 200], perf.RawValuesNsPerOp);
        Assert.Equal([90.0, 390, 190], perf.NetValuesNsPerOp);
        Assert.Equal(200, perf.RawRoundNsPerOp); // the median, not the mean (233.3)
        Assert.Equal(190, perf.RoundNsPerOp);
    }

    [Fact]
    public void WithoutValues_TheRoundFigureIsTheOneValue()
    {
        var perf = new PerfMeasurement(5000, 100, 0, 1, EmptyLoopNsPerOp: 2);

        Assert.Equal(48, perf.RoundNsPerOp);
        Assert.Equal([50.0], perf.RawValuesNsPerOp);
    }

    [Theory]
    [InlineData("values_ns 100 -3\n")]
    [InlineData("values_ns 100 0\n")]
    [InlineData("values_ns 1.5\n")]
    [InlineData("values_ns \n")]
    public async Task MalformedValues_AreAProtocolError(string line)
    {
        var ex = await Assert.ThrowsAsync<ProtocolException>(() => Read("ABP 1\nstatus ok\ntotal_ns 1000\nops 10\nsink 0\n" + line + "end\n"));

        Assert.Contains("values_ns", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PerfRequest_SaysValues_OnlyWhenAsked()
    {
        var table = new EpochInputs().Generate(10, 1);
        var v4 = new StringWriter();
        var v3 = new StringWriter();

        await RequestWriter.WriteAsync(v4, AdapterRequest.Perf("solar_position", table, 1000, 100, warmupAuto: true, values: 5), default);
        await RequestWriter.WriteAsync(v3, AdapterRequest.Perf("solar_position", table, 1000, 100, warmupAuto: true), default);

        Assert.Contains("\nwarmup auto\nvalues 5\n", v4.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("values", v3.ToString(), StringComparison.Ordinal);
    }
}
