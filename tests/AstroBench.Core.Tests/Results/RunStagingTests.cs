using AstroBench.Core.Results;

namespace AstroBench.Core.Tests.Results;

public sealed class RunStagingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ab-staging-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Reserve_UsesUtcTimestamp_AndSuffixOnlyWhenTaken()
    {
        var t = new DateTimeOffset(2026, 11, 29, 1, 2, 3, TimeSpan.FromHours(5));
        using var a = RunStaging.Reserve(_dir, t);
        using var b = RunStaging.Reserve(_dir, t);

        Assert.Equal("2026-11-28_20-02-03", a.RunId);
        Assert.Equal("2026-11-28_20-02-03-2", b.RunId);
        Assert.True(RunIds.IsValid(a.RunId) && RunIds.IsValid(b.RunId));
    }

    [Fact]
    public async Task ConcurrentReservations_InTheSameSecond_NeverShareAnId()
    {
        var t = DateTimeOffset.UtcNow;
        var stagings = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Task.Run(() => RunStaging.Reserve(_dir, t))));

        Assert.Equal(40, stagings.Select(s => s.RunId).Distinct().Count());
        foreach (var s in stagings)
        {
            s.Publish();
        }
        Assert.Equal(40, Directory.GetDirectories(_dir).Count(d => RunIds.IsValid(Path.GetFileName(d))));
    }

    [Fact]
    public void Publish_MovesTheWholeFolder_AndReleasesTheReservation()
    {
        var s = RunStaging.Reserve(_dir, DateTimeOffset.UtcNow);
        File.WriteAllText(Path.Combine(s.StagingPath, "manifest.json"), "{}");

        s.Publish();

        Assert.True(File.Exists(Path.Combine(s.FinalPath, "manifest.json")));
        Assert.False(Directory.Exists(s.StagingPath));
        Assert.Empty(Directory.GetFiles(Path.Combine(_dir, RunIds.StagingFolder)));
    }

    [Fact]
    public void Abandon_LeavesNothing()
    {
        var s = RunStaging.Reserve(_dir, DateTimeOffset.UtcNow);
        File.WriteAllText(Path.Combine(s.StagingPath, "partial.json"), "{");

        s.Dispose();

        Assert.False(Directory.Exists(s.FinalPath));
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(_dir, RunIds.StagingFolder)));
    }

    [Fact]
    public void ExistingPublishedRun_IsNeverReused_AfterItsLockIsGone()
    {
        var t = DateTimeOffset.UtcNow;
        var first = RunStaging.Reserve(_dir, t);
        first.Publish();

        using var second = RunStaging.Reserve(_dir, t);

        Assert.NotEqual(first.RunId, second.RunId);
    }
}
