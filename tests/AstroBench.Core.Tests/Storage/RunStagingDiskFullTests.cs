using AstroBench.Core.Results;
using AstroBench.Core.Storage;

namespace AstroBench.Core.Tests.Storage;

/// <summary>A reservation that cannot create its staging folder (a file system out of inodes) leaves no lock behind.</summary>
public sealed class RunStagingDiskFullTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ab-staging-full-").FullName;
    private readonly TmpfsMount _disk;

    // Room for the root, .staging and the lock file, not for the staging folder itself.
    public RunStagingDiskFullTests() => _disk = TmpfsMount.Create(Path.Combine(_dir, "results"), 1024 * 1024, inodes: 3);

    public void Dispose()
    {
        _disk.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void Reserve_OnAFullFileSystem_ThrowsDiskFull_AndReleasesTheId()
    {
        var error = Assert.ThrowsAny<IOException>(() => RunStaging.Reserve(_disk.Path, DateTimeOffset.UtcNow));

        Assert.True(DiskFull.Is(error), error.Message);
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(_disk.Path, RunIds.StagingFolder)));
    }
}
