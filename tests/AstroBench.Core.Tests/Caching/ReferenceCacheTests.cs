using AstroBench.Core.Caching;

namespace AstroBench.Core.Tests.Caching;

public sealed class ReferenceCacheTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ab-cache-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static ReferenceCacheEntry Entry(string run, int rows = 2, int columns = 2) =>
        new(ReferenceCacheEntry.SchemaId, "gmst_era", "sha256:data", "erfa", "erfa-adapter 1.0.0", "sha256:build", rows, columns, run, "");

    private static string Key(string build = "sha256:build") => ReferenceCacheKey.Compute("gmst_era", "sha256:data", "erfa", "erfa-adapter 1.0.0", build, 2);

    [Fact]
    public void StagedEntry_IsAMiss_UntilItsRunCommits_ThenAHitNamingThatRun()
    {
        var cache = new ReferenceCache(_root, ReferenceCache.DefaultMaxBytes);
        double[] outputs = [1.5, -0.0, double.NaN, double.Epsilon];
        cache.Stage("run-a", Entry("run-a"), Key(), outputs);

        Assert.Null(cache.TryGet(Key(), 2, 2));
        cache.Commit("run-a");

        var hit = cache.TryGet(Key(), 2, 2);
        Assert.NotNull(hit);
        Assert.Equal("run-a", hit.SourceRun);
        Assert.Equal(outputs.Select(BitConverter.DoubleToInt64Bits), hit.Outputs.Select(BitConverter.DoubleToInt64Bits));
        Assert.False(Directory.Exists(Path.Combine(_root, ".pending", "run-a")));
    }

    [Fact]
    public void DiscardedRun_LeavesNoEntry()
    {
        var cache = new ReferenceCache(_root, ReferenceCache.DefaultMaxBytes);
        cache.Stage("run-a", Entry("run-a"), Key(), [1, 2, 3, 4]);
        cache.Discard("run-a");
        cache.Commit("run-a");

        Assert.Null(cache.TryGet(Key(), 2, 2));
    }

    [Fact]
    public void AnotherBuild_HasAnotherKey() => Assert.NotEqual(Key(), Key("sha256:rebuilt"));

    [Fact]
    public void WrongShape_OrDamagedOutputs_AreMisses()
    {
        var cache = new ReferenceCache(_root, ReferenceCache.DefaultMaxBytes);
        cache.Stage("run-a", Entry("run-a"), Key(), [1, 2, 3, 4]);
        cache.Commit("run-a");
        Assert.Null(cache.TryGet(Key(), 4, 1));

        var outputs = Path.Combine(_root, Key(), "outputs.bin");
        var bytes = File.ReadAllBytes(outputs);
        bytes[3] ^= 1;
        File.WriteAllBytes(outputs, bytes);
        Assert.Null(cache.TryGet(Key(), 2, 2));
    }

    [Fact]
    public void Commit_EvictsTheLeastRecentlyUsedEntries_BeyondTheBound()
    {
        // Each entry: 32 bytes of outputs plus its entry.json; the bound holds three of them.
        var probe = new ReferenceCache(Path.Combine(_root, "probe"), long.MaxValue);
        probe.Stage("r-prob", Entry("r-prob"), "k", [1, 2, 3, 4]);
        probe.Commit("r-prob");
        var entryBytes = Directory.GetFiles(Path.Combine(_root, "probe", "k")).Sum(f => new FileInfo(f).Length);
        var cache = new ReferenceCache(Path.Combine(_root, "c"), 3 * entryBytes);

        foreach (var (key, age) in new[] { ("old", 3), ("used", 2), ("new", 1) })
        {
            // Run ids of one length: every entry.json has the probe's size.
            var run = ("r-" + key + "xxxx")[..6];
            cache.Stage(run, Entry(run), key, [1, 2, 3, 4]);
            cache.Commit(run);
            File.SetLastWriteTimeUtc(Path.Combine(cache.Root, key, "entry.json"), DateTime.UtcNow.AddHours(-age));
        }
        Assert.NotNull(cache.TryGet("old", 2, 2)); // a hit makes "old" the most recently used
        cache.Stage("r-last", Entry("r-last"), "last", [1, 2, 3, 4]);
        cache.Commit("r-last");

        Assert.Null(cache.TryGet("used", 2, 2));
        Assert.NotNull(cache.TryGet("old", 2, 2));
        Assert.NotNull(cache.TryGet("new", 2, 2));
        Assert.NotNull(cache.TryGet("last", 2, 2));
    }
}
