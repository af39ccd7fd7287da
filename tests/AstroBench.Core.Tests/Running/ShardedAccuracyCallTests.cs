using AstroBench.Core.Protocol;
using AstroBench.Core.Running;

namespace AstroBench.Core.Tests.Running;

/// <summary>
/// <see cref="ShardedAccuracyCall.Join"/>: shards' results become the result one request would have given: outputs in case
/// order, durations summed; the first failed shard in case order decides a failure, named by shard and cases; a skip of
/// every shard is one skip with the adapter's own reason.
/// </summary>
public sealed class ShardedAccuracyCallTests
{
    private static readonly CaseRange[] Shards = [new(0, 2), new(2, 1), new(3, 1)];

    private static AdapterCallResult Ok(params double[] outputs) =>
        new(CallOutcome.Completed, null, outputs, 2, null, TimeSpan.FromSeconds(1), "");

    private static AdapterCallResult Failed(CallOutcome outcome, string detail) => AdapterCallResult.Failed(outcome, detail, TimeSpan.FromSeconds(2), "stderr of " + detail);

    [Fact]
    public void Completed_JoinsOutputsInCaseOrder_AndSumsTheDurations()
    {
        var joined = ShardedAccuracyCall.Join([Ok(1, 2, 3, 4), Ok(5, 6), Ok(7, 8)], Shards, new double[8], 2);

        Assert.Equal(CallOutcome.Completed, joined.Outcome);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8], joined.Outputs!);
        Assert.Equal(2, joined.OutputColumns);
        Assert.Equal(TimeSpan.FromSeconds(3), joined.Elapsed);
    }

    [Fact]
    public void ShardAnsweredIntoTheJoinedArray_IsLeftInPlace()
    {
        var joined = new double[8];
        new double[] { 3, 4 }.CopyTo(joined, 4);
        var inPlace = new AdapterCallResult(CallOutcome.Completed, null, joined, 2, null, TimeSpan.FromSeconds(1), "");

        var result = ShardedAccuracyCall.Join([Ok(1, 2, 3, 4), inPlace, Ok(7, 8)], Shards, joined, 2);

        Assert.Same(joined, result.Outputs);
        Assert.Equal([1, 2, 3, 4, 3, 4, 7, 8], joined);
    }

    [Fact]
    public void Failure_IsTheFirstFailedShardInCaseOrder_NamedByShardAndCases()
    {
        // Shard 3 stopped because shard 2 failed (whichever ended first): shard 2's failure is the result.
        var joined = ShardedAccuracyCall.Join(
            [Ok(1, 2, 3, 4), Failed(CallOutcome.NonZeroExit, "exit code 3"), Failed(CallOutcome.Cancelled, "stopped: an earlier shard failed")],
            Shards, new double[8], 2);

        Assert.Equal(CallOutcome.NonZeroExit, joined.Outcome);
        Assert.Equal("shard 2 of 3 (cases 2–2): exit code 3", joined.Detail);
        Assert.Equal("stderr of exit code 3", joined.Stderr);
        Assert.Null(joined.Outputs);
        Assert.Equal(TimeSpan.FromSeconds(5), joined.Elapsed);
    }

    [Fact]
    public void SkipOfEveryShard_IsOneSkip_WithTheAdaptersReason()
    {
        var skip = AdapterCallResult.Failed(CallOutcome.Skipped, "no ephemeris for Pluto", TimeSpan.FromSeconds(1));

        var joined = ShardedAccuracyCall.Join([skip, skip, skip], Shards, new double[8], 2);

        Assert.Equal(CallOutcome.Skipped, joined.Outcome);
        Assert.Equal("no ephemeris for Pluto", joined.Detail);
    }

    [Fact]
    public void SkipOfSomeShards_IsInvalidOutput_AndAFailureWinsOverASkip()
    {
        var skip = AdapterCallResult.Failed(CallOutcome.Skipped, "out of range", TimeSpan.FromSeconds(1));

        var mixed = ShardedAccuracyCall.Join([Ok(1, 2, 3, 4), skip, Ok(7, 8)], Shards, new double[8], 2);
        var failed = ShardedAccuracyCall.Join([skip, Failed(CallOutcome.TimedOut, "no output for 120 s"), Ok(7, 8)], Shards, new double[8], 2);

        Assert.Equal(CallOutcome.InvalidOutput, mixed.Outcome);
        Assert.Equal("shard 2 of 3 (cases 2–2) was skipped (out of range) but other cases were answered", mixed.Detail);
        Assert.Equal(CallOutcome.TimedOut, failed.Outcome);
        Assert.StartsWith("shard 2 of 3", failed.Detail, StringComparison.Ordinal);
    }
}
