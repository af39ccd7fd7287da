using AstroBench.Core.Protocol;

namespace AstroBench.Core.Tests.Protocol;

/// <summary>The warm-up bound of <c>warmup auto</c> (docs/adapter-protocol.md, "Version 3"; docs/engine.md, "Steady-state warm-up").</summary>
public sealed class WarmupRuleTests
{
    [Theory]
    [InlineData(1L, 1L, 1L)]         // one chunk of one op: at least one chunk
    [InlineData(3L, 1L, 1L)]         // half of 3 is 1 chunk
    [InlineData(4L, 1L, 2L)]         // half a value: 2 chunks of one op
    [InlineData(19L, 1L, 9L)]
    [InlineData(20L, 1L, 10L)]       // ten chunks, also half a value
    [InlineData(40L, 2L, 20L)]
    [InlineData(1_000L, 50L, 500L)]
    [InlineData(1_001L, 51L, 459L)]  // ⌈1001 / 20⌉ = 51, and ten of them would be more than half a value: ⌊1001 / 102⌋ = 9
    [InlineData(50_000L, 2_500L, 25_000L)]
    public void TheBound_IsAtMostTenChunks_AndHalfAValue_AndAtLeastOneChunk(long ops, long chunk, long max)
    {
        Assert.Equal(chunk, WarmupRule.ChunkOps(ops));
        Assert.Equal(max, WarmupRule.MaxOps(ops));
    }

    [Fact]
    public void AnAnswerAboveTheBound_IsNamed_AndOneWithinItOrWithoutAFigurePasses()
    {
        static PerfMeasurement Answer(long? warmup) => new(TotalNs: 400, Ops: 4, Sink: 0, ClockResNs: 1, WarmupOps: warmup);

        Assert.Contains("warmup_ops 10, above the warm-up bound of 2 for a value of 4 ops", WarmupRule.Check(Answer(10), 4), StringComparison.Ordinal);
        Assert.Null(WarmupRule.Check(Answer(2), 4));
        Assert.Null(WarmupRule.Check(Answer(null), 4));
    }
}
