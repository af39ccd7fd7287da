using AstroBench.Core.Results;
using Microsoft.Extensions.Time.Testing;

namespace AstroBench.Core.Tests.Results;

public sealed class RunStagingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ab-staging-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void ALockThatExisted_IsTaken_EvenWhenItsHolderReleasedItSinceTheAttempt()
    {
        var lockPath = Path.Combine(_dir, "2026-12-04_21-03-35.lock");
        File.WriteAllText(lockPath, "");
        var exists = Assert.ThrowsAny<IOException>(() => new FileStream(lockPath, FileMode.CreateNew, FileAccess.Write, FileShare.None).Dispose());
        File.Delete(lockPath); // the holder published or found the id published, and let go

        Assert.True(RunStaging.IsTaken(exists, lockPath)); // the next suffix, not a failed run
        var missing = Assert.ThrowsAny<IOException>(() => new FileStream(Path.Combine(_dir, "no-such-folder", "x.lock"), FileMode.CreateNew).Dispose());
        Assert.False(RunStaging.IsTaken(missing, Path.Combine(_dir, "no-such-folder", "x.lock"))); // a real failure goes on up
    }

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
    public void TwoRunsInTheSameSecond_OnAFakeClock_TheSecondTakesTheSuffix()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 1, 2, 3, 100, TimeSpan.Zero));
        using var first = RunStaging.Reserve(_dir, clock);
        clock.Advance(TimeSpan.FromMilliseconds(800)); // still 01:02:03

        using var second = RunStaging.Reserve(_dir, clock);

        Assert.Equal("2026-11-29_01-02-03", first.RunId);
        Assert.Equal("2026-11-29_01-02-03-2", second.RunId);
        Assert.Equal(clock.GetUtcNow(), second.StartedUtc);
        Assert.True(Directory.Exists(first.StagingPath) && Directory.Exists(second.StagingPath));
        Assert.NotEqual(first.StagingPath, second.StagingPath);
    }

    [Fact]
    public void APublishedRun_KeepsItsSecondTaken_TheNextRunInThatSecondTakesTheNextSuffix()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 1, 2, 3, TimeSpan.Zero));
        var first = RunStaging.Reserve(_dir, clock);
        using var second = RunStaging.Reserve(_dir, clock);
        first.Publish();

        using var third = RunStaging.Reserve(_dir, clock);

        Assert.Equal("2026-11-29_01-02-03-3", third.RunId);
    }

    [Fact]
    public void RunIds_SortLexicographicallyInTheOrderTheyWereReserved()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 31, 23, 59, 58, TimeSpan.Zero));
        var ids = new List<string>();
        for (var second = 0; second < 3; second++) // crosses a minute, hour, day and year boundary
        {
            for (var i = 0; i < 9; i++) // the documented suffixes -2 … -9
            {
                ids.Add(RunStaging.Reserve(_dir, clock).RunId);
            }
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(27, ids.Distinct().Count());
        Assert.Equal(ids, ids.Order(StringComparer.Ordinal));
        Assert.Equal(["2026-12-31_23-59-58", "2026-12-31_23-59-58-2"], ids[..2]);
        Assert.Equal("2027-01-01_00-00-00-9", ids[^1]);
    }

    [Fact]
    public async Task ConcurrentReservations_InTheSameSecond_NeverShareAnId()
    {
        var t = new DateTimeOffset(2026, 11, 29, 1, 2, 3, TimeSpan.Zero);
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
