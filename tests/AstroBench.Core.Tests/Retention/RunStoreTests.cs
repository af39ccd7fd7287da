using System.Formats.Tar;
using System.IO.Compression;
using AstroBench.Core.Results.Reading;
using AstroBench.Core.Retention;

namespace AstroBench.Core.Tests.Retention;

/// <summary>Pins, trash, archive and the sweep lock on real folders.</summary>
public sealed class RunStoreTests : IDisposable
{
    private readonly RetentionFolder _lab = new();

    public void Dispose() => _lab.Dispose();

    [Fact]
    public void Pins_AreMarkerFiles_InADotFolderTheReaderIgnores()
    {
        _lab.AddRun("2026-01-01_00-00-00");
        var pins = new RunPins(_lab.Results);

        Assert.True(pins.Pin("2026-01-01_00-00-00", DateTimeOffset.UnixEpoch));
        Assert.False(pins.Pin("2026-01-01_00-00-00", DateTimeOffset.UnixEpoch));

        Assert.True(pins.IsPinned("2026-01-01_00-00-00"));
        Assert.Equal(["2026-01-01_00-00-00"], pins.All());
        Assert.Equal(["2026-01-01_00-00-00"], new RunFolderReader(_lab.Results).ListRuns().Select(r => r.Id));
        Assert.True(pins.Unpin("2026-01-01_00-00-00"));
        Assert.False(pins.Unpin("2026-01-01_00-00-00"));
        Assert.Empty(pins.All());
    }

    [Fact]
    public void Pins_RefuseAnIdThatIsNotARunId() =>
        Assert.Throws<ArgumentException>(() => new RunPins(_lab.Results).Pin("../x", DateTimeOffset.UnixEpoch));

    [Fact]
    public void Trash_RenameTakesTheRunOutOfTheListingWhole_FinishPendingEmptiesIt()
    {
        _lab.AddRun("2026-01-01_00-00-00");
        _lab.AddRun("2026-01-02_00-00-00");
        var trash = new RunTrash(_lab.Results);

        var trashed = trash.MoveToTrash("2026-01-01_00-00-00");

        Assert.NotNull(trashed);
        Assert.Equal(["2026-01-02_00-00-00"], new RunFolderReader(_lab.Results).ListRuns().Select(r => r.Id));
        Assert.Single(trash.Pending());
        Assert.Null(trash.MoveToTrash("2026-01-01_00-00-00"));
        Assert.Equal(1, trash.FinishPending());
        Assert.Empty(trash.Pending());
    }

    [Fact]
    public void Archive_WritesAReadableTarGz_AndNoTempFile()
    {
        var dir = _lab.AddRun("2026-01-01_00-00-00", bytes: 4321);
        var archiveDir = Path.Combine(_lab.Root, "archive");

        var path = RunArchiver.Archive(dir, "2026-01-01_00-00-00", archiveDir);

        Assert.Equal(Path.Combine(archiveDir, "2026-01-01_00-00-00.tar.gz"), path);
        Assert.Equal([path], Directory.GetFiles(archiveDir));
        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        var entries = new Dictionary<string, long>(StringComparer.Ordinal);
        while (tar.GetNextEntry() is { } e)
        {
            entries[e.Name] = e.Length;
        }
        Assert.Equal(4321, entries["2026-01-01_00-00-00/gmst_era/erfa.json"]);
        Assert.True(entries.ContainsKey("2026-01-01_00-00-00/manifest.json"));
    }

    [Fact]
    public void SweepLock_IsExclusive_AndFreedOnDispose()
    {
        _lab.AddRun("2026-01-01_00-00-00");
        using (var first = SweepLock.TryAcquire(_lab.Results))
        {
            Assert.NotNull(first);
            Assert.Null(SweepLock.TryAcquire(_lab.Results));
            Assert.Null(new RetentionSweep(_lab.Results).TryRun(new RetentionRules(KeepLast: 1), new PinProtection(new RunPins(_lab.Results)), DateTimeOffset.UtcNow));
        }
        using var second = SweepLock.TryAcquire(_lab.Results);
        Assert.NotNull(second);
    }
}
