using AstroBench.Core.Running;

namespace AstroBench.Core.Tests.Running;

/// <summary><see cref="AccuracyShards.Plan"/>: contiguous shards covering every case once, in case order, as even as possible, within the caps.</summary>
public sealed class AccuracyShardsTests
{
    [Theory]
    [InlineData(100_000, 2, 5_000, 4)]   // the n = 100,000 benchmark: two slots, two shards each
    [InlineData(100_000, 16, 5_000, 20)] // many slots: never below the smallest shard
    [InlineData(151, 2, 50, 3)]
    [InlineData(9_999, 2, 5_000, 1)]     // fewer than two smallest shards: one request
    [InlineData(100_000, 1, 5_000, 1)]   // one slot: nothing to share
    [InlineData(100_000, 4, 0, 1)]       // --shard-rows 0: never split
    [InlineData(1, 256, 1, 1)]
    public void Plan_CoversEveryCaseOnce_InOrder_EvenlyWithinTheCaps(int rows, int jobs, int minRows, int expected)
    {
        var shards = AccuracyShards.Plan(rows, jobs, minRows);

        Assert.Equal(expected, shards.Count);
        Assert.Equal(0, shards[0].First);
        for (var i = 1; i < shards.Count; i++)
        {
            Assert.Equal(shards[i - 1].End, shards[i].First);
            Assert.InRange(shards[i - 1].Count - shards[i].Count, 0, 1);
        }
        Assert.Equal(rows, shards[^1].End);
        Assert.All(shards, s => Assert.True(shards.Count == 1 || s.Count >= minRows, $"shard of {s.Count} cases"));
    }

    [Fact]
    public void Plan_GivesTheRemainderToTheFirstShards()
    {
        Assert.Equal([new CaseRange(0, 51), new CaseRange(51, 50), new CaseRange(101, 50)], AccuracyShards.Plan(151, 2, 50));
    }

    [Theory]
    [InlineData("c", 5_000, 500)]      // C adapters: a shard is one fork, so n = 1,000 splits across two cores
    [InlineData("c++", 5_000, 500)]
    [InlineData("c", 20, 20)]          // a smaller --shard-rows still wins
    [InlineData("c", 0, 0)]            // --shard-rows 0: never split, natives included
    [InlineData("python", 5_000, 5_000)]
    [InlineData("csharp", 5_000, 5_000)]
    public void MinRowsFor_LowersTheFloorForNativeAdaptersOnly(string language, int shardRows, int expected)
    {
        Assert.Equal(expected, AccuracyShards.MinRowsFor(language, shardRows));
    }

    [Fact]
    public void ANativeAdaptersThousandCases_AreSplitAcrossTwoJobs()
    {
        var shards = AccuracyShards.Plan(1_000, 2, AccuracyShards.MinRowsFor("c", AccuracyShards.DefaultMinRows));

        Assert.Equal([new CaseRange(0, 500), new CaseRange(500, 500)], shards);
    }
}
